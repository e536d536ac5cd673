// Blob and File (the File API). A Blob's bytes live in one internal Uint8Array that nothing ever
// writes to after construction, so slices share it instead of copying. stream() is absent: this
// runtime has no ReadableStream. Adds `web.Blob`, `web.File`, and for structured clone
// `web.blobData(value)` ({ bytes, type, name, lastModified, isFile } for a Blob or File, else
// undefined; `bytes` is the Blob's own storage: read it, never write to it) and
// `web.createBlob({ bytes, type, name, lastModified, isFile })` (the Blob takes `bytes` over: pass
// bytes nothing else holds).
(function (primordials, web) {
    'use strict';

    const {
        Date, DatePrototypeGetTime, MathMax, MathMin, PromiseReject, PromiseResolve, StringFromCharCode,
        StringPrototypeCharCodeAt, StringPrototypeSlice, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetLength, TypedArrayPrototypeGetSymbolToStringTag, TypedArrayPrototypeSet, Uint8Array, defineData,
    } = primordials;
    const { idl } = web;

    // Lets the glue construct a Blob or File from bytes it already owns, with no script-visible
    // conversions; scripts cannot reach it.
    const internal = { __proto__: null };

    // A MIME type as the File API keeps it: empty unless every unit is printable ASCII, then
    // ASCII-lowercased.
    function normalizeType(type) {
        let result = '';
        for (let i = 0; i < type.length; i++) {
            const unit = StringPrototypeCharCodeAt(type, i);
            if (unit < 0x20 || unit > 0x7E)
                return '';
            result += StringFromCharCode(unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit);
        }
        return result;
    }

    // endings: "native" turns CR LF and lone CR into the platform's line ending (LF here).
    function nativeLineEndings(string) {
        let result = '';
        let start = 0;
        for (let i = 0; i < string.length; i++) {
            if (StringPrototypeCharCodeAt(string, i) !== 0x0D)
                continue;
            result += StringPrototypeSlice(string, start, i) + '\n';
            if (StringPrototypeCharCodeAt(string, i + 1) === 0x0A)
                i++;
            start = i + 1;
        }
        return start === 0 ? string : result + StringPrototypeSlice(string, start);
    }

    // A BlobPart (BufferSource or Blob or USVString), converted when the sequence yields it, as
    // WebIDL orders it: a Blob stays itself, buffer bytes are copied now, anything else becomes a string.
    function toBlobPart(value, context) {
        if (isBlob(value))
            return value;
        // A SharedArrayBuffer is no BufferSource, so it becomes a string; a view of one is refused.
        if (idl.isArrayBufferView(value) || idl.isArrayBuffer(value))
            return new Uint8Array(idl.bufferSourceBytes(value, context, false).bytes);
        return idl.toUSVString(value, context);
    }

    function readBag(options, context) {
        const dictionary = idl.toDictionary(options, context);
        let endings = 'transparent';
        let type = '';
        if (dictionary !== undefined) {
            const endingsValue = dictionary.endings;
            if (endingsValue !== undefined) {
                endings = idl.toDOMString(endingsValue, `${context}: member endings`);
                if (endings !== 'transparent' && endings !== 'native')
                    throw idl.typeError(`${context}: member endings`, `The provided value '${endings}' is not a valid enum value of type EndingType.`);
            }
            const typeValue = dictionary.type;
            if (typeValue !== undefined)
                type = idl.toDOMString(typeValue, `${context}: member type`);
        }
        return { __proto__: null, dictionary, endings, type: normalizeType(type) };
    }

    // The parts' bytes, concatenated into one new Uint8Array.
    function processParts(parts, endings) {
        const chunks = [];
        let total = 0;
        for (let i = 0; i < parts.length; i++) {
            const part = parts[i];
            let bytes;
            if (typeof part === 'string')
                bytes = web.utf8Encode(endings === 'native' ? nativeLineEndings(part) : part);
            else if (isBlob(part))
                bytes = bytesOf(part);
            else
                bytes = part;
            defineData(chunks, chunks.length, bytes);
            total += TypedArrayPrototypeGetLength(bytes);
        }
        // Every chunk is already private and never written to, so a lone one serves as it is.
        if (chunks.length === 1)
            return chunks[0];
        const result = new Uint8Array(total);
        let offset = 0;
        for (let i = 0; i < chunks.length; i++) {
            TypedArrayPrototypeSet(result, chunks[i], offset);
            offset += TypedArrayPrototypeGetLength(chunks[i]);
        }
        return result;
    }

    function toParts(blobParts, context) {
        if (blobParts === undefined)
            return [];
        return idl.toSequence(blobParts, context, (value) => toBlobPart(value, context));
    }

    let isBlob;
    let bytesOf;
    let typeOf;

    class Blob {
        #bytes;
        #type;

        constructor(blobParts = undefined, options = undefined) {
            if (blobParts === internal) {
                this.#bytes = options.bytes;
                this.#type = options.type;
                return;
            }
            const context = idl.constructing('Blob');
            const parts = toParts(blobParts, idl.parameter(context, 1));
            const bag = readBag(options, idl.parameter(context, 2));
            this.#bytes = processParts(parts, bag.endings);
            this.#type = bag.type;
        }

        get size() {
            if (!isBlob(this))
                throw idl.illegalInvocation(idl.getting('Blob', 'size'));
            return TypedArrayPrototypeGetLength(this.#bytes);
        }

        get type() {
            if (!isBlob(this))
                throw idl.illegalInvocation(idl.getting('Blob', 'type'));
            return this.#type;
        }

        slice(start = undefined, end = undefined, contentType = undefined) {
            const context = idl.method('Blob', 'slice');
            if (!isBlob(this))
                throw idl.illegalInvocation(context);
            const clamp = { __proto__: null, clamp: true };
            const from = start === undefined ? 0 : idl.toLongLong(start, idl.parameter(context, 1), clamp);
            const to = end === undefined ? undefined : idl.toLongLong(end, idl.parameter(context, 2), clamp);
            const type = contentType === undefined ? '' : normalizeType(idl.toDOMString(contentType, idl.parameter(context, 3)));
            const bytes = this.#bytes;
            const size = TypedArrayPrototypeGetLength(bytes);
            const relativeStart = from < 0 ? MathMax(size + from, 0) : MathMin(from, size);
            const relativeEnd = to === undefined ? size : to < 0 ? MathMax(size + to, 0) : MathMin(to, size);
            const span = MathMax(relativeEnd - relativeStart, 0);
            const view = new Uint8Array(TypedArrayPrototypeGetBuffer(bytes), TypedArrayPrototypeGetByteOffset(bytes) + relativeStart, span);
            return new Blob(internal, { __proto__: null, bytes: view, type });
        }

        // WebIDL turns every exception of a promise-returning operation into a rejection.
        text() {
            if (!isBlob(this))
                return PromiseReject(idl.illegalInvocation(idl.method('Blob', 'text')));
            // UTF-8 decode: a leading byte order mark is dropped.
            const bytes = this.#bytes;
            const skip = TypedArrayPrototypeGetLength(bytes) >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF ? 3 : 0;
            return PromiseResolve(web.utf8Decode(skip === 0 ? bytes
                : new Uint8Array(TypedArrayPrototypeGetBuffer(bytes), TypedArrayPrototypeGetByteOffset(bytes) + 3, TypedArrayPrototypeGetLength(bytes) - 3)));
        }

        arrayBuffer() {
            if (!isBlob(this))
                return PromiseReject(idl.illegalInvocation(idl.method('Blob', 'arrayBuffer')));
            return PromiseResolve(TypedArrayPrototypeGetBuffer(new Uint8Array(this.#bytes)));
        }

        bytes() {
            if (!isBlob(this))
                return PromiseReject(idl.illegalInvocation(idl.method('Blob', 'bytes')));
            return PromiseResolve(new Uint8Array(this.#bytes));
        }

        static {
            isBlob = (value) => idl.isObject(value) && #bytes in value;
            bytesOf = (blob) => blob.#bytes;
            typeOf = (blob) => blob.#type;
        }
    }

    let isFile;
    let fileData;

    class File extends Blob {
        #name;
        #lastModified;

        constructor(fileBits, fileName, options = undefined) {
            if (fileBits === internal) {
                super(internal, fileName);
                this.#name = fileName.name;
                this.#lastModified = fileName.lastModified;
                return;
            }
            const context = idl.constructing('File');
            idl.requireArguments(arguments.length, 2, context);
            const parts = toParts(fileBits, idl.parameter(context, 1));
            const name = idl.toUSVString(fileName, idl.parameter(context, 2));
            // FilePropertyBag: BlobPropertyBag's members (endings, type), then lastModified.
            const bag = readBag(options, idl.parameter(context, 3));
            const lastModifiedValue = bag.dictionary === undefined ? undefined : bag.dictionary.lastModified;
            const lastModified = lastModifiedValue === undefined
                ? DatePrototypeGetTime(new Date())
                : idl.toLongLong(lastModifiedValue, `${idl.parameter(context, 3)}: member lastModified`);
            super(internal, { __proto__: null, bytes: processParts(parts, bag.endings), type: bag.type });
            this.#name = name;
            this.#lastModified = lastModified;
        }

        get name() {
            if (!isFile(this))
                throw idl.illegalInvocation(idl.getting('File', 'name'));
            return this.#name;
        }

        get lastModified() {
            if (!isFile(this))
                throw idl.illegalInvocation(idl.getting('File', 'lastModified'));
            return this.#lastModified;
        }

        static {
            isFile = (value) => idl.isObject(value) && #name in value;
            fileData = (file) => ({ __proto__: null, name: file.#name, lastModified: file.#lastModified });
        }
    }

    idl.defineInterface(Blob, 'Blob');
    idl.defineInterface(File, 'File');
    idl.exposeInterface('Blob', Blob);
    idl.exposeInterface('File', File);

    defineData(web, 'Blob', Blob);
    defineData(web, 'File', File);
    defineData(web, 'blobData', function blobData(value) {
        if (!isBlob(value))
            return undefined;
        const file = isFile(value) ? fileData(value) : undefined;
        return {
            __proto__: null,
            bytes: bytesOf(value),
            type: typeOf(value),
            name: file === undefined ? undefined : file.name,
            lastModified: file === undefined ? undefined : file.lastModified,
            isFile: file !== undefined,
        };
    });
    // The fields come from the serializer's records; anything else in them is a DataCloneError
    // rather than a Blob with a non-string type or bytes that are not a Uint8Array.
    defineData(web, 'createBlob', function createBlob(data) {
        const bytes = data.bytes;
        const type = data.type;
        const isFile = data.isFile === true;
        const name = data.name;
        const lastModified = data.lastModified;
        if (TypedArrayPrototypeGetSymbolToStringTag(bytes) !== 'Uint8Array' || typeof type !== 'string'
            || (isFile && (typeof name !== 'string' || typeof lastModified !== 'number')))
            throw web.domException('The serialized Blob is malformed.', 'DataCloneError');
        const blob = { __proto__: null, bytes, type };
        if (!isFile)
            return new Blob(internal, blob);
        blob.name = name;
        blob.lastModified = lastModified;
        return new File(internal, blob);
    });
})
