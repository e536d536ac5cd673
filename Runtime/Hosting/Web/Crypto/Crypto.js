// Web Crypto: the `crypto` global (a Crypto), getRandomValues and randomUUID from .NET's
// RandomNumberGenerator, and `crypto.subtle` (a SubtleCrypto) with digest() for SHA-1/-256/-384/-512
// through .NET's hash functions. The other SubtleCrypto operations are absent, not stubbed.
(function (primordials, web, fillRandom, randomUUID, hash) {
    'use strict';

    const {
        ArrayBuffer, PromiseReject, PromiseResolve, StringFromCharCode, StringPrototypeCharCodeAt, TypeError,
        TypedArrayPrototypeGetByteLength, TypedArrayPrototypeGetSymbolToStringTag, Uint8Array,
    } = primordials;
    const { idl } = web;

    // Only interface objects are exposed; instances come from here alone.
    const secret = { __proto__: null };

    const integerArrays = {
        __proto__: null,
        Int8Array: true, Uint8Array: true, Uint8ClampedArray: true, Int16Array: true, Uint16Array: true,
        Int32Array: true, Uint32Array: true, BigInt64Array: true, BigUint64Array: true,
    };

    // Digest length in bytes and the .NET algorithm number, by upper-cased name.
    const digests = {
        __proto__: null,
        'SHA-1': { __proto__: null, id: 1, length: 20 },
        'SHA-256': { __proto__: null, id: 256, length: 32 },
        'SHA-384': { __proto__: null, id: 384, length: 48 },
        'SHA-512': { __proto__: null, id: 512, length: 64 },
    };

    function asciiUppercase(string) {
        let result = '';
        for (let i = 0; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            result += StringFromCharCode(unit >= 0x61 && unit <= 0x7A ? unit - 0x20 : unit);
        }
        return result;
    }

    let isSubtleCrypto;

    class SubtleCrypto {
        #brand = true;

        constructor(token) {
            if (token !== secret)
                throw new TypeError(`${idl.constructing('SubtleCrypto')}: Illegal constructor`);
        }

        // WebIDL turns every exception of a promise-returning operation into a rejection.
        digest(algorithm, data) {
            try {
                return PromiseResolve(digest(this, arguments.length, algorithm, data));
            } catch (error) {
                return PromiseReject(error);
            }
        }

        static {
            isSubtleCrypto = (value) => idl.isObject(value) && #brand in value;
        }
    }

    function digest(receiver, count, algorithm, data) {
        const context = idl.method('SubtleCrypto', 'digest');
        if (!isSubtleCrypto(receiver))
            throw idl.illegalInvocation(context);
        idl.requireArguments(count, 2, context);
        // AlgorithmIdentifier: (object or DOMString), then BufferSource.
        const identifier = idl.isObject(algorithm) ? algorithm : idl.toDOMString(algorithm, idl.parameter(context, 1));
        if (!idl.isArrayBufferView(data) && !idl.isArrayBuffer(data))
            throw idl.typeError(idl.parameter(context, 2), 'The provided value is not of type \'(ArrayBuffer or ArrayBufferView)\'.');
        // Normalizing the algorithm reads `name` (a getter may run) before the bytes are taken.
        let name;
        if (typeof identifier === 'string') {
            name = identifier;
        } else {
            const value = identifier.name;
            if (value === undefined)
                throw idl.typeError(idl.parameter(context, 1), 'Algorithm: name: Missing or not a string.');
            name = idl.toDOMString(value, `${idl.parameter(context, 1)}: member name`);
        }
        const entry = digests[asciiUppercase(name)];
        if (entry === undefined)
            throw web.domException(`${context}: Algorithm: Unrecognized name ${name} for digest.`, 'NotSupportedError');
        const bytes = idl.bufferSourceBytes(data, idl.parameter(context, 2), false).bytes;
        // The hash runs now, over the bytes as they are: nothing can change them before it ends, so
        // this is the spec's copy of the bytes.
        const result = new ArrayBuffer(entry.length);
        hash(entry.id, bytes, new Uint8Array(result));
        return result;
    }

    let isCrypto;

    class Crypto {
        #subtle;

        constructor(token) {
            if (token !== secret)
                throw new TypeError(`${idl.constructing('Crypto')}: Illegal constructor`);
            this.#subtle = new SubtleCrypto(secret);
        }

        get subtle() {
            if (!isCrypto(this))
                throw idl.illegalInvocation(idl.getting('Crypto', 'subtle'));
            return this.#subtle;
        }

        getRandomValues(array) {
            const context = idl.method('Crypto', 'getRandomValues');
            if (!isCrypto(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            if (!idl.isArrayBufferView(array))
                throw idl.typeError(idl.parameter(context, 1), 'The provided value is not of type \'ArrayBufferView\'.');
            const tag = TypedArrayPrototypeGetSymbolToStringTag(array);
            if (tag === undefined || integerArrays[tag] !== true)
                throw web.domException(`${context}: The provided ArrayBufferView is of type '${tag ?? 'DataView'}', which is not an integer array type.`, 'TypeMismatchError');
            // Throws for shared memory, which getRandomValues does not take.
            idl.bufferSourceBytes(array, idl.parameter(context, 1), false);
            const length = TypedArrayPrototypeGetByteLength(array);
            // The Web Crypto spec throws a QuotaExceededError with neither quota nor requested set.
            if (length > 65536)
                throw web.quotaExceeded(`${context}: The ArrayBufferView's byte length (${length}) exceeds the number of bytes of entropy available via this API (65536).`);
            if (length > 0)
                fillRandom(array);
            return array;
        }

        randomUUID() {
            if (!isCrypto(this))
                throw idl.illegalInvocation(idl.method('Crypto', 'randomUUID'));
            return randomUUID();
        }

        static {
            isCrypto = (value) => idl.isObject(value) && #subtle in value;
        }
    }

    idl.defineInterface(SubtleCrypto, 'SubtleCrypto');
    idl.defineInterface(Crypto, 'Crypto');
    idl.exposeInterface('SubtleCrypto', SubtleCrypto);
    idl.exposeInterface('Crypto', Crypto);
    idl.exposeAttribute('crypto', new Crypto(secret));
})
