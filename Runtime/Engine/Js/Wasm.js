// V8Host WebAssembly glue: evaluated after Limits.js, before any user code; a function of the
// primordials table and of what Limits.js returned (`limits`: the bounded copy of a binary and the
// checked memory.grow, or null when the isolate has no WebAssembly, as in jitless mode).
//
// Context.CompileWasm, InstantiateWasm and the WasmInstance/WasmMemory/WasmGlobal handles go only
// through these functions, so a script that replaces WebAssembly.Module, Instance, Memory.prototype.grow,
// Global.prototype.value, Reflect.* or Object.prototype setters changes nothing they do. Import objects
// are built from null-prototype objects by definition, so V8's reads of them consult no script state.
(function (primordials, limits) {
    'use strict';

    const {
        BigInt,
        ObjectGetOwnPropertyDescriptor,
        ReflectApply,
        ReflectConstruct,
        ObjectPrototypeIsPrototypeOf,
        RangeError,
        String,
        WebAssembly,
        WebAssemblyInstance: NativeInstance,
        WebAssemblyInstancePrototypeGetExports,
        WebAssemblyInstantiate,
        WebAssemblyModule: NativeModule,
        WebAssemblyModuleExports,
        WebAssemblyModuleImports,
        WebAssemblyValidate,
        WebAssemblyMemoryPrototypeGetBuffer,
        WebAssemblyGlobalPrototypeGetValue,
        WebAssemblyGlobalPrototypeSetValue,
        defineData,
    } = primordials;

    if (WebAssembly === undefined || limits === null)
        return { __proto__: null, available: false };

    const bounded = limits.bounded;
    const grow = limits.grow;
    const BoundedMemory = limits.Memory;
    // Prototypes, not constructors: `instanceof` would consult a Symbol.hasInstance a script defined.
    const CompileErrorPrototype = primordials.WebAssemblyCompileError.prototype;
    const RangeErrorPrototype = RangeError.prototype;

    // The message of an error V8 (or the glue) threw; never runs a script's getter.
    function messageOf(error) {
        if (error === null || typeof error !== 'object') return String(error);
        const own = ObjectGetOwnPropertyDescriptor(error, 'message');
        return own !== undefined && typeof own.value === 'string' ? own.value : 'unknown error';
    }

    function nameOf(error) {
        if (error === null || typeof error !== 'object') return 'Error';
        if (ObjectPrototypeIsPrototypeOf(CompileErrorPrototype, error)) return 'CompileError';
        if (ObjectPrototypeIsPrototypeOf(RangeErrorPrototype, error)) return 'RangeError';
        return 'Error';
    }

    // [module, names…] lists of V8's own descriptors, flat: module, name, kind per entry.
    function flatten(list, withModule) {
        const out = [];
        for (let i = 0; i < list.length; i++) {
            const entry = list[i];
            if (withModule) defineData(out, out.length, entry.module);
            defineData(out, out.length, entry.name);
            defineData(out, out.length, entry.kind);
        }
        return out;
    }

    function asPair(instance) {
        return [instance, WebAssemblyInstancePrototypeGetExports(instance)];
    }

    return {
        __proto__: null,
        available: true,

        validate(bytes) {
            return WebAssemblyValidate(bytes);
        },

        // [true, module] or [false, errorName, message]. A binary the limits rewrote is compiled from
        // the copy; when that fails, the original bytes are compiled again so that the reported
        // offset is one in the caller's bytes (the rewritten memory section may differ in length).
        compile(bytes) {
            try {
                return [true, ReflectConstruct(NativeModule, [bounded(bytes)])];
            } catch (error) {
                if (nameOf(error) === 'CompileError') {
                    try {
                        ReflectConstruct(NativeModule, [bytes]);
                    } catch (original) {
                        return [false, nameOf(original), messageOf(original)];
                    }
                }
                return [false, nameOf(error), messageOf(error)];
            }
        },

        // V8's import and export lists (names and kinds only), used when the C# reader cannot read a module V8 accepted.
        describe(module) {
            return [flatten(WebAssemblyModuleImports(module), true), flatten(WebAssemblyModuleExports(module), false)];
        },

        newImports() {
            return { __proto__: null };
        },

        addImport(imports, module, name, value) {
            let namespace = ObjectGetOwnPropertyDescriptor(imports, module);
            if (namespace === undefined) {
                namespace = { __proto__: null };
                defineData(imports, module, namespace);
            } else {
                namespace = namespace.value;
            }
            defineData(namespace, name, value);
        },

        // A host function as a wasm import whose single result is an i64: V8 wants a BigInt, and .NET
        // returns longs within ±(2^53−1) as numbers.
        bigIntResult(fn) {
            return function (...args) {
                const result = ReflectApply(fn, undefined, args);
                return typeof result === 'bigint' ? result : BigInt(result);
            };
        },

        // [instance, exports]
        instantiate(module, imports) {
            return asPair(ReflectConstruct(NativeInstance, [module, imports]));
        },

        // V8's own promise of the instance, which .NET watches with the intrinsic `then`. `then` looks
        // up a species through the promise's `constructor`, which it inherits from the script-writable
        // Promise.prototype; an own `constructor` of undefined makes it use the intrinsic Promise. No
        // script ever sees this promise, so the property is not observable.
        instantiateAsync(module, imports) {
            const promise = ReflectApply(WebAssemblyInstantiate, WebAssembly, [module, imports]);
            defineData(promise, 'constructor', undefined);
            return promise;
        },

        // [instance, exports] of an instance the asynchronous path produced; anything else is refused.
        pairOf(instance) {
            return asPair(instance);
        },

        // An export's value; the exports object is V8's frozen, null-prototype namespace.
        exportOf(exports, name) {
            const own = ObjectGetOwnPropertyDescriptor(exports, name);
            return own === undefined ? undefined : own.value;
        },

        // A memory for .NET (Context.CreateWasmMemory), through the same limits as `new WebAssembly.Memory`.
        newMemory(initial, maximum) {
            const descriptor = { __proto__: null, initial };
            if (maximum !== null && maximum !== undefined) descriptor.maximum = maximum;
            return ReflectConstruct(BoundedMemory, [descriptor]);
        },

        memoryBuffer(memory) {
            return WebAssemblyMemoryPrototypeGetBuffer(memory);
        },

        memoryGrow(memory, pages) {
            return ReflectApply(grow, memory, [pages]);
        },

        globalGet(global) {
            return WebAssemblyGlobalPrototypeGetValue(global);
        },

        globalSet(global, value) {
            WebAssemblyGlobalPrototypeSetValue(global, value);
        },
    };
});
