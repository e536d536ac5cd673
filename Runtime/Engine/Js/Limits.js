// V8Host limits: evaluated after Bootstrap.js, before any user code; a function of the primordials
// table. It replaces the few built-ins through which a script could get around the isolate's limits:
//
// - FinalizationRegistry: V8 runs cleanup callbacks as its own tasks, outside any call V8Host can
//   time out or terminate. The replacement's registries hand V8 a callback that only queues the held
//   value; V8Host runs the user's callbacks as event-loop tasks, where timeouts and
//   TerminateExecution reach them.
// - Memory that V8 commits without asking ClearScript's ArrayBuffer allocator, which is where
//   MaxArrayBufferBytes is enforced: resizable ArrayBuffers, growable SharedArrayBuffers and
//   WebAssembly memories. Each allocation or growth is checked against the bytes still available
//   (asked from .NET), and WebAssembly memories, created from JS or declared in a module's binary
//   (WebAssembly.Module, compile, instantiate), get a maximum no larger than that, so growth from
//   inside wasm code is bounded too. IsolateOptions.MaxWasmMemoryBytes bounds each wasm memory the
//   same way: it caps every maximum (and refuses larger initial sizes) on its own, whatever the
//   ArrayBuffer limit says.
//
// The replacements keep the built-ins' names, lengths, prototypes, `instanceof` and subclassing.
(function (primordials) {
    'use strict';

    const {
        ArrayBuffer: NativeArrayBuffer,
        ArrayBufferIsView,
        DataViewPrototypeGetBuffer,
        DataViewPrototypeGetByteLength,
        DataViewPrototypeGetByteOffset,
        PromiseReject,
        TypedArrayPrototypeGetBuffer,
        TypedArrayPrototypeGetByteLength,
        TypedArrayPrototypeGetByteOffset,
        TypedArrayPrototypeGetSymbolToStringTag,
        TypedArrayPrototypeSet,
        Uint8Array,
        defineData,
        ArrayBufferPrototypeGetByteLength,
        ArrayBufferPrototypeGetResizable,
        ArrayBufferPrototypeResize,
        FinalizationRegistry: NativeFinalizationRegistry,
        Map,
        MapPrototypeDelete,
        MapPrototypeGet,
        MapPrototypeGetSize,
        MapPrototypeSet,
        MathFloor,
        MathMin,
        NumberIsFinite,
        ObjectDefineProperty,
        ObjectGetOwnPropertyDescriptor,
        ObjectGetOwnPropertyNames,
        ObjectGetOwnPropertySymbols,
        ObjectSetPrototypeOf,
        ObjectGetPrototypeOf,
        RangeError,
        ReflectApply,
        ReflectConstruct,
        ReflectGet,
        SharedArrayBuffer: NativeSharedArrayBuffer,
        SharedArrayBufferPrototypeGetByteLength,
        SharedArrayBufferPrototypeGetGrowable,
        SharedArrayBufferPrototypeGrow,
        TypeError,
        WebAssembly,
        WebAssemblyCompile,
        WebAssemblyInstantiate,
        WebAssemblyMemory: NativeMemory,
        WebAssemblyModule: NativeModule,
        WebAssemblyModuleExports,
        WebAssemblyMemoryPrototypeGetBuffer,
        WebAssemblyMemoryPrototypeGrow,
        globalThis,
    } = primordials;

    const pageSize = 65536;

    // MaxWasmMemoryBytes in pages (Infinity without one) and whether it, rather than the ArrayBuffer
    // limit, is the smaller bound right now: set by install, read by availablePages and limitText.
    let wasmPageLimit = Infinity;
    let wasmLimitBinds = false;

    // The limit a refused wasm size ran into, for the RangeError's text.
    function limitText(pages) {
        return wasmLimitBinds
            ? `the isolate's WebAssembly memory limit (MaxWasmMemoryBytes; ${pages} pages)`
            : `the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${pages} pages available)`;
    }

    // Queued FinalizationRegistry callbacks: id -> [cleanup, heldValue].
    const pendingCleanups = new Map();
    let nextCleanupId = 0;
    let notifyFinalizationPending = null;

    // Replaces constructor `Native` on `holder[name]` with `replacement`, keeping the prototype,
    // statics and `instanceof`.
    function replaceConstructor(holder, name, Native, replacement) {
        ObjectDefineProperty(replacement, 'name', { __proto__: null, value: name });
        ObjectDefineProperty(replacement, 'length', { __proto__: null, value: Native.length });
        ObjectDefineProperty(replacement, 'prototype', { __proto__: null, value: Native.prototype, writable: false, enumerable: false, configurable: false });
        ObjectSetPrototypeOf(replacement, ObjectGetPrototypeOf(Native));
        const names = ObjectGetOwnPropertyNames(Native);
        for (let i = 0; i < names.length; i++) {
            const key = names[i];
            if (key !== 'name' && key !== 'length' && key !== 'prototype')
                ObjectDefineProperty(replacement, key, ObjectGetOwnPropertyDescriptor(Native, key));
        }
        const symbols = ObjectGetOwnPropertySymbols(Native);
        for (let i = 0; i < symbols.length; i++)
            ObjectDefineProperty(replacement, symbols[i], ObjectGetOwnPropertyDescriptor(Native, symbols[i]));
        ObjectDefineProperty(Native.prototype, 'constructor', { __proto__: null, value: replacement, writable: true, enumerable: false, configurable: true });
        ObjectDefineProperty(holder, name, { __proto__: null, value: replacement, writable: true, enumerable: false, configurable: true });
    }

    function replaceMethod(prototype, name, length, method) {
        ObjectDefineProperty(method, 'name', { __proto__: null, value: name });
        ObjectDefineProperty(method, 'length', { __proto__: null, value: length });
        ObjectDefineProperty(prototype, name, { __proto__: null, value: method, writable: true, enumerable: false, configurable: true });
    }

    // ToIndex, once: the converted number is what the built-in then sees, so a valueOf with side
    // effects cannot answer differently to the check and to the allocation.
    function toIndex(value, what) {
        const number = value === undefined ? 0 : +value;
        const integer = number !== number ? 0 : number < 0 ? -MathFloor(-number) : MathFloor(number);
        if (integer < 0 || !NumberIsFinite(integer) || integer > 9007199254740991)
            throw new RangeError(`${what}: invalid length`);
        return integer;
    }

    // ---- WebAssembly binaries ----
    // A module's own memories grow with memory.grow, which no JS wrapper sees: their declared maximum
    // is rewritten, in a copy of the binary, to what the limit allows. Everything else is copied as is.

    // The bytes of a BufferSource, copied (the caller may change them while V8 compiles).
    function copyBytes(source) {
        let view;
        if (ArrayBufferIsView(source)) {
            view = TypedArrayPrototypeGetSymbolToStringTag(source) === undefined
                ? new Uint8Array(DataViewPrototypeGetBuffer(source), DataViewPrototypeGetByteOffset(source), DataViewPrototypeGetByteLength(source))
                : new Uint8Array(TypedArrayPrototypeGetBuffer(source), TypedArrayPrototypeGetByteOffset(source), TypedArrayPrototypeGetByteLength(source));
        } else if (isBuffer(source)) {
            view = new Uint8Array(source);
        } else {
            throw new TypeError('WebAssembly: Argument 0 must be a buffer source');
        }
        const copy = new Uint8Array(TypedArrayPrototypeGetByteLength(view));
        TypedArrayPrototypeSet(copy, view);
        return copy;
    }

    function isBuffer(value) {
        try {
            ArrayBufferPrototypeGetByteLength(value);
            return true;
        } catch {
        }
        try {
            SharedArrayBufferPrototypeGetByteLength(value);
            return true;
        } catch {
            return false;
        }
    }

    // The current size of a WebAssembly.Memory in pages; throws a TypeError for anything else.
    function memoryPages(memory) {
        const buffer = WebAssemblyMemoryPrototypeGetBuffer(memory);
        try {
            return ArrayBufferPrototypeGetByteLength(buffer) / pageSize;
        } catch {
            return SharedArrayBufferPrototypeGetByteLength(buffer) / pageSize;
        }
    }

    // Unsigned LEB128 at `at`: [value, next offset]. Malformed input is left for V8 to reject.
    function readLeb(bytes, at) {
        let value = 0;
        let scale = 1;
        for (let i = 0; i < 10 && at < bytes.length; i++) {
            const byte = bytes[at++];
            value += (byte & 0x7f) * scale;
            scale *= 128;
            if ((byte & 0x80) === 0) return [value, at];
        }
        return null;
    }

    function pushLeb(out, value) {
        do {
            let byte = value % 128;
            value = MathFloor(value / 128);
            if (value > 0) byte |= 0x80;
            defineData(out, out.length, byte);
        } while (value > 0);
    }

    function pushBytes(out, bytes, from, to) {
        for (let i = from; i < to; i++) defineData(out, out.length, bytes[i]);
    }

    // The memory section (id 5) with every maximum at most `pages`; null when it cannot be parsed.
    function boundMemorySection(bytes, from, to, pages) {
        const out = [];
        let read = readLeb(bytes, from);
        if (read === null) return null;
        const count = read[0];
        let at = read[1];
        pushLeb(out, count);
        for (let m = 0; m < count; m++) {
            if (at >= to) return null;
            const flags = bytes[at++];
            if (flags > 7) return null;
            read = readLeb(bytes, at);
            if (read === null) return null;
            const initial = read[0];
            at = read[1];
            let maximum = Infinity;
            if (flags & 1) {
                read = readLeb(bytes, at);
                if (read === null) return null;
                maximum = read[0];
                at = read[1];
            }
            if (initial > pages)
                throw new RangeError(`WebAssembly: a memory of ${initial} pages would exceed ${limitText(pages)}`);
            defineData(out, out.length, flags | 1);
            pushLeb(out, initial);
            pushLeb(out, MathMin(maximum, pages));
        }
        return at === to ? out : null;
    }

    function boundWasmBinary(source, pages) {
        const bytes = copyBytes(source);
        if (pages === Infinity || bytes.length < 8) return bytes;
        const out = [];
        pushBytes(out, bytes, 0, 8);
        let at = 8;
        while (at < bytes.length) {
            const id = bytes[at];
            const size = readLeb(bytes, at + 1);
            if (size === null || size[1] + size[0] > bytes.length) return bytes;
            const start = size[1];
            const end = start + size[0];
            const section = id === 5 ? boundMemorySection(bytes, start, end, pages) : null;
            if (section === null) {
                pushBytes(out, bytes, at, end);
            } else {
                defineData(out, out.length, 5);
                pushLeb(out, section.length);
                for (let i = 0; i < section.length; i++) defineData(out, out.length, section[i]);
            }
            at = end;
        }
        return new Uint8Array(out);
    }

    return {
        __proto__: null,

        // Returns what Wasm.js needs (null without WebAssembly): the bounded copy of a binary and the
        // checked memory.grow, the same functions the replaced built-ins use.
        install(arrayBufferBytesAvailable, finalizationPending, maxWasmMemoryPages) {
            notifyFinalizationPending = finalizationPending;
            wasmPageLimit = maxWasmMemoryPages;
            function checkBytes(bytes, what) {
                const available = arrayBufferBytesAvailable();
                if (bytes > available)
                    throw new RangeError(`${what}: ${bytes} bytes would exceed the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${available} bytes available)`);
            }

            function availablePages() {
                const available = arrayBufferBytesAvailable();
                const pages = available === Infinity ? Infinity : MathFloor(available / pageSize);
                wasmLimitBinds = wasmPageLimit <= pages;
                return MathMin(pages, wasmPageLimit);
            }

            // ---- FinalizationRegistry ----
            const FinalizationRegistry = function FinalizationRegistry(cleanup) {
                if (new.target === undefined) throw new TypeError("Constructor FinalizationRegistry requires 'new'");
                if (typeof cleanup !== 'function') throw new TypeError('FinalizationRegistry: cleanup must be callable');
                const queue = heldValue => {
                    MapPrototypeSet(pendingCleanups, nextCleanupId++, [cleanup, heldValue]);
                    if (MapPrototypeGetSize(pendingCleanups) === 1) notifyFinalizationPending();
                };
                return ReflectConstruct(NativeFinalizationRegistry, [queue], new.target);
            };
            replaceConstructor(globalThis, 'FinalizationRegistry', NativeFinalizationRegistry, FinalizationRegistry);

            // ---- ArrayBuffer (resizable) and SharedArrayBuffer (growable) ----
            // Both commit memory themselves once given a maxByteLength: at construction and on growth.
            function replaceGrowableBuffer(name, Native, growName, getByteLength, getGrowable, grow) {
                const Buffer = function (length, options) {
                    if (new.target === undefined) throw new TypeError(`Constructor ${name} requires 'new'`);
                    const byteLength = toIndex(length, name);
                    const maxByteLength = options !== null && typeof options === 'object' ? ReflectGet(options, 'maxByteLength') : undefined;
                    if (maxByteLength === undefined)
                        return ReflectConstruct(Native, [byteLength], new.target);
                    checkBytes(byteLength, name);
                    return ReflectConstruct(Native, [byteLength, { __proto__: null, maxByteLength: toIndex(maxByteLength, name) }], new.target);
                };
                replaceConstructor(globalThis, name, Native, Buffer);
                const what = `${name}.prototype.${growName}`;
                replaceMethod(Native.prototype, growName, 1, function (newLength) {
                    const current = getByteLength(this);
                    const length = toIndex(newLength, what);
                    if (getGrowable(this) && length > current) checkBytes(length - current, what);
                    return grow(this, length);
                });
            }

            replaceGrowableBuffer('ArrayBuffer', NativeArrayBuffer, 'resize',
                ArrayBufferPrototypeGetByteLength, ArrayBufferPrototypeGetResizable, ArrayBufferPrototypeResize);
            replaceGrowableBuffer('SharedArrayBuffer', NativeSharedArrayBuffer, 'grow',
                SharedArrayBufferPrototypeGetByteLength, SharedArrayBufferPrototypeGetGrowable, SharedArrayBufferPrototypeGrow);

            // transfer() of a resizable buffer allocates a new resizable one.
            const transfers = ['transfer', 'transferToFixedLength'];
            for (let i = 0; i < transfers.length; i++) {
                const name = transfers[i];
                const native = NativeArrayBuffer.prototype[name];
                if (typeof native !== 'function') continue;
                replaceMethod(NativeArrayBuffer.prototype, name, 0, function (newLength) {
                    const length = newLength === undefined ? ArrayBufferPrototypeGetByteLength(this) : toIndex(newLength, `ArrayBuffer.prototype.${name}`);
                    if (ArrayBufferPrototypeGetResizable(this)) checkBytes(length, `ArrayBuffer.prototype.${name}`);
                    return newLength === undefined ? ReflectApply(native, this, []) : ReflectApply(native, this, [length]);
                });
            }

            // ---- WebAssembly.Memory ----
            if (NativeMemory !== undefined) {
                const Memory = function Memory(descriptor) {
                    if (new.target === undefined) throw new TypeError("WebAssembly.Memory must be invoked with 'new'");
                    if (descriptor === null || typeof descriptor !== 'object') throw new TypeError('WebAssembly.Memory(): Argument 0 must be a memory descriptor');
                    const initial = toIndex(ReflectGet(descriptor, 'initial'), 'WebAssembly.Memory');
                    const requestedMaximum = ReflectGet(descriptor, 'maximum');
                    const shared = ReflectGet(descriptor, 'shared');
                    const pages = availablePages();
                    if (initial > pages)
                        throw new RangeError(`WebAssembly.Memory: ${initial} pages would exceed ${limitText(pages)}`);
                    // The maximum bounds growth from wasm code as well, which no JS wrapper sees.
                    let maximum = requestedMaximum === undefined ? undefined : toIndex(requestedMaximum, 'WebAssembly.Memory');
                    if (pages !== Infinity) maximum = maximum === undefined ? pages : MathMin(maximum, pages);
                    const clean = { __proto__: null, initial };
                    if (maximum !== undefined) clean.maximum = maximum;
                    if (shared !== undefined) clean.shared = !!shared;
                    return ReflectConstruct(NativeMemory, [clean], new.target);
                };
                replaceConstructor(WebAssembly, 'Memory', NativeMemory, Memory);
                const bounded = source => boundWasmBinary(source, availablePages());
                const Module = function Module(bytes) {
                    if (new.target === undefined) throw new TypeError("WebAssembly.Module must be invoked with 'new'");
                    return ReflectConstruct(NativeModule, [bounded(bytes)], new.target);
                };
                replaceConstructor(WebAssembly, 'Module', NativeModule, Module);
                const isModule = value => {
                    try {
                        WebAssemblyModuleExports(value);
                        return true;
                    } catch {
                        return false;
                    }
                };
                replaceMethod(WebAssembly, 'compile', 1, function compile(bytes) {
                    try {
                        return ReflectApply(WebAssemblyCompile, WebAssembly, [bounded(bytes)]);
                    } catch (error) {
                        return PromiseReject(error);
                    }
                });
                replaceMethod(WebAssembly, 'instantiate', 1, function instantiate(source, imports) {
                    try {
                        return ReflectApply(WebAssemblyInstantiate, WebAssembly, [isModule(source) ? source : bounded(source), imports]);
                    } catch (error) {
                        return PromiseReject(error);
                    }
                });
                const grow = function grow(delta) {
                    const current = memoryPages(this); // also the brand check
                    const pages = toIndex(delta, 'WebAssembly.Memory.grow');
                    // The ArrayBuffer limit counts what is still free; the wasm limit bounds the memory's size.
                    const free = arrayBufferBytesAvailable();
                    if (free !== Infinity && pages > MathFloor(free / pageSize))
                        throw new RangeError(`WebAssembly.Memory.grow: ${pages} more pages would exceed the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${MathFloor(free / pageSize)} pages available)`);
                    if (current + pages > wasmPageLimit)
                        throw new RangeError(`WebAssembly.Memory.grow: ${current} + ${pages} pages would exceed the isolate's WebAssembly memory limit (MaxWasmMemoryBytes; ${wasmPageLimit} pages)`);
                    return WebAssemblyMemoryPrototypeGrow(this, pages);
                };
                replaceMethod(NativeMemory.prototype, 'grow', 1, grow);
                return { __proto__: null, bounded, grow, Memory };
            }
            return null;
        },

        // Called just before the context is disposed (see Bootstrap.js's disconnect).
        disconnect() {
            notifyFinalizationPending = () => {};
        },

        // Runs the queued FinalizationRegistry callbacks, oldest first. A callback that throws stops
        // the run; the rest stay queued for the next one.
        runFinalizationCallbacks() {
            while (MapPrototypeGetSize(pendingCleanups) > 0) {
                // Entries leave oldest first, so the oldest id follows from the count.
                const id = nextCleanupId - MapPrototypeGetSize(pendingCleanups);
                const entry = MapPrototypeGet(pendingCleanups, id);
                MapPrototypeDelete(pendingCleanups, id);
                try {
                    ReflectApply(entry[0], undefined, [entry[1]]);
                } catch (error) {
                    if (MapPrototypeGetSize(pendingCleanups) > 0) notifyFinalizationPending();
                    throw error;
                }
            }
        },
    };
});
