// TextEncoder and TextDecoder (the Encoding Standard). Labels resolve through the Standard's full
// label table; utf-8, utf-16le/be, the single-byte encodings (SingleByteIndexes.js) and
// x-user-defined decode here; the legacy multi-byte encodings decode in .NET (LegacyDecoders.cs).
// UTF-8 and single-byte inputs of more than a few hundred bytes cross to .NET (EncodingInstaller.cs):
// below that a host call costs more than the work. Adds `web.TextEncoder`, `web.TextDecoder`,
// `web.utf8Encode(string) -> Uint8Array`, `web.utf8Decode(Uint8Array) -> string` and
// `web.isomorphicDecode(Uint8Array) -> string` (bytes as code points U+0000–U+00FF).
(function (primordials, web, indexes, hostEncode, hostTakeEncoded, hostEncodeInto, hostLastWritten, hostDecodeUtf8, hostDecodeSingleByte, legacyOpen, legacyDecode, legacyClose) {
    'use strict';

    const {
        Array, ArrayPrototypeFill, ArrayPrototypeSlice, ObjectSetPrototypeOf, FinalizationRegistry, FinalizationRegistryPrototypeRegister,
        FinalizationRegistryPrototypeUnregister, FunctionPrototypeApply, Map, MapPrototypeGet, MapPrototypeSet,
        ObjectDefineProperty, ObjectFreeze, ObjectGetOwnPropertyNames, StringPrototypeToWellFormed, RangeError, StringFromCharCode, StringPrototypeCharCodeAt,
        StringPrototypeSplit, StringPrototypeSlice, TypedArrayPrototypeGetBuffer, TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetLength, TypedArrayPrototypeGetSymbolToStringTag, Uint8Array,
        defineData,
    } = primordials;
    const { idl } = web;

    // Below these lengths (code units to encode, bytes to decode) JS does the work; from there one
    // host call, some 20 µs with its marshalling, is cheaper (measured: docs/web-apis/encoding.md).
    const HOST_ENCODE_MIN = 2048;
    const HOST_DECODE_MIN = 256;

    // ------------------------------------------------------------------ encodings and labels

    // The Standard's encodings, by name, with their labels.
    const labelsByName = {
        __proto__: null,
        'UTF-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8',
        'IBM866': '866 cp866 csibm866 ibm866',
        'ISO-8859-2': 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2',
        'ISO-8859-3': 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3',
        'ISO-8859-4': 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4',
        'ISO-8859-5': 'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988',
        'ISO-8859-6': 'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e ' +
            'iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987',
        'ISO-8859-7': 'csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 ' +
            'iso_8859-7 iso_8859-7:1987 sun_eu_greek',
        'ISO-8859-8': 'csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 ' +
            'iso_8859-8 iso_8859-8:1988 visual',
        'ISO-8859-8-I': 'csiso88598i iso-8859-8-i logical',
        'ISO-8859-10': 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6',
        'ISO-8859-13': 'iso-8859-13 iso8859-13 iso885913',
        'ISO-8859-14': 'iso-8859-14 iso8859-14 iso885914',
        'ISO-8859-15': 'csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9',
        'ISO-8859-16': 'iso-8859-16',
        'KOI8-R': 'cskoi8r koi koi8 koi8-r koi8_r',
        'KOI8-U': 'koi8-ru koi8-u',
        'macintosh': 'csmacintosh mac macintosh x-mac-roman',
        'windows-874': 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874',
        'windows-1250': 'cp1250 windows-1250 x-cp1250',
        'windows-1251': 'cp1251 windows-1251 x-cp1251',
        'windows-1252': 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 ' +
            'iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
        'windows-1253': 'cp1253 windows-1253 x-cp1253',
        'windows-1254': 'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 ' +
            'l5 latin5 windows-1254 x-cp1254',
        'windows-1255': 'cp1255 windows-1255 x-cp1255',
        'windows-1256': 'cp1256 windows-1256 x-cp1256',
        'windows-1257': 'cp1257 windows-1257 x-cp1257',
        'windows-1258': 'cp1258 windows-1258 x-cp1258',
        'x-mac-cyrillic': 'x-mac-cyrillic x-mac-ukrainian',
        'GBK': 'chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk',
        'gb18030': 'gb18030',
        'Big5': 'big5 big5-hkscs cn-big5 csbig5 x-x-big5',
        'EUC-JP': 'cseucpkdfmtjapanese euc-jp x-euc-jp',
        'ISO-2022-JP': 'csiso2022jp iso-2022-jp',
        'Shift_JIS': 'csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis',
        'EUC-KR': 'cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949',
        'replacement': 'csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement',
        'UTF-16BE': 'unicodefffe utf-16be',
        'UTF-16LE': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le',
        'x-user-defined': 'x-user-defined',
    };

    // The .NET code page that decodes each legacy multi-byte encoding. The Standard decodes GBK
    // with gb18030's decoder, so both use code page 54936.
    const codePages = {
        __proto__: null,
        'GBK': 54936, 'gb18030': 54936, 'Big5': 950, 'EUC-JP': 51932, 'ISO-2022-JP': 50220,
        'Shift_JIS': 932, 'EUC-KR': 949,
    };

    // label -> { name (as the Standard spells it), lower (the `encoding` attribute), kind, table, codePage }
    const encodingsByLabel = new Map();
    {
        const names = ObjectGetOwnPropertyNames(labelsByName);
        for (let i = 0; i < names.length; i++) {
            const name = names[i];
            const lower = asciiLowercase(name);
            const table = indexes[lower === 'iso-8859-8-i' ? 'iso-8859-8' : lower];
            const kind = lower === 'utf-8' ? 'utf-8'
                : lower === 'utf-16le' || lower === 'utf-16be' ? 'utf-16'
                : lower === 'x-user-defined' ? 'x-user-defined'
                : lower === 'replacement' ? 'replacement'
                : table !== undefined ? 'single-byte' : 'legacy';
            const encoding = ObjectFreeze({
                __proto__: null, name, lower, kind, table, codePage: codePages[name], bigEndian: lower === 'utf-16be',
            });
            const labels = StringPrototypeSplit(labelsByName[name], ' ');
            for (let j = 0; j < labels.length; j++)
                MapPrototypeSet(encodingsByLabel, labels[j], encoding);
        }
    }

    // ASCII lowercase only: toLowerCase would fold non-ASCII letters (U+212A KELVIN SIGN to "k")
    // into labels they are not.
    function asciiLowercase(string) {
        let result = '';
        for (let i = 0; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            result += StringFromCharCode(unit >= 0x41 && unit <= 0x5A ? unit + 0x20 : unit);
        }
        return result;
    }

    function isAsciiWhitespace(unit) {
        return unit === 0x09 || unit === 0x0A || unit === 0x0C || unit === 0x0D || unit === 0x20;
    }

    // The Standard's "get an encoding": trim ASCII whitespace, ASCII-lowercase, look up.
    function getEncoding(label) {
        let start = 0;
        let end = label.length;
        while (start < end && isAsciiWhitespace(StringPrototypeCharCodeAt(label, start)))
            start++;
        while (end > start && isAsciiWhitespace(StringPrototypeCharCodeAt(label, end - 1)))
            end--;
        return MapPrototypeGet(encodingsByLabel, asciiLowercase(StringPrototypeSlice(label, start, end)));
    }

    // ------------------------------------------------------------------ building strings

    // Code units gather in a chunk that becomes a string 4,096 at a time. The chunk is filled while
    // Array.prototype is pristine, so writes hit own properties only; its own `constructor` is
    // undefined, so ArrayPrototypeSlice never consults a species. Decoding never runs script code
    // while a string is being built, so one chunk serves every decoder.
    const CHUNK = 4096;
    // No prototype: slicing it must not consult a `constructor` (Symbol.species) a script could replace.
    const chunk = ObjectSetPrototypeOf(ArrayPrototypeFill(new Array(CHUNK), 0), null);
    ObjectDefineProperty(chunk, 'constructor', { __proto__: null, value: undefined });
    let used = 0;
    let built = '';

    function begin() {
        used = 0;
        built = '';
    }

    function emit(unit) {
        chunk[used++] = unit;
        if (used === CHUNK) {
            built += FunctionPrototypeApply(StringFromCharCode, undefined, chunk);
            used = 0;
        }
    }

    function emitCodePoint(codePoint) {
        if (codePoint > 0xFFFF) {
            codePoint -= 0x10000;
            emit(0xD800 + (codePoint >> 10));
            emit(0xDC00 + (codePoint & 0x3FF));
        } else {
            emit(codePoint);
        }
    }

    // Slicing the chunk costs about a microsecond; a few units are quicker one by one.
    function flushChunk() {
        if (used === 0)
            return;
        if (used <= 32) {
            let text = '';
            for (let i = 0; i < used; i++)
                text += StringFromCharCode(chunk[i]);
            built += text;
        } else {
            built += FunctionPrototypeApply(StringFromCharCode, undefined, ArrayPrototypeSlice(chunk, 0, used));
        }
        used = 0;
    }

    function append(string) {
        flushChunk();
        built += string;
    }

    function finish() {
        flushChunk();
        const result = built;
        built = '';
        return result;
    }

    // ------------------------------------------------------------------ byte views

    const EMPTY = new Uint8Array(0);

    // A Uint8Array over bytes [start, end) of `bytes`, made without subarray (which would consult
    // the species constructor a script can replace).
    function range(bytes, start, end) {
        return new Uint8Array(TypedArrayPrototypeGetBuffer(bytes), TypedArrayPrototypeGetByteOffset(bytes) + start, end - start);
    }

    // AllowSharedBufferSource. Shared memory may change under a host call: decode a private copy,
    // as the spec does.
    function inputBytes(input, context) {
        const source = idl.bufferSourceBytes(input, context, true);
        return source.shared ? new Uint8Array(source.bytes) : source.bytes;
    }

    // A result .NET could not hand back: longer than V8's longest string.
    function tooLong() {
        return new RangeError(`${idl.method('TextDecoder', 'decode')}: The decoded text would be longer than the longest string (536,870,888 code units).`);
    }

    // ------------------------------------------------------------------ UTF-8

    // The number of bytes the UTF-8 encoding of a well-formed string takes.
    function utf8Length(string) {
        let length = 0;
        for (let i = 0; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            if (unit < 0x80)
                length += 1;
            else if (unit < 0x800)
                length += 2;
            else if (unit >= 0xD800 && unit <= 0xDBFF) {
                length += 4;
                i++;
            } else
                length += 3;
        }
        return length;
    }

    // Encodes the well-formed `string` into `target` from index 0 while whole code points fit;
    // stores the code units read and the bytes written in counts[0] and counts[1].
    function encodeIntoJs(string, target, counts) {
        const capacity = TypedArrayPrototypeGetLength(target);
        let read = 0;
        let written = 0;
        while (read < string.length) {
            const unit = StringPrototypeCharCodeAt(string, read);
            if (unit < 0x80) {
                if (written + 1 > capacity)
                    break;
                target[written++] = unit;
                read++;
            } else if (unit < 0x800) {
                if (written + 2 > capacity)
                    break;
                target[written++] = 0xC0 | (unit >> 6);
                target[written++] = 0x80 | (unit & 0x3F);
                read++;
            } else if (unit >= 0xD800 && unit <= 0xDBFF) {
                if (written + 4 > capacity)
                    break;
                const codePoint = 0x10000 + ((unit - 0xD800) << 10) + (StringPrototypeCharCodeAt(string, read + 1) - 0xDC00);
                target[written++] = 0xF0 | (codePoint >> 18);
                target[written++] = 0x80 | ((codePoint >> 12) & 0x3F);
                target[written++] = 0x80 | ((codePoint >> 6) & 0x3F);
                target[written++] = 0x80 | (codePoint & 0x3F);
                read += 2;
            } else {
                if (written + 3 > capacity)
                    break;
                target[written++] = 0xE0 | (unit >> 12);
                target[written++] = 0x80 | ((unit >> 6) & 0x3F);
                target[written++] = 0x80 | (unit & 0x3F);
                read++;
            }
        }
        counts[0] = read;
        counts[1] = written;
    }

    const scratchCounts = [0, 0];

    // UTF-8 bytes of a well-formed string, in a Uint8Array of exactly that length.
    function utf8EncodeWellFormed(string) {
        if (string.length < HOST_ENCODE_MIN) {
            const bytes = new Uint8Array(utf8Length(string));
            encodeIntoJs(string, bytes, scratchCounts);
            return bytes;
        }
        // .NET encodes into its own buffer and says how long the result is; the second call copies
        // it into an array of exactly that length.
        const bytes = new Uint8Array(hostEncode(string));
        hostTakeEncoded(bytes);
        return bytes;
    }

    function utf8Encode(string) {
        return utf8EncodeWellFormed(StringPrototypeToWellFormed(string));
    }

    // Decoder states are ordinary objects: V8 keeps null-prototype literals in dictionary mode,
    // which makes the per-byte reads several times slower. Every field is an own property from the
    // start, so no read ever reaches Object.prototype.
    function freshUtf8State() {
        return { needed: 0, seen: 0, codePoint: 0, lower: 0x80, upper: 0xBF };
    }

    // The Standard's UTF-8 decoder over bytes [start, end), continuing from `state`. Returns false
    // at the first error when fatal (the caller throws), true otherwise.
    function utf8DecodeJs(state, bytes, start, end, fatal) {
        for (let i = start; i < end; i++) {
            const byte = bytes[i];
            if (state.needed === 0) {
                if (byte <= 0x7F) {
                    emit(byte);
                } else if (byte >= 0xC2 && byte <= 0xDF) {
                    state.needed = 1;
                    state.codePoint = byte & 0x1F;
                } else if (byte >= 0xE0 && byte <= 0xEF) {
                    if (byte === 0xE0)
                        state.lower = 0xA0;
                    else if (byte === 0xED)
                        state.upper = 0x9F;
                    state.needed = 2;
                    state.codePoint = byte & 0x0F;
                } else if (byte >= 0xF0 && byte <= 0xF4) {
                    if (byte === 0xF0)
                        state.lower = 0x90;
                    else if (byte === 0xF4)
                        state.upper = 0x8F;
                    state.needed = 3;
                    state.codePoint = byte & 0x07;
                } else {
                    if (fatal)
                        return false;
                    emit(0xFFFD);
                }
                continue;
            }
            if (byte < state.lower || byte > state.upper) {
                state.needed = state.seen = state.codePoint = 0;
                state.lower = 0x80;
                state.upper = 0xBF;
                if (fatal)
                    return false;
                emit(0xFFFD);
                i--; // the byte starts afresh
                continue;
            }
            state.lower = 0x80;
            state.upper = 0xBF;
            state.codePoint = (state.codePoint << 6) | (byte & 0x3F);
            if (++state.seen === state.needed) {
                emitCodePoint(state.codePoint);
                state.needed = state.seen = state.codePoint = 0;
            }
        }
        return true;
    }

    // Where a trailing incomplete sequence starts (its lead byte promises more bytes than follow),
    // or `end` when the bytes end on a boundary.
    function incompleteTail(bytes, start, end) {
        for (let i = end - 1; i >= start && i >= end - 3; i--) {
            const byte = bytes[i];
            if ((byte & 0xC0) === 0x80)
                continue;
            const length = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3 : byte >= 0xF0 && byte <= 0xF4 ? 4 : 1;
            return end - i < length ? i : end;
        }
        return end;
    }

    function decodeUtf8(state, bytes, fatal, flush) {
        const length = TypedArrayPrototypeGetLength(bytes);
        let start = 0;
        // Finish a sequence an earlier call left open, in JS.
        while (state.needed !== 0 && start < length) {
            if (!utf8DecodeJs(state, bytes, start, start + 1, fatal))
                return false;
            start++;
        }
        if (length - start >= HOST_DECODE_MIN) {
            const tail = flush ? length : incompleteTail(bytes, start, length);
            const text = hostDecodeUtf8(range(bytes, start, tail), fatal);
            if (text === null)
                return false;
            if (text === undefined)
                throw tooLong();
            append(text);
            start = tail;
        }
        if (!utf8DecodeJs(state, bytes, start, length, fatal))
            return false;
        if (flush && state.needed !== 0) {
            state.needed = state.seen = state.codePoint = 0;
            state.lower = 0x80;
            state.upper = 0xBF;
            if (fatal)
                return false;
            emit(0xFFFD);
        }
        return true;
    }

    function utf8Decode(bytes) {
        begin();
        decodeUtf8(freshUtf8State(), bytes, false, true);
        return finish();
    }

    // ------------------------------------------------------------------ UTF-16LE / UTF-16BE

    function decodeUtf16(state, bytes, fatal, flush, bigEndian) {
        const length = TypedArrayPrototypeGetLength(bytes);
        for (let i = 0; i < length; i++) {
            const byte = bytes[i];
            if (state.leadByte < 0) {
                state.leadByte = byte;
                continue;
            }
            const unit = bigEndian ? (state.leadByte << 8) + byte : (byte << 8) + state.leadByte;
            state.leadByte = -1;
            if (state.leadSurrogate !== 0) {
                const lead = state.leadSurrogate;
                state.leadSurrogate = 0;
                if (unit >= 0xDC00 && unit <= 0xDFFF) {
                    emit(lead);
                    emit(unit);
                    continue;
                }
                // The lead surrogate was unpaired; the unit itself starts afresh.
                if (fatal)
                    return false;
                emit(0xFFFD);
            }
            if (unit >= 0xD800 && unit <= 0xDBFF) {
                state.leadSurrogate = unit;
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                if (fatal)
                    return false;
                emit(0xFFFD);
            } else {
                emit(unit);
            }
        }
        if (flush && (state.leadByte >= 0 || state.leadSurrogate !== 0)) {
            state.leadByte = -1;
            state.leadSurrogate = 0;
            if (fatal)
                return false;
            emit(0xFFFD);
        }
        return true;
    }

    // ------------------------------------------------------------------ single-byte encodings

    function decodeSingleByte(table, bytes, fatal) {
        const length = TypedArrayPrototypeGetLength(bytes);
        if (length >= HOST_DECODE_MIN) {
            const text = hostDecodeSingleByte(table, bytes, fatal);
            if (text === null)
                return false;
            if (text === undefined)
                throw tooLong();
            append(text);
            return true;
        }
        for (let i = 0; i < length; i++) {
            const byte = bytes[i];
            if (byte < 0x80) {
                emit(byte);
                continue;
            }
            const unit = StringPrototypeCharCodeAt(table, byte - 0x80);
            if (unit === 0xFFFD && fatal)
                return false;
            emit(unit);
        }
        return true;
    }

    // Isomorphic decode: each byte is the code point of the same value (atob's result).
    function isomorphicDecode(bytes) {
        begin();
        const length = TypedArrayPrototypeGetLength(bytes);
        for (let i = 0; i < length; i++)
            emit(bytes[i]);
        return finish();
    }

    function decodeUserDefined(bytes) {
        const length = TypedArrayPrototypeGetLength(bytes);
        for (let i = 0; i < length; i++) {
            const byte = bytes[i];
            emit(byte < 0x80 ? byte : 0xF780 + byte - 0x80);
        }
        return true;
    }

    // ------------------------------------------------------------------ legacy multi-byte (.NET)

    // A streaming decoder left open by a TextDecoder that is then dropped is closed when it is collected.
    const openDecoders = new FinalizationRegistry(legacyClose);

    function decodeLegacy(state, holder, bytes, flush) {
        if (state.legacyId === 0) {
            state.legacyId = legacyOpen(state.encoding.codePage, state.fatal);
            FinalizationRegistryPrototypeRegister(openDecoders, holder, state.legacyId, state);
        }
        // After a flush, an error or a result too long the host has closed the decoder itself.
        const text = legacyDecode(state.legacyId, bytes, flush);
        if (flush || text === null || text === undefined) {
            FinalizationRegistryPrototypeUnregister(openDecoders, state);
            state.legacyId = 0;
        }
        if (text === null)
            return false;
        if (text === undefined)
            throw tooLong();
        append(text);
        return true;
    }

    // ------------------------------------------------------------------ TextEncoder

    let isTextEncoder;

    class TextEncoder {
        #brand = true;

        get encoding() {
            if (!isTextEncoder(this))
                throw idl.illegalInvocation(idl.getting('TextEncoder', 'encoding'));
            return 'utf-8';
        }

        encode(input = '') {
            if (!isTextEncoder(this))
                throw idl.illegalInvocation(idl.method('TextEncoder', 'encode'));
            return utf8EncodeWellFormed(idl.toUSVString(input, idl.parameter(idl.method('TextEncoder', 'encode'), 1)));
        }

        encodeInto(source, destination) {
            const context = idl.method('TextEncoder', 'encodeInto');
            if (!isTextEncoder(this))
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 2, context);
            const string = idl.toUSVString(source, idl.parameter(context, 1));
            if (TypedArrayPrototypeGetSymbolToStringTag(destination) !== 'Uint8Array')
                throw idl.typeError(idl.parameter(context, 2), 'The provided value is not of type \'Uint8Array\'.');
            if (string.length < HOST_ENCODE_MIN || idl.bufferSourceBytes(destination, context, true).shared) {
                const counts = [0, 0];
                encodeIntoJs(string, destination, counts);
                return { read: counts[0], written: counts[1] };
            }
            const read = hostEncodeInto(string, destination);
            return { read, written: hostLastWritten() };
        }

        static {
            isTextEncoder = (value) => idl.isObject(value) && #brand in value;
        }
    }

    // ------------------------------------------------------------------ TextDecoder

    let stateOf;

    class TextDecoder {
        #state;

        constructor(label = 'utf-8', options = undefined) {
            const context = idl.constructing('TextDecoder');
            const labelString = idl.toDOMString(label, idl.parameter(context, 1));
            const dictionary = idl.toDictionary(options, idl.parameter(context, 2));
            const fatal = dictionary === undefined ? false : idl.toBoolean(dictionary.fatal);
            const ignoreBOM = dictionary === undefined ? false : idl.toBoolean(dictionary.ignoreBOM);
            const encoding = getEncoding(labelString);
            if (encoding === undefined || encoding.kind === 'replacement')
                throw new RangeError(`${context}: The encoding label provided ('${labelString}') is invalid.`);
            this.#state = {
                encoding, fatal, ignoreBOM, doNotFlush: false, bomSeen: false,
                utf8: freshUtf8State(), leadByte: -1, leadSurrogate: 0, legacyId: 0,
            };
        }

        get encoding() {
            return stateOf(this, idl.getting('TextDecoder', 'encoding')).encoding.lower;
        }

        get fatal() {
            return stateOf(this, idl.getting('TextDecoder', 'fatal')).fatal;
        }

        get ignoreBOM() {
            return stateOf(this, idl.getting('TextDecoder', 'ignoreBOM')).ignoreBOM;
        }

        decode(input = undefined, options = undefined) {
            const context = idl.method('TextDecoder', 'decode');
            const state = stateOf(this, context);
            const bytes = input === undefined ? EMPTY : inputBytes(input, idl.parameter(context, 1));
            const dictionary = idl.toDictionary(options, idl.parameter(context, 2));
            const stream = dictionary === undefined ? false : idl.toBoolean(dictionary.stream);
            if (!state.doNotFlush) {
                state.utf8 = freshUtf8State();
                state.leadByte = -1;
                state.leadSurrogate = 0;
                state.bomSeen = false;
            }
            state.doNotFlush = stream;
            const flush = !stream;
            const encoding = state.encoding;
            begin();
            let ok;
            switch (encoding.kind) {
                case 'utf-8': ok = decodeUtf8(state.utf8, bytes, state.fatal, flush); break;
                case 'utf-16': ok = decodeUtf16(state, bytes, state.fatal, flush, encoding.bigEndian); break;
                case 'single-byte': ok = decodeSingleByte(encoding.table, bytes, state.fatal); break;
                case 'x-user-defined': ok = decodeUserDefined(bytes); break;
                default: ok = decodeLegacy(state, this, bytes, flush); break;
            }
            let text = finish();
            if (!ok) {
                state.utf8 = freshUtf8State();
                state.leadByte = -1;
                state.leadSurrogate = 0;
                state.doNotFlush = false;
                throw idl.typeError(context, `The encoded data was not valid for encoding ${encoding.lower}.`);
            }
            if (!state.ignoreBOM && !state.bomSeen && text.length > 0 && (encoding.kind === 'utf-8' || encoding.kind === 'utf-16')) {
                state.bomSeen = true;
                if (StringPrototypeCharCodeAt(text, 0) === 0xFEFF)
                    text = StringPrototypeSlice(text, 1);
            }
            return text;
        }

        static {
            stateOf = (value, context) => {
                if (!idl.isObject(value) || !(#state in value))
                    throw idl.illegalInvocation(context);
                return value.#state;
            };
        }
    }

    idl.defineInterface(TextEncoder, 'TextEncoder');
    idl.defineInterface(TextDecoder, 'TextDecoder');
    idl.exposeInterface('TextEncoder', TextEncoder);
    idl.exposeInterface('TextDecoder', TextDecoder);

    defineData(web, 'TextEncoder', TextEncoder);
    defineData(web, 'TextDecoder', TextDecoder);
    defineData(web, 'utf8Encode', utf8Encode);
    defineData(web, 'utf8Decode', utf8Decode);
    defineData(web, 'isomorphicDecode', isomorphicDecode);
})
