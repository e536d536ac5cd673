// V8Host primordials: evaluated first in every context, before any user code, the way Node's
// lib/internal/per_context/primordials.js is. Its completion value is a frozen, null-prototype table
// of the intrinsics the rest of the glue uses, captured while they are still pristine. Glue code
// reads intrinsics only from this table, calls methods through their uncurried form
// (ArrayPrototypePush(array, x) instead of array.push(x)), and avoids syntax that consults
// script-writable state: no spread or destructuring of arrays (Array.prototype[Symbol.iterator]),
// no for-of over arrays, no assignment to array indices or object keys that may be missing
// (inherited setters: `ArrayPrototypePush` below defines rather than assigns, and `defineData`
// defines a key), no slicing of ordinary arrays whose `constructor` (Symbol.species) a script could
// replace (give internal arrays a null prototype), and no `await` on values that could be thenables.
(function () {
    'use strict';

    const { apply, bind, call } = Function.prototype;
    const uncurryThis = bind.bind(call);
    const ObjectDefinePropertyRaw = Object.defineProperty;
    const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
    const ObjectFreeze = Object.freeze;
    const ObjectSetPrototypeOfRaw = Object.setPrototypeOf;

    const table = { __proto__: null };

    function define(name, value) {
        ObjectDefinePropertyRaw(table, name, { value, enumerable: true });
    }

    function getter(target, name) {
        return uncurryThis(ObjectGetOwnPropertyDescriptor(target, name).get);
    }

    function copyStatics(prefix, source, names) {
        for (let i = 0; i < names.length; i++)
            define(prefix + names[i][0].toUpperCase() + names[i].slice(1), source[names[i]]);
    }

    function copyMethods(prefix, source, names) {
        for (let i = 0; i < names.length; i++)
            define(prefix + names[i][0].toUpperCase() + names[i].slice(1), uncurryThis(source[names[i]]));
    }

    define('uncurryThis', uncurryThis);
    define('FunctionPrototypeApply', uncurryThis(apply));
    define('FunctionPrototypeCall', uncurryThis(call));
    define('FunctionPrototypeBind', uncurryThis(bind));

    // Constructors (and functions used as values).
    define('Array', Array);
    define('ArrayBuffer', ArrayBuffer);
    define('BigInt', BigInt);
    define('Boolean', Boolean);
    define('DataView', DataView);
    define('Date', Date);
    define('Error', Error);
    define('FinalizationRegistry', FinalizationRegistry);
    define('Function', Function);
    define('Map', Map);
    define('Number', Number);
    define('Object', Object);
    define('Promise', Promise);
    define('Proxy', Proxy);
    define('RangeError', RangeError);
    define('RegExp', RegExp);
    define('Set', Set);
    define('SharedArrayBuffer', SharedArrayBuffer);
    define('String', String);
    define('Symbol', Symbol);
    define('SyntaxError', SyntaxError);
    define('TypeError', TypeError);
    define('Uint8Array', Uint8Array);
    define('WeakMap', WeakMap);
    define('WeakRef', WeakRef);
    define('WeakSet', WeakSet);
    define('decodeURIComponent', decodeURIComponent);
    define('globalThis', globalThis);
    define('TypedArray', Object.getPrototypeOf(Uint8Array));
    define('WebAssembly', typeof WebAssembly === 'object' ? WebAssembly : undefined);
    define('WebAssemblyMemory', typeof WebAssembly === 'object' ? WebAssembly.Memory : undefined);
    define('WebAssemblyMemoryPrototypeGrow', typeof WebAssembly === 'object' ? uncurryThis(WebAssembly.Memory.prototype.grow) : undefined);
    define('WebAssemblyMemoryPrototypeGetBuffer', typeof WebAssembly === 'object' ? getter(WebAssembly.Memory.prototype, 'buffer') : undefined);
    define('WebAssemblyModule', typeof WebAssembly === 'object' ? WebAssembly.Module : undefined);
    define('WebAssemblyModuleExports', typeof WebAssembly === 'object' ? WebAssembly.Module.exports : undefined);
    define('WebAssemblyCompile', typeof WebAssembly === 'object' ? WebAssembly.compile : undefined);
    define('WebAssemblyInstantiate', typeof WebAssembly === 'object' ? WebAssembly.instantiate : undefined);

    // Used by Wasm.js (Context.CompileWasm, InstantiateWasm and the handles on instances).
    const wasm = typeof WebAssembly === 'object' ? WebAssembly : undefined;
    define('WebAssemblyInstance', wasm && WebAssembly.Instance);
    define('WebAssemblyInstancePrototypeGetExports', wasm && getter(WebAssembly.Instance.prototype, 'exports'));
    define('WebAssemblyValidate', wasm && WebAssembly.validate);
    define('WebAssemblyModuleImports', wasm && WebAssembly.Module.imports);
    define('WebAssemblyGlobal', wasm && WebAssembly.Global);
    define('WebAssemblyGlobalPrototypeGetValue', wasm && getter(WebAssembly.Global.prototype, 'value'));
    define('WebAssemblyGlobalPrototypeSetValue', wasm && uncurryThis(ObjectGetOwnPropertyDescriptor(WebAssembly.Global.prototype, 'value').set));
    define('WebAssemblyTable', wasm && WebAssembly.Table);
    define('WebAssemblyCompileError', wasm && WebAssembly.CompileError);
    define('WebAssemblyLinkError', wasm && WebAssembly.LinkError);
    define('WebAssemblyRuntimeError', wasm && WebAssembly.RuntimeError);

    copyStatics('Object', Object, ['create', 'defineProperty', 'entries', 'freeze', 'getOwnPropertyDescriptor',
        'getOwnPropertyNames', 'getOwnPropertySymbols', 'getPrototypeOf', 'is', 'isExtensible', 'isFrozen', 'keys', 'setPrototypeOf']);
    copyMethods('ObjectPrototype', Object.prototype, ['hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toString']);
    copyStatics('Array', Array, ['isArray']);
    copyMethods('ArrayPrototype', Array.prototype, ['concat', 'fill', 'indexOf', 'join', 'pop', 'slice', 'splice']);
    copyStatics('Reflect', Reflect, ['apply', 'construct', 'defineProperty', 'deleteProperty', 'get', 'getOwnPropertyDescriptor',
        'getPrototypeOf', 'has', 'isExtensible', 'ownKeys', 'set', 'setPrototypeOf']);
    copyStatics('JSON', JSON, ['parse', 'stringify']);
    copyStatics('Math', Math, ['floor', 'max', 'min', 'trunc']);
    copyStatics('Number', Number, ['isFinite', 'isInteger', 'isNaN', 'isSafeInteger', 'MAX_SAFE_INTEGER']);
    copyStatics('String', String, ['fromCharCode']);
    copyMethods('StringPrototype', String.prototype, ['charCodeAt', 'endsWith', 'indexOf', 'isWellFormed', 'slice', 'split', 'startsWith', 'toWellFormed', 'valueOf']);
    copyStatics('Symbol', Symbol, ['asyncIterator', 'for', 'iterator', 'toPrimitive', 'toStringTag']);
    copyMethods('SymbolPrototype', Symbol.prototype, ['toString', 'valueOf']);
    define('SymbolPrototypeGetDescription', getter(Symbol.prototype, 'description'));
    copyStatics('Error', Error, ['captureStackTrace']);
    define('ErrorIsError', typeof Error.isError === 'function' ? Error.isError : undefined);
    define('PromiseResolve', Promise.resolve.bind(Promise));
    define('PromiseReject', Promise.reject.bind(Promise));
    copyMethods('PromisePrototype', Promise.prototype, ['then']);
    copyMethods('MapPrototype', Map.prototype, ['delete', 'forEach', 'get', 'has', 'set']);
    define('MapPrototypeGetSize', getter(Map.prototype, 'size'));
    copyMethods('SetPrototype', Set.prototype, ['add', 'forEach', 'has']);
    define('SetPrototypeGetSize', getter(Set.prototype, 'size'));
    copyMethods('WeakMapPrototype', WeakMap.prototype, ['delete', 'get', 'has', 'set']);
    copyMethods('WeakSetPrototype', WeakSet.prototype, ['add', 'has']);
    copyMethods('WeakRefPrototype', WeakRef.prototype, ['deref']);
    copyMethods('FinalizationRegistryPrototype', FinalizationRegistry.prototype, ['register', 'unregister']);
    copyMethods('DatePrototype', Date.prototype, ['getTime']);
    copyMethods('BooleanPrototype', Boolean.prototype, ['valueOf']);
    copyMethods('NumberPrototype', Number.prototype, ['valueOf']);
    copyMethods('BigIntPrototype', BigInt.prototype, ['valueOf']);
    define('RegExpPrototypeGetSource', getter(RegExp.prototype, 'source'));
    define('RegExpPrototypeGetFlags', getter(RegExp.prototype, 'flags'));
    copyStatics('ArrayBuffer', ArrayBuffer, ['isView']);
    copyMethods('ArrayBufferPrototype', ArrayBuffer.prototype, ['resize', 'slice']);
    define('ArrayBufferPrototypeGetByteLength', getter(ArrayBuffer.prototype, 'byteLength'));
    define('ArrayBufferPrototypeGetMaxByteLength', getter(ArrayBuffer.prototype, 'maxByteLength'));
    define('ArrayBufferPrototypeGetResizable', getter(ArrayBuffer.prototype, 'resizable'));
    define('ArrayBufferPrototypeGetDetached', getter(ArrayBuffer.prototype, 'detached'));
    copyMethods('SharedArrayBufferPrototype', SharedArrayBuffer.prototype, ['grow', 'slice']);
    define('SharedArrayBufferPrototypeGetByteLength', getter(SharedArrayBuffer.prototype, 'byteLength'));
    define('SharedArrayBufferPrototypeGetMaxByteLength', getter(SharedArrayBuffer.prototype, 'maxByteLength'));
    define('SharedArrayBufferPrototypeGetGrowable', getter(SharedArrayBuffer.prototype, 'growable'));
    const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
    copyMethods('TypedArrayPrototype', TypedArrayPrototype, ['set', 'subarray']);
    define('TypedArrayPrototypeGetBuffer', getter(TypedArrayPrototype, 'buffer'));
    define('TypedArrayPrototypeGetByteLength', getter(TypedArrayPrototype, 'byteLength'));
    define('TypedArrayPrototypeGetByteOffset', getter(TypedArrayPrototype, 'byteOffset'));
    define('TypedArrayPrototypeGetLength', getter(TypedArrayPrototype, 'length'));
    define('TypedArrayPrototypeGetSymbolToStringTag', getter(TypedArrayPrototype, Symbol.toStringTag));
    copyMethods('DataViewPrototype', DataView.prototype, ['getFloat64', 'getUint8', 'setFloat64', 'setUint8']);
    define('DataViewPrototypeGetBuffer', getter(DataView.prototype, 'buffer'));
    define('DataViewPrototypeGetByteLength', getter(DataView.prototype, 'byteLength'));
    define('DataViewPrototypeGetByteOffset', getter(DataView.prototype, 'byteOffset'));

    // Used by StructuredClone.js.
    define('EvalError', EvalError);
    define('ReferenceError', ReferenceError);
    define('URIError', URIError);
    define('AggregateError', AggregateError);
    define('Int8Array', Int8Array);
    define('Uint8ClampedArray', Uint8ClampedArray);
    define('Int16Array', Int16Array);
    define('Uint16Array', Uint16Array);
    define('Int32Array', Int32Array);
    define('Uint32Array', Uint32Array);
    define('Float32Array', Float32Array);
    define('Float64Array', Float64Array);
    define('BigInt64Array', BigInt64Array);
    define('BigUint64Array', BigUint64Array);
    define('Float16Array', typeof Float16Array === 'function' ? Float16Array : undefined);
    define('IteratorPrototype', Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
    define('ArrayIteratorPrototype', Object.getPrototypeOf([][Symbol.iterator]()));
    define('MapIteratorPrototype', Object.getPrototypeOf(new Map().entries()));
    define('SetIteratorPrototype', Object.getPrototypeOf(new Set().values()));
    define('StringIteratorPrototype', Object.getPrototypeOf(''[Symbol.iterator]()));
    define('RegExpStringIteratorPrototype', Object.getPrototypeOf(/(?:)/[Symbol.matchAll]('')));
    define('GeneratorPrototype', Object.getPrototypeOf(function* () {}).prototype);
    define('AsyncGeneratorPrototype', Object.getPrototypeOf(async function* () {}).prototype);
    copyMethods('NumberPrototype', Number.prototype, ['toString']);
    copyMethods('BigIntPrototype', BigInt.prototype, ['toString']);
    define('RegExpPrototypeGetHasIndices', getter(RegExp.prototype, 'hasIndices'));
    define('RegExpPrototypeGetGlobal', getter(RegExp.prototype, 'global'));
    define('RegExpPrototypeGetIgnoreCase', getter(RegExp.prototype, 'ignoreCase'));
    define('RegExpPrototypeGetMultiline', getter(RegExp.prototype, 'multiline'));
    define('RegExpPrototypeGetDotAll', getter(RegExp.prototype, 'dotAll'));
    define('RegExpPrototypeGetUnicode', getter(RegExp.prototype, 'unicode'));
    define('RegExpPrototypeGetUnicodeSets', getter(RegExp.prototype, 'unicodeSets'));
    define('RegExpPrototypeGetSticky', getter(RegExp.prototype, 'sticky'));

    // Used by LiveCollections.js.
    copyMethods('ArrayPrototype', Array.prototype, ['shift', 'unshift', 'values']);

    // Used by the console (Runtime/Hosting/Console: Inspect.js, Console.js, ConsoleStack.js, ConsoleProxies.js).
    copyMethods('FunctionPrototype', Function.prototype, ['toString']);
    copyMethods('DatePrototype', Date.prototype, ['toISOString', 'toString']);
    copyMethods('NumberPrototype', Number.prototype, ['toFixed']);
    copyMethods('StringPrototype', String.prototype, ['codePointAt', 'includes', 'padEnd', 'padStart', 'repeat']);
    copyStatics('Math', Math, ['round', 'sqrt']);
    copyStatics('Number', Number, ['parseFloat', 'parseInt']);
    copyStatics('Proxy', Proxy, ['revocable']);
    define('AsyncFunctionPrototype', Object.getPrototypeOf(async function () {}));
    define('GeneratorFunctionPrototype', Object.getPrototypeOf(function* () {}));
    define('AsyncGeneratorFunctionPrototype', Object.getPrototypeOf(async function* () {}));
    define('ErrorPrototype', Error.prototype);
    define('EngineInternal', typeof EngineInternal === 'object' ? EngineInternal : undefined);

    // Array.prototype.push assigns, so a setter a script defines on Array.prototype[n] would see (and
    // could keep) what the glue pushes into an array of its own. This push defines the elements
    // instead; it returns the new length like the original.
    define('ArrayPrototypePush', function ArrayPrototypePush(array, ...items) {
        let length = array.length;
        for (let i = 0; i < items.length; i++)
            ObjectDefinePropertyRaw(array, length++, { __proto__: null, value: items[i], writable: true, enumerable: true, configurable: true });
        return length;
    });

    // Used by the Web APIs: structured clone.
    copyMethods('ArrayBufferPrototype', ArrayBuffer.prototype, ['transfer']);
    copyMethods('TypedArrayPrototype', TypedArrayPrototype, ['entries']);

    // Used by the Web APIs: events, abort, performance.
    copyMethods('SetPrototype', Set.prototype, ['delete']);

    // Used by the Web APIs: URL.
    copyMethods('StringPrototype', String.prototype, ['lastIndexOf', 'toLowerCase']);

    // Used by the Web APIs: fetch.
    copyMethods('ArrayPrototype', Array.prototype, ['sort']);

    // Used by the console when the inspector is on: V8's own console methods, which report each call
    // to the debugger (Runtime.consoleAPICalled); the runtime's console replaces them on the global.
    define('InspectorConsole', (() => {
        const methods = { __proto__: null };
        const original = globalThis.console;
        if (original !== null && typeof original === 'object') {
            const names = Object.keys(original);
            for (let i = 0; i < names.length; i++) {
                if (typeof original[names[i]] === 'function') methods[names[i]] = original[names[i]];
            }
        }
        return ObjectFreeze(methods);
    })());

    // Getter -> value of the accessors a context pool puts in place of built-in data properties it
    // freezes (Servers/PoolReset.js), so that glue which reads only data properties (the console's
    // formatter) still sees a built-in's `constructor` or `name`. Only the pool adds to it.
    define('BuiltInAccessorValues', new WeakMap());

    // Objects the runtime's glue makes that scripts reach only through instances (a WebIDL iterator
    // prototype, a live view's prototype): a context pool freezes them with the built-ins. Glue adds
    // to it with ArrayPrototypePush as it creates them.
    const hiddenIntrinsics = [];
    ObjectSetPrototypeOfRaw(hiddenIntrinsics, null);
    define('HiddenIntrinsics', hiddenIntrinsics);

    // Arrays the glue fills element by element: while an array's prototype is null, assigning an
    // index creates the element, with no index setter a script put on Array.prototype in the way
    // and no runtime call (defineData costs one apiece, about 0.4 µs). Lists only the glue and .NET
    // read stay that way; an array a script gets is given the intrinsic Array.prototype once full.
    const ArrayPrototypeIntrinsic = Array.prototype;
    define('newList', function newList() {
        const list = [];
        ObjectSetPrototypeOfRaw(list, null);
        return list;
    });
    define('listToArray', function listToArray(list) {
        ObjectSetPrototypeOfRaw(list, ArrayPrototypeIntrinsic);
        return list;
    });
    // The same for an array the glue made earlier and appends to (never a script's: its prototype is
    // read and put back as it is): `fill(array)` assigns while the prototype is null.
    const ObjectGetPrototypeOfRaw = Object.getPrototypeOf;
    define('fillList', function fillList(array, fill) {
        const proto = ObjectGetPrototypeOfRaw(array);
        ObjectSetPrototypeOfRaw(array, null);
        try {
            fill(array);
        } finally {
            ObjectSetPrototypeOfRaw(array, proto);
        }
    });

    // A data property that no inherited setter can intercept (assignment would consult the
    // prototype chain; definition does not).
    define('defineData', function defineData(target, key, value) {
        ObjectDefinePropertyRaw(target, key, { __proto__: null, value, writable: true, enumerable: true, configurable: true });
        return value;
    });

    return ObjectFreeze(table);
})();
