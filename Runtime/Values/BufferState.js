// V8Host buffer state: the live sizes of ArrayBuffers and their views for JsArrayBuffer and
// JsTypedArray (BufferBytes.cs), a function of the primordials table. ClearScript reads a size once
// and keeps it, but script can detach a buffer (transfer, structuredClone), shrink or grow a resizable
// one and grow a growable SharedArrayBuffer; .NET must never touch a byte past the live end. Only the
// captured getters are read: a script can redefine `byteLength` on an instance or a prototype.
// Sizes are >= 0; -1 means detached, -2 a view out of bounds of its shrunk buffer.
(function (primordials) {
    'use strict';

    const {
        ArrayBufferIsView,
        ArrayBufferPrototypeGetByteLength,
        ArrayBufferPrototypeGetDetached,
        ArrayBufferPrototypeGetResizable,
        DataViewPrototypeGetBuffer,
        DataViewPrototypeGetByteLength,
        DataViewPrototypeGetByteOffset,
        SharedArrayBufferPrototypeGetByteLength,
        SharedArrayBufferPrototypeGetGrowable,
        TypedArrayPrototypeEntries,
        TypedArrayPrototypeGetBuffer,
        TypedArrayPrototypeGetByteLength,
        TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetLength,
        TypedArrayPrototypeGetSymbolToStringTag,
    } = primordials;

    const DETACHED = -1;
    const OUT_OF_BOUNDS = -2;
    const VARIABLE = 1;
    const SHARED = 2;

    // A DataView has no typed-array [Symbol.toStringTag]; the getter is the intrinsic one.
    const isTypedArray = view => TypedArrayPrototypeGetSymbolToStringTag(view) !== undefined;
    const bufferOf = view => isTypedArray(view) ? TypedArrayPrototypeGetBuffer(view) : DataViewPrototypeGetBuffer(view);

    return {
        __proto__: null,

        // VARIABLE: the size can change other than by detaching (resizable, growable); SHARED: a
        // SharedArrayBuffer, which is never detached. Neither changes over an object's life.
        shapeOf(value) {
            const buffer = ArrayBufferIsView(value) ? bufferOf(value) : value;
            let resizable;
            try {
                resizable = ArrayBufferPrototypeGetResizable(buffer);
            } catch {
                return SHARED | (SharedArrayBufferPrototypeGetGrowable(buffer) ? VARIABLE : 0);
            }
            return resizable ? VARIABLE : 0;
        },
        bufferLength(buffer, shared) {
            if (shared) return SharedArrayBufferPrototypeGetByteLength(buffer);
            return ArrayBufferPrototypeGetDetached(buffer) ? DETACHED : ArrayBufferPrototypeGetByteLength(buffer);
        },
        viewByteLength(view, shared) {
            if (!shared && ArrayBufferPrototypeGetDetached(bufferOf(view))) return DETACHED;
            if (isTypedArray(view)) {
                // The intrinsic getters read 0 for a view out of bounds; its methods refuse it.
                try {
                    TypedArrayPrototypeEntries(view);
                } catch {
                    return OUT_OF_BOUNDS;
                }
                return TypedArrayPrototypeGetByteLength(view);
            }
            try {
                return DataViewPrototypeGetByteLength(view);
            } catch {
                return OUT_OF_BOUNDS;
            }
        },
        // What the JS getters say, with 0 where a DataView's would throw (detached, out of bounds).
        viewLength(view) {
            if (isTypedArray(view)) return TypedArrayPrototypeGetLength(view);
            try {
                return DataViewPrototypeGetByteLength(view);
            } catch {
                return 0;
            }
        },
        viewByteOffset(view) {
            if (isTypedArray(view)) return TypedArrayPrototypeGetByteOffset(view);
            try {
                return DataViewPrototypeGetByteOffset(view);
            } catch {
                return 0;
            }
        },
    };
});
