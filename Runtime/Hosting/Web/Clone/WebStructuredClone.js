// The global structuredClone(value, { transfer }) (HTML §2.7): serializes with StructuredClone.js
// (the serializer that also copies values between contexts) and deserializes at once. It installs
// that serializer's platform hooks: Blob, File and DOMException are serializable platform objects;
// the other Web API objects (URL, EventTarget, AbortSignal …) are platform objects that are not, and
// cloning one is a DataCloneError, as in a browser, instead of a copy of its (no) own properties.
(function (primordials, web, serialize, deserialize, isCloneError, setPlatformHooks) {
    'use strict';

    const {
        ArrayBufferPrototypeTransfer, ArrayPrototypeIndexOf, ArrayPrototypePush, ObjectPrototypeIsPrototypeOf,
        globalThis,
    } = primordials;
    const { idl } = web;

    // Captured now, before any script can replace the globals.
    const NOT_SERIALIZABLE = [];
    const names = [
        'URL', 'URLSearchParams', 'EventTarget', 'Event', 'AbortController', 'TextEncoder', 'TextDecoder',
        'Crypto', 'SubtleCrypto', 'Performance', 'PerformanceEntry', 'Navigator',
    ];
    for (let i = 0; i < names.length; i++) {
        const constructor = globalThis[names[i]];
        if (typeof constructor === 'function')
            ArrayPrototypePush(NOT_SERIALIZABLE, { __proto__: null, name: names[i], prototype: constructor.prototype });
    }

    function dataCloneError(message) {
        return web.domException(message, 'DataCloneError');
    }

    setPlatformHooks({
        __proto__: null,
        describe(value) {
            if (web.isDOMException(value))
                return { __proto__: null, kind: 'DOMException', fields: { __proto__: null, name: value.name, message: value.message } };
            const blob = web.blobData === undefined ? undefined : web.blobData(value);
            if (blob !== undefined)
                return { __proto__: null, kind: 'Blob', fields: blob };
            for (let i = 0; i < NOT_SERIALIZABLE.length; i++) {
                if (ObjectPrototypeIsPrototypeOf(NOT_SERIALIZABLE[i].prototype, value))
                    throw dataCloneError(`${NOT_SERIALIZABLE[i].name} object could not be cloned.`);
            }
            return undefined;
        },
        create(kind, fields) {
            if (kind === 'DOMException')
                return web.domException(fields.message, fields.name);
            if (kind === 'Blob' && web.createBlob !== undefined)
                return web.createBlob(fields);
            throw dataCloneError(`Unknown platform object kind '${kind}'.`);
        },
    });

    const context = idl.method('globalThis', 'structuredClone');

    function transferList(options) {
        const dictionary = idl.toDictionary(options, context);
        const transfer = dictionary === undefined ? undefined : dictionary.transfer;
        if (transfer === undefined)
            return [];
        const list = idl.toSequence(transfer, context, (item) => {
            if (!idl.isObject(item))
                throw idl.typeError(context, 'Value at index of transfer is not an object.');
            return item;
        });
        for (let i = 0; i < list.length; i++) {
            const buffer = list[i];
            if (!idl.isArrayBuffer(buffer))
                throw dataCloneError(`${context}: Value at index ${i} of the transfer list is not a transferable object (only ArrayBuffers can be transferred here).`);
            if (ArrayPrototypeIndexOf(list, buffer) !== i)
                throw dataCloneError(`${context}: ArrayBuffer at index ${i} is a duplicate of an earlier ArrayBuffer.`);
            if (idl.isDetached(buffer))
                throw dataCloneError(`${context}: ArrayBuffer at index ${i} is already detached.`);
        }
        return list;
    }

    function structuredClone(value, options = undefined) {
        idl.requireArguments(arguments.length, 1, context);
        const transfer = transferList(options);
        let bytes;
        try {
            bytes = serialize(value);
        } catch (error) {
            if (isCloneError(error))
                throw dataCloneError(`${context}: ${error.message}`);
            throw error;
        }
        // The copy holds the bytes; the transferred originals are detached, as after a transfer.
        for (let i = 0; i < transfer.length; i++)
            ArrayBufferPrototypeTransfer(transfer[i]);
        return deserialize(bytes);
    }

    idl.exposeOperation('structuredClone', structuredClone);
})
