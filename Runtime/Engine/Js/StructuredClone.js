// V8Host structured clone: evaluated once per context, after Primordials.js and before any user
// code. Its completion value is a function of the primordials table returning
// `{ serialize, deserialize }`, which turn a value into a self-describing byte string (Uint8Array)
// and back, following the HTML structured-clone rules.
//
// Every intrinsic comes from `primordials` and is called in uncurried form; the glue never looks a
// method up on an object a script can reach, and never assigns to a key that an inherited setter
// could intercept. Reading the value being serialized runs its getters and Proxy traps, as the
// algorithm requires; where that read would fall through to a built-in prototype (a toString tag,
// an error's name), the prototype's state as captured at startup is used instead of its current one.
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
//   0x1E PLATFORM       kind string, fields value: a serializable Web platform object (Blob, File,
//                       DOMException), described and rebuilt by the hooks WebApis installs
//
// Every object tag (0x10..0x1D) takes the next object id when it is encountered, before its
// contents, so cycles and shared references round-trip through REF.
//
// Host objects (host-class instances, named by Bootstrap.js's hostClassOf) and live views of .NET
// collections (named by LiveCollections.js's viewName) hold .NET state a copy cannot carry: they are
// a DataCloneError, never a silent `{}` of their own properties.
(function (primordials, hostClassOf, liveViewName) {
    'use strict';

    const {
        AggregateError,
        Array: ArrayCtor,
        ArrayBuffer: ArrayBufferCtor,
        ArrayBufferIsView,
        ArrayBufferPrototypeGetByteLength,
        ArrayBufferPrototypeGetDetached,
        ArrayBufferPrototypeGetMaxByteLength,
        ArrayBufferPrototypeGetResizable,
        ArrayIsArray,
        ArrayIteratorPrototype,
        ArrayPrototypeJoin,
        AsyncGeneratorPrototype,
        BigInt: BigIntFn,
        BigInt64Array,
        BigIntPrototypeToString,
        BigIntPrototypeValueOf,
        BigUint64Array,
        Boolean: BooleanCtor,
        BooleanPrototypeValueOf,
        DataView: DataViewCtor,
        DataViewPrototypeGetBuffer,
        DataViewPrototypeGetByteLength,
        DataViewPrototypeGetByteOffset,
        DataViewPrototypeGetFloat64,
        DataViewPrototypeSetFloat64,
        Date: DateCtor,
        DatePrototypeGetTime,
        Error: ErrorCtor,
        ErrorIsError,
        EvalError,
        FinalizationRegistry,
        Float16Array,
        Float32Array,
        Float64Array,
        Function: FunctionCtor,
        FunctionPrototypeCall,
        GeneratorPrototype,
        Int16Array,
        Int32Array,
        Int8Array,
        IteratorPrototype,
        Map: MapCtor,
        MapIteratorPrototype,
        MapPrototypeForEach,
        MapPrototypeGet,
        MapPrototypeGetSize,
        MapPrototypeSet,
        MathFloor,
        MathMin,
        MathTrunc,
        Number: NumberCtor,
        NumberMAX_SAFE_INTEGER: MAX_SAFE_INTEGER,
        NumberPrototypeToString,
        NumberPrototypeValueOf,
        Object: ObjectCtor,
        ObjectGetOwnPropertyDescriptor,
        ObjectGetOwnPropertyNames,
        ObjectGetPrototypeOf,
        ObjectDefineProperty,
        ObjectKeys,
        ObjectPrototypeHasOwnProperty,
        ObjectPrototypeIsPrototypeOf,
        ObjectPrototypeToString,
        ObjectSetPrototypeOf,
        Promise: PromiseCtor,
        RangeError,
        ReferenceError,
        ReflectApply,
        RegExp: RegExpCtor,
        RegExpPrototypeGetDotAll,
        RegExpPrototypeGetGlobal,
        RegExpPrototypeGetHasIndices,
        RegExpPrototypeGetIgnoreCase,
        RegExpPrototypeGetMultiline,
        RegExpPrototypeGetSource,
        RegExpPrototypeGetSticky,
        RegExpPrototypeGetUnicode,
        RegExpPrototypeGetUnicodeSets,
        RegExpStringIteratorPrototype,
        Set: SetCtor,
        SetIteratorPrototype,
        SetPrototypeAdd,
        SetPrototypeForEach,
        SetPrototypeGetSize,
        SetPrototypeHas,
        SharedArrayBuffer,
        String: StringCtor,
        StringFromCharCode,
        StringIteratorPrototype,
        StringPrototypeCharCodeAt,
        StringPrototypeSlice,
        StringPrototypeStartsWith,
        StringPrototypeValueOf,
        Symbol: SymbolCtor,
        SymbolToStringTag,
        SyntaxError,
        TypeError,
        TypedArray,
        TypedArrayPrototypeGetBuffer,
        TypedArrayPrototypeGetByteLength,
        TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetLength,
        TypedArrayPrototypeEntries,
        TypedArrayPrototypeGetSymbolToStringTag,
        TypedArrayPrototypeSet,
        URIError,
        Uint16Array,
        Uint32Array,
        Uint8Array,
        Uint8ClampedArray,
        WeakMap,
        WeakRef,
        WeakSet,
        WeakSetPrototypeAdd,
        WeakSetPrototypeHas,
        defineData,
        newList,
    } = primordials;

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
    const T_PLATFORM = 0x1E;

    const ERROR_FIELD_MESSAGE = 0x01;
    const ERROR_FIELD_STACK = 0x02;

    // Integers up to this magnitude are written as zigzag varints; the zigzag value then stays
    // below 2^53 and therefore exact.
    const MAX_ZIGZAG_INT = 2 ** 52 - 1;
    const MAX_ARRAY_LENGTH = 2 ** 32 - 1;
    const INITIAL_CAPACITY = 256;
    // Code units per String.fromCharCode call: large enough to be fast, small enough to stay far
    // below the engine's argument-count limit.
    const DECODE_CHUNK = 8192;
    // Decoded property names are remembered in a small direct-mapped cache (see latin1Key).
    const KEY_CACHE_SIZE = 1024;
    const KEY_CACHE_MAX_LENGTH = 32;

    const ObjectPrototype = ObjectCtor.prototype;
    const ArrayPrototype = ArrayCtor.prototype;
    const ErrorPrototype = ErrorCtor.prototype;
    const RegExpPrototype = RegExpCtor.prototype;

    const NOT_BRANDED = SymbolCtor('not branded');
    const NOT_FOUND = SymbolCtor('not found');
    const PENDING = SymbolCtor('pending');

    // Without Error.isError, the builtin "Error" tag is trusted unless a Symbol.toStringTag could
    // have produced it, in which case the object must also inherit from this realm's Error.
    const isErrorObject = typeof ErrorIsError === 'function'
        ? ErrorIsError
        : (value) => !(SymbolToStringTag in value) || ObjectPrototypeIsPrototypeOf(ErrorPrototype, value);

    // Each flag is read through its intrinsic getter (the internal [[OriginalFlags]]) rather than
    // trusting `flags`, which a subclass may override. Order is the canonical "dgimsuvy".
    const REGEXP_FLAG_LETTERS = newList();
    const REGEXP_FLAG_GETTERS = newList();
    {
        const letters = 'dgimsuvy';
        const getters = [
            RegExpPrototypeGetHasIndices, RegExpPrototypeGetGlobal, RegExpPrototypeGetIgnoreCase,
            RegExpPrototypeGetMultiline, RegExpPrototypeGetDotAll, RegExpPrototypeGetUnicode,
            RegExpPrototypeGetUnicodeSets, RegExpPrototypeGetSticky,
        ];
        for (let i = 0; i < getters.length; i++) {
            if (getters[i] === undefined) continue;
            const n = REGEXP_FLAG_GETTERS.length;
            REGEXP_FLAG_LETTERS[n] = StringPrototypeSlice(letters, i, i + 1);
            REGEXP_FLAG_GETTERS[n] = getters[i];
        }
    }

    // Error types on the wire. Indices are part of the format: append only.
    const ERROR_CONSTRUCTORS = {
        __proto__: null,
        0: ErrorCtor, 1: EvalError, 2: RangeError, 3: ReferenceError, 4: SyntaxError, 5: TypeError, 6: URIError,
    };
    const ERROR_NAME_INDEX = new MapCtor();
    {
        const names = ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'];
        for (let i = 0; i < names.length; i++) MapPrototypeSet(ERROR_NAME_INDEX, names[i], i);
    }

    // View kinds on the wire. Indices are part of the format: append only.
    const VIEW_CONSTRUCTORS = {
        __proto__: null,
        1: Int8Array, 2: Uint8Array, 3: Uint8ClampedArray, 4: Int16Array, 5: Uint16Array, 6: Int32Array,
        7: Uint32Array, 8: Float32Array, 9: Float64Array, 10: BigInt64Array, 11: BigUint64Array,
        12: Float16Array,
        13: DataViewCtor,
    };
    const VIEW_KIND_DATAVIEW = 13;
    const VIEW_KIND_BY_NAME = {
        __proto__: null,
        Int8Array: 1, Uint8Array: 2, Uint8ClampedArray: 3, Int16Array: 4, Uint16Array: 5,
        Int32Array: 6, Uint32Array: 7, Float32Array: 8, Float64Array: 9, BigInt64Array: 10,
        BigUint64Array: 11, Float16Array: 12,
    };

    // Built-in kinds (by their toString tag) that structured clone refuses.
    const UNCLONEABLE_TAGS = new SetCtor();
    {
        const tags = [
            'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Promise', 'SharedArrayBuffer',
            'Generator', 'AsyncGenerator', 'Map Iterator', 'Set Iterator', 'Array Iterator',
            'String Iterator', 'RegExp String Iterator', 'Iterator Helper', 'Async-from-Sync Iterator',
            'Module', 'DisposableStack', 'AsyncDisposableStack',
        ];
        for (let i = 0; i < tags.length; i++) SetPrototypeAdd(UNCLONEABLE_TAGS, tags[i]);
    }
    const UNCLONEABLE_TAG_PREFIXES = ['Intl.', 'Temporal.', 'WebAssembly.'];

    const HEX_BYTES = newList();
    for (let i = 0; i < 256; i++) HEX_BYTES[i] = (i < 16 ? '0' : '') + NumberPrototypeToString(i, 16);

    // ---------------------------------------------------------------------------------------------
    // Built-in prototypes, as they were at startup

    // The keys the serializer may have to look up through a prototype chain.
    const LOOKUP_KEYS = [SymbolToStringTag, 'name', 'message', 'stack'];

    // Built-in prototype -> { object, parent, own }: its [[Prototype]] and its own LOOKUP_KEYS
    // properties at startup (each { data, value, get }). Closed under `parent`.
    const INTRINSICS = new MapCtor();

    function addIntrinsic(object) {
        if (object === null || object === undefined || MapPrototypeGet(INTRINSICS, object) !== undefined) return;
        const own = { __proto__: null };
        for (let i = 0; i < LOOKUP_KEYS.length; i++) {
            const key = LOOKUP_KEYS[i];
            const desc = ObjectGetOwnPropertyDescriptor(object, key);
            if (desc === undefined) continue;
            own[key] = ObjectPrototypeHasOwnProperty(desc, 'value')
                ? { __proto__: null, data: true, value: desc.value, get: undefined }
                : { __proto__: null, data: false, value: undefined, get: desc.get };
        }
        const parent = ObjectGetPrototypeOf(object);
        MapPrototypeSet(INTRINSICS, object, { __proto__: null, object, parent, own });
        addIntrinsic(parent);
    }

    {
        const constructors = [
            ObjectCtor, FunctionCtor, ArrayCtor, MapCtor, SetCtor, WeakMap, WeakSet, WeakRef,
            FinalizationRegistry, PromiseCtor, DateCtor, RegExpCtor, ErrorCtor, EvalError, RangeError,
            ReferenceError, SyntaxError, TypeError, URIError, AggregateError, BooleanCtor, NumberCtor,
            StringCtor, SymbolCtor, BigIntFn, ArrayBufferCtor, SharedArrayBuffer, DataViewCtor, TypedArray,
            Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
            Float32Array, Float64Array, BigInt64Array, BigUint64Array, Float16Array,
        ];
        for (let i = 0; i < constructors.length; i++) {
            if (constructors[i] !== undefined) addIntrinsic(constructors[i].prototype);
        }
        const prototypes = [
            IteratorPrototype, ArrayIteratorPrototype, MapIteratorPrototype, SetIteratorPrototype,
            StringIteratorPrototype, RegExpStringIteratorPrototype, GeneratorPrototype, AsyncGeneratorPrototype,
        ];
        for (let i = 0; i < prototypes.length; i++) addIntrinsic(prototypes[i]);
    }

    // The value of a property descriptor for a read with this receiver.
    function descriptorValue(desc, receiver) {
        if (ObjectPrototypeHasOwnProperty(desc, 'value')) return desc.value;
        const get = desc.get;
        return get === undefined ? undefined : FunctionPrototypeCall(get, receiver);
    }

    // [[Get]] continued along startup state from a built-in prototype; NOT_FOUND if nothing there.
    function intrinsicGet(intrinsic, key, receiver) {
        for (let entry = intrinsic; ;) {
            const desc = entry.own[key];
            if (desc !== undefined) {
                if (desc.data) return desc.value;
                return desc.get === undefined ? undefined : FunctionPrototypeCall(desc.get, receiver);
            }
            if (entry.parent === null) return NOT_FOUND;
            entry = MapPrototypeGet(INTRINSICS, entry.parent);
        }
    }

    // Like `object[key]` (key one of LOOKUP_KEYS) on an ordinary object: own and user-defined
    // prototypes are read as they are now, built-in prototypes as they were at startup.
    function inheritedGet(object, key) {
        let target = object;
        for (;;) {
            const intrinsic = MapPrototypeGet(INTRINSICS, target);
            if (intrinsic !== undefined) {
                const value = intrinsicGet(intrinsic, key, object);
                return value === NOT_FOUND ? undefined : value;
            }
            const desc = ObjectGetOwnPropertyDescriptor(target, key);
            if (desc !== undefined) return descriptorValue(desc, object);
            target = ObjectGetPrototypeOf(target);
            if (target === null) return undefined;
        }
    }

    // True when a built-in prototype and its ancestors still have no Symbol.toStringTag and their
    // startup [[Prototype]]s: then Object.prototype.toString reads no script-written state there.
    function unchangedWithoutTag(intrinsic) {
        for (let entry = intrinsic; ;) {
            const object = entry.object;
            if (ObjectGetOwnPropertyDescriptor(object, SymbolToStringTag) !== undefined) return false;
            if (ObjectGetPrototypeOf(object) !== entry.parent) return false;
            if (entry.parent === null) return true;
            entry = MapPrototypeGet(INTRINSICS, entry.parent);
        }
    }

    // The tag Object.prototype.toString would report ("Map", "Object", ...) if the built-in
    // prototypes were as at startup. Symbol.toStringTag is looked up like [[Get]] (own property
    // first, getters run once); only without a string tag does the builtin tag of the object count.
    function kindOf(value) {
        let target = value;
        let intrinsic;
        for (;;) {
            intrinsic = MapPrototypeGet(INTRINSICS, target);
            if (intrinsic !== undefined) break;
            const desc = ObjectGetOwnPropertyDescriptor(target, SymbolToStringTag);
            if (desc !== undefined) {
                const tag = descriptorValue(desc, value);
                return typeof tag === 'string' ? tag : builtinKindByBrand(value);
            }
            target = ObjectGetPrototypeOf(target);
            if (target === null) return builtinKind(value);
        }
        const tag = intrinsicGet(intrinsic, SymbolToStringTag, value);
        if (typeof tag === 'string') return tag;
        return tag === NOT_FOUND && unchangedWithoutTag(intrinsic) ? builtinKind(value) : builtinKindByBrand(value);
    }

    // Object.prototype.toString, once it is known to find no Symbol.toStringTag on the way.
    function builtinKind(value) {
        return StringPrototypeSlice(ObjectPrototypeToString(value), 8, -1);
    }

    // The builtin tag from internal slots alone (slow: failed checks throw). Used only when a
    // built-in prototype was changed, or a tag that is not a string was found.
    function builtinKindByBrand(value) {
        if (typeof ErrorIsError === 'function' ? ErrorIsError(value) : ObjectPrototypeIsPrototypeOf(ErrorPrototype, value)) {
            return 'Error';
        }
        if (brandCall(BooleanPrototypeValueOf, value) !== NOT_BRANDED) return 'Boolean';
        if (brandCall(NumberPrototypeValueOf, value) !== NOT_BRANDED) return 'Number';
        if (brandCall(StringPrototypeValueOf, value) !== NOT_BRANDED) return 'String';
        if (brandCall(DatePrototypeGetTime, value) !== NOT_BRANDED) return 'Date';
        // RegExp.prototype answers `source` without being a RegExp.
        if (value !== RegExpPrototype && brandCall(RegExpPrototypeGetSource, value) !== NOT_BRANDED) return 'RegExp';
        return 'Object';
    }

    // Calls an intrinsic that checks for an internal slot; objects that merely claim a built-in
    // toString tag fail the check and are then cloned as plain objects.
    function brandCall(fn, target) {
        try {
            return fn(target);
        } catch {
            return NOT_BRANDED;
        }
    }

    // The errors this file makes because a value cannot be cloned, so that callers (the global
    // structuredClone) can turn them into DataCloneError DOMExceptions and let every other error
    // (a getter that throws) through unchanged.
    const CLONE_ERRORS = new WeakSet();

    function notCloneable(what) {
        const error = new TypeError(what + ' could not be cloned');
        WeakSetPrototypeAdd(CLONE_ERRORS, error);
        return error;
    }

    // Set by WebApis: `describe(value)` returns { kind, fields } for a serializable platform object,
    // undefined for any other value, and throws for a platform object that is not serializable;
    // `create(kind, fields)` rebuilds one.
    let platform;

    // "HostClass Order" / "live view of Order.items", or undefined for script-made values.
    function hostObjectKind(value) {
        const className = hostClassOf(value);
        if (className !== undefined) return 'HostClass ' + className;
        const view = liveViewName(value);
        return view === undefined ? undefined : 'live view of ' + view;
    }

    function dataCloneError(kind) {
        const error = new ErrorCtor('The value is a host object (' + kind + ') and cannot be cloned; pass plain data instead.');
        ObjectDefineProperty(error, 'name', { __proto__: null, value: 'DataCloneError', writable: true, configurable: true });
        WeakSetPrototypeAdd(CLONE_ERRORS, error);
        return error;
    }

    const INVALID_PREFIX = 'invalid serialized data: ';
    // The errors invalid() made, so that deserialize can tell them apart without reading anything
    // a script could have changed (such as the prototype chain of a RangeError).
    const INVALID_ERRORS = new WeakSet();

    function invalid(reason) {
        const error = new TypeError(INVALID_PREFIX + reason);
        WeakSetPrototypeAdd(INVALID_ERRORS, error);
        return error;
    }

    function isUncloneableTag(kind) {
        if (SetPrototypeHas(UNCLONEABLE_TAGS, kind)) return true;
        for (let i = 0; i < UNCLONEABLE_TAG_PREFIXES.length; i++) {
            if (StringPrototypeStartsWith(kind, UNCLONEABLE_TAG_PREFIXES[i])) return true;
        }
        return false;
    }

    // True for the canonical string form of an integer in [prev + 1, length): ordinary arrays list
    // such keys first and in ascending order, which lets the element loop walk them directly.
    function isNextIndexKey(key, prev, length) {
        const index = +key;
        return index > prev && index < length && index === MathFloor(index) && '' + index === key;
    }

    // Ordinary arrays list their index keys first, ascending; so if the key at position length-1
    // is the index length-1, positions 0..length-1 hold every index and the array has no holes.
    function isDenseKeyList(keys, length) {
        return length > 0 && keys.length >= length && keys[length - 1] === '' + (length - 1);
    }

    function isDetached(buffer, byteLength) {
        if (ArrayBufferPrototypeGetDetached !== undefined) return ArrayBufferPrototypeGetDetached(buffer);
        if (byteLength !== 0) return false;
        try {
            new Uint8Array(buffer);
            return false;
        } catch {
            return true;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Output

    // The classes' prototypes have no prototype of their own, and instance state is declared as
    // fields (defined, not assigned): no lookup on these objects can reach Object.prototype.
    class ByteWriter {
        buffer = new ArrayBufferCtor(INITIAL_CAPACITY);
        buf = new Uint8Array(this.buffer);
        view = new DataViewCtor(this.buffer);
        capacity = INITIAL_CAPACITY;
        pos = 0;

        reserve(count) {
            if (this.pos + count > this.capacity) this.grow(count);
        }

        grow(count) {
            let capacity = this.capacity * 2;
            while (capacity < this.pos + count) capacity *= 2;
            const buffer = new ArrayBufferCtor(capacity);
            const next = new Uint8Array(buffer);
            TypedArrayPrototypeSet(next, new Uint8Array(this.buffer, 0, this.pos));
            this.buffer = buffer;
            this.buf = next;
            this.view = new DataViewCtor(buffer);
            this.capacity = capacity;
        }

        byte(value) {
            if (this.pos >= this.capacity) this.grow(1);
            this.buf[this.pos++] = value;
        }

        varint(value) {
            this.reserve(8);
            const buf = this.buf;
            let pos = this.pos;
            while (value >= 0x80) {
                buf[pos++] = (value % 0x80) | 0x80;
                value = MathFloor(value / 0x80);
            }
            buf[pos++] = value;
            this.pos = pos;
        }

        float64(value) {
            this.reserve(8);
            DataViewPrototypeSetFloat64(this.view, this.pos, value, true);
            this.pos += 8;
        }

        // `source` is a Uint8Array of `length` bytes.
        bytes(source, length) {
            this.reserve(length);
            TypedArrayPrototypeSet(this.buf, source, this.pos);
            this.pos += length;
        }

        result() {
            const result = new Uint8Array(this.pos);
            TypedArrayPrototypeSet(result, new Uint8Array(this.buffer, 0, this.pos));
            return result;
        }
    }
    ObjectSetPrototypeOf(ByteWriter.prototype, null);

    class Serializer {
        out = new ByteWriter();
        memo = new MapCtor();
        nextId = 0;

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
            if (value === MathTrunc(value) && value <= MAX_ZIGZAG_INT && value >= -MAX_ZIGZAG_INT
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
                const unit = StringPrototypeCharCodeAt(text, i);
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
                const unit = StringPrototypeCharCodeAt(text, i);
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
            let hex = magnitude === 0n ? '' : BigIntPrototypeToString(magnitude, 16);
            if (hex.length % 2 !== 0) hex = '0' + hex;
            const byteLength = hex.length / 2;
            const out = this.out;
            out.varint(byteLength * 2 + (negative ? 1 : 0));
            out.reserve(byteLength);
            const buf = out.buf;
            let pos = out.pos;
            for (let i = 0; i < hex.length; i += 2) {
                buf[pos++] = (hexDigit(StringPrototypeCharCodeAt(hex, i)) << 4) | hexDigit(StringPrototypeCharCodeAt(hex, i + 1));
            }
            out.pos = pos;
        }

        writeObject(value) {
            const id = MapPrototypeGet(this.memo, value);
            if (id !== undefined) {
                this.out.byte(T_REF);
                this.out.varint(id);
                return;
            }
            MapPrototypeSet(this.memo, value, this.nextId++);

            const hostKind = hostObjectKind(value);
            if (hostKind !== undefined) throw dataCloneError(hostKind);
            if (platform !== undefined) {
                const described = platform.describe(value);
                if (described !== undefined) {
                    this.out.byte(T_PLATFORM);
                    this.writeString(described.kind);
                    this.writeValue(described.fields);
                    return;
                }
            }
            if (ArrayIsArray(value)) {
                this.writeArray(value);
                return;
            }
            if (ArrayBufferIsView(value)) {
                this.writeView(value);
                return;
            }
            const kind = kindOf(value);
            switch (kind) {
                case 'Object': this.writePlainObject(value); return;
                case 'Date': this.writeDate(value); return;
                case 'RegExp': this.writeRegExp(value); return;
                case 'Boolean': this.writeBooleanObject(value); return;
                case 'Number': this.writeNumberObject(value); return;
                case 'String': this.writeStringObject(value); return;
                case 'BigInt': this.writeBigIntObject(value); return;
                case 'Map': this.writeMap(value); return;
                case 'Set': this.writeSet(value); return;
                case 'ArrayBuffer': this.writeArrayBuffer(value); return;
                case 'Error': this.writeError(value); return;
                case 'Symbol': throw notCloneable('Symbol object');
                default:
                    if (isUncloneableTag(kind)) throw notCloneable(kind);
                    // Class instances, arguments objects, namespaces: own enumerable properties.
                    this.writePlainObject(value);
            }
        }

        writePlainObject(object) {
            this.out.byte(T_OBJECT);
            this.writeProperties(object, ObjectKeys(object), 0);
            this.out.byte(T_END);
        }

        // Keys are enumerated up front (as the spec does); a key deleted meanwhile by a getter is
        // skipped. hasOwnProperty only runs for undefined values, which keeps the common path cheap.
        writeProperties(object, keys, start) {
            for (let i = start; i < keys.length; i++) {
                const key = keys[i];
                const value = object[key];
                if (value === undefined && !ObjectPrototypeHasOwnProperty(object, key)) continue;
                this.writeString(key);
                this.writeValue(value);
            }
        }

        writeArray(array) {
            const out = this.out;
            const length = array.length >>> 0;
            const keys = ObjectKeys(array);
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
                if (value === undefined && !ObjectPrototypeHasOwnProperty(array, index)) this.writeHoles(1);
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
                if (value === undefined && !ObjectPrototypeHasOwnProperty(array, key)) this.writeHoles(1);
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
            const time = brandCall(DatePrototypeGetTime, date);
            if (time === NOT_BRANDED) {
                this.writePlainObject(date);
                return;
            }
            this.out.byte(T_DATE);
            this.out.float64(time);
        }

        writeRegExp(regexp) {
            const source = brandCall(RegExpPrototypeGetSource, regexp);
            if (source === NOT_BRANDED) {
                this.writePlainObject(regexp);
                return;
            }
            let flags = '';
            for (let i = 0; i < REGEXP_FLAG_GETTERS.length; i++) {
                if (REGEXP_FLAG_GETTERS[i](regexp)) flags += REGEXP_FLAG_LETTERS[i];
            }
            this.out.byte(T_REGEXP);
            this.writeString(source);
            this.writeString(flags);
        }

        writeBooleanObject(object) {
            const value = brandCall(BooleanPrototypeValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_BOOLEAN_OBJECT);
            this.out.byte(value ? 1 : 0);
        }

        writeNumberObject(object) {
            const value = brandCall(NumberPrototypeValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_NUMBER_OBJECT);
            this.out.float64(value);
        }

        writeStringObject(object) {
            const value = brandCall(StringPrototypeValueOf, object);
            if (value === NOT_BRANDED) {
                this.writePlainObject(object);
                return;
            }
            this.out.byte(T_STRING_OBJECT);
            this.writeString(value);
        }

        writeBigIntObject(object) {
            const value = brandCall(BigIntPrototypeValueOf, object);
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
            if (brandCall(MapPrototypeGetSize, map) === NOT_BRANDED) {
                this.writePlainObject(map);
                return;
            }
            const entries = newList();
            MapPrototypeForEach(map, (value, key) => {
                entries[entries.length] = key;
                entries[entries.length] = value;
            });
            this.out.byte(T_MAP);
            this.out.varint(entries.length / 2);
            for (let i = 0; i < entries.length; i++) this.writeValue(entries[i]);
        }

        writeSet(set) {
            if (brandCall(SetPrototypeGetSize, set) === NOT_BRANDED) {
                this.writePlainObject(set);
                return;
            }
            const values = newList();
            SetPrototypeForEach(set, (value) => {
                values[values.length] = value;
            });
            this.out.byte(T_SET);
            this.out.varint(values.length);
            for (let i = 0; i < values.length; i++) this.writeValue(values[i]);
        }

        writeArrayBuffer(buffer) {
            const byteLength = brandCall(ArrayBufferPrototypeGetByteLength, buffer);
            if (byteLength === NOT_BRANDED) {
                this.writePlainObject(buffer);
                return;
            }
            if (isDetached(buffer, byteLength)) throw notCloneable('detached ArrayBuffer');
            const out = this.out;
            if (ArrayBufferPrototypeGetResizable !== undefined && ArrayBufferPrototypeGetResizable(buffer)) {
                out.byte(T_RESIZABLE_BUFFER);
                out.varint(byteLength);
                out.varint(ArrayBufferPrototypeGetMaxByteLength(buffer));
            } else {
                out.byte(T_ARRAY_BUFFER);
                out.varint(byteLength);
            }
            out.bytes(new Uint8Array(buffer, 0, byteLength), byteLength);
        }

        // The buffer goes through writeValue so that views sharing a buffer share it again after
        // deserialization; offsets are read afterwards, once the buffer is known to be usable.
        writeView(view) {
            const out = this.out;
            const name = TypedArrayPrototypeGetSymbolToStringTag(view);
            if (name === undefined) {
                // A DataView past the end of its (shrunk or detached) buffer throws on these reads;
                // HTML makes that a DataCloneError.
                const byteOffset = brandCall(DataViewPrototypeGetByteOffset, view);
                if (byteOffset === NOT_BRANDED) throw notCloneable('out-of-bounds DataView');
                out.byte(T_VIEW);
                out.byte(VIEW_KIND_DATAVIEW);
                this.writeValue(DataViewPrototypeGetBuffer(view));
                out.varint(byteOffset);
                out.varint(DataViewPrototypeGetByteLength(view));
                return;
            }
            const kind = VIEW_KIND_BY_NAME[name];
            if (kind === undefined) throw notCloneable(name);
            // An out-of-bounds typed array reports length 0 instead of throwing; entries() validates it.
            if (TypedArrayPrototypeGetLength(view) === 0 && brandCall(TypedArrayPrototypeEntries, view) === NOT_BRANDED)
                throw notCloneable('out-of-bounds ' + name);
            out.byte(T_VIEW);
            out.byte(kind);
            this.writeValue(TypedArrayPrototypeGetBuffer(view));
            out.varint(TypedArrayPrototypeGetByteOffset(view));
            out.varint(TypedArrayPrototypeGetLength(view));
        }

        // Like the HTML spec: name is read through the prototype chain and normalized to a known
        // constructor, message only from an own data property; V8 additionally keeps the stack.
        writeError(error) {
            if (!isErrorObject(error)) {
                this.writePlainObject(error);
                return;
            }
            let nameIndex = MapPrototypeGet(ERROR_NAME_INDEX, inheritedGet(error, 'name'));
            if (nameIndex === undefined) nameIndex = 0;
            const messageDesc = ObjectGetOwnPropertyDescriptor(error, 'message');
            const message = messageDesc !== undefined && ObjectPrototypeHasOwnProperty(messageDesc, 'value')
                ? StringCtor(messageDesc.value)
                : undefined;
            const stack = inheritedGet(error, 'stack');
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
    ObjectSetPrototypeOf(Serializer.prototype, null);

    function hexDigit(code) {
        // '0'..'9' are 48..57, 'a'..'f' are 97..102 (BigInt#toString emits lower case).
        return code <= 57 ? code - 48 : code - 87;
    }

    // ---------------------------------------------------------------------------------------------
    // Input

    class ByteReader {
        bytes;
        buffer;
        offset;
        view;
        pos = 0;
        end;
        units = null;
        keyCache = null;

        constructor(bytes) {
            this.bytes = bytes;
            this.buffer = TypedArrayPrototypeGetBuffer(bytes);
            this.offset = TypedArrayPrototypeGetByteOffset(bytes);
            this.end = TypedArrayPrototypeGetLength(bytes);
            this.view = new DataViewCtor(this.buffer, this.offset, TypedArrayPrototypeGetByteLength(bytes));
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
            const value = DataViewPrototypeGetFloat64(this.view, this.pos, true);
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
            return new Uint8Array(this.buffer, this.offset + start, length);
        }

        // The argument list for String.fromCharCode: a null-prototype array (an array's length is
        // an own property, unlike a typed array's), reused and truncated to `n` elements.
        codeUnits(n) {
            let units = this.units;
            if (units === null) units = this.units = newList();
            if (units.length > n) units.length = n;
            return units;
        }

        latin1(length) {
            const start = this.skip(length);
            const bytes = this.bytes;
            if (length <= 16) {
                let text = '';
                for (let i = start; i < start + length; i++) text += StringFromCharCode(bytes[i]);
                return text;
            }
            let text = '';
            for (let i = start; i < start + length; i += DECODE_CHUNK) {
                const n = MathMin(DECODE_CHUNK, start + length - i);
                const units = this.codeUnits(n);
                for (let j = 0; j < n; j++) units[j] = bytes[i + j];
                text += ReflectApply(StringFromCharCode, null, units);
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
            let cache = this.keyCache;
            if (cache === null) {
                cache = this.keyCache = newList();
                for (let i = 0; i < KEY_CACHE_SIZE; i++) cache[i] = '';
            }
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
                for (let b = start; b < start + length * 2; b += 2) text += StringFromCharCode(bytes[b] | (bytes[b + 1] << 8));
                return text;
            }
            // Chunk boundaries may split surrogate pairs, which is harmless because strings are
            // concatenated code unit by code unit.
            let text = '';
            for (let i = 0; i < length; i += DECODE_CHUNK) {
                const n = MathMin(DECODE_CHUNK, length - i);
                const units = this.codeUnits(n);
                for (let j = 0, b = start + 2 * i; j < n; j++, b += 2) units[j] = bytes[b] | (bytes[b + 1] << 8);
                text += ReflectApply(StringFromCharCode, null, units);
            }
            return text;
        }
    }
    ObjectSetPrototypeOf(ByteReader.prototype, null);

    function sameLatin1(text, bytes, start) {
        for (let i = 0; i < text.length; i++) {
            if (StringPrototypeCharCodeAt(text, i) !== bytes[start + i]) return false;
        }
        return true;
    }

    // CreateDataProperty semantics: plain assignment is fast, but would hit setters or read-only
    // properties on Object.prototype (notably __proto__), so those keys are defined instead.
    // (Object.prototype's own prototype is fixed at null, so `in` runs no script code.)
    function setProperty(object, key, value) {
        if (key in ObjectPrototype) defineData(object, key, value);
        else object[key] = value;
    }

    // True when no built-in prototype of an array has an index property (or could gain one through
    // its prototype): then assigning an element of a new array creates an own property, as
    // CreateDataProperty would. Deserialization runs no script code, so one check per call holds.
    function elementAssignmentIsSafe() {
        return ObjectGetPrototypeOf(ArrayPrototype) === ObjectPrototype
            && !hasNumericKey(ArrayPrototype) && !hasNumericKey(ObjectPrototype);
    }

    function hasNumericKey(object) {
        const names = ObjectGetOwnPropertyNames(object);
        for (let i = 0; i < names.length; i++) {
            if ('' + +names[i] === names[i]) return true;
        }
        return false;
    }

    class Deserializer {
        in;
        objects = newList();
        assignElements;

        constructor(bytes) {
            this.in = new ByteReader(bytes);
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
            const objects = this.objects;
            objects[objects.length] = object;
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
                case T_PLATFORM: return this.readPlatformObject();
                default: throw invalid('unexpected tag 0x' + NumberPrototypeToString(tag, 16) + ' at offset ' + (input.pos - 1));
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
            const length = MathFloor(header / 2);
            const bytes = this.in.take(length);
            if (length === 0) return 0n;
            const parts = newList();
            for (let i = 0; i < length; i++) parts[i] = HEX_BYTES[bytes[i]];
            const magnitude = BigIntFn('0x' + ArrayPrototypeJoin(parts, ''));
            return negative ? -magnitude : magnitude;
        }

        readRef() {
            const id = this.in.varint();
            const objects = this.objects;
            if (id >= objects.length) throw invalid('back-reference to unknown object ' + id);
            const object = objects[id];
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
            let assign = this.assignElements;
            if (assign === undefined) assign = this.assignElements = elementAssignmentIsSafe();
            let index = 0;
            while (index < length) {
                const tag = input.byte();
                if (tag === T_HOLES) {
                    const run = input.varint();
                    if (run === 0 || run > length - index) throw invalid('bad hole run');
                    index += run;
                    array.length = index;
                } else if (assign) {
                    array[index++] = this.readTagged(tag);
                } else {
                    defineData(array, index++, this.readTagged(tag));
                }
            }
            // Extra properties of arrays are rare; defining them avoids Array.prototype setters.
            this.readProperties(array, defineData);
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
                MapPrototypeSet(map, key, this.readValue());
            }
            return map;
        }

        readSet() {
            const count = this.in.count(1);
            const set = this.register(new SetCtor());
            for (let i = 0; i < count; i++) SetPrototypeAdd(set, this.readValue());
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
                buffer = new ArrayBufferCtor(byteLength, { __proto__: null, maxByteLength });
            } else {
                if (byteLength > input.remaining()) throw invalid('length exceeds remaining data');
                buffer = new ArrayBufferCtor(byteLength);
            }
            TypedArrayPrototypeSet(new Uint8Array(buffer), input.take(byteLength));
            return this.register(buffer);
        }

        // Like a view, the object's id precedes its fields'.
        readPlatformObject() {
            const objects = this.objects;
            const id = objects.length;
            objects[id] = PENDING;
            const kind = this.readString();
            const fields = this.readValue();
            if (platform === undefined) throw invalid('a ' + kind + ' needs the Web APIs (WebApis) in the receiving context');
            const object = platform.create(kind, fields);
            objects[id] = object;
            return object;
        }

        // The view's id precedes its buffer's, so its slot is reserved before the buffer is read.
        readView() {
            const input = this.in;
            const objects = this.objects;
            const id = objects.length;
            objects[id] = PENDING;
            const kind = input.byte();
            const Ctor = VIEW_CONSTRUCTORS[kind];
            if (Ctor === undefined) throw invalid('unsupported view kind ' + kind);
            const buffer = this.readValue();
            // Only an ArrayBuffer read above can pass this brand check.
            if (brandCall(ArrayBufferPrototypeGetByteLength, buffer) === NOT_BRANDED) {
                throw invalid('view target is not an ArrayBuffer');
            }
            const byteOffset = input.varint();
            const length = input.varint();
            // The constructor validates bounds and alignment against the real buffer (RangeError).
            const view = new Ctor(buffer, byteOffset, length);
            objects[id] = view;
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
                ObjectDefineProperty(error, 'stack', { __proto__: null, value: stack, writable: true, enumerable: false, configurable: true });
            }
            return this.register(error);
        }
    }
    ObjectSetPrototypeOf(Deserializer.prototype, null);

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
        if (ArrayBufferIsView(input) && TypedArrayPrototypeGetSymbolToStringTag(input) === 'Uint8Array') return input;
        if (brandCall(ArrayBufferPrototypeGetByteLength, input) !== NOT_BRANDED) return new Uint8Array(input);
        throw invalid('expected a Uint8Array');
    }

    function deserialize(input) {
        const bytes = toBytes(input);
        try {
            return new Deserializer(bytes).run();
        } catch (error) {
            // Anything the engine throws while rebuilding corrupt data (bad RegExp source, view out
            // of bounds, stack overflow on absurd nesting) is reported as invalid data as well.
            // Deserialization runs no script code, so whatever was thrown is either one of ours or
            // the engine's.
            if (WeakSetPrototypeHas(INVALID_ERRORS, error)) throw error;
            const isError = typeof ErrorIsError === 'function'
                ? ErrorIsError(error)
                : ObjectPrototypeIsPrototypeOf(ErrorPrototype, error);
            throw invalid(isError ? inheritedGet(error, 'message') : StringCtor(error));
        }
    }

    function isCloneError(error) {
        return WeakSetPrototypeHas(CLONE_ERRORS, error);
    }

    function setPlatformHooks(hooks) {
        platform = hooks;
    }

    return { __proto__: null, serialize, deserialize, isCloneError, setPlatformHooks };
});
