// WebIDL's ECMAScript binding, the rules every Web API glue file shares: argument conversion
// (DOMString, USVString, ByteString, integers with [EnforceRange]/[Clamp], doubles, dictionaries,
// sequences, records, buffer sources), error messages that name the interface and member, and the
// shape of interface objects (enumerable members, Symbol.toStringTag, non-enumerable globals).
//
// Its completion value is a function of the primordials that returns `web`: the internal table
// every later Web API glue file receives (WebGlue.cs). `web.idl` holds these helpers; later files
// add what the files after them use. `web` never becomes reachable from scripts.
//
// Brand checks are not here: each interface keeps a private class field and checks `#field in
// value`, which neither a Proxy nor a forged prototype chain can fake.
(function (primordials) {
    'use strict';

    const {
        ArrayBufferIsView, ArrayBufferPrototypeGetByteLength, SharedArrayBufferPrototypeGetByteLength,
        DataViewPrototypeGetBuffer, DataViewPrototypeGetByteLength, DataViewPrototypeGetByteOffset,
        TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetSymbolToStringTag, ArrayBufferPrototypeGetDetached,
        FunctionPrototypeCall, MathTrunc, MathFloor, MathMin, MathMax, NumberIsNaN, NumberIsFinite,
        ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyNames, ObjectGetOwnPropertyDescriptor,
        ReflectOwnKeys, ReflectGetOwnPropertyDescriptor, StringPrototypeCharCodeAt, StringPrototypeToWellFormed,
        SymbolIterator, SymbolToStringTag, TypeError, RangeError, Uint8Array, ArrayPrototypeIndexOf,
        globalThis, defineData,
    } = primordials;

    // ------------------------------------------------------------------ error messages
    // Chrome's wording, so that messages read the same as in a browser and name what failed.

    function method(iface, member) {
        return `Failed to execute '${member}' on '${iface}'`;
    }

    function constructing(iface) {
        return `Failed to construct '${iface}'`;
    }

    function getting(iface, attribute) {
        return `Failed to read the '${attribute}' property from '${iface}'`;
    }

    function setting(iface, attribute) {
        return `Failed to set the '${attribute}' property on '${iface}'`;
    }

    function typeError(context, message) {
        return new TypeError(`${context}: ${message}`);
    }

    function illegalInvocation(context) {
        return new TypeError(`${context}: Illegal invocation`);
    }

    function requireArguments(present, required, context) {
        if (present < required)
            throw typeError(context, `${required} argument${required === 1 ? '' : 's'} required, but only ${present} present.`);
    }

    // "parameter 2" in Chrome's messages.
    function parameter(context, index) {
        return `${context}: parameter ${index}`;
    }

    // ------------------------------------------------------------------ type tests

    function isObject(value) {
        return (typeof value === 'object' && value !== null) || typeof value === 'function';
    }

    function isCallable(value) {
        return typeof value === 'function';
    }

    function isArrayBuffer(value) {
        if (!isObject(value))
            return false;
        try {
            ArrayBufferPrototypeGetByteLength(value);
            return true;
        } catch {
            return false;
        }
    }

    function isSharedArrayBuffer(value) {
        if (!isObject(value))
            return false;
        try {
            SharedArrayBufferPrototypeGetByteLength(value);
            return true;
        } catch {
            return false;
        }
    }

    function isTypedArray(value) {
        return TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;
    }

    function isArrayBufferView(value) {
        return ArrayBufferIsView(value);
    }

    // A SharedArrayBuffer is never detached; the ArrayBuffer test comes first because it does not throw for one.
    function isDetached(buffer) {
        return isArrayBuffer(buffer) && ArrayBufferPrototypeGetDetached(buffer);
    }

    // ------------------------------------------------------------------ conversions (WebIDL §3.2)

    function toDOMString(value, context) {
        if (typeof value === 'symbol')
            throw typeError(context, 'Cannot convert a Symbol value to a string.');
        return `${value}`;
    }

    function toUSVString(value, context) {
        return StringPrototypeToWellFormed(toDOMString(value, context));
    }

    function toByteString(value, context) {
        const string = toDOMString(value, context);
        for (let i = 0; i < string.length; i++) {
            if (StringPrototypeCharCodeAt(string, i) > 0xFF)
                throw typeError(context, `The value contains the character at index ${i}, which is not a byte (it is above U+00FF).`);
        }
        return string;
    }

    function toBoolean(value) {
        return !!value;
    }

    // ToNumber throws its own TypeError for symbols and BigInts; say which argument it was.
    function toNumber(value, context) {
        if (typeof value === 'symbol' || typeof value === 'bigint')
            throw typeError(context, `Cannot convert a ${typeof value === 'symbol' ? 'Symbol' : 'BigInt'} value to a number.`);
        return +value;
    }

    function toDouble(value, context) {
        const number = toNumber(value, context);
        if (!NumberIsFinite(number))
            throw typeError(context, 'The provided double value is non-finite.');
        return number;
    }

    // WebIDL's ConvertToInt for the integer types: bits 8/16/32/64, unsigned or not, and the
    // [EnforceRange] / [Clamp] extended attributes (options.enforceRange, options.clamp).
    function toInteger(value, bits, unsigned, options, context) {
        const upper = bits === 64 ? 9007199254740991 : unsigned ? 2 ** bits - 1 : 2 ** (bits - 1) - 1;
        const lower = bits === 64 ? (unsigned ? 0 : -9007199254740991) : unsigned ? 0 : -(2 ** (bits - 1));
        let number = toNumber(value, context);
        if (number === 0)
            return 0; // -0 becomes +0
        if (options !== undefined && options.enforceRange) {
            if (NumberIsNaN(number) || !NumberIsFinite(number))
                throw typeError(context, 'The value is not a finite number.');
            number = MathTrunc(number);
            if (number < lower || number > upper)
                throw typeError(context, `The value is outside the range [${lower}, ${upper}].`);
            return number === 0 ? 0 : number;
        }
        if (options !== undefined && options.clamp && !NumberIsNaN(number)) {
            number = MathMin(MathMax(number, lower), upper);
            // Round half to even.
            const floor = MathFloor(number);
            const rounded = number - floor > 0.5 || (number - floor === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
            return rounded === 0 ? 0 : rounded;
        }
        if (NumberIsNaN(number) || !NumberIsFinite(number))
            return 0;
        number = MathTrunc(number);
        if (number >= lower && number <= upper)
            return number === 0 ? 0 : number;
        if (bits === 64) {
            // Modulo 2^64 cannot be done exactly in doubles; the spec's result for values past 2^53
            // is implementation-approximated the same way browsers do.
            const modulo = number % 18446744073709551616;
            const wrapped = modulo < 0 ? modulo + 18446744073709551616 : modulo;
            return !unsigned && wrapped >= 9223372036854775808 ? wrapped - 18446744073709551616 : wrapped;
        }
        const range = 2 ** bits;
        let wrapped = number % range;
        if (wrapped < 0)
            wrapped += range;
        if (!unsigned && wrapped >= range / 2)
            wrapped -= range;
        return wrapped === 0 ? 0 : wrapped;
    }

    function toUnsignedShort(value, context, options) {
        return toInteger(value, 16, true, options, context);
    }

    function toUnsignedLong(value, context, options) {
        return toInteger(value, 32, true, options, context);
    }

    function toLongLong(value, context, options) {
        return toInteger(value, 64, false, options, context);
    }

    function toUnsignedLongLong(value, context, options) {
        return toInteger(value, 64, true, options, context);
    }

    // A dictionary argument: undefined and null are the empty dictionary; other non-objects are a
    // TypeError. Callers then read the members they know, in lexicographic order, as the spec
    // requires (each read may run a getter).
    function toDictionary(value, context) {
        if (value === undefined || value === null)
            return undefined;
        if (!isObject(value))
            throw typeError(context, 'The provided value is not of type \'object\'.');
        return value;
    }

    function callbackFunction(value, context) {
        if (!isCallable(value))
            throw typeError(context, 'The callback provided as parameter is not a function.');
        return value;
    }

    // sequence<T>: iterates with the iterator protocol, reading `next` once, as WebIDL says; the
    // value's own @@iterator is used, so a script that changes Array.prototype[@@iterator] sees its
    // own iterator run, exactly as in a browser. The result is a fresh array with no prototype
    // lookups on writes.
    function toSequence(value, context, convert) {
        if (!isObject(value))
            throw typeError(context, 'The object must have a callable @@iterator property.');
        const method = value[SymbolIterator];
        if (!isCallable(method))
            throw typeError(context, 'The object must have a callable @@iterator property.');
        return iterate(value, method, context, convert);
    }

    function iterate(value, method, context, convert) {
        const iterator = FunctionPrototypeCall(method, value);
        if (!isObject(iterator))
            throw typeError(context, 'The iterator is not an object.');
        const next = iterator.next;
        const items = [];
        for (;;) {
            const step = FunctionPrototypeCall(next, iterator);
            if (!isObject(step))
                throw typeError(context, 'The iterator result is not an object.');
            if (step.done)
                return items;
            defineData(items, items.length, convert === undefined ? step.value : convert(step.value));
        }
    }

    // record<K, V>: own enumerable string keys, in [[OwnPropertyKeys]] order (Proxy traps included).
    function toRecord(value, context, convertKey, convertValue) {
        if (!isObject(value))
            throw typeError(context, 'The provided value is not of type \'object\'.');
        const entries = [];
        const keys = ReflectOwnKeys(value);
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            if (typeof key === 'symbol')
                continue;
            const descriptor = ReflectGetOwnPropertyDescriptor(value, key);
            if (descriptor === undefined || !descriptor.enumerable)
                continue;
            defineData(entries, entries.length, [convertKey(key), convertValue(value[key])]);
        }
        return entries;
    }

    // The bytes of a BufferSource (ArrayBuffer or ArrayBufferView; SharedArrayBuffer-backed only when
    // allowShared) as { bytes: a Uint8Array over the same memory, shared }, with no copy; a detached
    // buffer has no bytes, as WebIDL's "get a copy of the bytes" gives. Telling an ArrayBuffer from a
    // SharedArrayBuffer takes a brand-checking getter that throws on the other kind, and a thrown
    // TypeError costs some 20 µs (it captures a stack), more than encoding or hashing a short input:
    // so the ordinary kind is tried first, and only a shared buffer pays for a throw.
    function bufferSourceBytes(value, context, allowShared) {
        let buffer, offset, length;
        if (isArrayBufferView(value)) {
            if (isTypedArray(value)) {
                buffer = TypedArrayPrototypeGetBuffer(value);
                offset = TypedArrayPrototypeGetByteOffset(value);
                length = TypedArrayPrototypeGetByteLength(value);
            } else {
                buffer = DataViewPrototypeGetBuffer(value);
                offset = DataViewPrototypeGetByteOffset(value);
                length = DataViewPrototypeGetByteLength(value);
            }
            if (!isArrayBuffer(buffer)) {
                if (!allowShared)
                    throw typeError(context, 'The provided ArrayBufferView value must not be shared.');
                return { __proto__: null, bytes: new Uint8Array(buffer, offset, length), shared: true };
            }
            if (ArrayBufferPrototypeGetDetached(buffer))
                return { __proto__: null, bytes: new Uint8Array(0), shared: false };
            return { __proto__: null, bytes: new Uint8Array(buffer, offset, length), shared: false };
        }
        if (isArrayBuffer(value))
            return { __proto__: null, bytes: ArrayBufferPrototypeGetDetached(value) ? new Uint8Array(0) : new Uint8Array(value), shared: false };
        if (isSharedArrayBuffer(value)) {
            if (!allowShared)
                throw typeError(context, 'The provided ArrayBuffer value must not be shared.');
            return { __proto__: null, bytes: new Uint8Array(value), shared: true };
        }
        throw typeError(context, 'The provided value is not of type \'(ArrayBuffer or ArrayBufferView)\'.');
    }

    // ------------------------------------------------------------------ interface objects

    // Gives a class WebIDL's shape: operations and attributes on the prototype (and static ones on
    // the constructor) become enumerable, as WebIDL defines them and JS classes do not, and the
    // prototype gets its Symbol.toStringTag. `constructor`, `prototype`, `length` and `name` keep
    // the class's own descriptors, which already match WebIDL's.
    function defineInterface(constructor, name) {
        enumerateMembers(constructor.prototype, ['constructor']);
        enumerateMembers(constructor, ['prototype', 'length', 'name']);
        ObjectDefineProperty(constructor.prototype, SymbolToStringTag, { __proto__: null, value: name, configurable: true });
        return constructor;
    }

    function enumerateMembers(target, skip) {
        const names = ObjectGetOwnPropertyNames(target);
        for (let i = 0; i < names.length; i++) {
            const key = names[i];
            if (ArrayPrototypeIndexOf(skip, key) !== -1)
                continue;
            const descriptor = ObjectGetOwnPropertyDescriptor(target, key);
            if (descriptor.configurable && !descriptor.enumerable) {
                descriptor.enumerable = true;
                ObjectDefineProperty(target, key, descriptor);
            }
        }
    }

    // WebIDL constants: enumerable, neither writable nor configurable, on both the interface object
    // and its prototype.
    function defineConstants(constructor, constants) {
        const names = ObjectGetOwnPropertyNames(constants);
        for (let i = 0; i < names.length; i++) {
            const descriptor = { __proto__: null, value: constants[names[i]], enumerable: true };
            ObjectDefineProperty(constructor, names[i], descriptor);
            ObjectDefineProperty(constructor.prototype, names[i], descriptor);
        }
    }

    // An interface object on the global: writable, configurable, not enumerable.
    function exposeInterface(name, constructor) {
        ObjectDefineProperty(globalThis, name, { __proto__: null, value: constructor, writable: true, configurable: true });
    }

    // A global operation (atob, structuredClone …): writable, enumerable, configurable.
    function exposeOperation(name, operation) {
        defineData(globalThis, name, operation);
    }

    // A global [Replaceable] readonly attribute (crypto, performance, navigator): a getter, and a
    // setter that replaces the property with the assigned value, as browsers do.
    function exposeAttribute(name, value) {
        const descriptor = {
            __proto__: null,
            get: { [`get ${name}`]() { return value; } }[`get ${name}`],
            set: { [`set ${name}`](replacement) { defineData(globalThis, name, replacement); } }[`set ${name}`],
            enumerable: true,
            configurable: true,
        };
        ObjectDefineProperty(globalThis, name, descriptor);
    }

    const idl = ObjectFreeze({
        __proto__: null,
        method, constructing, getting, setting, typeError, illegalInvocation, requireArguments, parameter,
        isObject, isCallable, isArrayBuffer, isArrayBufferView, isDetached,
        toDOMString, toUSVString, toByteString, toBoolean, toDouble,
        toUnsignedShort, toUnsignedLong, toLongLong, toUnsignedLongLong,
        toDictionary, callbackFunction, toSequence, iterate, toRecord, bufferSourceBytes,
        defineInterface, defineConstants, exposeInterface, exposeOperation, exposeAttribute,
    });

    return { __proto__: null, idl };
})
