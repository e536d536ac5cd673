// The bytes of a BufferSource without the cost of a thrown exception. Telling an ArrayBuffer from
// a SharedArrayBuffer takes a brand-checking getter that throws on the other kind, and a thrown
// TypeError costs some 20 µs (it captures a stack), more than encoding or hashing a short input.
// So the likely kind is tried first, guessed from the prototype; the guess is only a hint (a script
// can change a buffer's prototype) and the brand check decides. Adds
// `web.bufferSourceBytes(value, context, allowShared)`: a Uint8Array over the same bytes (empty
// for a detached buffer, as WebIDL's "get a copy of the bytes" gives), with `shared` telling
// whether they are shared memory; a TypeError naming `context` for anything else.
(function (primordials, web) {
    'use strict';

    const {
        ArrayBufferPrototypeGetByteLength, ArrayBufferPrototypeGetDetached, DataViewPrototypeGetBuffer,
        DataViewPrototypeGetByteLength, DataViewPrototypeGetByteOffset, ObjectGetPrototypeOf, SharedArrayBuffer,
        SharedArrayBufferPrototypeGetByteLength, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteLength,
        TypedArrayPrototypeGetByteOffset, TypedArrayPrototypeGetSymbolToStringTag, Uint8Array, defineData,
    } = primordials;
    const { idl } = web;

    const SharedArrayBufferPrototype = SharedArrayBuffer.prototype;

    function isPlain(buffer) {
        try {
            ArrayBufferPrototypeGetByteLength(buffer);
            return true;
        } catch {
            return false;
        }
    }

    function isShared(buffer) {
        try {
            SharedArrayBufferPrototypeGetByteLength(buffer);
            return true;
        } catch {
            return false;
        }
    }

    // 'plain', 'shared' or undefined, for a view's buffer (a real buffer: no Proxy trap can run).
    function kindOf(buffer) {
        if (ObjectGetPrototypeOf(buffer) === SharedArrayBufferPrototype)
            return isShared(buffer) ? 'shared' : isPlain(buffer) ? 'plain' : undefined;
        return isPlain(buffer) ? 'plain' : isShared(buffer) ? 'shared' : undefined;
    }

    // The same for any value; no prototype lookup, which a Proxy could trap.
    function bufferKindOfValue(value) {
        if (!idl.isObject(value))
            return undefined;
        return isPlain(value) ? 'plain' : isShared(value) ? 'shared' : undefined;
    }

    const notBufferSource = 'The provided value is not of type \'(ArrayBuffer or ArrayBufferView)\'.';

    function bufferSourceBytes(value, context, allowShared) {
        let buffer, offset, length;
        if (idl.isArrayBufferView(value)) {
            if (TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined) {
                buffer = TypedArrayPrototypeGetBuffer(value);
                offset = TypedArrayPrototypeGetByteOffset(value);
                length = TypedArrayPrototypeGetByteLength(value);
            } else {
                buffer = DataViewPrototypeGetBuffer(value);
                offset = DataViewPrototypeGetByteOffset(value);
                length = DataViewPrototypeGetByteLength(value);
            }
            const kind = kindOf(buffer);
            if (kind === 'shared') {
                if (!allowShared)
                    throw idl.typeError(context, 'The provided ArrayBufferView value must not be shared.');
                return { __proto__: null, bytes: new Uint8Array(buffer, offset, length), shared: true };
            }
            if (ArrayBufferPrototypeGetDetached(buffer))
                return { __proto__: null, bytes: new Uint8Array(0), shared: false };
            return { __proto__: null, bytes: new Uint8Array(buffer, offset, length), shared: false };
        }
        const kind = bufferKindOfValue(value);
        if (kind === 'plain')
            return { __proto__: null, bytes: ArrayBufferPrototypeGetDetached(value) ? new Uint8Array(0) : new Uint8Array(value), shared: false };
        if (kind === 'shared') {
            if (!allowShared)
                throw idl.typeError(context, 'The provided ArrayBuffer value must not be shared.');
            return { __proto__: null, bytes: new Uint8Array(value), shared: true };
        }
        throw idl.typeError(context, notBufferSource);
    }

    defineData(web, 'bufferSourceBytes', bufferSourceBytes);
})
