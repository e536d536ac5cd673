// V8Host bootstrap: evaluated once per context, right after Primordials.js and before any user
// code. Its completion value is a function of the primordials table returning the helper table the
// .NET side keeps a handle to. Nothing is added to the global object except Error.prepareStackTrace,
// which records structured frames (ClearScript only hands back formatted stack strings).
//
// Every intrinsic comes from `primordials`; internal state lives in closures and WeakMaps, never in
// properties a script could read, forge or intercept. Values coming back from scripts are checked
// before use.
(function (primordials) {
    'use strict';

    const {
        ArrayBuffer: ArrayBufferCtor,
        ArrayIsArray,
        ArrayPrototypeIndexOf,
        ArrayPrototypeJoin,
        Error: ErrorCtor,
        ErrorCaptureStackTrace,
        FinalizationRegistry,
        FinalizationRegistryPrototypeRegister,
        Float64Array,
        Function: FunctionCtor,
        Int32Array,
        JSONParse,
        Map,
        MapPrototypeDelete,
        MapPrototypeGet,
        MapPrototypeSet,
        Object: ObjectCtor,
        ObjectCreate,
        ObjectDefineProperty,
        ObjectFreeze,
        ObjectGetPrototypeOf,
        ObjectKeys,
        ObjectPrototypeHasOwnProperty,
        ObjectPrototypeToString,
        Promise,
        PromisePrototypeThen,
        RangeError,
        ReflectApply,
        ReflectDefineProperty,
        ReflectDeleteProperty,
        ReflectGet,
        ReflectGetOwnPropertyDescriptor,
        ReflectHas,
        ReflectOwnKeys,
        ReflectSet,
        String: StringCtor,
        StringPrototypeCharCodeAt,
        StringPrototypeIndexOf,
        StringPrototypeSlice,
        StringPrototypeSplit,
        StringPrototypeStartsWith,
        StringPrototypeEndsWith,
        StringPrototypeIsWellFormed,
        StringPrototypeToWellFormed,
        Symbol,
        SymbolPrototypeToString,
        TypeError,
        TypedArrayPrototypeGetBuffer,
        TypedArrayPrototypeGetLength,
        TypedArrayPrototypeGetSymbolToStringTag,
        TypedArrayPrototypeSet,
        Uint8Array,
        WeakMap,
        WeakMapPrototypeGet,
        WeakMapPrototypeSet,
        WeakRef,
        WeakRefPrototypeDeref,
        decodeURIComponent,
        defineData,
        globalThis,
        listToArray,
        newList,
        uncurryThis,
    } = primordials;

    // Read while the intrinsics are pristine (the bootstrap runs before any user code).
    const AsyncFunctionCtor = ObjectGetPrototypeOf(async function () {}).constructor;

    const documentScheme = 'v8host:';
    const maxFrames = 200;
    const denseSearchLimit = 1 << 20;
    const maxArrayLength = 4294967295;

    // Bounds for the data properties copied from a thrown object into Exception.Data.
    const maxDataEntries = 64;
    const maxDataKeysScanned = 1024;
    const maxDataKeyLength = 256;
    const maxDataStringLength = 4096;
    const maxDataBigInt = 2n ** 4096n;

    // Structured frames and host-error ids, keyed by the error object. A WeakMap lookup never runs
    // script code, even for a Proxy, and scripts cannot reach the maps.
    const errorFrames = new WeakMap();
    const hostErrors = new WeakMap();

    // CallSite methods, captured from a pristine call site: scripts that get hold of CallSite.prototype
    // through their own prepareStackTrace cannot change what V8Host reads.
    const callSite = (() => {
        const previous = ErrorCtor.prepareStackTrace;
        let sites = null;
        ErrorCtor.prepareStackTrace = (_, callSites) => callSites;
        try {
            sites = new ErrorCtor().stack;
        } finally {
            ErrorCtor.prepareStackTrace = previous;
        }
        const prototype = ObjectGetPrototypeOf(sites[0]);
        const method = name => uncurryThis(prototype[name]);
        const table = {
            __proto__: null,
            getFileName: method('getFileName'),
            getFunctionName: method('getFunctionName'),
            getLineNumber: method('getLineNumber'),
            getColumnNumber: method('getColumnNumber'),
            getEvalOrigin: method('getEvalOrigin'),
            isEval: method('isEval'),
            isConstructor: method('isConstructor'),
            isWasm: typeof prototype.isWasm === 'function' ? method('isWasm') : null,
            toString: method('toString'),
        };
        // V8's CallSite has no isWasm: a wasm frame is one in a wasm:// script whose text V8 prints
        // with a wasm-function[index] location (a JS script merely named wasm://… has line:column).
        if (table.isWasm === null) {
            const getFileName = method('getFileName');
            const toString = method('toString');
            table.isWasm = site => {
                const name = getFileName(site);
                return typeof name === 'string' && StringPrototypeStartsWith(name, 'wasm://') &&
                    StringPrototypeIndexOf(toString(site), ':wasm-function[') >= 0;
            };
        }
        return table;
    })();

    // Scripts are registered with ClearScript as "v8host:<escaped name>#<n>" (user code) or
    // "v8host:<escaped name>" (the glue) so that V8 reports the exact name the user gave; undo that
    // here for display. ClearScript may append " [n]" to a glue name; escaped names contain neither
    // spaces nor '#' (EngineCore.DisplayName is the .NET twin).
    function displayName(fileName) {
        if (typeof fileName !== 'string') return fileName ?? null;
        if (!StringPrototypeStartsWith(fileName, documentScheme)) return fileName;
        const escaped = StringPrototypeSlice(fileName, documentScheme.length);
        let end = StringPrototypeIndexOf(escaped, '#');
        const space = StringPrototypeIndexOf(escaped, ' ');
        if (end < 0 || (space >= 0 && space < end)) end = space;
        try {
            return decodeURIComponent(end < 0 ? escaped : StringPrototypeSlice(escaped, 0, end));
        } catch {
            return fileName;
        }
    }

    // The characters Uri.EscapeDataString leaves in a name: unreserved ones and %XX escapes.
    function isEscapedNameChar(code) {
        return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ||
            code === 0x25 || code === 0x2d || code === 0x2e || code === 0x5f || code === 0x7e;
    }

    // Text V8 wrote with resource names in it (an eval origin: "eval at f (v8host:a.js#3:1:5)"):
    // every V8Host resource name of user code, with its "#n" tail, replaced by its display name.
    function displayText(text) {
        let result = '';
        let from = 0;
        for (;;) {
            const start = StringPrototypeIndexOf(text, documentScheme, from);
            if (start < 0) return result + StringPrototypeSlice(text, from);
            let end = start + documentScheme.length;
            while (end < text.length && isEscapedNameChar(StringPrototypeCharCodeAt(text, end))) end++;
            if (StringPrototypeCharCodeAt(text, end) === 0x23) {
                end++;
                while (end < text.length && isDigit(StringPrototypeCharCodeAt(text, end))) end++;
            }
            result += StringPrototypeSlice(text, from, start) + displayName(StringPrototypeSlice(text, start, end));
            from = end;
        }
    }

    function isDigit(code) {
        return code >= 0x30 && code <= 0x39;
    }

    function isInternal(fileName) {
        return typeof fileName === 'string' &&
            (StringPrototypeStartsWith(displayName(fileName), documentScheme) || StringPrototypeEndsWith(fileName, '[internal]'));
    }

    // V8's own text for a frame, with resource names as the user gave them.
    // The function index of a wasm frame: V8 prints it as "wasm-function[3]" in the call site's text
    // (CallSite has no public accessor for it); null for other frames.
    function wasmFunctionIndex(site) {
        if (!callSite.isWasm(site)) return null;
        const text = callSite.toString(site);
        const marker = 'wasm-function[';
        const at = StringPrototypeIndexOf(text, marker);
        if (at < 0) return null;
        let index = 0;
        let digits = 0;
        for (let i = at + marker.length; i < text.length && digits < 10; i++, digits++) {
            const code = StringPrototypeCharCodeAt(text, i);
            if (code < 48 || code > 57) break;
            index = index * 10 + (code - 48);
        }
        return digits > 0 ? index : null;
    }

    function formatCallSite(site) {
        const raw = callSite.getFileName(site);
        let text = callSite.toString(site);
        if (typeof raw === 'string') text = ArrayPrototypeJoin(StringPrototypeSplit(text, raw), displayName(raw));
        const origin = callSite.isEval(site) ? callSite.getEvalOrigin(site) : undefined;
        return typeof origin === 'string' ? ArrayPrototypeJoin(StringPrototypeSplit(text, origin), displayText(origin)) : text;
    }

    // A printable form of any value, running as little script code as possible and never throwing.
    function safeString(value) {
        if (typeof value === 'string') return value;
        if (typeof value === 'symbol') return SymbolPrototypeToString(value);
        try {
            const text = StringCtor(value);
            return typeof text === 'string' ? text : '<error>';
        } catch {
            return '<error>';
        }
    }

    // ClearScript converts the text of an exception that leaves V8 to UTF-8 with a converter that
    // throws a C++ exception, ending the process, on an unpaired surrogate. A value thrown through
    // V8Host's glue is replaced by a stand-in with well-formed text; .NET still sees the original.
    const standIns = new WeakMap();

    function standInFor(thrown) {
        const text = safeString(thrown);
        if (StringPrototypeIsWellFormed(text)) return thrown;
        const wellFormed = StringPrototypeToWellFormed(text);
        const standIn = ObjectFreeze({ __proto__: null, toString: () => wellFormed });
        WeakMapPrototypeSet(standIns, standIn, thrown);
        return standIn;
    }

    // A helper that may run script code (getters, traps, user functions): what it throws is made safe.
    function guarded(helper) {
        return function (...args) {
            try {
                return ReflectApply(helper, undefined, args);
            } catch (error) {
                throw standInFor(error);
            }
        };
    }

    // Error text is what ClearScript converts most often; the built-in toString keeps it well-formed
    // for uncaught errors at a script's top level too, which no glue surrounds.
    const errorToString = ErrorCtor.prototype.toString;
    ObjectDefineProperty(ErrorCtor.prototype, 'toString', {
        __proto__: null,
        writable: true,
        configurable: true,
        value: named('toString', 0, function () {
            return StringPrototypeToWellFormed(ReflectApply(errorToString, this, []));
        }),
    });

    ObjectDefineProperty(ErrorCtor, 'prepareStackTrace', {
        __proto__: null,
        configurable: true,
        writable: true,
        value: function prepareStackTrace(error, allCallSites) {
            // V8Host's own glue (host-function wrappers, class shims) is not the user's code.
            const frames = [];
            let text = safeString(error);
            const count = allCallSites.length;
            for (let i = 0; i < count; i++) {
                const site = allCallSites[i];
                if (isInternal(callSite.getFileName(site))) continue;
                if (frames.length < maxFrames) {
                    defineData(frames, frames.length, [
                        callSite.getFunctionName(site) ?? null,
                        displayName(callSite.getFileName(site)),
                        callSite.getLineNumber(site) ?? null,
                        callSite.getColumnNumber(site) ?? null,
                        callSite.isEval(site),
                        callSite.isConstructor(site),
                        callSite.isWasm(site),
                        // The resource name as V8 has it, to find the frame's source text (ScriptSources).
                        callSite.getFileName(site) ?? null,
                        wasmFunctionIndex(site),
                    ]);
                }
                text += '\n    at ' + formatCallSite(site);
            }
            if (error !== null && (typeof error === 'object' || typeof error === 'function'))
                WeakMapPrototypeSet(errorFrames, error, frames);
            return text;
        },
    });

    // Host-class instances carry the id of their .NET object in a private field stamped on by a
    // constructor no script can reach: the "return override" trick adds the field to any object
    // without running through the instance's own prototype chain. The id cannot be read, forged or
    // moved to another object, and `#id in value` never triggers a Proxy trap.
    class Stamp {
        constructor(target) {
            return target;
        }
    }
    let stampId;
    let idOfStamp;
    class IdStamp extends Stamp {
        #id;

        constructor(target, id) {
            super(target);
            this.#id = id;
        }

        static {
            stampId = (target, id) => new IdStamp(target, id);
            idOfStamp = value => (value !== null && (typeof value === 'object' || typeof value === 'function') && #id in value ? value.#id : undefined);
        }
    }
    ObjectFreeze(Stamp);
    ObjectFreeze(Stamp.prototype);
    ObjectFreeze(IdStamp);
    ObjectFreeze(IdStamp.prototype);

    // id -> WeakRef of the JS object, so .NET can hand the same object back while it is alive; when
    // it is collected, the registry tells .NET to release its instance.
    const liveHostObjects = new Map();
    let hostObjectRegistry = null;
    let releaseHostObject = () => {};

    function registerHostObject(target, id) {
        stampId(target, id);
        MapPrototypeSet(liveHostObjects, id, new WeakRef(target));
        FinalizationRegistryPrototypeRegister(hostObjectRegistry, target, id);
        return target;
    }

    // .NET hands host objects to JS as ids, not as engine objects: finding or creating the JS object
    // from .NET is a .NET -> JS call per object, several microseconds each. It writes
    // [count, id, class, id, class …] into this buffer (its memory, through a pointer), and the glue
    // below turns the ids into the objects: a result kind says so for a host call's result, a count
    // for a call's arguments (bindCall). No script can reach the buffer, and .NET writes it only right
    // before the glue reads it.
    // Bytes (a host call returning byte[]) go the same way: [length, bytes …].
    let transfer = null;
    let transferBytes = null;
    let transferNumbers = null;
    // Two slots of their own, in a buffer that never moves (TransferBuffer's signals): what a host
    // call's `undefined` result stands for, written by .NET last thing in the call (0: undefined
    // itself; TransferBuffer.ResultKind), and how many arguments of a call from .NET are in the
    // transfer buffer (bindCall), written by .NET right before every such call. An object marker as
    // the result, or one more argument, would cost ClearScript about a crossing's time per call.
    const signals = new ArrayBufferCtor(8);
    const resultKind = new Int32Array(signals, 0, 1);
    const transferredArguments = new Int32Array(signals, 4, 1);
    const resultHostObject = 1;
    const resultHostObjects = 2;
    const resultBytes = 3;
    const resultNumbers = 4;
    const resultJsonItem = 5;
    const resultJsonItems = 6;
    // BulkData.js decode, which builds plain data from .NET's bulk JSON text (setBulkDecode).
    let bulkDecode = null;
    // class index (the order .NET defined the classes in) -> adopt(id)
    const adopters = [];
    let renewHostObject = null;

    // The host object of transfer slot `slot` (id, class): id 0 is null, a negative id one .NET has
    // just registered (no JS object yet), a positive one an instance JS had an object for.
    function hostObjectAt(slot) {
        let id = transfer[slot];
        if (id === 0) return null;
        if (id > 0) {
            const ref = MapPrototypeGet(liveHostObjects, id);
            const target = ref === undefined ? undefined : WeakRefPrototypeDeref(ref);
            if (target !== undefined) return target;
            // Collected: its release (queued, or run since .NET wrote the id) retires that id, so the
            // new JS object takes a new one.
            id = renewHostObject(id);
        } else {
            id = -id;
        }
        return adopters[transfer[slot + 1]](id);
    }

    // The other way, ahead of every call of a host function or method: the Uint8Array arguments a
    // byte[] (or Memory<byte>) parameter reads, so that the parameter reads them from here and
    // ClearScript, which wraps every object argument in a .NET object before the call, never sees the
    // array: its length goes in its place. `mask` says which arguments (bit i: args[first + i]) .NET
    // always reads as bytes (HostFunctionBinding.ByteArguments); 0 for every other function.
    // Slot 0 is minus the count (0: none), then (argument index, length) pairs, then the bytes from
    // byte stagedBytesStart on. Arrays that do not fit, or that are empty, detached or out of bounds
    // (length 0), and values that are not Uint8Arrays, cross as they are.
    // A host-class method's instance id goes in instanceSlot, right after the pairs (TransferBuffer.TakeInstanceId).
    const maxStagedArguments = 8;
    const instanceSlot = 1 + 2 * maxStagedArguments;
    const stagedBytesStart = 4 * (instanceSlot + 1);

    function stageBytes(args, first, mask) {
        let count = 0;
        if (mask !== 0) {
            let offset = stagedBytesStart;
            const capacity = TypedArrayPrototypeGetLength(transfer) * 4;
            // Up to the mask's highest bit only: most functions have one byte parameter, and early.
            for (let bit = 0; bit < 31 && mask >>> bit !== 0 && count < maxStagedArguments; bit++) {
                if ((mask & (1 << bit)) === 0) continue;
                const index = first + bit;
                if (index >= args.length) break;
                const arg = args[index];
                if (TypedArrayPrototypeGetSymbolToStringTag(arg) !== 'Uint8Array') continue;
                const length = TypedArrayPrototypeGetLength(arg);
                if (length === 0 || length > capacity - offset) continue;
                TypedArrayPrototypeSet(transferBytes, arg, offset);
                transfer[1 + 2 * count] = index;
                transfer[2 + 2 * count] = length;
                // An own writable element of a glue-made array: plain assignment reaches no setter.
                args[index] = length;
                offset += length;
                count++;
            }
        }
        transfer[0] = -count;
    }

    // A host call's result as JS sees it: `undefined` may stand for one host object, a new Array of
    // them or of numbers, or a new Uint8Array, from the buffer; a string for plain data, its bulk JSON text.
    function fromHost(result) {
        const kind = resultKind[0];
        if (kind === 0) return result;
        resultKind[0] = 0;
        if (kind === resultJsonItem || kind === resultJsonItems)
            return typeof result === 'string' ? bulkDecode(kind === resultJsonItem ? 1 : 0, null, result) : result;
        if (result !== undefined) return result;
        if (kind === resultHostObject) return hostObjectAt(1);
        if (kind === resultBytes) {
            const length = transfer[0];
            const bytes = new Uint8Array(length);
            // Short runs element by element (no second view to allocate); longer ones through a view
            // made with the captured constructor (subarray would consult the script-writable
            // constructor and Symbol.species of Uint8Array.prototype).
            if (length <= 256) {
                for (let i = 0; i < length; i++) bytes[i] = transferBytes[4 + i];
            } else {
                TypedArrayPrototypeSet(bytes, new Uint8Array(TypedArrayPrototypeGetBuffer(transferBytes), 4, length));
            }
            return bytes;
        }
        if (kind === resultNumbers) {
            const count = transfer[0];
            const numbers = newList();
            for (let i = 0; i < count; i++) numbers[i] = transferNumbers[1 + i];
            return listToArray(numbers);
        }
        return hostObjectsAt(0);
    }

    // A new Array of the host objects from transfer slot `slot` on: [count, id, class, id, class …].
    function hostObjectsAt(slot) {
        const count = transfer[slot];
        const objects = newList();
        for (let i = 0; i < count; i++) objects[i] = hostObjectAt(slot + 1 + 2 * i);
        return listToArray(objects);
    }

    // The error for a failed host call, with its stack starting at the caller of the host function.
    // A JS error that only passed through .NET keeps its own stack.
    function hostFailure(takeError, callee) {
        const error = takeError();
        if (error !== null && typeof error === 'object' && WeakMapPrototypeGet(hostErrors, error) !== undefined)
            ErrorCaptureStackTrace(error, callee);
        return error;
    }

    // Own keys list array indices first, ascending: the elements are the leading index keys.
    function leadingIndexKeys(keys, length) {
        let count = 0;
        for (; count < keys.length; count++) {
            const key = keys[count];
            if (typeof key !== 'string') break;
            const index = +key;
            if (!(index >= 0 && index < length) || StringCtor(index) !== key) break;
        }
        return count;
    }

    function named(name, length, fn) {
        ObjectDefineProperty(fn, 'name', { __proto__: null, value: name });
        ObjectDefineProperty(fn, 'length', { __proto__: null, value: length });
        return fn;
    }

    // Reads a property of a script value for error reporting: any getter or trap may throw.
    function tryGet(value, key) {
        try {
            return ReflectGet(value, key);
        } catch {
            return undefined;
        }
    }

    // host object -> its class's JS name (set by defineClass, read by hostClassOf).
    const hostClassNames = new WeakMap();

    function isDataValue(item) {
        switch (typeof item) {
            case 'undefined':
            case 'boolean':
            case 'number':
                return true;
            case 'string':
                return item.length <= maxDataStringLength;
            case 'bigint':
                return item < maxDataBigInt && item > -maxDataBigInt;
            default:
                return item === null;
        }
    }

    // The thrown object's own enumerable data properties with primitive values, as a flat
    // [key, value, key, value …] array. Descriptors are read, never values, so no getter runs; a
    // Proxy's traps do run (nothing tells a Proxy apart), and whatever they throw ends the copy.
    // Objects are left out (a handle would dangle once the context is gone), and so are
    // oversized strings and bigints: ThrownValue has them all.
    function ownData(value) {
        const data = [];
        let keys;
        try {
            keys = ReflectOwnKeys(value);
        } catch {
            return data;
        }
        const scanned = keys.length < maxDataKeysScanned ? keys.length : maxDataKeysScanned;
        for (let i = 0; i < scanned && data.length < 2 * maxDataEntries; i++) {
            const key = keys[i];
            if (typeof key !== 'string' || key.length > maxDataKeyLength) continue;
            let descriptor;
            try {
                descriptor = ReflectGetOwnPropertyDescriptor(value, key);
            } catch {
                return data;
            }
            // A fresh ordinary object from the built-in: own properties only, so none inherited from a
            // tampered Object.prototype is mistaken for part of the descriptor.
            if (descriptor === undefined || !ObjectPrototypeHasOwnProperty(descriptor, 'value') || descriptor.enumerable !== true) continue;
            const item = descriptor.value;
            if (!isDataValue(item)) continue;
            defineData(data, data.length, key);
            defineData(data, data.length, item);
        }
        return data;
    }

    return {
        __proto__: null,

        // [name, message, stack, frames, hostErrorId, original value, own data] for anything a script threw.
        describeError(value) {
            const original = WeakMapPrototypeGet(standIns, value);
            if (original !== undefined) value = original;
            if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
                const stack = tryGet(value, 'stack');
                const name = tryGet(value, 'name');
                const message = tryGet(value, 'message');
                return [
                    typeof name === 'string' ? name : null,
                    message === undefined || message === null ? safeString(value) : safeString(message),
                    typeof stack === 'string' ? stack : null,
                    WeakMapPrototypeGet(errorFrames, value) ?? null,
                    WeakMapPrototypeGet(hostErrors, value) ?? null,
                    value,
                    ownData(value),
                ];
            }
            return [null, safeString(value), null, null, null, value, []];
        },

        // Builds the JS error for a failed host call; the id lets the original .NET exception come back out.
        hostError(kind, message, id) {
            const error = kind === 1 ? new TypeError(message) : kind === 2 ? new RangeError(message) : new ErrorCtor(message);
            WeakMapPrototypeSet(hostErrors, error, id);
            return error;
        },

        // Wraps a ClearScript fast host function in a real JS function (typeof, instanceof, name,
        // length) that costs one boundary crossing per call.
        wrapHostFunction(host, name, length, byteArguments, errorMarker, takeError) {
            const fn = {
                [name](...args) {
                    stageBytes(args, 0, byteArguments);
                    const result = ReflectApply(host, undefined, args);
                    if (result === errorMarker) throw hostFailure(takeError, fn);
                    // No call on the way out for an ordinary result: a termination that a nested call
                    // (a host function running script with its own timeout) leaves pending for an
                    // instant must not land in this frame, which has no interrupt check otherwise.
                    return resultKind[0] !== 0 ? fromHost(result) : result;
                },
            }[name];
            ObjectDefineProperty(fn, 'length', { __proto__: null, value: length });
            return fn;
        },

        // Called once per context, before any class is defined: .NET's release callback for
        // host-class instances whose JS object was collected.
        // `renew(id)` gives a live instance whose JS object was collected (its release still queued)
        // a new id.
        setHostObjectRelease(release, renew) {
            releaseHostObject = release;
            renewHostObject = renew;
            hostObjectRegistry = new FinalizationRegistry(id => {
                MapPrototypeDelete(liveHostObjects, id);
                releaseHostObject(id);
            });
        },

        // Called once per context, as its bulk-data glue loads: host calls may return plain data as
        // that glue's JSON text from then on.
        setBulkDecode(decode) {
            bulkDecode = decode;
        },

        // Called just before the context is disposed: V8 may still run a FinalizationRegistry task
        // after ClearScript has torn the context down, and a host call from it would touch freed memory.
        disconnect() {
            releaseHostObject = () => {};
        },

        // A JS class over a .NET type. Each member calls one fast host function (one boundary crossing);
        // instance accessors pass the instance's id first, instance methods through the transfer buffer.
        // members: array of [jsName, isStatic, isMethod, fn, setter, length, byteArguments]
        defineClass(name, length, construct, members, errorMarker, takeError) {
            const check = (result, member) => {
                if (result === errorMarker) throw hostFailure(takeError, member);
                return fromHost(result);
            };
            const idOf = (self, member) => {
                const id = idOfStamp(self);
                if (id === undefined) throw new TypeError(`${name}.${member} was called on an object that is not a ${name}.`);
                return id;
            };
            // Each instance also remembers its class, for StructuredClone.js's DataCloneError.
            const register = (target, id) => {
                registerHostObject(target, id);
                WeakMapPrototypeSet(hostClassNames, target, name);
                return target;
            };
            const cls = {
                [name]: class {
                    constructor(...args) {
                        register(this, check(ReflectApply(construct, undefined, args), new.target));
                    }
                },
            }[name];
            const prototype = cls.prototype;
            const memberCount = members.length;
            // [jsName, getter] of the instance properties, for toJSON.
            const dataProperties = [];
            let ownToJSON = false;
            for (let i = 0; i < memberCount; i++) {
                const member = members[i];
                const jsName = member[0];
                const isStatic = member[1];
                const isMethod = member[2];
                const fn = member[3];
                const setter = member[4];
                const target = isStatic ? cls : prototype;
                if (isMethod) {
                    const byteArguments = member[6];
                    const method = isStatic
                        ? function (...args) {
                            stageBytes(args, 0, byteArguments);
                            return check(ReflectApply(fn, undefined, args), method);
                        }
                        : function (...args) {
                            const id = idOf(this, jsName);
                            stageBytes(args, 0, byteArguments);
                            transfer[instanceSlot] = id;
                            return check(ReflectApply(fn, undefined, args), method);
                        };
                    ObjectDefineProperty(target, jsName, { __proto__: null, value: named(jsName, member[5], method), writable: true, configurable: true });
                } else {
                    // Accessors stage nothing, and .NET reads no staged bytes for them.
                    const get = isStatic
                        ? function () { return check(fn(), get); }
                        : function () { return check(fn(idOf(this, jsName)), get); };
                    const set = setter === null ? undefined : isStatic
                        ? function (value) { check(setter(value), set); }
                        : function (value) { check(setter(idOf(this, jsName), value), set); };
                    ObjectDefineProperty(target, jsName, { __proto__: null, get, set, configurable: true, enumerable: !isStatic });
                    if (!isStatic) defineData(dataProperties, dataProperties.length, [jsName, get]);
                }
                if (!isStatic && jsName === 'toJSON') ownToJSON = true;
            }
            // JSON.stringify(instance) gives its public data: each instance property as JS reads it (a
            // nested host object by its own toJSON, a live collection as an array or object). The
            // getters are the ones defined here, whatever a script later puts on the prototype; a
            // getter that throws makes stringify throw that error. A class's own toJSON member wins.
            if (!ownToJSON) {
                const toJSON = function () {
                    idOf(this, 'toJSON');
                    const data = {};
                    for (let i = 0; i < dataProperties.length; i++) {
                        const property = dataProperties[i];
                        defineData(data, property[0], ReflectApply(property[1], this, []));
                    }
                    return data;
                };
                ObjectDefineProperty(prototype, 'toJSON', { __proto__: null, value: named('toJSON', 0, toJSON), writable: true, configurable: true });
            }
            ObjectDefineProperty(cls, 'length', { __proto__: null, value: length });
            // .NET-created instances get their JS object without running the script-visible constructor.
            const adopt = id => register(ObjectCreate(prototype), id);
            defineData(adopters, adopters.length, adopt);
            return [cls, adopt];
        },

        // The class name of a host object ("Order"), or undefined for any other value.
        hostClassOf: value => WeakMapPrototypeGet(hostClassNames, value),
        displayName,

        // The host-object id of a JS object (an instance of a host class), or undefined; and the JS
        // object of a live id, or undefined once it was collected.
        hostIdOf: value => idOfStamp(value),
        signals: () => signals,
        // The transfer buffer, at least `byteLength` long: a new one when the current one is smaller
        // (.NET takes its memory address again).
        transferBuffer(byteLength) {
            if (transfer === null || TypedArrayPrototypeGetLength(transfer) * 4 < byteLength) {
                const buffer = new ArrayBufferCtor(byteLength);
                transfer = new Int32Array(buffer);
                transferBytes = new Uint8Array(buffer);
                transferNumbers = new Float64Array(buffer);
            }
            return TypedArrayPrototypeGetBuffer(transfer);
        },
        hostObjectOf(id) {
            const ref = MapPrototypeGet(liveHostObjects, id);
            return ref === undefined ? undefined : WeakRefPrototypeDeref(ref);
        },

        // Defines a (possibly dotted) global name, creating namespace objects on the way.
        defineGlobal(path, value) {
            const parts = StringPrototypeSplit(path, '.');
            let target = globalThis;
            for (let i = 0; i < parts.length - 1; i++) {
                const part = parts[i];
                let next = ReflectGet(target, part);
                if (next === undefined || next === null) next = defineData(target, part, {});
                target = next;
            }
            defineData(target, parts[parts.length - 1], value);
        },

        // Checks that a CompileFunction body is exactly one function body: the Function constructor
        // parses parameters and body separately and runs nothing.
        // Whether a body parses as an async function's (top-level await in EvalAsync); runs nothing.
        parsesAsAsyncBody(body) {
            try {
                ReflectApply(AsyncFunctionCtor, undefined, [body]);
                return true;
            } catch {
                return false;
            }
        },

        // Throws V8's SyntaxError unless the body is one async function's body on its own; runs nothing.
        checkAsyncBody(body) {
            ReflectApply(AsyncFunctionCtor, undefined, [body]);
        },

        checkFunctionBody(parameters, body) {
            const args = [];
            for (let i = 0; i < parameters.length; i++) defineData(args, i, parameters[i]);
            defineData(args, args.length, body);
            ReflectApply(FunctionCtor, undefined, args);
        },

        freeze: value => ObjectFreeze(value),
        keys: guarded(value => ObjectKeys(value)),
        hasOwn: guarded((value, key) => ObjectPrototypeHasOwnProperty(value, key)),
        has: guarded((value, key) => ReflectHas(ObjectCtor(value), key)),
        remove: guarded((value, key) => ReflectDeleteProperty(value, key)),
        get: guarded((value, key) => ReflectGet(value, key)),
        // An element below `length`, or undefined: an index past the end must not read Array.prototype.
        elementAt: guarded((array, index) => index < ReflectGet(array, 'length') ? ReflectGet(array, index) : undefined),
        // [[Set]] semantics (setters run, as in JS); false when the object refused the write.
        set: guarded((value, key, item) => ReflectSet(value, key, item)),
        // A new own data property, or false when the object refused it (frozen, non-extensible).
        defineValue: guarded((value, key, item) => ReflectDefineProperty(value, key, { __proto__: null, value: item, writable: true, enumerable: true, configurable: true })),
        newObject: () => ({}),
        newArray: () => [],
        // Array.prototype.indexOf visits every slot up to length, 2^32-1 of them for `a.length = 2**32-1`;
        // past a dense size only the indices the array has are visited (own keys list them in order).
        indexOf: guarded((array, item) => {
            const length = array.length;
            if (!(length > denseSearchLimit)) return ArrayPrototypeIndexOf(array, item);
            const keys = ReflectOwnKeys(array);
            const count = leadingIndexKeys(keys, length);
            for (let i = 0; i < count; i++) {
                if (ReflectGet(array, keys[i]) === item) return +keys[i];
            }
            return -1;
        }),
        // Array edits by definition, so that no inherited setter sees or swallows the elements.
        append(array, item) {
            const length = array.length;
            if (length >= maxArrayLength) throw new RangeError('Invalid array length');
            defineData(array, length, item);
        },
        // Moves only the elements the array has: a sparse array of length 2^32-2 has few.
        insert(array, index, item) {
            const length = array.length;
            if (length >= maxArrayLength) throw new RangeError('Invalid array length');
            const keys = ReflectOwnKeys(array);
            const count = leadingIndexKeys(keys, length);
            for (let i = count - 1; i >= 0; i--) {
                const from = +keys[i];
                if (from < index) break;
                defineData(array, from + 1, ReflectGet(array, keys[i]));
                ReflectDeleteProperty(array, keys[i]);
            }
            defineData(array, index, item);
            if (array.length === length) ReflectSet(array, 'length', length + 1);
        },
        removeAt(array, index) {
            const length = array.length;
            const keys = ReflectOwnKeys(array);
            const count = leadingIndexKeys(keys, length);
            for (let i = 0; i < count; i++) {
                const from = +keys[i];
                if (from < index) continue;
                if (from > index) defineData(array, from - 1, ReflectGet(array, keys[i]));
                ReflectDeleteProperty(array, keys[i]);
            }
            ReflectSet(array, 'length', length - 1);
        },
        setLength(array, length) {
            return ReflectSet(array, 'length', length);
        },
        apply: guarded((fn, thisArg, args) => ReflectApply(fn, thisArg, args)),
        // The function .NET calls through a JsFunction, bound once per handle (Context.GuardedCallOf):
        // a call then passes only its arguments, since ClearScript marshals an object argument (the
        // function itself) at about the cost of a crossing. A plain call from strict code: `this` is
        // undefined. The arguments that are host objects or lists of them (transferredArguments
        // counts them) are in the transfer buffer, each as [index, -1, id, class] or
        // [index, count, id, class …], with null in its place among the arguments
        // (HostClassRegistry.TransferArguments).
        bindCall(fn) {
            return function (...args) {
                try {
                    const transferred = transferredArguments[0];
                    for (let k = 0, slot = 0; k < transferred; k++) {
                        const index = transfer[slot];
                        const count = transfer[slot + 1];
                        // Own elements of the rest array: plain assignment reaches no setter.
                        if (count < 0) {
                            args[index] = hostObjectAt(slot + 2);
                            slot += 4;
                        } else {
                            args[index] = hostObjectsAt(slot + 1);
                            slot += 2 + 2 * count;
                        }
                    }
                    return ReflectApply(fn, undefined, args);
                } catch (error) {
                    throw standInFor(error);
                }
            };
        },
        newUint8Array: length => new Uint8Array(length),
        typedArrayName: value => TypedArrayPrototypeGetSymbolToStringTag(value) ?? 'DataView',
        displayString(value) {
            try {
                if (typeof value === 'function') return `function ${safeString(tryGet(value, 'name')) || '(anonymous)'}`;
                if (ArrayIsArray(value)) return `Array(${value.length})`;
                return ObjectPrototypeToString(value);
            } catch {
                return '[object]';
            }
        },
        // The intrinsic `then`, on the promise itself: a script cannot substitute the value.
        watchPromise(promise, onSettled) {
            PromisePrototypeThen(promise, value => onSettled(true, value), reason => onSettled(false, reason));
        },
        parseJson: text => JSONParse(text),
        newPromise() {
            let resolve;
            let reject;
            const promise = new Promise((onResolve, onReject) => {
                resolve = onResolve;
                reject = onReject;
            });
            return [promise, resolve, reject];
        },
    };
});
