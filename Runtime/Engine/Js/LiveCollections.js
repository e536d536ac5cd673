// V8Host live collections: evaluated once per context, after Bootstrap.js and before any user code.
// Its completion value is a function of the primordials table returning the helper table .NET keeps
// (LiveCollections.cs). A live view shows one .NET collection to scripts by reference; every read and
// write is a call into .NET through one shared host function per operation, keyed by the view's id.
//
//   IList<T>               a Proxy over an empty Array: Array.isArray(view) is true, and the Array
//                          methods (map, indexOf, sort, for…of, spread, JSON.stringify …) work through
//                          the traps. push/pop/shift/unshift/splice are the view's own, so that a batch
//                          converts every element before the list changes, and insertions never pass
//                          through the holes a .NET list cannot have.
//   IDictionary<string,T>  a Proxy over an empty null-prototype object: keys are the dictionary's.
//   ISet<T>/ICollection<T> an object with the Set API (size, has, add, delete, clear, forEach, keys,
//                          values, entries, iteration, toJSON). It is not a real Set (instanceof Set is
//                          false): Set's methods work on its internal [[SetData]] slot, which a Proxy
//                          does not have, so no Proxy can stand in for a Set. Iteration and forEach
//                          visit a copy of the elements taken when they start.
//
// Scripts never see a trap's target or handler, or any .NET object: the handlers are frozen and
// null-prototype (so no trap can be added through Object.prototype), the targets only reach the traps,
// descriptors are read through their own properties only, and every intrinsic comes from `primordials`.
(function (primordials) {
    'use strict';

    const {
        ArrayPrototypePush,
        ArrayPrototypePop,
        ArrayPrototypeShift,
        ArrayPrototypeSplice,
        ArrayPrototypeUnshift,
        ArrayPrototypeValues,
        FinalizationRegistry,
        FinalizationRegistryPrototypeRegister,
        Map,
        MapPrototypeDelete,
        MapPrototypeGet,
        MapPrototypeSet,
        MathFloor,
        MathMax,
        MathMin,
        MathTrunc,
        Object: ObjectCtor,
        ObjectCreate,
        ObjectDefineProperty,
        ObjectFreeze,
        ObjectPrototypeHasOwnProperty,
        Proxy,
        RangeError,
        ReflectApply,
        ReflectDeleteProperty,
        ReflectGet,
        ReflectGetOwnPropertyDescriptor,
        ReflectHas,
        ReflectSet,
        String: StringCtor,
        SymbolIterator,
        SymbolPrototypeToString,
        TypeError,
        WeakMap,
        WeakMapPrototypeGet,
        WeakMapPrototypeSet,
        WeakRef,
        WeakRefPrototypeDeref,
        defineData,
    } = primordials;

    // LiveKind in LiveShape.cs.
    const LIST = 0;
    const DICTIONARY = 1;

    const maxArrayIndex = 4294967294;
    const maxArrayLength = 4294967295;

    // The .NET operations (wrapped host functions that throw proper JS errors), set by install().
    let ops = null;
    let release = () => {};
    let registry = null;

    // view -> state, and trap target -> state; a WeakMap lookup never runs script code, even for a Proxy.
    const viewStates = new WeakMap();
    const targetStates = new WeakMap();
    // id -> WeakRef of the view, so .NET can hand the same view back while it is alive.
    const liveViews = new Map();

    function named(name, length, fn) {
        ObjectDefineProperty(fn, 'name', { __proto__: null, value: name });
        ObjectDefineProperty(fn, 'length', { __proto__: null, value: length });
        return fn;
    }

    // The array index a property key denotes (its canonical string form), or -1.
    function arrayIndex(key) {
        if (typeof key !== 'string') return -1;
        const number = +key;
        return number >= 0 && number <= maxArrayIndex && MathFloor(number) === number && StringCtor(number) === key ? number : -1;
    }

    // ArraySetLength's check: the value must be an integer in 0 .. 2^32-1.
    function arrayLength(value) {
        const number = +value;
        if (!(number >= 0 && number <= maxArrayLength && MathFloor(number) === number)) throw new RangeError('Invalid array length');
        return number;
    }

    function toIntegerOrInfinity(value) {
        const number = +value;
        if (number !== number) return 0;
        return MathTrunc(number) + 0;
    }

    function keyText(key) {
        return typeof key === 'symbol' ? SymbolPrototypeToString(key) : `'${key}'`;
    }

    function own(descriptor, key) {
        return ObjectPrototypeHasOwnProperty(descriptor, key) ? descriptor[key] : undefined;
    }

    // A descriptor that leaves a plain element: writable, enumerable and configurable data.
    function isPlainData(descriptor) {
        return !ObjectPrototypeHasOwnProperty(descriptor, 'get') && !ObjectPrototypeHasOwnProperty(descriptor, 'set')
            && own(descriptor, 'writable') !== false && own(descriptor, 'enumerable') !== false && own(descriptor, 'configurable') !== false;
    }

    function frozenError(state) {
        return new TypeError(`${state.name} is a live view of a .NET collection: it cannot be frozen, sealed or made non-extensible.`);
    }

    function elementData(value, readOnly) {
        return { __proto__: null, value, writable: !readOnly, enumerable: true, configurable: true };
    }

    // ---- IList<T> ------------------------------------------------------------------------------

    const listHandler = ObjectFreeze({
        __proto__: null,
        get(target, key, receiver) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (key === 'length') return ops.count(state.id);
            const index = arrayIndex(key);
            if (index >= 0) return ops.listGet(state.id, index);
            if (typeof key === 'string') {
                const method = listMethod(key);
                if (method !== undefined) return method;
            }
            return ReflectGet(target, key, receiver);
        },
        set(target, key, value, receiver) {
            const state = WeakMapPrototypeGet(targetStates, target);
            // An object inheriting from the view gets its own property, as from an Array.
            if (receiver !== state.view) return ReflectSet(target, key, value, receiver);
            if (key === 'length') {
                ops.listSetLength(state.id, arrayLength(value));
                return true;
            }
            const index = arrayIndex(key);
            if (index < 0) throw new TypeError(`${state.name} is a live view of a .NET list: it has elements and a length, no property ${keyText(key)}.`);
            ops.listSet(state.id, index, value);
            return true;
        },
        has(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (key === 'length') return true;
            const index = arrayIndex(key);
            if (index >= 0) return index < ops.count(state.id);
            return ReflectHas(target, key);
        },
        deleteProperty(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (key === 'length') return false;
            const index = arrayIndex(key);
            if (index >= 0) return ops.listDelete(state.id, index);
            return ReflectDeleteProperty(target, key);
        },
        ownKeys(target) {
            const state = WeakMapPrototypeGet(targetStates, target);
            const count = ops.count(state.id);
            const keys = [];
            for (let i = 0; i < count; i++) defineData(keys, i, StringCtor(i));
            defineData(keys, count, 'length');
            return keys;
        },
        getOwnPropertyDescriptor(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            // The target's own length is non-configurable and writable: this descriptor is compatible with it.
            if (key === 'length') return { __proto__: null, value: ops.count(state.id), writable: true, enumerable: false, configurable: false };
            const index = arrayIndex(key);
            if (index < 0) return ReflectGetOwnPropertyDescriptor(target, key);
            return index < ops.count(state.id) ? elementData(ops.listGet(state.id, index), state.readOnly) : undefined;
        },
        defineProperty(target, key, descriptor) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (key === 'length') {
                if (!isPlainData(descriptor) || own(descriptor, 'configurable') === true || own(descriptor, 'enumerable') === true)
                    throw new TypeError(`${state.name}.length of a live .NET list is a plain writable length.`);
                if (ObjectPrototypeHasOwnProperty(descriptor, 'value')) ops.listSetLength(state.id, arrayLength(descriptor.value));
                return true;
            }
            const index = arrayIndex(key);
            if (index < 0) throw new TypeError(`${state.name} is a live view of a .NET list: it has elements and a length, no property ${keyText(key)}.`);
            if (!isPlainData(descriptor))
                throw new TypeError(`${state.name}[${index}]: an element of a live .NET list is a plain writable, enumerable, configurable value.`);
            if (ObjectPrototypeHasOwnProperty(descriptor, 'value')) ops.listSet(state.id, index, descriptor.value);
            else if (index >= ops.count(state.id)) ops.listSet(state.id, index, undefined);
            return true;
        },
        preventExtensions(target) {
            throw frozenError(WeakMapPrototypeGet(targetStates, target));
        },
    });

    function listStateOf(value) {
        const state = WeakMapPrototypeGet(viewStates, value);
        return state !== undefined && state.kind === LIST ? state : undefined;
    }

    // Called on anything but a list view, they are the Array methods, as for an Array.
    function callIntrinsic(method, self, args) {
        const callArgs = [self];
        for (let i = 0; i < args.length; i++) defineData(callArgs, i + 1, args[i]);
        return ReflectApply(method, undefined, callArgs);
    }

    function withId(id, start, args, from) {
        const callArgs = [id];
        for (let i = 0; i < start.length; i++) defineData(callArgs, callArgs.length, start[i]);
        for (let i = from; i < args.length; i++) defineData(callArgs, callArgs.length, args[i]);
        return callArgs;
    }

    const listMethods = {
        __proto__: null,
        push: named('push', 1, function (...items) {
            const state = listStateOf(this);
            if (state === undefined) return callIntrinsic(ArrayPrototypePush, this, items);
            return ReflectApply(ops.listPush, undefined, withId(state.id, [], items, 0));
        }),
        pop: named('pop', 0, function () {
            const state = listStateOf(this);
            if (state === undefined) return callIntrinsic(ArrayPrototypePop, this, []);
            const count = ops.count(state.id);
            return count === 0 ? undefined : ops.listRemoveAt(state.id, count - 1);
        }),
        shift: named('shift', 0, function () {
            const state = listStateOf(this);
            if (state === undefined) return callIntrinsic(ArrayPrototypeShift, this, []);
            return ops.count(state.id) === 0 ? undefined : ops.listRemoveAt(state.id, 0);
        }),
        unshift: named('unshift', 1, function (...items) {
            const state = listStateOf(this);
            if (state === undefined) return callIntrinsic(ArrayPrototypeUnshift, this, items);
            return ReflectApply(ops.listSplice, undefined, withId(state.id, [0, 0], items, 0));
        }),
        // Array.prototype.splice's argument rules; the removed elements are read before the list changes.
        splice: named('splice', 2, function (...args) {
            const state = listStateOf(this);
            if (state === undefined) return callIntrinsic(ArrayPrototypeSplice, this, args);
            const id = state.id;
            const length = ops.count(id);
            const argc = args.length;
            const relativeStart = argc > 0 ? toIntegerOrInfinity(args[0]) : 0;
            const start = relativeStart < 0 ? MathMax(length + relativeStart, 0) : MathMin(relativeStart, length);
            let deleteCount;
            if (argc === 0) deleteCount = 0;
            else if (argc === 1) deleteCount = length - start;
            else deleteCount = MathMin(MathMax(toIntegerOrInfinity(args[1]), 0), length - start);
            const removed = [];
            for (let i = 0; i < deleteCount; i++) defineData(removed, i, ops.listGet(id, start + i));
            ReflectApply(ops.listSplice, undefined, withId(id, [start, deleteCount], args, 2));
            return removed;
        }),
    };
    ObjectFreeze(listMethods);

    function listMethod(key) {
        return ObjectPrototypeHasOwnProperty(listMethods, key) ? listMethods[key] : undefined;
    }

    // ---- IDictionary<string, T> ----------------------------------------------------------------

    const dictionaryHandler = ObjectFreeze({
        __proto__: null,
        get(target, key, receiver) {
            const state = WeakMapPrototypeGet(targetStates, target);
            return typeof key === 'string' ? ops.dictionaryGet(state.id, key) : ReflectGet(target, key, receiver);
        },
        set(target, key, value, receiver) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (receiver !== state.view) return ReflectSet(target, key, value, receiver);
            if (typeof key !== 'string') throw new TypeError(`${state.name} is a live view of a .NET dictionary: its keys are strings, not ${keyText(key)}.`);
            ops.dictionarySet(state.id, key, value);
            return true;
        },
        has(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            return typeof key === 'string' ? ops.dictionaryHas(state.id, key) : false;
        },
        deleteProperty(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (typeof key === 'string') ops.dictionaryDelete(state.id, key);
            return true;
        },
        ownKeys(target) {
            return ops.dictionaryKeys(WeakMapPrototypeGet(targetStates, target).id);
        },
        getOwnPropertyDescriptor(target, key) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (typeof key !== 'string' || !ops.dictionaryHas(state.id, key)) return undefined;
            return elementData(ops.dictionaryGet(state.id, key), state.readOnly);
        },
        defineProperty(target, key, descriptor) {
            const state = WeakMapPrototypeGet(targetStates, target);
            if (typeof key !== 'string') throw new TypeError(`${state.name} is a live view of a .NET dictionary: its keys are strings, not ${keyText(key)}.`);
            if (!isPlainData(descriptor))
                throw new TypeError(`${state.name}.${key}: an entry of a live .NET dictionary is a plain writable, enumerable, configurable value.`);
            if (ObjectPrototypeHasOwnProperty(descriptor, 'value') || !ops.dictionaryHas(state.id, key))
                ops.dictionarySet(state.id, key, own(descriptor, 'value'));
            return true;
        },
        preventExtensions(target) {
            throw frozenError(WeakMapPrototypeGet(targetStates, target));
        },
        // A dictionary view has no prototype to inherit keys from.
        setPrototypeOf(target, prototype) {
            return prototype === null;
        },
    });

    // ---- ISet<T> / ICollection<T> --------------------------------------------------------------

    function setStateOf(value, member) {
        const state = WeakMapPrototypeGet(viewStates, value);
        if (state === undefined || state.kind === LIST || state.kind === DICTIONARY)
            throw new TypeError(`Set view method ${member} called on an object that is not a live .NET collection view.`);
        return state;
    }

    const setPrototype = ObjectCreate(ObjectCtor.prototype);
    primordials.ArrayPrototypePush(primordials.HiddenIntrinsics, setPrototype);

    function defineMethod(name, length, fn) {
        ObjectDefineProperty(setPrototype, name, { __proto__: null, value: named(name, length, fn), writable: true, configurable: true });
    }

    ObjectDefineProperty(setPrototype, 'size', {
        __proto__: null,
        configurable: true,
        get: named('get size', 0, function () {
            return ops.count(setStateOf(this, 'size').id);
        }),
    });
    defineMethod('has', 1, function (value) {
        return ops.setHas(setStateOf(this, 'has').id, value);
    });
    defineMethod('add', 1, function (value) {
        ops.setAdd(setStateOf(this, 'add').id, value);
        return this;
    });
    defineMethod('delete', 1, function (value) {
        return ops.setDelete(setStateOf(this, 'delete').id, value);
    });
    defineMethod('clear', 0, function () {
        ops.setClear(setStateOf(this, 'clear').id);
    });
    defineMethod('forEach', 1, function (callback, thisArg) {
        const state = setStateOf(this, 'forEach');
        if (typeof callback !== 'function') throw new TypeError(`${state.name}.forEach: the callback is not a function.`);
        const items = ops.setItems(state.id);
        for (let i = 0; i < items.length; i++) {
            const item = items[i];
            ReflectApply(callback, thisArg, [item, item, this]);
        }
    });
    const values = named('values', 0, function () {
        return ArrayPrototypeValues(ops.setItems(setStateOf(this, 'values').id));
    });
    ObjectDefineProperty(setPrototype, 'values', { __proto__: null, value: values, writable: true, configurable: true });
    ObjectDefineProperty(setPrototype, 'keys', { __proto__: null, value: values, writable: true, configurable: true });
    ObjectDefineProperty(setPrototype, SymbolIterator, { __proto__: null, value: values, writable: true, configurable: true });
    defineMethod('entries', 0, function () {
        const items = ops.setItems(setStateOf(this, 'entries').id);
        const entries = [];
        for (let i = 0; i < items.length; i++) defineData(entries, i, [items[i], items[i]]);
        return ArrayPrototypeValues(entries);
    });
    // JSON.stringify gives the elements as an array.
    defineMethod('toJSON', 0, function () {
        return ops.setItems(setStateOf(this, 'toJSON').id);
    });

    return {
        __proto__: null,

        // Called once per context, with the first view: .NET's release callback and its operations.
        install(releaseView, ...operations) {
            release = releaseView;
            const names = ['count', 'listGet', 'listSet', 'listSetLength', 'listDelete', 'listRemoveAt', 'listPush', 'listSplice',
                'dictionaryGet', 'dictionaryHas', 'dictionarySet', 'dictionaryDelete', 'dictionaryKeys',
                'setHas', 'setAdd', 'setDelete', 'setClear', 'setItems'];
            const table = { __proto__: null };
            for (let i = 0; i < names.length; i++) defineData(table, names[i], operations[i]);
            ops = ObjectFreeze(table);
            registry = new FinalizationRegistry(id => {
                MapPrototypeDelete(liveViews, id);
                release(id);
            });
        },

        // A new view of .NET collection `id` (kind: LiveKind); `name` is the member it came from.
        create(kind, id, name, readOnly) {
            const state = { __proto__: null, id, name, kind, readOnly, view: null };
            let view;
            if (kind === LIST || kind === DICTIONARY) {
                const target = kind === LIST ? [] : { __proto__: null };
                view = new Proxy(target, kind === LIST ? listHandler : dictionaryHandler);
                WeakMapPrototypeSet(targetStates, target, state);
            } else {
                view = ObjectCreate(setPrototype);
            }
            state.view = view;
            WeakMapPrototypeSet(viewStates, view, state);
            MapPrototypeSet(liveViews, id, new WeakRef(view));
            FinalizationRegistryPrototypeRegister(registry, view, id);
            return view;
        },

        // The live view of an id, or undefined once it was collected.
        viewOf(id) {
            const ref = MapPrototypeGet(liveViews, id);
            return ref === undefined ? undefined : WeakRefPrototypeDeref(ref);
        },

        // The id of a view, or undefined for anything else.
        idOf(value) {
            const state = WeakMapPrototypeGet(viewStates, value);
            return state === undefined ? undefined : state.id;
        },

        // The member a view came from ("Order.items"), or undefined: what StructuredClone.js reports.
        viewName(value) {
            const state = WeakMapPrototypeGet(viewStates, value);
            return state === undefined ? undefined : state.name;
        },

        // JS arrays built by .NET in chunks of arguments (one call per chunk, not per element).
        arrayOf(...items) {
            return items;
        },
        pushAll(array, ...items) {
            for (let i = 0; i < items.length; i++) defineData(array, array.length, items[i]);
            return array;
        },

        // Called just before the context is disposed (see Bootstrap.js disconnect).
        disconnect() {
            release = () => {};
        },
    };
});
