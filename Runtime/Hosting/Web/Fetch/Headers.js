// Fetch's Headers: a header list (name/value byte strings, names kept lowercase since every output
// of the standard lowercases them), validated and normalized on the way in, iterated sorted and
// combined ("sort and combine"; set-cookie values stay separate). The only guard that changes
// behaviour here is 'immutable' (responses from fetch, Response.error/redirect): the browser-only
// forbidden request and response header names do not apply to a host that is its own client.
// Adds `web.Headers` and `web.headerSupport`, the glue's view: create(list, immutable), isHeaders,
// list(headers) (the [name, value] pairs; read them, never change them), immutable(headers), fill,
// get(headers, name), append (checked), asciiLower, asciiUpper, isToken.
(function (primordials, web) {
    'use strict';

    const {
        ArrayPrototypePush, ArrayPrototypeSort, FunctionPrototypeCall, Map, MapPrototypeGet,
        MapPrototypeHas, MapPrototypeSet, IteratorPrototype, ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf,
        ReflectDeleteProperty, StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeSlice, SymbolIterator,
        SymbolToStringTag, defineData,
    } = primordials;
    const { idl } = web;

    // ------------------------------------------------------------------ byte-string helpers

    // Header names are tokens (ASCII) and short, so a unit-by-unit rebuild is cheap; most are
    // already in the wanted case and come back as they are.
    function asciiCase(string, from, to, offset) {
        let i = 0;
        while (i < string.length) {
            const unit = StringPrototypeCharCodeAt(string, i);
            if (unit >= from && unit <= to)
                break;
            i++;
        }
        if (i === string.length)
            return string;
        let result = StringPrototypeSlice(string, 0, i);
        for (; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            result += StringFromCharCode(unit >= from && unit <= to ? unit + offset : unit);
        }
        return result;
    }

    function asciiLower(string) {
        return asciiCase(string, 0x41, 0x5A, 0x20);
    }

    function asciiUpper(string) {
        return asciiCase(string, 0x61, 0x7A, -0x20);
    }

    // RFC 9110 token: !#$%&'*+-.^_`|~, digits and letters.
    function isTokenUnit(unit) {
        return (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x30 && unit <= 0x39) ||
            unit === 0x21 || (unit >= 0x23 && unit <= 0x27) || unit === 0x2A || unit === 0x2B || unit === 0x2D ||
            unit === 0x2E || unit === 0x5E || unit === 0x5F || unit === 0x60 || unit === 0x7C || unit === 0x7E;
    }

    function isToken(string) {
        if (string.length === 0)
            return false;
        for (let i = 0; i < string.length; i++) {
            if (!isTokenUnit(StringPrototypeCharCodeAt(string, i)))
                return false;
        }
        return true;
    }

    function isHttpWhitespace(unit) {
        return unit === 0x20 || unit === 0x09 || unit === 0x0A || unit === 0x0D;
    }

    // Long inputs are quoted in part, so that an error message stays readable.
    function quote(string) {
        return string.length <= 64 ? `'${string}'` : `'${StringPrototypeSlice(string, 0, 64)}…' (${string.length} characters)`;
    }

    function checkName(value, context) {
        const name = idl.toByteString(value, context);
        if (!isToken(name))
            throw idl.typeError(context, `${quote(name)} is not a valid HTTP header name.`);
        return asciiLower(name);
    }

    // Normalizes (strips leading and trailing HTTP whitespace) and checks: no NUL, CR or LF inside.
    function checkValue(value, name, context) {
        const raw = idl.toByteString(value, context);
        let start = 0;
        let end = raw.length;
        while (start < end && isHttpWhitespace(StringPrototypeCharCodeAt(raw, start)))
            start++;
        while (end > start && isHttpWhitespace(StringPrototypeCharCodeAt(raw, end - 1)))
            end--;
        const normalized = start === 0 && end === raw.length ? raw : StringPrototypeSlice(raw, start, end);
        for (let i = 0; i < normalized.length; i++) {
            const unit = StringPrototypeCharCodeAt(normalized, i);
            if (unit === 0x00 || unit === 0x0A || unit === 0x0D)
                throw idl.typeError(context, `${quote(normalized)} is not a valid value for the HTTP header '${name}'.`);
        }
        return normalized;
    }

    // ------------------------------------------------------------------ header lists

    function indexOfName(list, name, from) {
        for (let i = from; i < list.length; i++) {
            if (list[i][0] === name)
                return i;
        }
        return -1;
    }

    function getValue(list, name) {
        let combined = null;
        for (let i = 0; i < list.length; i++) {
            if (list[i][0] === name)
                combined = combined === null ? list[i][1] : `${combined}, ${list[i][1]}`;
        }
        return combined;
    }

    function compareNames(a, b) {
        return a < b ? -1 : a > b ? 1 : 0;
    }

    // "Sort and combine": one [name, value] per name in code-unit order, values joined by ", ",
    // except set-cookie, whose values keep their own entries in list order.
    function sortAndCombine(list) {
        const combined = new Map();
        const names = [];
        for (let i = 0; i < list.length; i++) {
            const name = list[i][0];
            const value = list[i][1];
            if (!MapPrototypeHas(combined, name)) {
                ArrayPrototypePush(names, name);
                MapPrototypeSet(combined, name, value);
            } else if (name !== 'set-cookie') {
                MapPrototypeSet(combined, name, `${MapPrototypeGet(combined, name)}, ${value}`);
            }
        }
        ArrayPrototypeSort(names, compareNames);
        const pairs = [];
        for (let i = 0; i < names.length; i++) {
            const name = names[i];
            if (name === 'set-cookie') {
                for (let j = 0; j < list.length; j++) {
                    if (list[j][0] === name)
                        ArrayPrototypePush(pairs, [name, list[j][1]]);
                }
            } else {
                ArrayPrototypePush(pairs, [name, MapPrototypeGet(combined, name)]);
            }
        }
        return ObjectFreeze(pairs);
    }

    // The list without the entries named `name`, or the list itself when there are none.
    function without(list, name) {
        if (indexOfName(list, name, 0) === -1)
            return list;
        const kept = [];
        for (let i = 0; i < list.length; i++) {
            if (list[i][0] !== name)
                ArrayPrototypePush(kept, list[i]);
        }
        return kept;
    }

    // ------------------------------------------------------------------ Headers

    let stateOf;

    function checked(receiver, member) {
        const state = stateOf(receiver);
        if (state === undefined)
            throw idl.illegalInvocation(idl.method('Headers', member));
        return state;
    }

    function mutable(state, context) {
        if (state.immutable)
            throw idl.typeError(context, 'Headers are immutable.');
    }

    function changed(state) {
        state.sorted = null;
    }

    function sorted(state) {
        if (state.sorted === null)
            state.sorted = sortAndCombine(state.list);
        return state.sorted;
    }

    function appendChecked(state, name, value, context) {
        const lower = checkName(name, context);
        const normalized = checkValue(value, lower, context);
        mutable(state, context);
        ArrayPrototypePush(state.list, [lower, normalized]);
        changed(state);
    }

    // HeadersInit = sequence<sequence<ByteString>> or record<ByteString, ByteString>: an object
    // with an @@iterator is a sequence, any other object a record.
    function fill(state, init, context) {
        if (!idl.isObject(init))
            throw idl.typeError(context, 'The provided value is not of type \'(record<ByteString, ByteString> or sequence<sequence<ByteString>>)\'.');
        const method = init[SymbolIterator];
        if (method !== undefined && method !== null) {
            if (!idl.isCallable(method))
                throw idl.typeError(context, 'The object must have a callable @@iterator property.');
            const pairs = idl.iterate(init, method, context, (pair) => idl.toSequence(pair, context, (item) => idl.toByteString(item, context)));
            for (let i = 0; i < pairs.length; i++) {
                if (pairs[i].length !== 2)
                    throw idl.typeError(context, `The header pair at index ${i} has ${pairs[i].length} items; a pair is [name, value].`);
                appendChecked(state, pairs[i][0], pairs[i][1], context);
            }
            return;
        }
        const entries = idl.toRecord(init, context, (key) => idl.toByteString(key, context), (value) => idl.toByteString(value, context));
        for (let i = 0; i < entries.length; i++)
            appendChecked(state, entries[i][0], entries[i][1], context);
    }

    function newState() {
        return { __proto__: null, list: [], immutable: false, sorted: null };
    }

    let createIterator;

    class Headers {
        #state;

        constructor(init = undefined) {
            this.#state = newState();
            if (init !== undefined)
                fill(this.#state, init, idl.constructing('Headers'));
        }

        append(name, value) {
            const context = idl.method('Headers', 'append');
            const state = checked(this, 'append');
            idl.requireArguments(arguments.length, 2, context);
            appendChecked(state, name, value, context);
        }

        delete(name) {
            const context = idl.method('Headers', 'delete');
            const state = checked(this, 'delete');
            idl.requireArguments(arguments.length, 1, context);
            const lower = checkName(name, context);
            mutable(state, context);
            const kept = without(state.list, lower);
            if (kept !== state.list) {
                state.list = kept;
                changed(state);
            }
        }

        get(name) {
            const context = idl.method('Headers', 'get');
            const state = checked(this, 'get');
            idl.requireArguments(arguments.length, 1, context);
            return getValue(state.list, checkName(name, context));
        }

        getSetCookie() {
            const state = checked(this, 'getSetCookie');
            const values = [];
            for (let i = 0; i < state.list.length; i++) {
                if (state.list[i][0] === 'set-cookie')
                    ArrayPrototypePush(values, state.list[i][1]);
            }
            return values;
        }

        has(name) {
            const context = idl.method('Headers', 'has');
            const state = checked(this, 'has');
            idl.requireArguments(arguments.length, 1, context);
            return indexOfName(state.list, checkName(name, context), 0) !== -1;
        }

        set(name, value) {
            const context = idl.method('Headers', 'set');
            const state = checked(this, 'set');
            idl.requireArguments(arguments.length, 2, context);
            const lower = checkName(name, context);
            const normalized = checkValue(value, lower, context);
            mutable(state, context);
            const first = indexOfName(state.list, lower, 0);
            if (first === -1) {
                ArrayPrototypePush(state.list, [lower, normalized]);
            } else {
                // The first entry keeps its place; the others go.
                const kept = [];
                for (let i = 0; i < state.list.length; i++) {
                    if (i === first)
                        ArrayPrototypePush(kept, [lower, normalized]);
                    else if (state.list[i][0] !== lower)
                        ArrayPrototypePush(kept, state.list[i]);
                }
                state.list = kept;
            }
            changed(state);
        }

        // WebIDL's forEach for pair iterables: the list is re-read after each callback, which may
        // change it.
        forEach(callback, thisArg = undefined) {
            const context = idl.method('Headers', 'forEach');
            const state = checked(this, 'forEach');
            idl.requireArguments(arguments.length, 1, context);
            idl.callbackFunction(callback, idl.parameter(context, 1));
            for (let i = 0; i < sorted(state).length; i++) {
                const pair = sorted(state)[i];
                FunctionPrototypeCall(callback, thisArg, pair[1], pair[0], this);
            }
        }

        keys() {
            return createIterator(this, checked(this, 'keys'), 'key');
        }

        values() {
            return createIterator(this, checked(this, 'values'), 'value');
        }

        entries() {
            return createIterator(this, checked(this, 'entries'), 'key+value');
        }

        static {
            stateOf = (value) => (idl.isObject(value) && #state in value ? value.#state : undefined);
        }
    }

    // %HeadersIteratorPrototype%: a WebIDL default iterator, live over the list (the index moves
    // through whatever the sorted list is at each step).
    let iteratorOf;

    class HeadersIterator {
        #headers;
        #state;
        #kind;
        #index = 0;

        constructor(headers, state, kind) {
            this.#headers = headers;
            this.#state = state;
            this.#kind = kind;
        }

        next() {
            if (!iteratorOf(this))
                throw idl.illegalInvocation(idl.method('Headers Iterator', 'next'));
            const pairs = sorted(this.#state);
            if (this.#index >= pairs.length)
                return { value: undefined, done: true };
            const pair = pairs[this.#index++];
            const kind = this.#kind;
            return { value: kind === 'key' ? pair[0] : kind === 'value' ? pair[1] : [pair[0], pair[1]], done: false };
        }

        static {
            iteratorOf = (value) => idl.isObject(value) && #kind in value;
        }
    }

    createIterator = (headers, state, kind) => new HeadersIterator(headers, state, kind);
    ReflectDeleteProperty(HeadersIterator.prototype, 'constructor');
    ObjectSetPrototypeOf(HeadersIterator.prototype, IteratorPrototype);
    primordials.ArrayPrototypePush(primordials.HiddenIntrinsics, HeadersIterator.prototype);
    ObjectDefineProperty(HeadersIterator.prototype, 'next', { __proto__: null, enumerable: true });
    ObjectDefineProperty(HeadersIterator.prototype, SymbolToStringTag, { __proto__: null, value: 'Headers Iterator', configurable: true });

    idl.defineInterface(Headers, 'Headers');
    // @@iterator is the same function object as entries, as WebIDL specifies.
    ObjectDefineProperty(Headers.prototype, SymbolIterator, {
        __proto__: null, value: Headers.prototype.entries, writable: true, configurable: true,
    });
    idl.exposeInterface('Headers', Headers);
    web.markNotSerializable('Headers', Headers);

    function create(list, immutable) {
        const headers = new Headers();
        const state = stateOf(headers);
        for (let i = 0; i < list.length; i++)
            ArrayPrototypePush(state.list, [list[i][0], list[i][1]]);
        state.immutable = immutable;
        return headers;
    }

    defineData(web, 'Headers', Headers);
    defineData(web, 'headerSupport', ObjectFreeze({
        __proto__: null,
        create,
        isHeaders: (value) => stateOf(value) !== undefined,
        list: (headers) => stateOf(headers).list,
        immutable: (headers) => stateOf(headers).immutable,
        fill: (headers, init, context) => fill(stateOf(headers), init, context),
        get: (headers, name) => getValue(stateOf(headers).list, name),
        append: (headers, name, value, context) => appendChecked(stateOf(headers), name, value, context),
        asciiLower, asciiUpper, isToken,
    }));
})
