// The global structuredClone(value, { transfer }) (HTML §2.7): serializes with StructuredClone.js
// (the serializer that also copies values between contexts) and deserializes at once. It installs
// that serializer's platform hooks: Blob, File and DOMException are serializable platform objects;
// MessagePorts are transferable; the other Web API objects (URL, EventTarget, AbortSignal …) are
// platform objects that are not serializable, and cloning one is a DataCloneError, as in a browser,
// instead of a copy of its (no) own properties.
//
// Adds `web.serializeWithTransfer(value, transfer, context)` → a message { bytes, records },
// `web.deserializeMessage(message)` → { value, ports } and `web.transferList(options, context)`, which
// MessagePort.postMessage uses too, and `web.markNotSerializable(name, constructor)` for interfaces
// installed after this file.
(function (primordials, web, serialize, deserialize, isCloneError, setPlatformHooks) {
    'use strict';

    const {
        ArrayBufferPrototypeTransfer, ArrayPrototypeIndexOf, ArrayPrototypePush, ObjectPrototypeIsPrototypeOf,
        defineData, globalThis,
    } = primordials;
    const { idl } = web;

    // Platform objects that are not serializable, by interface; the globals are read now, before any
    // script can replace them, and interfaces installed later add themselves (markNotSerializable).
    const NOT_SERIALIZABLE = [];

    function markNotSerializable(name, constructor) {
        ArrayPrototypePush(NOT_SERIALIZABLE, { __proto__: null, name, prototype: constructor.prototype });
    }

    const names = [
        'URL', 'URLSearchParams', 'EventTarget', 'Event', 'AbortController', 'TextEncoder', 'TextDecoder',
        'Crypto', 'SubtleCrypto', 'Performance', 'PerformanceEntry', 'Navigator', 'MessageChannel',
    ];
    for (let i = 0; i < names.length; i++) {
        const constructor = globalThis[names[i]];
        if (typeof constructor === 'function')
            markNotSerializable(names[i], constructor);
    }

    function dataCloneError(message) {
        return web.domException(message, 'DataCloneError');
    }

    // The transfer of the serialization or deserialization in progress: the ports being transferred
    // (serializing) or their records and the ports made from them so far (deserializing). Saved and
    // restored around each call, because a getter of the value may clone something itself.
    let transferring;

    setPlatformHooks({
        __proto__: null,
        describe(value) {
            const exception = web.domExceptionFields(value);
            if (exception !== undefined)
                return { __proto__: null, kind: 'DOMException', fields: exception };
            const blob = web.blobData === undefined ? undefined : web.blobData(value);
            if (blob !== undefined)
                return { __proto__: null, kind: 'Blob', fields: blob };
            if (web.messagePorts !== undefined && web.messagePorts.isPort(value)) {
                const index = transferring === undefined || transferring.ports === undefined ? -1 : ArrayPrototypeIndexOf(transferring.ports, value);
                if (index === -1)
                    throw dataCloneError('A MessagePort can only be cloned when it is in the transfer list.');
                return { __proto__: null, kind: 'MessagePort', fields: index };
            }
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
            if (kind === 'MessagePort' && transferring !== undefined && transferring.records !== undefined && fields < transferring.records.length)
                return adopted(transferring, fields);
            throw dataCloneError(`Unknown platform object kind '${kind}'.`);
        },
    });

    function adopted(state, index) {
        let port = state.adopted[index];
        if (port === undefined) {
            port = web.messagePorts.adopt(state.records[index]);
            defineData(state.adopted, index, port);
        }
        return port;
    }

    // HTML's transfer list checks: ArrayBuffers and MessagePorts, none twice, none already detached.
    function checkTransfer(list, context) {
        for (let i = 0; i < list.length; i++) {
            const item = list[i];
            if (ArrayPrototypeIndexOf(list, item) !== i)
                throw dataCloneError(`${context}: the transfer list holds the object at index ${i} twice.`);
            if (idl.isArrayBuffer(item)) {
                if (idl.isDetached(item))
                    throw dataCloneError(`${context}: ArrayBuffer at index ${i} of the transfer list is already detached.`);
            } else if (web.messagePorts !== undefined && web.messagePorts.isPort(item)) {
                if (web.messagePorts.isDetached(item))
                    throw dataCloneError(`${context}: MessagePort at index ${i} of the transfer list is already detached.`);
            } else {
                throw dataCloneError(`${context}: value at index ${i} of the transfer list is not transferable (ArrayBuffers and MessagePorts are).`);
            }
        }
    }

    function serializeWithTransfer(value, transfer, context) {
        checkTransfer(transfer, context);
        const ports = [];
        for (let i = 0; i < transfer.length; i++) {
            if (!idl.isArrayBuffer(transfer[i]))
                ArrayPrototypePush(ports, transfer[i]);
        }
        const outer = transferring;
        transferring = { __proto__: null, ports, records: undefined, adopted: undefined };
        let bytes;
        try {
            bytes = serialize(value);
        } catch (error) {
            if (isCloneError(error))
                throw dataCloneError(`${context}: ${error.message}`);
            throw error;
        } finally {
            transferring = outer;
        }
        // The copy holds the buffers' bytes; the originals are detached, as after a transfer. Ports hand
        // their entanglement to the records the receiving side adopts.
        const records = [];
        for (let i = 0; i < transfer.length; i++) {
            if (idl.isArrayBuffer(transfer[i]))
                ArrayBufferPrototypeTransfer(transfer[i]);
            else
                ArrayPrototypePush(records, web.messagePorts.detach(transfer[i]));
        }
        return { __proto__: null, bytes, records };
    }

    // Every transferred port becomes a MessagePort on the receiving side, also those the value does
    // not reference (a MessageEvent's `ports`).
    function deserializeMessage(message) {
        const outer = transferring;
        const state = { __proto__: null, ports: undefined, records: message.records, adopted: [] };
        transferring = state;
        let value;
        try {
            value = deserialize(message.bytes);
        } finally {
            transferring = outer;
        }
        const ports = [];
        for (let i = 0; i < message.records.length; i++)
            ArrayPrototypePush(ports, adopted(state, i));
        return { __proto__: null, value, ports };
    }

    // StructuredSerializeOptions' transfer member as a list of objects.
    function transferList(options, context) {
        const dictionary = idl.toDictionary(options, context);
        const transfer = dictionary === undefined ? undefined : dictionary.transfer;
        if (transfer === undefined)
            return [];
        return idl.toSequence(transfer, context, (item) => {
            if (!idl.isObject(item))
                throw idl.typeError(context, 'The transfer list may hold only objects.');
            return item;
        });
    }

    const context = idl.method('globalThis', 'structuredClone');

    function structuredClone(value, options = undefined) {
        idl.requireArguments(arguments.length, 1, context);
        return deserializeMessage(serializeWithTransfer(value, transferList(options, context), context)).value;
    }

    idl.exposeOperation('structuredClone', structuredClone);
    defineData(web, 'serializeWithTransfer', serializeWithTransfer);
    defineData(web, 'deserializeMessage', deserializeMessage);
    defineData(web, 'transferList', transferList);
    // For Web APIs installed later (FetchApi's Headers, Request, Response).
    defineData(web, 'markNotSerializable', markNotSerializable);
})
