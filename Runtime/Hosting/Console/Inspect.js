// V8Host console: Node's util.inspect and util.format (Node 20 output, no colors), written for
// hostile values. Everything the formatter learns about a value it learns from property
// descriptors, brand checks of captured intrinsics and the proxy registry, so that:
//  - no getter runs (accessors show as [Getter], [Setter] or [Getter/Setter], as Node shows them);
//  - no Proxy trap runs (a recorded proxy is shown as its target, a revoked one as <Revoked Proxy>);
//  - no toString, valueOf, Symbol.toPrimitive, Symbol.toStringTag getter or Symbol.hasInstance of
//    the script runs (except where Node's rules call them: %s on an object with its own toString,
//    and that call is guarded);
//  - what a script does to globals or prototypes after start-up changes nothing here.
// Output is bounded: strings nested in values stop at maxStringLength, arrays, typed arrays,
// Maps and Sets at maxArrayLength entries, nesting at depth, and once a call has produced
// maxOutputLength characters the rest of the value is shown at depth -1 ("[Object]").
(function (primordials, proxies, stacks, hostClassOf) {
    'use strict';

    const {
        ArrayBufferPrototypeGetByteLength,
        ArrayIsArray,
        ArrayPrototypeIndexOf,
        ArrayPrototypeJoin,
        ArrayPrototypePop,
        AsyncFunctionPrototype,
        AsyncGeneratorFunctionPrototype,
        BigIntPrototypeValueOf,
        BooleanPrototypeValueOf,
        DataViewPrototypeGetBuffer,
        DataViewPrototypeGetByteLength,
        DataViewPrototypeGetByteOffset,
        DatePrototypeGetTime,
        DatePrototypeToISOString,
        DatePrototypeToString,
        EngineInternal,
        ErrorIsError,
        ErrorPrototype,
        FunctionPrototypeToString,
        GeneratorFunctionPrototype,
        JSONStringify,
        Map,
        Number: NumberCtor,
        MapIteratorPrototype,
        MapPrototypeForEach,
        MapPrototypeGet,
        MapPrototypeGetSize,
        MapPrototypeSet,
        MathFloor,
        MathMax,
        MathMin,
        MathRound,
        MathSqrt,
        NumberIsNaN,
        NumberParseFloat,
        NumberParseInt,
        NumberPrototypeToString,
        NumberPrototypeValueOf,
        ObjectGetOwnPropertyNames,
        ObjectGetOwnPropertySymbols,
        ObjectGetPrototypeOf,
        ObjectIs,
        ObjectKeys,
        ObjectPrototypeHasOwnProperty,
        ObjectPrototypePropertyIsEnumerable,
        ObjectPrototypeToString,
        ReflectGetOwnPropertyDescriptor,
        RegExpPrototypeGetDotAll,
        RegExpPrototypeGetGlobal,
        RegExpPrototypeGetHasIndices,
        RegExpPrototypeGetIgnoreCase,
        RegExpPrototypeGetMultiline,
        RegExpPrototypeGetSource,
        RegExpPrototypeGetSticky,
        RegExpPrototypeGetUnicode,
        RegExpPrototypeGetUnicodeSets,
        SetIteratorPrototype,
        SetPrototypeForEach,
        SetPrototypeGetSize,
        SharedArrayBufferPrototypeGetByteLength,
        String: StringCtor,
        StringPrototypeCharCodeAt,
        StringPrototypeEndsWith,
        StringPrototypeIncludes,
        StringPrototypeIndexOf,
        StringPrototypePadEnd,
        StringPrototypePadStart,
        StringPrototypeRepeat,
        StringPrototypeSlice,
        StringPrototypeSplit,
        StringPrototypeStartsWith,
        StringPrototypeValueOf,
        SymbolPrototypeToString,
        SymbolPrototypeValueOf,
        SymbolToStringTag,
        TypedArrayPrototypeGetLength,
        TypeError,
        TypedArrayPrototypeGetSymbolToStringTag,
        Uint8Array,
        WeakMapPrototypeHas,
        WeakSetPrototypeHas,
        defineData,
        BuiltInAccessorValues,
        WeakMapPrototypeGet,
    } = primordials;

    const defaults = {
        __proto__: null,
        depth: 2,
        showHidden: false,
        showProxy: false,
        maxArrayLength: 100,
        maxStringLength: 10000,
        breakLength: 80,
        compact: 3,
    };

    // Bound on the characters one console call produces (see the header).
    const maxOutputLength = 1 << 22;
    const kObjectType = 0;
    const kArrayType = 1;
    const kArrayExtrasType = 2;
    const kMinLineLength = 16;
    const maxPrototypeWalk = 10000;

    // ClearScript's native promise inspection (v8::Promise::State/Result): no script code runs.
    const promiseState = EngineInternal !== undefined ? EngineInternal.getPromiseState : undefined;
    const promiseResult = EngineInternal !== undefined ? EngineInternal.getPromiseResult : undefined;

    const meta = [];
    for (let i = 0; i < 0xa0; i++) {
        let text = '';
        if (i < 0x20) {
            text = i === 8 ? '\\b' : i === 9 ? '\\t' : i === 10 ? '\\n' : i === 12 ? '\\f' : i === 13 ? '\\r'
                : '\\x' + upper(StringPrototypePadStart(NumberPrototypeToString(i, 16), 2, '0'));
        } else if (i === 0x27) {
            text = "\\'";
        } else if (i === 0x5c) {
            text = '\\\\';
        } else if (i >= 0x7f) {
            text = '\\x' + upper(NumberPrototypeToString(i, 16));
        }
        defineData(meta, i, text);
    }

    function upper(hex) {
        let result = '';
        for (let i = 0; i < hex.length; i++) {
            const code = StringPrototypeCharCodeAt(hex, i);
            result += code >= 0x61 && code <= 0x66 ? StringCtor.fromCharCode(code - 32) : hex[i];
        }
        return result;
    }

    function append(list, value) {
        defineData(list, list.length, value);
    }

    function isObjectLike(value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function');
    }

    // ---- Reading values without running script code ------------------------------------------

    // The object a recorded proxy stands for (its innermost target), null when revoked.
    function unproxied(value) {
        for (;;) {
            const details = proxies.details(value);
            if (details === undefined) return value;
            if (details === null) return null;
            value = details[0];
        }
    }

    function ownDescriptor(target, key) {
        target = unproxied(target);
        if (target === null) return undefined;
        try {
            return ReflectGetOwnPropertyDescriptor(target, key);
        } catch {
            return undefined;
        }
    }

    function isData(descriptor) {
        return ObjectPrototypeHasOwnProperty(descriptor, 'value');
    }

    function prototypeOf(value) {
        const target = unproxied(value);
        return target === null ? null : ObjectGetPrototypeOf(target);
    }

    // A property's value when it (own or inherited) is a data property; undefined otherwise.
    // A data property's value, or the built-in value behind a pooled context's accessor (the pool's
    // getters are known; no other getter runs); undefined for any other accessor.
    function descriptorValue(descriptor) {
        return isData(descriptor) ? descriptor.value : WeakMapPrototypeGet(BuiltInAccessorValues, descriptor.get);
    }

    function dataValue(target, key) {
        for (let object = target, i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            const descriptor = ownDescriptor(object, key);
            if (descriptor !== undefined) return descriptorValue(descriptor);
        }
        return undefined;
    }

    function chainDescriptor(target, key) {
        for (let object = target, i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            const descriptor = ownDescriptor(object, key);
            if (descriptor !== undefined) return descriptor;
        }
        return undefined;
    }

    function hasInChain(target, key) {
        for (let object = target, i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            if (ownDescriptor(object, key) !== undefined) return true;
        }
        return false;
    }

    function inheritsFrom(value, prototype) {
        for (let object = prototypeOf(value), i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            if (object === prototype) return true;
        }
        return false;
    }

    function functionName(fn) {
        const descriptor = ownDescriptor(fn, 'name');
        return descriptor !== undefined && isData(descriptor) && typeof descriptor.value === 'string' ? descriptor.value : '';
    }

    // Text of a primitive for messages (never runs script code).
    function primitiveText(value) {
        if (typeof value === 'symbol') return SymbolPrototypeToString(value);
        if (isObjectLike(value)) return '[object]';
        return StringCtor(value);
    }

    // ---- Brand checks (captured intrinsics, no traps) -----------------------------------------

    function brand(check, value) {
        try {
            check(value);
            return true;
        } catch {
            return false;
        }
    }

    const isMap = value => brand(MapPrototypeGetSize, value);
    const isSet = value => brand(SetPrototypeGetSize, value);
    const isWeakMap = value => brand(v => WeakMapPrototypeHas(v, defaults), value);
    const isWeakSet = value => brand(v => WeakSetPrototypeHas(v, defaults), value);
    const isDate = value => brand(DatePrototypeGetTime, value);
    const isArrayBuffer = value => brand(ArrayBufferPrototypeGetByteLength, value);
    const isSharedArrayBuffer = value => brand(SharedArrayBufferPrototypeGetByteLength, value);
    const isDataView = value => brand(DataViewPrototypeGetByteLength, value);
    const isTypedArray = value => TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;
    const isNumberObject = value => brand(NumberPrototypeValueOf, value);
    const isStringObject = value => brand(StringPrototypeValueOf, value);
    const isBooleanObject = value => brand(BooleanPrototypeValueOf, value);
    const isBigIntObject = value => brand(BigIntPrototypeValueOf, value);
    const isSymbolObject = value => brand(SymbolPrototypeValueOf, value);
    const isPromise = value => promiseState !== undefined && typeof promiseState(value) === 'number';

    function isRegExp(value) {
        try {
            RegExpPrototypeGetSource(value);
            return RegExpPrototypeGetGlobal(value) !== undefined;
        } catch {
            return false;
        }
    }

    function isError(value) {
        if (ErrorIsError !== undefined) return ErrorIsError(value);
        return inheritsFrom(value, ErrorPrototype);
    }

    // A failed brand check throws, and a throw costs microseconds: the checks run only for the kinds
    // whose intrinsic prototype is on the value's chain, or for all kinds when the chain does not
    // end at Object.prototype (a null-prototype object may be any exotic). An exotic object whose
    // prototype a script replaced by Object.prototype or a class's prototype shows as an ordinary one.
    const kMap = 1, kSet = 2, kWeakMap = 4, kWeakSet = 8, kDate = 16, kRegExp = 32, kArrayBuffer = 64,
        kSharedArrayBuffer = 128, kDataView = 256, kBoxed = 512, kAll = 1023;
    const intrinsicKinds = new Map();
    MapPrototypeSet(intrinsicKinds, primordials.Map.prototype, kMap);
    MapPrototypeSet(intrinsicKinds, primordials.Set.prototype, kSet);
    MapPrototypeSet(intrinsicKinds, primordials.WeakMap.prototype, kWeakMap);
    MapPrototypeSet(intrinsicKinds, primordials.WeakSet.prototype, kWeakSet);
    MapPrototypeSet(intrinsicKinds, primordials.Date.prototype, kDate);
    MapPrototypeSet(intrinsicKinds, primordials.RegExp.prototype, kRegExp);
    MapPrototypeSet(intrinsicKinds, primordials.ArrayBuffer.prototype, kArrayBuffer);
    MapPrototypeSet(intrinsicKinds, primordials.SharedArrayBuffer.prototype, kSharedArrayBuffer);
    MapPrototypeSet(intrinsicKinds, primordials.DataView.prototype, kDataView);
    MapPrototypeSet(intrinsicKinds, primordials.Number.prototype, kBoxed);
    MapPrototypeSet(intrinsicKinds, primordials.String.prototype, kBoxed);
    MapPrototypeSet(intrinsicKinds, primordials.Boolean.prototype, kBoxed);
    MapPrototypeSet(intrinsicKinds, primordials.BigInt.prototype, kBoxed);
    MapPrototypeSet(intrinsicKinds, primordials.Symbol.prototype, kBoxed);
    const objectPrototype = ObjectGetPrototypeOf({});

    function chainKinds(value) {
        let kinds = 0;
        let last = null;
        for (let object = prototypeOf(value), i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            kinds |= MapPrototypeGet(intrinsicKinds, object) ?? 0;
            last = object;
        }
        return last === objectPrototype ? kinds : kAll;
    }

    function may(kinds, kind) {
        return (kinds & kind) !== 0;
    }

    function isBoxedPrimitive(value) {
        return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) || isBigIntObject(value) || isSymbolObject(value);
    }

    // Object.prototype.toString reads Symbol.toStringTag with a plain Get: it is called only when
    // that read cannot reach an accessor (the value itself is never a proxy here).
    function isArguments(value) {
        for (let object = value, i = 0; object !== null && i < maxPrototypeWalk; object = prototypeOf(object), i++) {
            if (proxies.details(object) !== undefined) return false;
            const descriptor = ownDescriptor(object, SymbolToStringTag);
            if (descriptor !== undefined) {
                if (!isData(descriptor)) return false;
                break;
            }
        }
        return ObjectPrototypeToString(value) === '[object Arguments]';
    }

    // ---- Primitives ---------------------------------------------------------------------------

    function addQuotes(text, quotes) {
        if (quotes === -1) return '"' + text + '"';
        if (quotes === -2) return '`' + text + '`';
        return "'" + text + "'";
    }

    // Node's strEscape: control characters, the quote in use, backslashes and lone surrogates.
    function strEscape(text) {
        let singleQuote = 39;
        if (StringPrototypeIncludes(text, "'")) {
            if (!StringPrototypeIncludes(text, '"')) singleQuote = -1;
            else if (!StringPrototypeIncludes(text, '`') && !StringPrototypeIncludes(text, '${')) singleQuote = -2;
        }
        let result = '';
        let last = 0;
        const length = text.length;
        for (let i = 0; i < length; i++) {
            const point = StringPrototypeCharCodeAt(text, i);
            if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
                result += StringPrototypeSlice(text, last, i) + meta[point];
                last = i + 1;
            } else if (point >= 0xd800 && point <= 0xdfff) {
                if (point <= 0xdbff && i + 1 < length) {
                    const next = StringPrototypeCharCodeAt(text, i + 1);
                    if (next >= 0xdc00 && next <= 0xdfff) {
                        i++;
                        continue;
                    }
                }
                result += StringPrototypeSlice(text, last, i) + '\\u' + NumberPrototypeToString(point, 16);
                last = i + 1;
            }
        }
        if (last !== length) result += StringPrototypeSlice(text, last);
        return addQuotes(result, singleQuote);
    }

    function formatNumber(value) {
        return ObjectIs(value, -0) ? '-0' : '' + value;
    }

    function formatPrimitive(value, ctx) {
        switch (typeof value) {
            case 'string': {
                let trailer = '';
                if (value.length > ctx.maxStringLength) {
                    const remaining = value.length - ctx.maxStringLength;
                    value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
                    trailer = '... ' + remaining + ' more character' + (remaining > 1 ? 's' : '');
                }
                if (ctx.compact !== true && value.length > kMinLineLength && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
                    // Long strings are split after each line break, one quoted piece per line.
                    const pieces = [];
                    let start = 0;
                    for (;;) {
                        const end = StringPrototypeIndexOf(value, '\n', start);
                        if (end < 0 || end === value.length - 1) break;
                        append(pieces, strEscape(StringPrototypeSlice(value, start, end + 1)));
                        start = end + 1;
                    }
                    append(pieces, strEscape(StringPrototypeSlice(value, start)));
                    return ArrayPrototypeJoin(pieces, ' +\n' + StringPrototypeRepeat(' ', ctx.indentationLvl + 2)) + trailer;
                }
                return strEscape(value) + trailer;
            }
            case 'number':
                return formatNumber(value);
            case 'bigint':
                return '' + value + 'n';
            case 'boolean':
                return value ? 'true' : 'false';
            case 'undefined':
                return 'undefined';
            default:
                return SymbolPrototypeToString(value);
        }
    }

    // ---- Objects ------------------------------------------------------------------------------

    function getPrefix(constructor, tag, fallback, size) {
        size = size ?? '';
        if (constructor === null) {
            if (tag !== '' && fallback !== tag) return '[' + fallback + size + ': null prototype] [' + tag + '] ';
            return '[' + fallback + size + ': null prototype] ';
        }
        if (tag !== '' && constructor !== tag) return constructor + size + ' [' + tag + '] ';
        return constructor + size + ' ';
    }

    function getCtxStyle(value, constructor, tag) {
        let fallback = '';
        if (constructor === null) {
            fallback = typeof value === 'function' ? 'Function' : 'Object';
            if (fallback === tag) fallback = 'Object';
        }
        return getPrefix(constructor, tag, fallback);
    }

    // Node's getConstructorName: the first `constructor` (a data property holding a named
    // function whose prototype is on the value's chain) up the prototype chain.
    function getConstructorName(value, ctx, recurseTimes) {
        let firstProto;
        let object = value;
        for (let i = 0; object !== null && i < maxPrototypeWalk; i++) {
            const descriptor = ownDescriptor(object, 'constructor');
            const constructor = descriptor === undefined ? undefined : descriptorValue(descriptor);
            if (typeof constructor === 'function') {
                const name = functionName(constructor);
                const prototype = dataValue(constructor, 'prototype');
                if (name !== '' && isObjectLike(prototype) && inheritsFrom(value, prototype)) return name;
            }
            object = prototypeOf(object);
            if (firstProto === undefined) firstProto = object;
        }
        if (firstProto === null || object !== null) return null;
        const internal = typeof value === 'function' ? 'Function' : 'Object';
        if (recurseTimes > ctx.depth && ctx.depth !== null) return internal + ' <Complex prototype>';
        const protoConstructor = getConstructorName(firstProto, ctx, recurseTimes + 1);
        if (protoConstructor === null) {
            const nested = childContext(ctx, -1);
            return internal + ' <' + formatValue(nested, firstProto, 0) + '>';
        }
        return internal + ' <' + protoConstructor + '>';
    }

    function childContext(ctx, depth) {
        return {
            __proto__: null,
            indentationLvl: 0,
            seen: [],
            currentDepth: 0,
            circular: undefined,
            budget: 0,
            depth,
            showHidden: ctx.showHidden,
            showProxy: ctx.showProxy,
            maxArrayLength: ctx.maxArrayLength,
            maxStringLength: ctx.maxStringLength,
            breakLength: ctx.breakLength,
            compact: ctx.compact,
        };
    }

    function isArrayIndexKey(key) {
        if (typeof key !== 'string' || key.length === 0 || key.length > 10) return false;
        for (let i = 0; i < key.length; i++) {
            const code = StringPrototypeCharCodeAt(key, i);
            if (code < 0x30 || code > 0x39) return false;
        }
        return (key === '0' || StringPrototypeCharCodeAt(key, 0) !== 0x30) && +key < 4294967295;
    }

    function enumerableSymbols(value, keys, showHidden) {
        const symbols = ObjectGetOwnPropertySymbols(value);
        for (let i = 0; i < symbols.length; i++) {
            if (showHidden || ObjectPrototypePropertyIsEnumerable(value, symbols[i])) append(keys, symbols[i]);
        }
        return keys;
    }

    function getKeys(value, showHidden) {
        let names;
        if (showHidden) {
            names = ObjectGetOwnPropertyNames(value);
        } else {
            try {
                names = ObjectKeys(value);
            } catch {
                // A module namespace with uninitialized bindings.
                names = ObjectGetOwnPropertyNames(value);
            }
        }
        const keys = [];
        for (let i = 0; i < names.length; i++) append(keys, names[i]);
        return enumerableSymbols(value, keys, showHidden);
    }

    // Own non-index keys of an array or typed array: index keys come first, so scan from the end.
    function getNonIndexKeys(value, showHidden) {
        const names = showHidden ? ObjectGetOwnPropertyNames(value) : ObjectKeys(value);
        let first = names.length;
        while (first > 0 && !isArrayIndexKey(names[first - 1])) first--;
        const keys = [];
        for (let i = first; i < names.length; i++) append(keys, names[i]);
        return enumerableSymbols(value, keys, showHidden);
    }

    // A host object's JS-visible properties are accessors on its class's prototype: they are
    // listed after its own keys (and shown as [Getter]/[Getter/Setter]: host getters are not run).
    function withHostProperties(value, keys) {
        const prototype = prototypeOf(value);
        if (prototype === null) return keys;
        const names = ObjectKeys(prototype);
        const result = [];
        for (let i = 0; i < keys.length; i++) append(result, keys[i]);
        for (let i = 0; i < names.length; i++) {
            const descriptor = ownDescriptor(prototype, names[i]);
            if (descriptor !== undefined && !isData(descriptor) && ArrayPrototypeIndexOf(keys, names[i]) === -1) append(result, names[i]);
        }
        return result;
    }

    function removeKey(keys, key) {
        const index = ArrayPrototypeIndexOf(keys, key);
        if (index < 0) return keys;
        const kept = [];
        for (let i = 0; i < keys.length; i++) if (i !== index) append(kept, keys[i]);
        return kept;
    }

    function stringTag(value, ctx) {
        const tag = dataValue(value, SymbolToStringTag);
        if (typeof tag !== 'string' || tag === '') return '';
        const descriptor = ownDescriptor(value, SymbolToStringTag);
        if (descriptor !== undefined && (ctx.showHidden || descriptor.enumerable === true)) return '';
        return tag;
    }

    function formatValue(ctx, value, recurseTimes) {
        if (typeof value !== 'object' && typeof value !== 'function') return formatPrimitive(value, ctx);
        if (value === null) return 'null';
        const details = proxies.details(value);
        if (details !== undefined) {
            if (details === null) return '<Revoked Proxy>';
            if (ctx.showProxy) return formatProxy(ctx, details, recurseTimes);
            value = unproxied(value);
            if (value === null) return '<Revoked Proxy>';
        }
        if (ArrayPrototypeIndexOf(ctx.seen, value) !== -1) {
            let index = 1;
            if (ctx.circular === undefined) {
                ctx.circular = new Map();
                MapPrototypeSet(ctx.circular, value, index);
            } else {
                index = MapPrototypeGet(ctx.circular, value);
                if (index === undefined) {
                    index = MapPrototypeGetSize(ctx.circular) + 1;
                    MapPrototypeSet(ctx.circular, value, index);
                }
            }
            return '[Circular *' + index + ']';
        }
        return formatRaw(ctx, value, recurseTimes);
    }

    function formatProxy(ctx, details, recurseTimes) {
        if (recurseTimes > ctx.depth && ctx.depth !== null) return 'Proxy [Array]';
        recurseTimes += 1;
        ctx.indentationLvl += 2;
        const output = [];
        append(output, formatValue(ctx, details[0], recurseTimes));
        append(output, formatValue(ctx, details[1], recurseTimes));
        ctx.indentationLvl -= 2;
        return reduceToSingleString(ctx, output, '', ['Proxy [', ']'], kArrayExtrasType, recurseTimes);
    }

    function formatRaw(ctx, value, recurseTimes) {
        let keys;
        const hostClass = hostClassOf(value);
        const constructor = typeof hostClass === 'string' ? hostClass : getConstructorName(value, ctx, recurseTimes);
        const tag = stringTag(value, ctx);
        const kinds = chainKinds(value);
        let base = '';
        let formatter = formatNothing;
        let braces;
        let extrasType = kObjectType;

        if (ArrayIsArray(value)) {
            keys = getNonIndexKeys(value, ctx.showHidden);
            const prefix = constructor !== 'Array' || tag !== '' ? getPrefix(constructor, tag, 'Array', '(' + value.length + ')') : '';
            braces = [prefix + '[', ']'];
            if (value.length === 0 && keys.length === 0) return braces[0] + ']';
            extrasType = kArrayExtrasType;
            formatter = formatArray;
        } else if (may(kinds, kSet) && isSet(value)) {
            const size = SetPrototypeGetSize(value);
            const prefix = getPrefix(constructor, tag, 'Set', '(' + size + ')');
            keys = getKeys(value, ctx.showHidden);
            formatter = formatSet;
            if (size === 0 && keys.length === 0) return prefix + '{}';
            braces = [prefix + '{', '}'];
        } else if (may(kinds, kMap) && isMap(value)) {
            const size = MapPrototypeGetSize(value);
            const prefix = getPrefix(constructor, tag, 'Map', '(' + size + ')');
            keys = getKeys(value, ctx.showHidden);
            formatter = formatMap;
            if (size === 0 && keys.length === 0) return prefix + '{}';
            braces = [prefix + '{', '}'];
        } else if (isTypedArray(value)) {
            keys = getNonIndexKeys(value, ctx.showHidden);
            const fallback = TypedArrayPrototypeGetSymbolToStringTag(value);
            const size = TypedArrayPrototypeGetLength(value);
            // The tag is TypedArray.prototype's own brand-checked getter: safe to read.
            const shownTag = tag !== '' || dataValue(value, SymbolToStringTag) !== undefined ? tag : fallback;
            const prefix = getPrefix(constructor, shownTag, fallback, '(' + size + ')');
            braces = [prefix + '[', ']'];
            if (size === 0 && keys.length === 0 && !ctx.showHidden) return braces[0] + ']';
            formatter = formatTypedArray;
            extrasType = kArrayExtrasType;
        } else if (prototypeOf(value) === MapIteratorPrototype || prototypeOf(value) === SetIteratorPrototype) {
            // V8 can preview an iterator's entries without consuming them; script cannot.
            keys = getKeys(value, ctx.showHidden);
            braces = ['[' + tag + '] {', '}'];
            formatter = formatUnknownItems;
        } else {
            keys = getKeys(value, ctx.showHidden);
            if (typeof hostClass === 'string') keys = withHostProperties(value, keys);
            braces = ['{', '}'];
            if (typeof value === 'function') {
                base = getFunctionBase(value, constructor, tag);
                if (keys.length === 0) return base;
            } else if (constructor === 'Object') {
                if (isArguments(value)) braces[0] = '[Arguments] {';
                else if (tag !== '') braces[0] = getPrefix(constructor, tag, 'Object') + '{';
                if (keys.length === 0) return braces[0] + '}';
            } else if (may(kinds, kRegExp) && isRegExp(value)) {
                base = regExpText(value);
                const prefix = getPrefix(constructor, tag, 'RegExp');
                if (prefix !== 'RegExp ') base = prefix + base;
                if (keys.length === 0 || (recurseTimes > ctx.depth && ctx.depth !== null)) return base;
            } else if (may(kinds, kDate) && isDate(value)) {
                base = NumberIsNaN(DatePrototypeGetTime(value)) ? DatePrototypeToString(value) : DatePrototypeToISOString(value);
                const prefix = getPrefix(constructor, tag, 'Date');
                if (prefix !== 'Date ') base = prefix + base;
                if (keys.length === 0) return base;
            } else if (isError(value)) {
                const described = formatError(value, constructor, tag, ctx, keys);
                base = described[0];
                keys = described[1];
                if (keys.length === 0) return base;
            } else if ((may(kinds, kArrayBuffer) && isArrayBuffer(value)) || (may(kinds, kSharedArrayBuffer) && isSharedArrayBuffer(value))) {
                const shared = !isArrayBuffer(value);
                const prefix = getPrefix(constructor, tag, shared ? 'SharedArrayBuffer' : 'ArrayBuffer');
                const byteLength = shared ? SharedArrayBufferPrototypeGetByteLength(value) : ArrayBufferPrototypeGetByteLength(value);
                formatter = formatArrayBuffer;
                braces[0] = prefix + '{';
                keys = prependKeys(keys, ['byteLength'], [byteLength]);
            } else if (may(kinds, kDataView) && isDataView(value)) {
                braces[0] = getPrefix(constructor, tag, 'DataView') + '{';
                keys = prependKeys(keys, ['byteLength', 'byteOffset', 'buffer'],
                    [DataViewPrototypeGetByteLength(value), DataViewPrototypeGetByteOffset(value), DataViewPrototypeGetBuffer(value)]);
            } else if (isPromise(value)) {
                braces[0] = getPrefix(constructor, tag, 'Promise') + '{';
                formatter = formatPromise;
            } else if (may(kinds, kWeakSet) && isWeakSet(value)) {
                braces[0] = getPrefix(constructor, tag, 'WeakSet') + '{';
                formatter = formatUnknownItems;
            } else if (may(kinds, kWeakMap) && isWeakMap(value)) {
                braces[0] = getPrefix(constructor, tag, 'WeakMap') + '{';
                formatter = formatUnknownItems;
            } else if (tag === 'Module' && constructor === null) {
                // A module namespace (null prototype, non-enumerable tag): "[Module: null prototype] {".
                braces[0] = getPrefix(constructor, tag, 'Module') + '{';
            } else if (may(kinds, kBoxed) && isBoxedPrimitive(value)) {
                const boxed = getBoxedBase(value, ctx, keys, constructor, tag);
                base = boxed[0];
                keys = boxed[1];
                if (keys.length === 0) return base;
            } else {
                if (keys.length === 0) return getCtxStyle(value, constructor, tag) + '{}';
                braces[0] = getCtxStyle(value, constructor, tag) + '{';
            }
        }

        if (recurseTimes > ctx.depth && ctx.depth !== null) {
            let name = StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1);
            if (constructor !== null) name = '[' + name + ']';
            return name;
        }
        recurseTimes += 1;
        append(ctx.seen, value);
        ctx.currentDepth = recurseTimes;
        let output;
        const indentationLvl = ctx.indentationLvl;
        try {
            output = formatter(ctx, value, recurseTimes);
            for (let i = 0; i < keys.length; i++) append(output, formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
        } catch (error) {
            // Deep structures can exhaust the stack; everything else propagates (a guarded caller
            // turns it into an error naming the console method).
            if (!isStackOverflow(error)) throw error;
            ArrayPrototypePop(ctx.seen);
            ctx.indentationLvl = indentationLvl;
            return '[' + StringPrototypeSlice(getCtxStyle(value, constructor, tag), 0, -1) + ': Inspection interrupted prematurely. Maximum call stack size exceeded.]';
        }
        if (ctx.circular !== undefined) {
            const index = MapPrototypeGet(ctx.circular, value);
            if (index !== undefined) {
                const reference = '<ref *' + index + '>';
                if (ctx.compact !== true) base = base === '' ? reference : reference + ' ' + base;
                else braces[0] = reference + ' ' + braces[0];
            }
        }
        ArrayPrototypePop(ctx.seen);
        const result = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
        ctx.budget += result.length;
        if (ctx.budget > maxOutputLength) ctx.depth = -1;
        return result;
    }

    function isStackOverflow(error) {
        return isObjectLike(error) && prototypeOf(error) === prototypeOf(stackOverflowSample) &&
            dataValue(error, 'message') === dataValue(stackOverflowSample, 'message');
    }

    const stackOverflowSample = (() => {
        function overflow() {
            return overflow() + 1;
        }
        try {
            return overflow();
        } catch (error) {
            return error;
        }
    })();

    // Pseudo-properties (an ArrayBuffer's byteLength, a DataView's fields) read through brand-checked
    // getters: [key, value] pairs ahead of the real keys.
    function prependKeys(keys, names, values) {
        const result = [];
        for (let i = 0; i < names.length; i++) append(result, [names[i], values[i]]);
        for (let i = 0; i < keys.length; i++) append(result, keys[i]);
        return result;
    }

    function formatNothing() {
        return [];
    }

    function formatUnknownItems() {
        return ['<items unknown>'];
    }

    function regExpText(value) {
        let flags = '';
        if (RegExpPrototypeGetHasIndices(value)) flags += 'd';
        if (RegExpPrototypeGetGlobal(value)) flags += 'g';
        if (RegExpPrototypeGetIgnoreCase(value)) flags += 'i';
        if (RegExpPrototypeGetMultiline(value)) flags += 'm';
        if (RegExpPrototypeGetDotAll(value)) flags += 's';
        if (RegExpPrototypeGetUnicode(value)) flags += 'u';
        if (RegExpPrototypeGetUnicodeSets(value)) flags += 'v';
        if (RegExpPrototypeGetSticky(value)) flags += 'y';
        return '/' + RegExpPrototypeGetSource(value) + '/' + flags;
    }

    function getFunctionBase(value, constructor, tag) {
        let source = '';
        try {
            source = FunctionPrototypeToString(value);
        } catch {
            // Not a function V8 can print (cannot happen for callables; kept total).
        }
        if (StringPrototypeStartsWith(source, 'class') && StringPrototypeEndsWith(source, '}')) {
            const body = StringPrototypeSlice(source, 5, -1);
            const brace = StringPrototypeIndexOf(body, '{');
            if (brace !== -1 && !StringPrototypeIncludes(StringPrototypeSlice(body, 0, brace), '(')) return getClassBase(value, constructor, tag);
        }
        let type = 'Function';
        const prototype = prototypeOf(value);
        if (prototype === GeneratorFunctionPrototype) type = 'GeneratorFunction';
        else if (prototype === AsyncFunctionPrototype) type = 'AsyncFunction';
        else if (prototype === AsyncGeneratorFunctionPrototype) type = 'AsyncGeneratorFunction';
        let base = '[' + type;
        if (constructor === null) base += ' (null prototype)';
        const name = functionName(value);
        base += name === '' ? ' (anonymous)' : ': ' + name;
        base += ']';
        if (constructor !== type && constructor !== null) base += ' ' + constructor;
        if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
        return base;
    }

    function getClassBase(value, constructor, tag) {
        const name = ownDescriptor(value, 'name') !== undefined ? functionName(value) : '';
        let base = 'class ' + (name !== '' ? name : '(anonymous)');
        if (constructor !== 'Function' && constructor !== null) base += ' [' + constructor + ']';
        if (tag !== '' && constructor !== tag) base += ' [' + tag + ']';
        if (constructor !== null) {
            const superClass = prototypeOf(value);
            const superName = typeof superClass === 'function' ? functionName(superClass) : '';
            if (superName !== '') base += ' extends ' + superName;
        } else {
            base += ' extends [null prototype]';
        }
        return '[' + base + ']';
    }

    function getBoxedBase(value, ctx, keys, constructor, tag) {
        let type;
        let primitive;
        if (isNumberObject(value)) {
            type = 'Number';
            primitive = NumberPrototypeValueOf(value);
        } else if (isStringObject(value)) {
            type = 'String';
            primitive = StringPrototypeValueOf(value);
            // The index keys of a String object repeat its characters.
            const kept = [];
            for (let i = primitive.length; i < keys.length; i++) append(kept, keys[i]);
            keys = kept;
        } else if (isBooleanObject(value)) {
            type = 'Boolean';
            primitive = BooleanPrototypeValueOf(value);
        } else if (isBigIntObject(value)) {
            type = 'BigInt';
            primitive = BigIntPrototypeValueOf(value);
        } else {
            type = 'Symbol';
            primitive = SymbolPrototypeValueOf(value);
        }
        let base = '[' + type;
        if (type !== constructor) base += constructor === null ? ' (null prototype)' : ' (' + constructor + ')';
        base += ': ' + formatPrimitive(primitive, childContext(ctx, 0)) + ']';
        if (tag !== '' && tag !== constructor) base += ' [' + tag + ']';
        return [base, keys];
    }

    function errorToString(error) {
        const name = dataValue(error, 'name');
        const message = dataValue(error, 'message');
        const nameText = name === undefined ? 'Error' : primitiveText(name);
        const messageText = message === undefined ? '' : primitiveText(message);
        if (nameText === '') return messageText;
        if (messageText === '') return nameText;
        return nameText + ': ' + messageText;
    }

    function stackString(error) {
        let stack;
        try {
            stack = stacks.stackOf(unproxied(error));
        } catch {
            stack = undefined;
        }
        if (stack === undefined) stack = dataValue(error, 'stack');
        return stack ? primitiveText(stack) : errorToString(error);
    }

    function improveStack(stack, constructor, name, tag) {
        let length = name.length;
        if (constructor === null ||
            (StringPrototypeEndsWith(name, 'Error') && StringPrototypeStartsWith(stack, name) &&
                (stack.length === length || stack[length] === ':' || stack[length] === '\n'))) {
            let fallback = 'Error';
            if (constructor === null) {
                fallback = leadingErrorName(stack);
                length = fallback.length;
                fallback = fallback || 'Error';
            }
            const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback), 0, -1);
            if (name !== prefix) {
                if (StringPrototypeIncludes(prefix, name)) {
                    stack = length === 0 ? prefix + ': ' + stack : prefix + StringPrototypeSlice(stack, length);
                } else {
                    stack = prefix + ' [' + name + ']' + StringPrototypeSlice(stack, length);
                }
            }
        }
        return stack;
    }

    // Node's /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/ or /^([a-z_A-Z0-9-]*Error)$/, by hand.
    function leadingErrorName(stack) {
        const isNameChar = code => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) ||
            code === 0x5f || code === 0x20 || code === 0x5b || code === 0x5d || code === 0x28 || code === 0x29 || code === 0x2d;
        const first = StringPrototypeCharCodeAt(stack, 0);
        if (first >= 0x41 && first <= 0x5a) {
            // The greedy run of name characters, backtracked to the last ':' or "\n<spaces>at".
            let end = 1;
            while (end < stack.length && isNameChar(StringPrototypeCharCodeAt(stack, end))) end++;
            for (let cut = end; cut >= 2; cut--) {
                const rest = StringPrototypeSlice(stack, cut);
                if (rest[0] === ':') return StringPrototypeSlice(stack, 0, cut);
                if (rest[0] === '\n') {
                    let i = 1;
                    while (i < rest.length && (rest[i] === ' ' || rest[i] === '\t' || rest[i] === '\n' || rest[i] === '\r')) i++;
                    if (i > 1 && StringPrototypeStartsWith(rest, 'at', i)) return StringPrototypeSlice(stack, 0, cut);
                }
            }
        }
        for (let i = 0; i < stack.length; i++) {
            const code = StringPrototypeCharCodeAt(stack, i);
            if (!(isNameChar(code) && code !== 0x20 && code !== 0x5b && code !== 0x5d && code !== 0x28 && code !== 0x29)) return '';
        }
        return StringPrototypeEndsWith(stack, 'Error') ? stack : '';
    }

    // Node's identicalSequenceRange: the longest run (> 3) of frames `a` shares with `b`.
    function identicalSequenceRange(a, b) {
        for (let i = 0; i < a.length - 3; i++) {
            const pos = ArrayPrototypeIndexOf(b, a[i]);
            if (pos !== -1) {
                const rest = b.length - pos;
                if (rest > 3) {
                    let len = 1;
                    const maxLen = MathMin(a.length - i, rest);
                    while (maxLen > len && a[i + len] === b[pos + len]) len++;
                    if (len > 3) return [len, i];
                }
            }
        }
        return [0, 0];
    }

    function stackFrames(ctx, error, stackPart) {
        const frames = StringPrototypeSplit(stackPart, '\n');
        const cause = dataValue(error, 'cause');
        if (cause !== undefined && cause !== null && isObjectLike(cause) && isError(cause)) {
            const causeStack = stackString(cause);
            const start = StringPrototypeIndexOf(causeStack, '\n    at');
            if (start !== -1) {
                const causeFrames = StringPrototypeSplit(StringPrototypeSlice(causeStack, start + 1), '\n');
                const range = identicalSequenceRange(frames, causeFrames);
                if (range[0] > 0) {
                    const skipped = range[0] - 2;
                    const kept = [];
                    for (let i = 0; i <= range[1]; i++) append(kept, frames[i]);
                    append(kept, '    ... ' + skipped + ' lines matching cause stack trace ...');
                    for (let i = range[1] + 1 + skipped; i < frames.length; i++) append(kept, frames[i]);
                    return kept;
                }
            }
        }
        return frames;
    }

    // [text, keys]: the stack (or "[name: message]"), and the keys left to list after it.
    function formatError(error, constructor, tag, ctx, keys) {
        const nameValue = dataValue(error, 'name');
        const name = nameValue !== undefined && nameValue !== null ? primitiveText(nameValue) : 'Error';
        let stack = stackString(error);
        if (!ctx.showHidden && keys.length !== 0) {
            const names = ['name', 'message', 'stack'];
            for (let i = 0; i < names.length; i++) {
                // Only hidden when the stack already shows it.
                if (ArrayPrototypeIndexOf(keys, names[i]) !== -1 && StringPrototypeIncludes(stack, primitiveText(dataValue(error, names[i]))))
                    keys = removeKey(keys, names[i]);
            }
        }
        if (hasInChain(error, 'cause') && ArrayPrototypeIndexOf(keys, 'cause') === -1) append(keys, 'cause');
        const errors = dataValue(error, 'errors');
        if (ArrayIsArray(errors) && ArrayPrototypeIndexOf(keys, 'errors') === -1) append(keys, 'errors');
        stack = improveStack(stack, constructor, name, tag);
        const message = dataValue(error, 'message');
        let pos = (typeof message === 'string' && message !== '' && StringPrototypeIndexOf(stack, message)) || -1;
        if (pos !== -1) pos += message.length;
        const stackStart = StringPrototypeIndexOf(stack, '\n    at', pos);
        if (stackStart === -1) {
            stack = '[' + stack + ']';
        } else {
            const frames = stackFrames(ctx, error, StringPrototypeSlice(stack, stackStart + 1));
            stack = StringPrototypeSlice(stack, 0, stackStart) + '\n' + ArrayPrototypeJoin(frames, '\n');
        }
        if (ctx.indentationLvl !== 0) stack = ArrayPrototypeJoin(StringPrototypeSplit(stack, '\n'), '\n' + StringPrototypeRepeat(' ', ctx.indentationLvl));
        return [stack, keys];
    }

    function formatArrayBuffer(ctx, value) {
        let bytes;
        try {
            bytes = new Uint8Array(value);
        } catch {
            return ['(detached)'];
        }
        const shown = MathMin(ctx.maxArrayLength, bytes.length);
        let text = '';
        for (let i = 0; i < shown; i++) text += (i === 0 ? '' : ' ') + StringPrototypePadStart(NumberPrototypeToString(bytes[i], 16), 2, '0');
        const remaining = bytes.length - ctx.maxArrayLength;
        if (remaining > 0) text += ' ... ' + remaining + ' more byte' + (remaining > 1 ? 's' : '');
        return ['[Uint8Contents]: <' + text + '>'];
    }

    function moreItems(remaining) {
        return '... ' + remaining + ' more item' + (remaining > 1 ? 's' : '');
    }

    function formatArray(ctx, value, recurseTimes) {
        const length = value.length;
        const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
        const remaining = length - shown;
        const output = [];
        for (let i = 0; i < shown; i++) {
            if (!ObjectPrototypeHasOwnProperty(value, i)) return formatSpecialArray(ctx, value, recurseTimes, shown, output, i);
            append(output, formatProperty(ctx, value, recurseTimes, i, kArrayType));
        }
        if (remaining > 0) append(output, moreItems(remaining));
        return output;
    }

    // A sparse array: runs of holes become "<n empty items>".
    function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
        const keys = ObjectKeys(value);
        let index = i;
        for (; i < keys.length && output.length < maxLength; i++) {
            const key = keys[i];
            const number = +key;
            if (number > 2 ** 32 - 2) break;
            if ('' + index !== key) {
                if (!isArrayIndexKey(key)) break;
                const empty = number - index;
                append(output, '<' + empty + ' empty item' + (empty > 1 ? 's' : '') + '>');
                index = number;
                if (output.length === maxLength) break;
            }
            append(output, formatProperty(ctx, value, recurseTimes, key, kArrayType));
            index++;
        }
        const remaining = value.length - index;
        if (output.length !== maxLength) {
            if (remaining > 0) append(output, '<' + remaining + ' empty item' + (remaining > 1 ? 's' : '') + '>');
        } else if (remaining > 0) {
            append(output, moreItems(remaining));
        }
        return output;
    }

    function formatTypedArray(ctx, value, recurseTimes) {
        const length = TypedArrayPrototypeGetLength(value);
        const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
        const remaining = length - shown;
        const output = [];
        for (let i = 0; i < shown; i++) {
            const element = value[i];
            append(output, typeof element === 'bigint' ? '' + element + 'n' : formatNumber(element));
        }
        if (remaining > 0) append(output, moreItems(remaining));
        return output;
    }

    // Thrown from a forEach callback to stop iterating once maxArrayLength entries are shown.
    const stopIteration = { __proto__: null };

    // Entries of a Set or Map, as many as maxArrayLength allows (forEach has no early exit: it is
    // left by throwing a private marker).
    function formatEntries(ctx, length, forEach, value, format) {
        const shown = MathMin(MathMax(0, ctx.maxArrayLength), length);
        const output = [];
        ctx.indentationLvl += 2;
        try {
            forEach(value, (item, key) => {
                if (output.length === shown) throw stopIteration;
                append(output, format(item, key));
            });
        } catch (error) {
            if (error !== stopIteration) throw error;
        } finally {
            ctx.indentationLvl -= 2;
        }
        if (length - shown > 0) append(output, moreItems(length - shown));
        return output;
    }

    function formatSet(ctx, value, recurseTimes) {
        return formatEntries(ctx, SetPrototypeGetSize(value), SetPrototypeForEach, value,
            item => formatValue(ctx, item, recurseTimes));
    }

    function formatMap(ctx, value, recurseTimes) {
        return formatEntries(ctx, MapPrototypeGetSize(value), MapPrototypeForEach, value,
            (item, key) => formatValue(ctx, key, recurseTimes) + ' => ' + formatValue(ctx, item, recurseTimes));
    }

    function formatPromise(ctx, value, recurseTimes) {
        const state = promiseState(value);
        if (state === 0) return ['<pending>'];
        ctx.indentationLvl += 2;
        const text = formatValue(ctx, promiseResult(value), recurseTimes);
        ctx.indentationLvl -= 2;
        return [state === 2 ? '<rejected> ' + text : text];
    }

    function keyText(key, enumerable) {
        if (typeof key === 'symbol') return '[' + escapeKey(SymbolPrototypeToString(key)) + ']';
        if (key === '__proto__') return "['__proto__']";
        if (enumerable === false) return '[' + escapeKey(key) + ']';
        if (isIdentifierKey(key)) return key;
        return strEscape(key);
    }

    // Node's /^[a-zA-Z_][a-zA-Z_0-9]*$/.
    function isIdentifierKey(key) {
        if (key.length === 0) return false;
        for (let i = 0; i < key.length; i++) {
            const code = StringPrototypeCharCodeAt(key, i);
            const letter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
            if (!letter && !(i > 0 && code >= 0x30 && code <= 0x39)) return false;
        }
        return true;
    }

    function escapeKey(text) {
        let result = '';
        for (let i = 0; i < text.length; i++) {
            const code = StringPrototypeCharCodeAt(text, i);
            result += code < 0x20 || code === 0x27 || code === 0x5c || (code >= 0x7f && code < 0xa0) ? meta[code] : text[i];
        }
        return result;
    }

    function formatProperty(ctx, value, recurseTimes, key, type) {
        let descriptor;
        if (ArrayIsArray(key)) {
            // A pseudo-property: [name, value].
            descriptor = { __proto__: null, value: key[1], enumerable: true };
            key = key[0];
        } else {
            try {
                descriptor = ReflectGetOwnPropertyDescriptor(value, key);
            } catch {
                // A module namespace binding that is not initialized yet.
                return keyText(key, true) + ': <uninitialized>';
            }
            // A key from the prototype (a host object's accessors): its descriptor there.
            if (descriptor === undefined) descriptor = chainDescriptor(value, key) ?? { __proto__: null, value: undefined, enumerable: true };
        }
        let text;
        let extra = ' ';
        if (isData(descriptor) && descriptor.value !== undefined) {
            const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
            ctx.indentationLvl += diff;
            text = formatValue(ctx, descriptor.value, recurseTimes);
            if (diff === 3 && ctx.breakLength < text.length) extra = '\n' + StringPrototypeRepeat(' ', ctx.indentationLvl);
            ctx.indentationLvl -= diff;
        } else if (!isData(descriptor) && descriptor.get !== undefined) {
            text = descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]';
        } else if (!isData(descriptor) && descriptor.set !== undefined) {
            text = '[Setter]';
        } else {
            text = 'undefined';
        }
        if (type === kArrayType) return text;
        return keyText(key, descriptor.enumerable) + ':' + extra + text;
    }

    function isBelowBreakLength(ctx, output, start, base) {
        let totalLength = output.length + start;
        if (totalLength + output.length > ctx.breakLength) return false;
        for (let i = 0; i < output.length; i++) {
            totalLength += output[i].length;
            if (totalLength > ctx.breakLength) return false;
        }
        return base === '' || !StringPrototypeIncludes(base, '\n');
    }

    // Node's groupArrayElements: many short entries are laid out in aligned columns.
    function groupArrayElements(ctx, output, value) {
        let totalLength = 0;
        let maxLength = 0;
        let outputLength = output.length;
        if (ctx.maxArrayLength < output.length) outputLength--;
        const separatorSpace = 2;
        const dataLen = [];
        for (let i = 0; i < outputLength; i++) {
            const len = output[i].length;
            append(dataLen, len);
            totalLength += len + separatorSpace;
            if (maxLength < len) maxLength = len;
        }
        const actualMax = maxLength + separatorSpace;
        if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
            const averageBias = MathSqrt(actualMax - totalLength / output.length);
            const biasedMax = MathMax(actualMax - 3 - averageBias, 1);
            const columns = MathMin(
                MathRound(MathSqrt(2.5 * biasedMax * outputLength) / biasedMax),
                MathFloor((ctx.breakLength - ctx.indentationLvl) / actualMax),
                ctx.compact * 4,
                15);
            if (columns <= 1) return output;
            const maxLineLength = [];
            for (let i = 0; i < columns; i++) {
                let lineLength = 0;
                for (let j = i; j < outputLength; j += columns) {
                    if (dataLen[j] > lineLength) lineLength = dataLen[j];
                }
                append(maxLineLength, lineLength + separatorSpace);
            }
            let padStart = true;
            if (value !== undefined) {
                for (let i = 0; i < output.length; i++) {
                    const descriptor = ArrayIsArray(value) ? ownDescriptor(value, i) : undefined;
                    const element = ArrayIsArray(value) ? (descriptor !== undefined && isData(descriptor) ? descriptor.value : undefined) : value[i];
                    if (typeof element !== 'number' && typeof element !== 'bigint') {
                        padStart = false;
                        break;
                    }
                }
            }
            const grouped = [];
            for (let i = 0; i < outputLength; i += columns) {
                const max = MathMin(i + columns, outputLength);
                let line = '';
                let j = i;
                for (; j < max - 1; j++) {
                    const cell = output[j] + ', ';
                    line += padStart ? StringPrototypePadStart(cell, maxLineLength[j - i], ' ') : StringPrototypePadEnd(cell, maxLineLength[j - i], ' ');
                }
                line += padStart ? StringPrototypePadStart(output[j], maxLineLength[j - i] - separatorSpace, ' ') : output[j];
                append(grouped, line);
            }
            if (ctx.maxArrayLength < output.length) append(grouped, output[outputLength]);
            return grouped;
        }
        return output;
    }

    function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
        if (ctx.compact !== true) {
            if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
                const entries = output.length;
                if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
                if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
                    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
                    if (isBelowBreakLength(ctx, output, start, base)) {
                        const joined = ArrayPrototypeJoin(output, ', ');
                        if (!StringPrototypeIncludes(joined, '\n')) return (base ? base + ' ' : '') + braces[0] + ' ' + joined + ' ' + braces[1];
                    }
                }
            }
            const indentation = '\n' + StringPrototypeRepeat(' ', ctx.indentationLvl);
            return (base ? base + ' ' : '') + braces[0] + indentation + '  ' + ArrayPrototypeJoin(output, ',' + indentation + '  ') + indentation + braces[1];
        }
        if (isBelowBreakLength(ctx, output, 0, base)) return braces[0] + (base ? ' ' + base : '') + ' ' + ArrayPrototypeJoin(output, ', ') + ' ' + braces[1];
        const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
        const ln = base === '' && braces[0].length === 1 ? ' ' : (base ? ' ' + base : '') + '\n' + indentation + '  ';
        return braces[0] + ln + ArrayPrototypeJoin(output, ',\n' + indentation + '  ') + ' ' + braces[1];
    }

    // ---- Options, inspect, format -------------------------------------------------------------

    // A context from defaults and an options object; the options are read as data properties
    // (no getter runs) and each must have the right type.
    function newContext(options, method) {
        const ctx = childContext(defaults, defaults.depth);
        if (options === undefined || options === null) return ctx;
        if (!isObjectLike(options)) throw new TypeError(method + ': options must be an object.');
        const names = ['depth', 'showHidden', 'showProxy', 'maxArrayLength', 'maxStringLength', 'breakLength', 'compact'];
        for (let i = 0; i < names.length; i++) {
            const name = names[i];
            const option = dataValue(options, name);
            if (option === undefined) continue;
            const numeric = name === 'depth' || name === 'maxArrayLength' || name === 'maxStringLength' || name === 'breakLength';
            if (name === 'compact') {
                if (typeof option !== 'boolean' && !(typeof option === 'number' && option >= 0)) throw new TypeError(method + ': options.compact must be a boolean or a non-negative number.');
            } else if (numeric) {
                if (option === null && name !== 'breakLength') {
                    ctx[name] = name === 'depth' ? null : Infinity;
                    continue;
                }
                if (typeof option !== 'number' || NumberIsNaN(option)) throw new TypeError(method + ': options.' + name + ' must be a number' + (name === 'breakLength' ? '.' : ' or null.'));
            } else if (typeof option !== 'boolean') {
                throw new TypeError(method + ': options.' + name + ' must be a boolean.');
            }
            ctx[name] = option;
        }
        if (ctx.depth === Infinity) ctx.depth = null;
        return ctx;
    }

    function inspect(value, ctx) {
        return formatValue(ctx, value, 0);
    }

    function inspectWith(value, overrides) {
        const ctx = childContext(defaults, defaults.depth);
        const names = ObjectKeys(overrides);
        for (let i = 0; i < names.length; i++) ctx[names[i]] = overrides[names[i]];
        if (ctx.depth === Infinity) ctx.depth = null;
        return formatValue(ctx, value, 0);
    }

    const builtInConstructors = (() => {
        const names = new Map();
        const globals = ObjectGetOwnPropertyNames(primordials.globalThis);
        for (let i = 0; i < globals.length; i++) {
            const name = globals[i];
            const code = StringPrototypeCharCodeAt(name, 0);
            if (code >= 0x41 && code <= 0x5a && isBuiltInName(name)) MapPrototypeSet(names, name, true);
        }
        return names;
    })();

    // Node's /^[A-Z][a-zA-Z0-9]+$/ for the names of built-in objects.
    function isBuiltInName(name) {
        if (name.length < 2) return false;
        for (let i = 1; i < name.length; i++) {
            const code = StringPrototypeCharCodeAt(name, i);
            if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39))) return false;
        }
        return true;
    }

    // Node's hasBuiltInToString: whether the toString an object would use is a built-in's. Reads
    // are descriptor reads (a toString behind a getter counts as no toString: built-in).
    function hasBuiltInToString(value) {
        value = unproxied(value);
        if (value === null) return true;
        if (typeof dataValue(value, 'toString') !== 'function') return true;
        if (ownDescriptor(value, 'toString') !== undefined) return false;
        let pointer = value;
        for (let i = 0; i < maxPrototypeWalk; i++) {
            pointer = prototypeOf(pointer);
            if (pointer === null) return true;
            if (ownDescriptor(pointer, 'toString') !== undefined) break;
        }
        const constructor = ownDescriptor(pointer, 'constructor');
        return constructor !== undefined && isData(constructor) && typeof constructor.value === 'function' &&
            MapPrototypeGet(builtInConstructors, functionName(constructor.value)) === true;
    }

    // %s: numbers and bigints as inspect shows them, other primitives as String() does, objects
    // with a toString of their own through it (the script's code, as Node calls it; if it throws,
    // the object is inspected instead), other objects inspected at depth 0.
    function formatString(argument) {
        if (typeof argument === 'number') return formatNumber(argument);
        if (typeof argument === 'bigint') return '' + argument + 'n';
        if (typeof argument === 'symbol') return SymbolPrototypeToString(argument);
        // Node counts proxies as built-in objects: they are inspected (showing their target).
        const proxy = isObjectLike(argument) && proxies.details(argument) !== undefined;
        if (!proxy && (typeof argument !== 'object' || argument === null || !hasBuiltInToString(argument))) {
            try {
                return StringCtor(argument);
            } catch {
                // Falls through to inspection.
            }
        }
        return inspectWith(argument, { __proto__: null, depth: 0 });
    }

    let circularMessage;
    function formatJson(argument) {
        try {
            const text = JSONStringify(argument);
            return text === undefined ? 'undefined' : text;
        } catch (error) {
            if (circularMessage === undefined) {
                const cycle = {};
                cycle.self = cycle;
                try {
                    JSONStringify(cycle);
                } catch (sample) {
                    circularMessage = firstLine(dataValue(sample, 'message'));
                }
            }
            if (isObjectLike(error) && dataValue(error, 'name') === 'TypeError' && firstLine(dataValue(error, 'message')) === circularMessage) return '[Circular]';
            throw error;
        }
    }

    function firstLine(text) {
        if (typeof text !== 'string') return text;
        const end = StringPrototypeIndexOf(text, '\n');
        return end < 0 ? text : StringPrototypeSlice(text, 0, end);
    }

    // %d is Number(x), %i parseInt(x), %f parseFloat(x), as in Node. An object converts through
    // its own valueOf/toString (the script's code, as Node runs it); one that throws gives NaN. A
    // proxy converts as its target, so that no trap runs.
    function toNumberText(argument, parse) {
        if (typeof argument === 'bigint') return '' + argument + 'n';
        if (typeof argument === 'symbol') return 'NaN';
        if (isObjectLike(argument)) {
            argument = unproxied(argument);
            if (argument === null) return 'NaN';
        }
        try {
            return formatNumber(parse === undefined ? NumberCtor(argument) : parse(argument));
        } catch {
            return 'NaN';
        }
    }

    // Node's util.formatWithOptions with the given inspect context for %o/%O and arguments.
    function formatWithContext(ctx, args) {
        const first = args[0];
        let a = 0;
        let text = '';
        let join = '';
        if (typeof first === 'string') {
            if (args.length === 1) return first;
            let lastPos = 0;
            let piece;
            for (let i = 0; i < first.length - 1; i++) {
                if (StringPrototypeCharCodeAt(first, i) !== 37) continue;
                const next = StringPrototypeCharCodeAt(first, ++i);
                if (a + 1 !== args.length) {
                    switch (next) {
                        case 115: // s
                            piece = formatString(args[++a]);
                            break;
                        case 106: // j
                            piece = formatJson(args[++a]);
                            break;
                        case 100: // d
                            piece = toNumberText(args[++a]);
                            break;
                        case 79: // O
                            piece = formatValue(childContext(ctx, ctx.depth), args[++a], 0);
                            break;
                        case 111: { // o
                            const nested = childContext(ctx, 4);
                            nested.showHidden = true;
                            nested.showProxy = true;
                            piece = formatValue(nested, args[++a], 0);
                            break;
                        }
                        case 105: // i
                            piece = toNumberText(args[++a], NumberParseInt);
                            break;
                        case 102: // f
                            piece = toNumberText(args[++a], NumberParseFloat);
                            break;
                        case 99: // c
                            a++;
                            piece = '';
                            break;
                        case 37: // %
                            text += StringPrototypeSlice(first, lastPos, i);
                            lastPos = i + 1;
                            continue;
                        default:
                            continue;
                    }
                    if (lastPos !== i - 1) text += StringPrototypeSlice(first, lastPos, i - 1);
                    text += piece;
                    lastPos = i + 1;
                } else if (next === 37) {
                    text += StringPrototypeSlice(first, lastPos, i);
                    lastPos = i + 1;
                }
            }
            if (lastPos !== 0) {
                a++;
                join = ' ';
                if (lastPos < first.length) text += StringPrototypeSlice(first, lastPos);
            }
        }
        while (a < args.length) {
            const value = args[a];
            text += join;
            text += typeof value !== 'string' ? formatValue(childContext(ctx, ctx.depth), value, 0) : value;
            join = ' ';
            a++;
        }
        return text;
    }

    return {
        __proto__: null,
        maxOutputLength,
        newContext,
        inspect,
        inspectWith,
        // util.format(...args) with Node's default options.
        format: args => formatWithContext(childContext(defaults, defaults.depth), args),
        isMap,
        isSet,
        unproxied,
        isProxy: value => proxies.details(value) !== undefined,
        dataValue,
        ownKeys: value => {
            const target = unproxied(value);
            return target === null ? [] : ObjectKeys(target);
        },
        // Whether an own property is a data property (false for accessors and missing ones).
        hasOwnData: (value, key) => {
            const descriptor = ownDescriptor(value, key);
            return descriptor !== undefined && isData(descriptor);
        },
        hasOwn: (value, key) => ownDescriptor(value, key) !== undefined,
        ownDescriptor,
        isData: descriptor => descriptor !== undefined && isData(descriptor),
        mapEntries: value => {
            const entries = [];
            MapPrototypeForEach(value, (item, key) => append(entries, [key, item]));
            return entries;
        },
        setValues: value => {
            const values = [];
            SetPrototypeForEach(value, item => append(values, item));
            return values;
        },
        primitiveText,
    };
});
