// URLSearchParams (URL Standard §6.2): an ordered list of name-value pairs, its
// application/x-www-form-urlencoded serialization, and WebIDL's pair iterator ("URLSearchParams
// Iterator"). A URL's searchParams is linked to it: each change runs the update steps, a callback
// Url.js gives when it creates the object, and the URL resets the list when its query changes.
//
// Adds `web.URLSearchParams` and `web.urlSearchParamsLink`: create(query, update) and
// reset(params, query), for Url.js.
(function (primordials, web) {
    'use strict';

    const {
        IteratorPrototype, ObjectDefineProperty, ObjectSetPrototypeOf, ObjectFreeze, ReflectDeleteProperty,
        StringPrototypeCharCodeAt, StringPrototypeSlice, SymbolIterator, SymbolToStringTag,
        FunctionPrototypeCall, Map, MapPrototypeGet, MapPrototypeSet, defineData,
    } = primordials;
    const { idl, urlParser } = web;
    const ArrayPrototype = primordials.Array.prototype;
    const { newList, append } = urlParser;

    function toList(query) {
        return query === null ? newList() : urlParser.parseForm(query);
    }

    // The list is flat, [name0, value0, name1, value1, …]: a pair costs two slots, not an array
    // of its own, which is what lets a query of millions of pairs fit in the heap.

    // A stable merge sort of the pairs by name, comparing UTF-16 code units (what < does on
    // strings), into a new list. It sorts pair indices, then copies the pairs in that order.
    function sortPairs(list) {
        const count = list.length / 2;
        let from = newList();
        for (let i = 0; i < count; i++)
            append(from, i);
        for (let width = 1; width < count; width *= 2) {
            const to = newList();
            for (let start = 0; start < count; start += 2 * width) {
                const middle = start + width < count ? start + width : count;
                const end = start + 2 * width < count ? start + 2 * width : count;
                let i = start;
                let j = middle;
                while (i < middle && j < end) {
                    if (list[2 * from[j]] < list[2 * from[i]])
                        append(to, from[j++]);
                    else
                        append(to, from[i++]);
                }
                while (i < middle)
                    append(to, from[i++]);
                while (j < end)
                    append(to, from[j++]);
            }
            from = to;
        }
        const sorted = newList();
        for (let i = 0; i < count; i++) {
            append(sorted, list[2 * from[i]]);
            append(sorted, list[2 * from[i] + 1]);
        }
        return sorted;
    }

    // WebIDL's record: two keys that convert to the same USVString (lone surrogates become
    // U+FFFD) are one entry, at the first one's place with the last one's value.
    function recordList(entries) {
        const positions = new Map();
        const list = newList();
        for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            const at = MapPrototypeGet(positions, entry[0]);
            if (at === undefined) {
                MapPrototypeSet(positions, entry[0], list.length);
                append(list, entry[0]);
                append(list, entry[1]);
            } else {
                list[at + 1] = entry[1];
            }
        }
        return list;
    }

    let isSearchParams;
    let listOf;

    class URLSearchParams {
        #list;
        #update = null;

        constructor(init = '') {
            const context = idl.constructing('URLSearchParams');
            // WebIDL's union (sequence<sequence<USVString>> or record<USVString, USVString> or
            // USVString): an object with an @@iterator is a sequence, any other object a record.
            if (idl.isObject(init)) {
                const method = init[SymbolIterator];
                if (method !== undefined && method !== null) {
                    if (!idl.isCallable(method))
                        throw idl.typeError(context, 'The object must have a callable @@iterator property.');
                    const pairs = idl.iterate(init, method, context, (pair) => idl.toSequence(pair, context, (item) => idl.toUSVString(item, context)));
                    const list = newList();
                    for (let i = 0; i < pairs.length; i++) {
                        const pair = pairs[i];
                        if (pair.length !== 2)
                            throw idl.typeError(context, `Each query pair must be an iterable [name, value] tuple; item ${i} has ${pair.length} element${pair.length === 1 ? '' : 's'}.`);
                        append(list, pair[0]);
                        append(list, pair[1]);
                    }
                    this.#list = list;
                } else {
                    this.#list = recordList(idl.toRecord(init, context, (key) => idl.toUSVString(key, context), (value) => idl.toUSVString(value, context)));
                }
            } else {
                let query = idl.toUSVString(init, context);
                if (StringPrototypeCharCodeAt(query, 0) === 0x3F)
                    query = StringPrototypeSlice(query, 1);
                this.#list = urlParser.parseForm(query);
            }
        }

        get size() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.getting('URLSearchParams', 'size'));
            return this.#list.length / 2;
        }

        append(name, value) {
            const context = idl.method('URLSearchParams', 'append');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 2, context);
            name = idl.toUSVString(name, context);
            value = idl.toUSVString(value, context);
            append(this.#list, name);
            append(this.#list, value);
            this.#changed();
        }

        delete(name, value = undefined) {
            const context = idl.method('URLSearchParams', 'delete');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            name = idl.toUSVString(name, context);
            const matchValue = value !== undefined;
            if (matchValue)
                value = idl.toUSVString(value, context);
            const list = this.#list;
            const kept = newList();
            for (let i = 0; i < list.length; i += 2) {
                if (list[i] !== name || (matchValue && list[i + 1] !== value)) {
                    append(kept, list[i]);
                    append(kept, list[i + 1]);
                }
            }
            this.#list = kept;
            this.#changed();
        }

        get(name) {
            const context = idl.method('URLSearchParams', 'get');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            name = idl.toUSVString(name, context);
            const list = this.#list;
            for (let i = 0; i < list.length; i += 2) {
                if (list[i] === name)
                    return list[i + 1];
            }
            return null;
        }

        getAll(name) {
            const context = idl.method('URLSearchParams', 'getAll');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            name = idl.toUSVString(name, context);
            const list = this.#list;
            const values = newList();
            for (let i = 0; i < list.length; i += 2) {
                if (list[i] === name)
                    append(values, list[i + 1]);
            }
            ObjectSetPrototypeOf(values, ArrayPrototype);
            return values;
        }

        has(name, value = undefined) {
            const context = idl.method('URLSearchParams', 'has');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            name = idl.toUSVString(name, context);
            const matchValue = value !== undefined;
            if (matchValue)
                value = idl.toUSVString(value, context);
            const list = this.#list;
            for (let i = 0; i < list.length; i += 2) {
                if (list[i] === name && (!matchValue || list[i + 1] === value))
                    return true;
            }
            return false;
        }

        set(name, value) {
            const context = idl.method('URLSearchParams', 'set');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 2, context);
            name = idl.toUSVString(name, context);
            value = idl.toUSVString(value, context);
            const list = this.#list;
            const kept = newList();
            let found = false;
            for (let i = 0; i < list.length; i += 2) {
                if (list[i] !== name) {
                    append(kept, list[i]);
                    append(kept, list[i + 1]);
                } else if (!found) {
                    found = true;
                    append(kept, name);
                    append(kept, value);
                }
            }
            if (!found) {
                append(kept, name);
                append(kept, value);
            }
            this.#list = kept;
            this.#changed();
        }

        sort() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams', 'sort'));
            this.#list = sortPairs(this.#list);
            this.#changed();
        }

        forEach(callback, thisArg = undefined) {
            const context = idl.method('URLSearchParams', 'forEach');
            if (!isSearchParams(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            idl.callbackFunction(callback, context);
            // The list is read again at each step: the callback may change it.
            for (let i = 0; i < this.#list.length; i += 2) {
                const list = this.#list;
                FunctionPrototypeCall(callback, thisArg, list[i + 1], list[i], this);
            }
        }

        entries() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams', 'entries'));
            return new SearchParamsIterator(this, KEY_VALUE);
        }

        keys() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams', 'keys'));
            return new SearchParamsIterator(this, KEY);
        }

        values() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams', 'values'));
            return new SearchParamsIterator(this, VALUE);
        }

        toString() {
            if (!isSearchParams(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams', 'toString'));
            return urlParser.serializeForm(this.#list);
        }

        // The update steps: a linked URL takes the new serialization as its query.
        #changed() {
            if (this.#update !== null)
                this.#update(urlParser.serializeForm(this.#list));
        }

        static {
            isSearchParams = (value) => idl.isObject(value) && #list in value;
            listOf = (params) => params.#list;
            defineData(web, 'urlSearchParamsLink', ObjectFreeze({
                __proto__: null,
                create(query, update) {
                    const params = new URLSearchParams();
                    params.#list = toList(query);
                    params.#update = update;
                    return params;
                },
                reset(params, query) {
                    params.#list = toList(query);
                },
            }));
        }
    }

    const KEY = 0, VALUE = 1, KEY_VALUE = 2;

    let isIterator;

    class SearchParamsIterator {
        #target;
        #kind;
        #index = 0;

        constructor(target, kind) {
            this.#target = target;
            this.#kind = kind;
        }

        next() {
            if (!isIterator(this))
                throw idl.illegalInvocation(idl.method('URLSearchParams Iterator', 'next'));
            const list = listOf(this.#target);
            const index = this.#index;
            if (2 * index >= list.length)
                return { value: undefined, done: true };
            this.#index = index + 1;
            const name = list[2 * index];
            const value = list[2 * index + 1];
            const kind = this.#kind;
            return { value: kind === KEY ? name : kind === VALUE ? value : [name, value], done: false };
        }

        static {
            isIterator = (value) => idl.isObject(value) && #target in value;
        }
    }

    // WebIDL's iterator prototype object: inherits from %IteratorPrototype%, has `next` and the
    // tag, and no `constructor`.
    const iteratorPrototype = SearchParamsIterator.prototype;
    ReflectDeleteProperty(iteratorPrototype, 'constructor');
    ObjectSetPrototypeOf(iteratorPrototype, IteratorPrototype);
    primordials.ArrayPrototypePush(primordials.HiddenIntrinsics, iteratorPrototype);
    ObjectDefineProperty(iteratorPrototype, 'next', { __proto__: null, enumerable: true });
    ObjectDefineProperty(iteratorPrototype, SymbolToStringTag, { __proto__: null, value: 'URLSearchParams Iterator', configurable: true });

    idl.defineInterface(URLSearchParams, 'URLSearchParams');
    // @@iterator is the same function object as entries, and not enumerable.
    ObjectDefineProperty(URLSearchParams.prototype, SymbolIterator, {
        __proto__: null, value: URLSearchParams.prototype.entries, writable: true, configurable: true,
    });
    idl.exposeInterface('URLSearchParams', URLSearchParams);
    defineData(web, 'URLSearchParams', URLSearchParams);
})
