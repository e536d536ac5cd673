// V8Host context pool: puts a returned context's globals back to the baseline the pool captured when
// the context was set up (after its profile, snapshot and Configure ran), or says why it cannot, so
// that nothing one renter leaves behind reaches the next (Servers/ContextPool.cs).
//
// capture() records the global object's own properties and, one level down, every own property of
// the objects those globals hold (constructors, their prototypes, Math, JSON, a profile's objects)
// plus the intrinsics no global names (%TypedArray%.prototype, the iterator prototypes …).
// reset() deletes globals a renter added and restores the ones it replaced or removed; it returns
// the empty string when the context is back at its baseline, or the reason it is not (a changed
// intrinsic, a global that cannot be put back, a top-level let/const/class binding), and the pool
// then disposes the context instead of renting it again. Only descriptors are read and written:
// no getter, setter or Proxy trap of a renter's runs here.
(function (primordials) {
    'use strict';

    const {
        ArrayPrototypePush,
        MapPrototypeGet,
        MapPrototypeGetSize,
        MapPrototypeHas,
        MapPrototypeSet,
        ObjectIs,
        ReflectDefineProperty,
        ReflectDeleteProperty,
        ReflectGetOwnPropertyDescriptor,
        ReflectGetPrototypeOf,
        ReflectIsExtensible,
        ReflectOwnKeys,
        SetPrototypeAdd,
        SetPrototypeHas,
        StringPrototypeIndexOf,
        globalThis: global,
    } = primordials;
    const MapCtor = primordials.Map;
    const SetCtor = primordials.Set;

    // Past this many renter-added globals the context is recycled rather than cleaned one by one.
    const maxAddedGlobals = 10000;
    // Compiled name checks kept per context, by the list of names they check (lexicalBinding).
    let probes = new MapCtor();
    const maxProbes = 64;

    function nullArray() {
        const array = [];
        primordials.ObjectSetPrototypeOf(array, null);
        return array;
    }

    // Descriptors are ordinary objects: a renter's getter on Object.prototype.value would run if an
    // accessor's descriptor were read for .value. Only own fields are read (hasOwn decides the kind).
    const { ObjectPrototypeHasOwnProperty: hasOwn } = primordials;
    const ownDescriptor = ReflectGetOwnPropertyDescriptor;

    function isData(descriptor) {
        return hasOwn(descriptor, 'value');
    }

    // The state of one object: prototype, extensibility, its own keys in order and their descriptors.
    // Compared index by index: V8 lists own keys in a stable order, and one deleted and added again
    // moves to the end, which counts as a change (a recycle, never a missed difference).
    function stateOf(target) {
        const keys = ReflectOwnKeys(target);
        const descriptors = nullArray();
        for (let i = 0; i < keys.length; i++)
            descriptors[i] = ownDescriptor(target, keys[i]);
        return { __proto__: null, target, prototype: ReflectGetPrototypeOf(target), extensible: ReflectIsExtensible(target), keys, descriptors };
    }

    function sameDescriptor(a, b) {
        if (a === undefined || b === undefined)
            return false;
        const data = isData(a);
        if (data !== isData(b) || a.enumerable !== b.enumerable || a.configurable !== b.configurable)
            return false;
        return data ? ObjectIs(a.value, b.value) && a.writable === b.writable : a.get === b.get && a.set === b.set;
    }

    function isObject(value) {
        return (typeof value === 'object' && value !== null) || typeof value === 'function';
    }

    let globals;
    let globalsByKey;
    const watched = nullArray();

    function watch(seen, value) {
        if (!isObject(value) || value === global || SetPrototypeHas(seen, value))
            return;
        SetPrototypeAdd(seen, value);
        ArrayPrototypePush(watched, stateOf(value));
    }

    function capture() {
        globals = stateOf(global);
        globalsByKey = new MapCtor();
        for (let i = 0; i < globals.keys.length; i++)
            MapPrototypeSet(globalsByKey, globals.keys[i], globals.descriptors[i]);
        const seen = new SetCtor();
        const keys = ReflectOwnKeys(global);
        for (let i = 0; i < keys.length; i++) {
            const descriptor = globals.descriptors[i];
            if (!isData(descriptor) || !isObject(descriptor.value))
                continue;
            watch(seen, descriptor.value);
            // A constructor's prototype (Array.prototype …), read as a descriptor, never through a getter.
            if (typeof descriptor.value === 'function') {
                const prototype = ownDescriptor(descriptor.value, 'prototype');
                if (prototype !== undefined && isData(prototype))
                    watch(seen, prototype.value);
            }
        }

        const hidden = ['TypedArray', 'IteratorPrototype', 'ArrayIteratorPrototype', 'MapIteratorPrototype', 'SetIteratorPrototype',
            'StringIteratorPrototype', 'RegExpStringIteratorPrototype', 'GeneratorPrototype', 'AsyncGeneratorPrototype',
            'AsyncFunctionPrototype', 'GeneratorFunctionPrototype', 'AsyncGeneratorFunctionPrototype'];
        for (let i = 0; i < hidden.length; i++) {
            const intrinsic = primordials[hidden[i]];
            watch(seen, intrinsic);
            if (typeof intrinsic === 'function')
                watch(seen, ownDescriptor(intrinsic, 'prototype').value);
        }
    }

    function changed(state) {
        const target = state.target;
        if (ReflectGetPrototypeOf(target) !== state.prototype || ReflectIsExtensible(target) !== state.extensible)
            return true;
        const keys = ReflectOwnKeys(target);
        const baseline = state.keys;
        if (keys.length !== baseline.length)
            return true;
        for (let i = 0; i < keys.length; i++) {
            if (keys[i] !== baseline[i] || !sameDescriptor(state.descriptors[i], ownDescriptor(target, keys[i])))
                return true;
        }
        return false;
    }

    function describe(key) {
        return typeof key === 'symbol' ? 'a symbol-keyed global' : `the global '${key}'`;
    }

    function resetGlobals() {
        if (ReflectGetPrototypeOf(global) !== globals.prototype || ReflectIsExtensible(global) !== globals.extensible)
            return 'the global object was frozen, sealed or given another prototype';
        const keys = ReflectOwnKeys(global);
        if (keys.length - globals.keys.length > maxAddedGlobals)
            return `more than ${maxAddedGlobals} globals were added`;
        for (let i = 0; i < keys.length; i++) {
            if (!MapPrototypeHas(globalsByKey, keys[i]) && !ReflectDeleteProperty(global, keys[i]))
                return `${describe(keys[i])} cannot be deleted`;
        }
        return '';
    }

    function restoreGlobals() {
        for (let i = 0; i < globals.keys.length; i++) {
            const key = globals.keys[i];
            const descriptor = globals.descriptors[i];
            if (sameDescriptor(descriptor, ownDescriptor(global, key)))
                continue;
            // A non-configurable global keeps its attributes; only a writable one can take its value back.
            if (!ReflectDefineProperty(global, key, descriptor))
                return `${describe(key)} cannot be put back`;
        }
        return '';
    }

    // Names a renter's scripts may have declared with top-level let, const or class: such bindings
    // live in the context's global lexical scope, not on the global object, nothing can delete them,
    // and they shadow globals of the same name for every later script. A generated function looks
    // each candidate up (spelled as \u escapes, so a candidate can only ever be a name; it declares no
    // locals that could shadow one, and reaches its helpers through `this`). A name left behind
    // resolves (or is uninitialized); a baseline global's name resolves to something else.
    function lexicalBinding(candidateLines) {
        if (candidateLines === '')
            return '';
        let probe = MapPrototypeGet(probes, candidateLines);
        try {
            if (probe === undefined) {
                probe = compileProbe(primordials.StringPrototypeSplit(candidateLines, '\n'));
                if (MapPrototypeGetSize(probes) >= maxProbes)
                    probes = new MapCtor();
                MapPrototypeSet(probes, candidateLines, probe);
            }
            probe.left = nullArray();
            primordials.FunctionPrototypeCall(probe.check, probe);
        } catch {
            return 'the names its scripts declared could not be checked';
        }
        return probe.left.length === 0 ? '' : `a top-level let, const or class named '${probe.names[probe.left[0]]}' was declared`;
    }

    // The probe for one list of candidates. Servers run the same scripts over and over, so probes are
    // kept by their list: compiling one costs more than the rest of a reset. What a probe compares
    // against (the baseline's values) never changes for its context.
    function compileProbe(candidates) {
        const probe = { __proto__: null, check: undefined, left: undefined, names: candidates, values: nullArray(), is: ObjectIs, push: ArrayPrototypePush,
            ReferenceError: primordials.ReferenceError, indexOf: StringPrototypeIndexOf };
        let body = '';
        for (let i = 0; i < candidates.length; i++) {
            const name = candidates[i];
            const descriptor = MapPrototypeGet(globalsByKey, name);
            // A baseline accessor global cannot be compared without running its getter: not checked.
            if (descriptor !== undefined && !isData(descriptor))
                continue;
            probe.values[i] = descriptor === undefined ? undefined : descriptor.value;
            let escaped = '';
            for (let j = 0; j < name.length; j++) {
                const code = primordials.StringPrototypeCodePointAt(name, j);
                escaped += '\\u{' + primordials.NumberPrototypeToString(code, 16) + '}';
                if (code > 0xffff)
                    j++;
            }
            const test = descriptor === undefined ? `void ${escaped}; this.push(this.left, ${i});` : `if (!this.is(${escaped}, this.values[${i}])) this.push(this.left, ${i});`;
            body += `try { ${test} } catch (error) { if (!(error instanceof this.ReferenceError) || this.indexOf(error.message, 'before initialization') >= 0) this.push(this.left, ${i}); }\n`;
        }
        probe.check = new primordials.Function(body);
        return probe;
    }

    // candidates: the names to check for lexical bindings, one per line (names hold no line breaks).
    function reset(candidateLines) {
        let reason = resetGlobals();
        if (reason === '')
            reason = restoreGlobals();
        if (reason !== '')
            return reason;
        for (let i = 0; i < watched.length; i++) {
            if (changed(watched[i]))
                return 'a built-in or baseline object was changed';
        }
        return lexicalBinding(candidateLines);
    }

    return { __proto__: null, capture, reset };
})
