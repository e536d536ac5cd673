// Fetch's Body mixin without streams: a body is its bytes, held whole (a Uint8Array nothing else
// writes to) with a `used` flag. `extract(init, context)` turns a BodyInit (Blob, BufferSource,
// URLSearchParams, or anything else as a USVString) into { body, type }; `consume(body, headers,
// kind, context)` is text()/json()/arrayBuffer()/bytes()/blob(): a promise of the result, rejected
// with a TypeError when the body was already read. Adds `web.bodySupport`.
(function (primordials, web) {
    'use strict';

    const {
        JSONParse, ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyDescriptor, PromiseReject,
        PromiseResolve, StringPrototypeCharCodeAt, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetLength,
        TypedArrayPrototypeSubarray, Uint8Array, uncurryThis, defineData,
    } = primordials;
    const { idl, headerSupport } = web;

    // URLSearchParams's own serializer, captured before scripts can replace it; it throws for
    // anything that is not a URLSearchParams, which is how one is recognised.
    const searchParamsToString = uncurryThis(web.URLSearchParams.prototype.toString);

    function searchParamsText(value) {
        try {
            return searchParamsToString(value);
        } catch {
            return undefined;
        }
    }

    // WebIDL's "get a copy of the bytes held by the buffer source" (empty once detached).
    function copyBytes(value, context) {
        return new Uint8Array(idl.bufferSourceBytes(value, context, false).bytes);
    }

    function body(bytes) {
        return { __proto__: null, bytes, used: false };
    }

    // BodyInit's union, in WebIDL's order: Blob, BufferSource, URLSearchParams, USVString.
    function extract(init, context) {
        const blob = web.blobData(init);
        if (blob !== undefined)
            return { __proto__: null, body: body(blob.bytes), type: blob.type === '' ? null : blob.type };
        if (idl.isArrayBufferView(init) || idl.isArrayBuffer(init))
            return { __proto__: null, body: body(copyBytes(init, context)), type: null };
        if (idl.isObject(init)) {
            const form = searchParamsText(init);
            if (form !== undefined)
                return { __proto__: null, body: body(web.utf8Encode(form)), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
        }
        return { __proto__: null, body: body(web.utf8Encode(idl.toUSVString(init, context))), type: 'text/plain;charset=UTF-8' };
    }

    // A copy that shares the bytes (no one writes to them), for clone() and for Request(request).
    function share(source) {
        return source === null ? null : body(source.bytes);
    }

    function isUsed(source) {
        return source !== null && source.used;
    }

    // UTF-8 decode: a leading BOM is dropped, then the bytes are decoded with replacement.
    function decodeText(bytes) {
        const skip = TypedArrayPrototypeGetLength(bytes) >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF;
        return web.utf8Decode(skip ? TypedArrayPrototypeSubarray(bytes, 3) : bytes);
    }

    // The Content-Type's MIME type for blob(): lowercased when it is printable ASCII (Blob's own
    // rule for `type`), else the empty string.
    function mimeType(headers) {
        const value = headerSupport.get(headers, 'content-type');
        if (value === null)
            return '';
        for (let i = 0; i < value.length; i++) {
            const unit = StringPrototypeCharCodeAt(value, i);
            if (unit < 0x20 || unit > 0x7E)
                return '';
        }
        return headerSupport.asciiLower(value);
    }

    function consume(source, headers, kind, context) {
        if (isUsed(source))
            return PromiseReject(idl.typeError(context, 'The body has already been read.'));
        let bytes;
        if (source === null) {
            bytes = new Uint8Array(0);
        } else {
            source.used = true;
            bytes = source.bytes;
        }
        try {
            switch (kind) {
                case 'text':
                    return PromiseResolve(decodeText(bytes));
                case 'json':
                    return PromiseResolve(JSONParse(decodeText(bytes)));
                case 'arrayBuffer':
                    return PromiseResolve(TypedArrayPrototypeGetBuffer(new Uint8Array(bytes)));
                case 'bytes':
                    return PromiseResolve(new Uint8Array(bytes));
                default:
                    return PromiseResolve(web.createBlob({ __proto__: null, bytes, type: mimeType(headers), isFile: false }));
            }
        } catch (error) {
            return PromiseReject(error);
        }
    }

    // The mixin's members, the same for Request and Response: `stateOf(receiver)` gives the
    // receiver's { body, headers } or undefined for a foreign object.
    function defineMembers(prototype, iface, stateOf) {
        const members = {
            get bodyUsed() {
                const state = stateOf(this);
                if (state === undefined)
                    throw idl.illegalInvocation(idl.getting(iface, 'bodyUsed'));
                return isUsed(state.body);
            },
            arrayBuffer() {
                return read(this, 'arrayBuffer');
            },
            blob() {
                return read(this, 'blob');
            },
            bytes() {
                return read(this, 'bytes');
            },
            json() {
                return read(this, 'json');
            },
            text() {
                return read(this, 'text');
            },
        };
        function read(receiver, kind) {
            const context = idl.method(iface, kind);
            const state = stateOf(receiver);
            if (state === undefined)
                return PromiseReject(idl.illegalInvocation(context));
            return consume(state.body, state.headers, kind, context);
        }
        const names = ['bodyUsed', 'arrayBuffer', 'blob', 'bytes', 'json', 'text'];
        for (let i = 0; i < names.length; i++) {
            const descriptor = ObjectGetOwnPropertyDescriptor(members, names[i]);
            descriptor.enumerable = false;
            ObjectDefineProperty(prototype, names[i], descriptor);
        }
    }

    defineData(web, 'bodySupport', ObjectFreeze({
        __proto__: null,
        extract, share, isUsed, body, defineMembers,
    }));
})
