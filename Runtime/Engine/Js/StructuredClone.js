// V8Host structured clone: evaluated once per context. Its completion value is
// `{ serialize, deserialize }`, which turn a value into a self-describing byte string
// (Uint8Array) and back, following the HTML structured-clone rules.
//
// Binary format, version 1 (all multi-byte numbers little-endian unless stated):
//   header    0xC5 (magic), 0x01 (version), then exactly one value, then end of data.
//   varint    unsigned LEB128, at most 8 bytes, value <= MAX_SAFE_INTEGER.
//   string    0x08 varint(n) + n Latin-1 bytes | 0x09 varint(n) + n UTF-16LE code units
//
//   0x00 END            terminates property lists and error field lists
//   0x01 undefined      0x02 null        0x03 false        0x04 true
//   0x05 INT            varint(zigzag(n)) for integers |n| < 2^52 (never -0)
//   0x06 DOUBLE         float64
//   0x07 BIGINT         varint(byteLength * 2 + sign) + magnitude bytes, big-endian
//   0x08/0x09 STRING    see above
//   0x0A HOLES          varint(count): a run of array holes (only inside ARRAY elements)
//   0x0B REF            varint(id): an object already seen; ids count objects in stream order
//   0x10 OBJECT         (key string, value)* END
//   0x11 ARRAY          varint(length), elements/HOLES covering exactly `length` slots,
//                       then (key string, value)* END for non-index properties
//   0x12 DATE           float64 time value (NaN for an invalid Date)
//   0x13 REGEXP         source string, flags string
//   0x14 Boolean object byte 0/1          0x15 Number object  float64
//   0x16 String object  string            0x17 BigInt object  BIGINT body (no tag)
//   0x18 MAP            varint(count) + count * (key, value)
//   0x19 SET            varint(count) + count * value
//   0x1A ARRAYBUFFER    varint(byteLength) + bytes
//   0x1B RESIZABLE AB   varint(byteLength) + varint(maxByteLength) + bytes
//   0x1C VIEW           byte kind, buffer value (ARRAYBUFFER/RESIZABLE AB/REF), varint(byteOffset),
//                       varint(length: element count, or byteLength for a DataView)
//   0x1D ERROR          byte nameIndex, (0x01 message string | 0x02 stack string)* END
//
// Every object tag (0x10..0x1D) takes the next object id when it is encountered, before its
// contents, so cycles and shared references round-trip through REF.
(function () {
    'use strict';

    const MAGIC = 0xC5;
    const VERSION = 1;

    const T_END = 0x00;
    const T_UNDEFINED = 0x01;
    const T_NULL = 0x02;
    const T_FALSE = 0x03;
    const T_TRUE = 0x04;
    const T_INT = 0x05;
    const T_DOUBLE = 0x06;
    const T_BIGINT = 0x07;
    const T_STRING1 = 0x08;
    const T_STRING2 = 0x09;
    const T_HOLES = 0x0A;
    const T_REF = 0x0B;
    const T_OBJECT = 0x10;
    const T_ARRAY = 0x11;
    const T_DATE = 0x12;
    const T_REGEXP = 0x13;
    const T_BOOLEAN_OBJECT = 0x14;
    const T_NUMBER_OBJECT = 0x15;
    const T_STRING_OBJECT = 0x16;
    const T_BIGINT_OBJECT = 0x17;
    const T_MAP = 0x18;
    const T_SET = 0x19;
    const T_ARRAY_BUFFER = 0x1A;
    const T_RESIZABLE_BUFFER = 0x1B;
    const T_VIEW = 0x1C;
    const T_ERROR = 0x1D;

    const ERROR_FIELD_MESSAGE = 0x01;
    const ERROR_FIELD_STACK = 0x02;

    // Integers up to this magnitude are written as zigzag varints; the zigzag value then stays
    // below 2^53 and therefore exact.
    const MAX_ZIGZAG_INT = 2 ** 52 - 1;
    const MAX_ARRAY_LENGTH = 2 ** 32 - 1;
    const INITIAL_CAPACITY = 256;
    // Code units per String.fromCharCode.apply call: large enough to be fast, small enough to stay
    // far below the engine's argument-count limit.
    const DECODE_CHUNK = 8192;
    // Decoded property names are remembered in a small direct-mapped cache (see latin1Key).
    const KEY_CACHE_SIZE = 1024;
    const KEY_CACHE_MAX_LENGTH = 32;

    // Intrinsics are captured now so that later changes to globals by user code cannot redirect them.
    const ObjectCtor = Object;
    const ObjectPrototype = Object.prototype;
    const objectKeys = Object.keys;
    const defineProperty = Object.defineProperty;
    const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    const objectToString = ObjectPrototype.toString;
    const hasOwnProperty = ObjectPrototype.hasOwnProperty;
    const isArray = Array.isArray;
    const isView = ArrayBuffer.isView;
    const fromCharCode = String.fromCharCode;
    const floor = Math.floor;
    const trunc = Math.trunc;
    const min = Math.min;
    const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER;
    const MapCtor = Map;
    const SetCtor = Set;
    const ArrayBufferCtor = ArrayBuffer;
    const Uint8ArrayCtor = Uint8Array;
    const Uint16ArrayCtor = Uint16Array;
    const DataViewCtor = DataView;
    const DateCtor = Date;
    const RegExpCtor = RegExp;
    const BigIntFn = BigInt;

    function getter(proto, key) {
        const desc = proto && getOwnPropertyDescriptor(proto, key);
        return desc && typeof desc.get === 'function' ? desc.get : undefined;
    }

    const booleanValueOf = Boolean.prototype.valueOf;
    const numberValueOf = Number.prototype.valueOf;
    const stringValueOf = String.prototype.valueOf;
    const bigintValueOf = BigInt.prototype.valueOf;
    const dateGetTime = Date.prototype.getTime;
    const regexpSource = getter(RegExp.prototype, 'source');
    const mapSize = getter(Map.prototype, 'size');
    const mapForEach = Map.prototype.forEach;
    const setSize = getter(Set.prototype, 'size');
    const setForEach = Set.prototype.forEach;
    const bufferByteLength = getter(ArrayBuffer.prototype, 'byteLength');
    const bufferDetached = getter(ArrayBuffer.prototype, 'detached');
    const bufferResizable = getter(ArrayBuffer.prototype, 'resizable');
    const bufferMaxByteLength = getter(ArrayBuffer.prototype, 'maxByteLength');
    const TypedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype);
    const typedArrayName = getter(TypedArrayPrototype, Symbol.toStringTag);
    const typedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
    const typedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
    const typedArrayLength = getter(TypedArrayPrototype, 'length');
    const dataViewBuffer = getter(DataView.prototype, 'buffer');
    const dataViewByteOffset = getter(DataView.prototype, 'byteOffset');
    const dataViewByteLength = getter(DataView.prototype, 'byteLength');
    // Without Error.isError, the builtin "Error" tag is trusted unless a Symbol.toStringTag could
    // have produced it, in which case the object must also inherit from this realm's Error.
    const isErrorObject = typeof Error.isError === 'function'
        ? Error.isError
        : (value) => !(Symbol.toStringTag in value) || value instanceof Error;

    // Read each flag through its intrinsic getter (the internal [[OriginalFlags]]) rather than
    // trusting `flags`, which a subclass may override. Order is the canonical "dgimsuvy".
    const REGEXP_FLAGS = [
        ['d', 'hasIndices'], ['g', 'global'], ['i', 'ignoreCase'], ['m', 'multiline'],
        ['s', 'dotAll'], ['u', 'unicode'], ['v', 'unicodeSets'], ['y', 'sticky'],
    ].map(([letter, name]) => [letter, getter(RegExp.prototype, name)]).filter((entry) => entry[1]);

    const ERROR_CONSTRUCTORS = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
    const ERROR_NAMES = ERROR_CONSTRUCTORS.map((ctor) => ctor.name);

    // View kinds on the wire. Indices are part of the format: append only.
    const VIEW_CONSTRUCTORS = [
        undefined,
        Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
        Float32Array, Float64Array, BigInt64Array, BigUint64Array,
        typeof Float16Array === 'function' ? Float16Array : undefined,
        DataView,
    ];
    const VIEW_KIND_DATAVIEW = 13;
    const VIEW_KIND_BY_NAME = {
        __proto__: null,
        Int8Array: 1, Uint8Array: 2, Uint8ClampedArray: 3, Int16Array: 4, Uint16Array: 5,
        Int32Array: 6, Uint32Array: 7, Float32Array: 8, Float64Array: 9, BigInt64Array: 10,
        BigUint64Array: 11, Float16Array: 12,
    };

    // Built-in kinds (by their toString tag) that structured clone refuses.
    const UNCLONEABLE_TAGS = new Set([
        'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'SharedArrayBuffer',
        'Generator', 'AsyncGenerator', 'Map Iterator', 'Set Iterator', 'Array Iterator',
        'String Iterator', 'RegExp String Iterator', 'Iterator Helper', 'Async-from-Sync Iterator',
        'Module', 'DisposableStack', 'AsyncDisposableStack',
    ]);
    const UNCLONEABLE_TAG_PREFIXES = ['Intl.', 'Temporal.', 'WebAssembly.'];

    const HEX_BYTES = [];
    for (let i = 0; i < 256; i++) HEX_BYTES.push((i < 16 ? '0' : '') + i.toString(16));

    const NOT_BRANDED = Symbol('not branded');

    // Calls an intrinsic that checks for an internal slot; objects that merely claim a built-in
    // toString tag fail the check and are then cloned as plain objects.
    function brandCall(fn, target) {
        try {
            return fn.call(target);
        } catch {
            return NOT_BRANDED;
        }
    }

    function notCloneable(what) {
        return new TypeError(what + ' could not be cloned');
    }

    const INVALID_PREFIX = 'invalid serialized data: ';

    function invalid(reason) {
        return new TypeError(INVALID_PREFIX + reason);
    }

    function isUncloneableTag(kind) {
        if (UNCLONEABLE_TAGS.has(kind)) return true;
        for (const prefix of UNCLONEABLE_TAG_PREFIXES) {
            if (kind.startsWith(prefix)) return true;
        }
        return false;
    }

    // True for the canonical string form of an integer in [prev + 1, length): ordinary arrays list
    // such keys first and in ascending order, which lets the element loop walk them directly.
    function isNextIndexKey(key, prev, length) {
        const index = +key;
        return index > prev && index < length && index === floor(index) && '' + index === key;
    }

    // Ordinary arrays list their index keys first, ascending; so if the key at position length-1
    // is the index length-1, positions 0..length-1 hold every index and the array has no holes.
    function isDenseKeyList(keys, length) {
        return length > 0 && keys.length >= length && keys[length - 1] === '' + (length - 1);
    }

    function isDetached(buffer, byteLength) {
        if (bufferDetached !== undefined) return bufferDetached.call(buffer);
        if (byteLength !== 0) return false;
        try {
            new Uint8ArrayCtor(buffer);
            return false;
        } catch {
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Output

    class ByteWriter {
        constructor() {
            this.buf = new Uint8ArrayCtor(INITIAL_CAPACITY);
            this.view = new DataViewCtor(this.buf.buffer);
            this.pos = 0;
        }

        reserve(count) {
            if (this.pos + count > this.buf.length) this.grow(count);
        }

        grow(count) {
            let capacity = this.buf.length * 2;
            while (capacity < this.pos + count) capacity *= 2;
            const next = new Uint8ArrayCtor(capacity);
            next.set(this.buf.subarray(0, this.pos));
            this.buf = next;
            this.view = new DataViewCtor(next.buffer);
        }

        byte(value) {
            if (this.pos >= this.buf.length) this.grow(1);
            this.buf[this.pos++] = value;
        }

        varint(value) {
            this.reserve(8);
            const buf = this.buf;
            let pos = this.pos;
            while (value >= 0x80) {
                buf[pos++] = (value % 0x80) | 0x80;
                value = floor(value / 0x80);
            }
            buf[pos++] = value;
            this.pos = pos;
        }

        float64(value) {
            this.reserve(8);
            this.view.setFloat64(this.pos, value, true);
            this.pos += 8;
        }

        bytes(source) {
            this.reserve(source.length);
            this.buf.set(source, this.pos);
            this.pos += source.length;
        }

        result() {
            return this.buf.slice(0, this.pos);
        }
    }

    class Serializer {
        constructor() {
            this.out = new ByteWriter();
            this.memo = new MapCtor();
            this.nextId = 0;
        }

        writeValue(value) {
            switch (typeof value) {
                case 'number':
                    this.writeNumber(value);
                    return;
                case 'string':
                    this.writeString(value);
                    return;
                case 'object':
                    if (value === null) this.out.byte(T_NULL);
                    else this.writeObject(value);
                    return;
                case 'boolean':
                    this.out.byte(value ? T_TRUE : T_FALSE);
                    return;
                case 'undefined':
                    this.out.byte(T_UNDEFINED);
                    return;
                case 'bigint':
                    this.out.byte(T_BIGINT);
                    this.writeBigIntBody(value);
                    return;
                default:
                    // 'symbol', 'function', and any exotic typeof a host may produce.
                    throw notCloneable(typeof value);
            }
        }

        writeNumber(value) {
            // Small integers as zigzag varints; everything else (fractions, NaN, ±Infinity, -0)
            // as a raw float64 so that every bit pattern that matters survives.
            if (value === trunc(value) && value <= MAX_ZIGZAG_INT && value >= -MAX_ZIGZAG_INT
                && (value !== 0 || 1 / value > 0)) {
                this.out.byte(T_INT);
                this.out.varint(value >= 0 ? value * 2 : -value * 2 - 1);
            } else {
                this.out.byte(T_DOUBLE);
                this.out.float64(value);
            }
        }

        // Latin-1 when every code unit fits in a byte, otherwise raw UTF-16 code units, so that lone
        // surrogates survive unchanged.
        writeString(text) {
            const out = this.out;
            const length = text.length;
            const start = out.pos;
            out.byte(T_STRING1);
            out.varint(length);
            out.reserve(length);
            const buf = out.buf;
            let pos = out.pos;
            for (let i = 0; i < length; i++) {
                const unit = text.charCodeAt(i);
                if (unit > 0xFF) {
                    out.pos = start;
                    this.writeTwoByteString(text);
                    return;
                }
                buf[pos++] = unit;
            }
            out.pos = pos;
        }

        writeTwoByteString(text) {
            const out = this.out;
            const length = text.length;
            out.byte(T_STRING2);
            out.varint(length);
            out.reserve(length * 2);
            const buf = out.buf;
            let pos = out.pos;
            for (let i = 0; i < length; i++) {
                const unit = text.charCodeAt(i);
                buf[pos] = unit & 0xFF;
                buf[pos + 1] = unit >>> 8;
                pos += 2;
            }
            out.pos = pos;
        }

        // Hex conversion is linear in V8 for power-of-two radixes, unlike repeated shifting.
        writeBigIntBody(value) {
            const negative = value < 0n;
            const magnitude = negative ? -value : value;
            let hex = magnitude === 0n ? '' : magnitude.toString(16);
            if (hex.length % 2 !== 0) hex = '0' + hex;
            const byteLength = hex.length / 2;
            const out = this.out;
            out.varint(byteLength * 2 + (negative ? 1 : 0));
            out.reserve(byteLength);
            const buf = out.buf;
            let pos = out.pos;
            for (let i = 0; i < hex.length; i += 2) {
                buf[pos++] = (hexDigit(hex.charCodeAt(i)) << 4) | hexDigit(hex.charCodeAt(i + 1));
            }
            out.pos = pos;
        }

        writeObject(value) {
            const id = this.memo.get(value);
            if (id !== undefined) {
                this.out.byte(T_REF);
                this.out.varint(id);
                return;
            }
            this.memo.set(value, this.nextId++);

            if (isArray(value)) {
                this.writeArray(value);
                return;
            }
            if (isView(value)) {
                this.writeView(value);
                return;
            }
            const tag = objectToString.call(value);
            switch (tag) {
                case '[object Object]': this.writePlainObject(value); return;
                case '[object Date]': this.writeDate(value); return;
                case '[object RegExp]': this.writeRegExp(value); return;
                case '[object Boolean]': this.writeBooleanObject(value); return;
                case '[object Number]': this.writeNumberObject(value); return;
                case '[object String]': this.writeStringObject(value); return;
                case '[object BigInt]': this.writeBigIntObject(value); return;
                case '[object Map]': this.writeMap(value); return;
                case '[object Set]': this.writeSet(value); return;
                case '[object ArrayBuffer]': this.writeArrayBuffer(value); return;
                case '[object Error]': this.writeError(value); return;
                case '[object Symbol]': throw notCloneable('Symbol object');
                default: {
                    const kind = tag.slice(8, -1);
                    if (isUncloneableTag(kind)) throw notCloneable(kind);
                    // Class instances, arguments objects, namespaces: own enumerable properties.
                    this.writePlainObject(value);
                }
            }
        }

        writePlainObject(object) {
            this.out.byte(T_OBJECT);
            this.writeProperties(object, objectKeys(object), 0);
            this.out.byte(T_END);
        }

        // Keys are enumerated up front (as the spec does); a key deleted meanwhile by a getter is
        // skipped. hasOwnProperty only runs for undefined values, which keeps the common path cheap.
        writeProperties(object, keys, start) {
            for (let i = start; i < keys.length; i++) {
                const key = keys[i];
                const value = object[key];
                if (value === undefined && !hasOwnProperty.call(object, key)) continue;
                this.writeString(key);
                this.writeValue(value);
            }
        }

        writeArray(array) {
            const out = this.out;
            const length = array.length >>> 0;
            const keys = objectKeys(array);
            out.byte(T_ARRAY);
            out.varint(length);
            const start = isDenseKeyList(keys, length)
                ? this.writeDenseElements(array, length)
                : this.writeSparseElements(array, keys, length);
            this.writeProperties(array, keys, start);
            out.byte(T_END);
        }

        // keys[0..length) are exactly '0'..'length-1': no per-key parsing needed.
        writeDenseElements(array, length) {
            for (let index = 0; index < length; index++) {
                const value = array[index];
                if (value === undefined && !hasOwnProperty.call(array, index)) this.writeHoles(1);
                else this.writeValue(value);
            }
            return length;
        }

        // Leading ascending index keys are the elements; any other key (misordered ones from a
        // Proxy included) is left for the trailing property list. Returns where that list starts.
        writeSparseElements(array, keys, length) {
            let next = 0;
            let i = 0;
            for (; i < keys.length; i++) {
                const key = keys[i];
                if (!isNextIndexKey(key, next - 1, length)) break;
                const index = +key;
                if (index > next) this.writeHoles(index - next);
                const value = array[index];
                if (value === undefined && !hasOwnProperty.call(array, key)) this.writeHoles(1);
                else this.writeValue(value);
                next = index + 1;
            }
            if (length > next) this.writeHoles(length - next);
            return i;
        }

        writeHoles(count) {
            this.out.byte(T_HOLES);
            this.out.varint(count);
        }

        writeDate(date) {
            const time = brandCall(dateGetTime, date);
            if (time === NOT_BRANDED) {
                this.writePlainObject(date);
                return;
            }
            this.out.byte(T_DATE);
            this.out.float64(time);
        }

        writeRegExp(regexp) {
            const source = brandCall(regexpSource, regexp);
            if (source === NOT_BRANDED) {
                this.writePlainObject(regexp);
                return;
            }
            let flags = '';
            for (const [letter, flagGetter] of REGEXP_FLAGS) {
                if (flagGetter.call(regexp)) flags += letter;
            }
            this.out.byte(T_REGEXP);
            this.writeString(source);
            this.writeString(flags);
        }

        writeBooleanObject(object) {
            const value = brandCall(booleanValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_BOOLEAN_OBJECT);
            this.out.byte(value ? 1 : 0);
        }

        writeNumberObject(object) {
            const value = brandCall(numberValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_NUMBER_OBJECT);
            this.out.float64(value);
        }

        writeStringObject(object) {
            const value = brandCall(stringValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_STRING_OBJECT);
            this.writeString(value);
        }

        writeBigIntObject(object) {
            const value = brandCall(bigintValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_BIGINT_OBJECT);
            this.writeBigIntBody(value);
        }

        // Entries are copied out before any of them is serialized, as the spec requires, so that
        // getters running during serialization cannot disturb the iteration.
        writeMap(map) {
            if (brandCall(mapSize, map) === NOT_BRANDED) {
                this.writePlainObject(map);
                return;
            }
            const entries = [];
            mapForEach.call(map, (value, key) => { entries.push(key, value); });
            this.out.byte(T_MAP);
            this.out.varint(entries.length / 2);
            for (let i = 0; i < entries.length; i++) this.writeValue(entries[i]);
        }

        writeSet(set) {
            if (brandCall(setSize, set) === NOT_BRANDED) {
                this.writePlainObject(set);
                return;
            }
            const values = [];
            setForEach.call(set, (value) => { values.push(value); });
            this.out.byte(T_SET);
            this.out.varint(values.length);
            for (let i = 0; i < values.length; i++) this.writeValue(values[i]);
        }

        writeArrayBuffer(buffer) {
            const byteLength = brandCall(bufferByteLength, buffer);
            if (byteLength === NOT_BRANDED) {
                this.writePlainObject(buffer);
                return;
            }
            if (isDetached(buffer, byteLength)) throw notCloneable('detached ArrayBuffer');
            const out = this.out;
            if (bufferResizable !== undefined && bufferResizable.call(buffer)) {
                out.byte(T_RESIZABLE_BUFFER);
                out.varint(byteLength);
                out.varint(bufferMaxByteLength.call(buffer));
            } else {
                out.byte(T_ARRAY_BUFFER);
                out.varint(byteLength);
            }
            out.bytes(new Uint8ArrayCtor(buffer, 0, byteLength));
        }

        // The buffer goes through writeValue so that views sharing a buffer share it again after
        // deserialization; offsets are read afterwards, once the buffer is known to be usable.
        writeView(view) {
            const out = this.out;
            const name = typedArrayName.call(view);
            if (name === undefined) {
                out.byte(T_VIEW);
                out.byte(VIEW_KIND_DATAVIEW);
                this.writeValue(dataViewBuffer.call(view));
                out.varint(dataViewByteOffset.call(view));
                out.varint(dataViewByteLength.call(view));
                return;
            }
            const kind = VIEW_KIND_BY_NAME[name];
            if (kind === undefined) throw notCloneable(name);
            out.byte(T_VIEW);
            out.byte(kind);
            this.writeValue(typedArrayBuffer.call(view));
            out.varint(typedArrayByteOffset.call(view));
            out.varint(typedArrayLength.call(view));
        }

        // Like the HTML spec: name is read through the prototype chain and normalized to a known
        // constructor, message only from an own data property; V8 additionally keeps the stack.
        writeError(error) {
            if (!isErrorObject(error)) {
                this.writePlainObject(error);
                return;
            }
            let nameIndex = ERROR_NAMES.indexOf(error.name);
            if (nameIndex < 0) nameIndex = 0;
            const messageDesc = getOwnPropertyDescriptor(error, 'message');
            const message = messageDesc !== undefined && 'value' in messageDesc
                ? String(messageDesc.value)
                : undefined;
            const stack = error.stack;
            const out = this.out;
            out.byte(T_ERROR);
            out.byte(nameIndex);
            if (message !== undefined) {
                out.byte(ERROR_FIELD_MESSAGE);
                this.writeString(message);
            }
            if (typeof stack === 'string') {
                out.byte(ERROR_FIELD_STACK);
                this.writeString(stack);
            }
            out.byte(T_END);
        }
    }

    function hexDigit(code) {
        // '0'..'9' are 48..57, 'a'..'f' are 97..102 (BigInt#toString emits lower case).
        return code <= 57 ? code - 48 : code - 87;
    }

    // ---------------------------------------------------------------------------------------------
    // Input

    class ByteReader {
        constructor(bytes) {
            this.bytes = bytes;
            this.view = new DataViewCtor(bytes.buffer, bytes.byteOffset, bytes.byteLength);
            this.pos = 0;
            this.end = bytes.length;
            this.units = null;
            this.keyCache = null;
        }

        remaining() {
            return this.end - this.pos;
        }

        byte() {
            if (this.pos >= this.end) throw invalid('unexpected end of data');
            return this.bytes[this.pos++];
        }

        varint() {
            let result = 0;
            let scale = 1;
            for (let i = 0; i < 8; i++) {
                const b = this.byte();
                result += (b & 0x7F) * scale;
                if (b < 0x80) {
                    if (result > MAX_SAFE_INTEGER) throw invalid('varint out of range');
                    return result;
                }
                scale *= 0x80;
            }
            throw invalid('varint too long');
        }

        // A count of items that each take at least `minBytes` bytes: rejecting counts the remaining
        // data cannot hold keeps corrupt lengths from driving huge allocations or long loops.
        count(minBytes) {
            const n = this.varint();
            if (n * minBytes > this.remaining()) throw invalid('length exceeds remaining data');
            return n;
        }

        float64() {
            if (this.end - this.pos < 8) throw invalid('unexpected end of data');
            const value = this.view.getFloat64(this.pos, true);
            this.pos += 8;
            return value;
        }

        // Bounds-checks `length` bytes and returns where they start.
        skip(length) {
            if (length > this.end - this.pos) throw invalid('length exceeds remaining data');
            const start = this.pos;
            this.pos += length;
            return start;
        }

        take(length) {
            const start = this.skip(length);
            return this.bytes.subarray(start, start + length);
        }

        latin1(length) {
            const start = this.skip(length);
            const bytes = this.bytes;
            if (length <= 16) {
                let text = '';
                for (let i = start; i < start + length; i++) text += fromCharCode(bytes[i]);
                return text;
            }
            let text = '';
            for (let i = start; i < start + length; i += DECODE_CHUNK) {
                text += fromCharCode.apply(null, bytes.subarray(i, min(i + DECODE_CHUNK, start + length)));
            }
            return text;
        }

        // Property names repeat across objects; reusing the string decoded last time for the same
        // bytes saves both the decoding and the engine's internalization of a fresh key.
        latin1Key(length) {
            if (length > KEY_CACHE_MAX_LENGTH) return this.latin1(length);
            const start = this.pos;
            if (length > this.end - start) throw invalid('length exceeds remaining data');
            const bytes = this.bytes;
            let hash = length;
            for (let i = start; i < start + length; i++) hash = (hash * 31 + bytes[i]) | 0;
            const cache = this.keyCache || (this.keyCache = new Array(KEY_CACHE_SIZE).fill(''));
            const slot = hash & (KEY_CACHE_SIZE - 1);
            const cached = cache[slot];
            if (cached.length === length && sameLatin1(cached, bytes, start)) {
                this.pos = start + length;
                return cached;
            }
            const text = this.latin1(length);
            cache[slot] = text;
            return text;
        }

        utf16(length) {
            const start = this.skip(length * 2);
            const bytes = this.bytes;
            if (length <= 16) {
                let text = '';
                for (let b = start; b < start + length * 2; b += 2) text += fromCharCode(bytes[b] | (bytes[b + 1] << 8));
                return text;
            }
            // One scratch buffer per reader; chunk boundaries may split surrogate pairs, which is
            // harmless because strings are concatenated code unit by code unit.
            const units = this.units || (this.units = new Uint16ArrayCtor(DECODE_CHUNK));
            let text = '';
            for (let i = 0; i < length; i += DECODE_CHUNK) {
                const n = min(DECODE_CHUNK, length - i);
                for (let j = 0, b = start + 2 * i; j < n; j++, b += 2) units[j] = bytes[b] | (bytes[b + 1] << 8);
                text += fromCharCode.apply(null, n === DECODE_CHUNK ? units : units.subarray(0, n));
            }
            return text;
        }
    }

    function sameLatin1(text, bytes, start) {
        for (let i = 0; i < text.length; i++) {
            if (text.charCodeAt(i) !== bytes[start + i]) return false;
        }
        return true;
    }

    const PENDING = Symbol('pending');

    // CreateDataProperty semantics: plain assignment is fast, but would hit setters or read-only
    // properties on Object.prototype (notably __proto__), so those keys are defined instead.
    function setProperty(object, key, value) {
        if (key in ObjectPrototype) {
            defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
        } else {
            object[key] = value;
        }
    }

    function defineDataProperty(object, key, value) {
        defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    }

    class Deserializer {
        constructor(bytes) {
            this.in = new ByteReader(bytes);
            this.objects = [];
        }

        run() {
            const input = this.in;
            if (input.remaining() < 2) throw invalid('missing header');
            if (input.byte() !== MAGIC) throw invalid('bad magic byte');
            const version = input.byte();
            if (version !== VERSION) throw invalid('unsupported version ' + version);
            const value = this.readValue();
            if (input.remaining() !== 0) throw invalid('trailing bytes after value');
            return value;
        }

        register(object) {
            this.objects.push(object);
            return object;
        }

        readValue() {
            return this.readTagged(this.in.byte());
        }

        readTagged(tag) {
            const input = this.in;
            switch (tag) {
                case T_UNDEFINED: return undefined;
                case T_NULL: return null;
                case T_FALSE: return false;
                case T_TRUE: return true;
                case T_INT: return unzigzag(input.varint());
                case T_DOUBLE: return input.float64();
                case T_BIGINT: return this.readBigIntBody();
                case T_STRING1: return input.latin1(input.varint());
                case T_STRING2: return input.utf16(input.varint());
                case T_REF: return this.readRef();
                case T_OBJECT: return this.readObject();
                case T_ARRAY: return this.readArray();
                case T_DATE: return this.register(new DateCtor(input.float64()));
                case T_REGEXP: return this.readRegExp();
                case T_BOOLEAN_OBJECT: return this.readBooleanObject();
                case T_NUMBER_OBJECT: return this.register(ObjectCtor(input.float64()));
                case T_STRING_OBJECT: return this.register(ObjectCtor(this.readString()));
                case T_BIGINT_OBJECT: return this.register(ObjectCtor(this.readBigIntBody()));
                case T_MAP: return this.readMap();
                case T_SET: return this.readSet();
                case T_ARRAY_BUFFER: return this.readArrayBuffer(false);
                case T_RESIZABLE_BUFFER: return this.readArrayBuffer(true);
                case T_VIEW: return this.readView();
                case T_ERROR: return this.readError();
                default: throw invalid('unexpected tag 0x' + tag.toString(16) + ' at offset ' + (input.pos - 1));
            }
        }

        readString() {
            const tag = this.in.byte();
            if (tag === T_STRING1) return this.in.latin1(this.in.varint());
            if (tag === T_STRING2) return this.in.utf16(this.in.varint());
            throw invalid('expected a string at offset ' + (this.in.pos - 1));
        }

        readBigIntBody() {
            const header = this.in.varint();
            const negative = header % 2 === 1;
            const bytes = this.in.take(floor(header / 2));
            if (bytes.length === 0) return 0n;
            const parts = new Array(bytes.length);
            for (let i = 0; i < bytes.length; i++) parts[i] = HEX_BYTES[bytes[i]];
            const magnitude = BigIntFn('0x' + parts.join(''));
            return negative ? -magnitude : magnitude;
        }

        readRef() {
            const id = this.in.varint();
            if (id >= this.objects.length) throw invalid('back-reference to unknown object ' + id);
            const object = this.objects[id];
            if (object === PENDING) throw invalid('back-reference to incomplete object ' + id);
            return object;
        }

        readObject() {
            const object = this.register({});
            this.readProperties(object, setProperty);
            return object;
        }

        readProperties(object, assign) {
            const input = this.in;
            for (;;) {
                const tag = input.byte();
                if (tag === T_END) return;
                let key;
                if (tag === T_STRING1) key = input.latin1Key(input.varint());
                else if (tag === T_STRING2) key = input.utf16(input.varint());
                else throw invalid('expected a property key at offset ' + (input.pos - 1));
                assign(object, key, this.readValue());
            }
        }

        // Elements are appended in order; a hole run just extends `length`, which leaves real holes
        // without allocating storage for them.
        readArray() {
            const input = this.in;
            const length = input.varint();
            if (length > MAX_ARRAY_LENGTH) throw invalid('array length out of range');
            const array = this.register([]);
            let index = 0;
            while (index < length) {
                const tag = input.byte();
                if (tag === T_HOLES) {
                    const run = input.varint();
                    if (run === 0 || run > length - index) throw invalid('bad hole run');
                    index += run;
                    array.length = index;
                } else {
                    array[index++] = this.readTagged(tag);
                }
            }
            // Extra properties of arrays are rare; defining them avoids Array.prototype setters.
            this.readProperties(array, defineDataProperty);
            return array;
        }

        readRegExp() {
            const source = this.readString();
            const flags = this.readString();
            return this.register(new RegExpCtor(source, flags));
        }

        readBooleanObject() {
            const value = this.in.byte();
            if (value > 1) throw invalid('bad Boolean object value');
            return this.register(ObjectCtor(value === 1));
        }

        readMap() {
            const count = this.in.count(2);
            const map = this.register(new MapCtor());
            for (let i = 0; i < count; i++) {
                const key = this.readValue();
                map.set(key, this.readValue());
            }
            return map;
        }

        readSet() {
            const count = this.in.count(1);
            const set = this.register(new SetCtor());
            for (let i = 0; i < count; i++) set.add(this.readValue());
            return set;
        }

        readArrayBuffer(resizable) {
            const input = this.in;
            const byteLength = input.varint();
            let buffer;
            if (resizable) {
                const maxByteLength = input.varint();
                if (maxByteLength < byteLength) throw invalid('maxByteLength below byteLength');
                if (byteLength > input.remaining()) throw invalid('length exceeds remaining data');
                buffer = new ArrayBufferCtor(byteLength, { maxByteLength });
            } else {
                if (byteLength > input.remaining()) throw invalid('length exceeds remaining data');
                buffer = new ArrayBufferCtor(byteLength);
            }
            new Uint8ArrayCtor(buffer).set(input.take(byteLength));
            return this.register(buffer);
        }

        // The view's id precedes its buffer's, so its slot is reserved before the buffer is read.
        readView() {
            const input = this.in;
            const id = this.objects.length;
            this.objects.push(PENDING);
            const kind = input.byte();
            const Ctor = VIEW_CONSTRUCTORS[kind];
            if (Ctor === undefined) throw invalid('unsupported view kind ' + kind);
            const buffer = this.readValue();
            if (!(buffer instanceof ArrayBufferCtor)) throw invalid('view target is not an ArrayBuffer');
            const byteOffset = input.varint();
            const length = input.varint();
            // The constructor validates bounds and alignment against the real buffer (RangeError).
            const view = new Ctor(buffer, byteOffset, length);
            this.objects[id] = view;
            return view;
        }

        readError() {
            const input = this.in;
            const nameIndex = input.byte();
            const Ctor = ERROR_CONSTRUCTORS[nameIndex];
            if (Ctor === undefined) throw invalid('unknown error type ' + nameIndex);
            let message;
            let stack;
            for (;;) {
                const field = input.byte();
                if (field === T_END) break;
                if (field === ERROR_FIELD_MESSAGE) message = this.readString();
                else if (field === ERROR_FIELD_STACK) stack = this.readString();
                else throw invalid('unknown error field ' + field);
            }
            const error = message === undefined ? new Ctor() : new Ctor(message);
            if (stack !== undefined) {
                defineProperty(error, 'stack', { value: stack, writable: true, enumerable: false, configurable: true });
            }
            return this.register(error);
        }
    }

    function unzigzag(value) {
        return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
    }

    // ---------------------------------------------------------------------------------------------
    // API

    function serialize(value) {
        const serializer = new Serializer();
        serializer.out.byte(MAGIC);
        serializer.out.byte(VERSION);
        serializer.writeValue(value);
        return serializer.out.result();
    }

    function toBytes(input) {
        if (isView(input) && typedArrayName.call(input) === 'Uint8Array') return input;
        if (brandCall(bufferByteLength, input) !== NOT_BRANDED) return new Uint8ArrayCtor(input);
        throw invalid('expected a Uint8Array');
    }

    function deserialize(input) {
        const bytes = toBytes(input);
        try {
            return new Deserializer(bytes).run();
        } catch (error) {
            // Anything the engine throws while rebuilding corrupt data (bad RegExp source, view out
            // of bounds, stack overflow on absurd nesting) is reported as invalid data as well.
            if (error instanceof TypeError && typeof error.message === 'string'
                && error.message.startsWith(INVALID_PREFIX)) {
                throw error;
            }
            throw invalid(error instanceof Error ? error.message : String(error));
        }
    }

    return Object.freeze({ serialize, deserialize });
})();
