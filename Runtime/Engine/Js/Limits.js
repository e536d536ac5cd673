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
//   (asked from .NET), and WebAssembly memories get a maximum no larger than that, so growth from
//   inside wasm code is bounded too.
//
// The replacements keep the built-ins' names, lengths, prototypes, `instanceof` and subclassing.
(function (primordials) {
    'use strict';

    const {
        ArrayBuffer: NativeArrayBuffer,
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
        WebAssemblyMemory: NativeMemory,
        WebAssemblyMemoryPrototypeGetBuffer,
        WebAssemblyMemoryPrototypeGrow,
        globalThis,
    } = primordials;

    const pageSize = 65536;

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

    return {
        __proto__: null,

        install(arrayBufferBytesAvailable, finalizationPending) {
            notifyFinalizationPending = finalizationPending;
            function checkBytes(bytes, what) {
                const available = arrayBufferBytesAvailable();
                if (bytes > available)
                    throw new RangeError(`${what}: ${bytes} bytes would exceed the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${available} bytes available)`);
            }

            function availablePages() {
                const available = arrayBufferBytesAvailable();
                return available === Infinity ? Infinity : MathFloor(available / pageSize);
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
                        throw new RangeError(`WebAssembly.Memory: ${initial} pages would exceed the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${pages} pages available)`);
                    // The maximum bounds growth from wasm code as well, which no JS wrapper sees.
                    let maximum = requestedMaximum === undefined ? undefined : toIndex(requestedMaximum, 'WebAssembly.Memory');
                    if (pages !== Infinity) maximum = maximum === undefined ? pages : MathMin(maximum, pages);
                    const clean = { __proto__: null, initial };
                    if (maximum !== undefined) clean.maximum = maximum;
                    if (shared !== undefined) clean.shared = !!shared;
                    return ReflectConstruct(NativeMemory, [clean], new.target);
                };
                replaceConstructor(WebAssembly, 'Memory', NativeMemory, Memory);
                replaceMethod(NativeMemory.prototype, 'grow', 1, function grow(delta) {
                    WebAssemblyMemoryPrototypeGetBuffer(this); // the brand check
                    const pages = toIndex(delta, 'WebAssembly.Memory.grow');
                    const available = availablePages();
                    if (pages > available)
                        throw new RangeError(`WebAssembly.Memory.grow: ${pages} pages would exceed the isolate's ArrayBuffer limit (MaxArrayBufferBytes; ${available} pages available)`);
                    return WebAssemblyMemoryPrototypeGrow(this, pages);
                });
            }
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
