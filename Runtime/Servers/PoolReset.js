// V8Host context pool: makes a pooled context's baseline immutable, and after each rent puts the
// global object back to that baseline, or says why it cannot, so that nothing one renter leaves
// behind reaches the next (Servers/ContextPool.cs, docs/servers.md).
//
// capture() runs once per context, after its profile, snapshot and Configure and before any renter:
//   - it freezes every object reachable from the global object (through property values, getters,
//     setters and prototypes) and the intrinsics no global names (iterator prototypes, %AsyncFunction%
//     …), as Node's --frozen-intrinsics and SES's lockdown() do. What is frozen cannot carry state
//     from one renter to the next, so it never needs to be compared. A few writable built-in data
//     properties that ordinary code overrides by assignment on its own objects (`constructor`,
//     `toString`, an error's `name` and `message` …) become accessors whose setter defines the
//     property on the object assigned to, so that `MyError.prototype.name = 'MyError'` keeps working;
//   - objects that cannot be frozen (a typed array with elements) are compared property by property;
//   - it records the global object's own properties.
// reset() deletes globals a renter added and restores the ones it replaced or removed, clears the
// engine's and the host APIs' per-rent state (RegExp's legacy statics, the console's counters), and
// returns the empty string when the context is back at its baseline, or the reason it is not (a
// global that cannot be put back, a pending Atomics.waitAsync, a top-level let/const/class binding);
// the pool then disposes the context instead of renting it again. Only descriptors are read and
// written (null-prototype ones), so no getter, setter or Proxy trap of a renter's runs here.
(function (primordials, hostResetters) {
    'use strict';

    const {
        ArrayPrototypePush,
        FunctionPrototypeCall,
        MapPrototypeGet,
        MapPrototypeGetSize,
        MapPrototypeHas,
        MapPrototypeSet,
        ObjectFreeze,
        ObjectIs,
        ObjectIsFrozen,
        ObjectSetPrototypeOf,
        PromisePrototypeThen,
        ReflectApply,
        ReflectDefineProperty,
        ReflectDeleteProperty,
        ReflectGetOwnPropertyDescriptor,
        ReflectGetPrototypeOf,
        ReflectIsExtensible,
        ReflectOwnKeys,
        SetPrototypeAdd,
        SetPrototypeHas,
        StringPrototypeSplit,
        TypeError: TypeErrorCtor,
        globalThis: global,
        newList,
    } = primordials;
    const MapCtor = primordials.Map;
    const SetCtor = primordials.Set;
    const { ObjectPrototypeHasOwnProperty: hasOwn } = primordials;
    const ownDescriptor = ReflectGetOwnPropertyDescriptor;

    // Taken here, not from the primordials: this script runs before any renter, after only the host's
    // own setup, and these are used by the pool alone.
    const RegExpPrototypeExec = primordials.uncurryThis(RegExp.prototype.exec);
    const indirectEval = global.eval;
    const AtomicsWaitAsync = typeof Atomics === 'object' && typeof Atomics.waitAsync === 'function' ? Atomics.waitAsync : undefined;

    // The host APIs' own per-rent state (the console's counters …): functions their glue gave the pool.
    const resetters = newList();
    for (let i = 0; i < hostResetters.length; i++)
        resetters[i] = hostResetters[i];

    // Past this many renter-added globals the context is recycled rather than cleaned one by one.
    const maxAddedGlobals = 10000;
    // Compiled name lookups kept per context, by the list of names they look up (lexicalBinding).
    let probes = new MapCtor();
    const maxProbes = 64;
    // IdentifierName as V8 itself reads it: candidates the host extracted as a superset are kept only if they match.
    const identifierName = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;
    const emptyPattern = /(?:)/;
    // Words that cannot be a binding's name in sloppy code (so a lookup of them is not a name lookup).
    const reservedWords = new SetCtor(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete',
        'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof',
        'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with']);
    // Writable built-in data properties that code overrides by assigning to its own objects; frozen as
    // data they would make such assignments fail (the "override mistake"), so they become accessors.
    const overridable = new SetCtor(['constructor', 'toString', 'toLocaleString', 'valueOf', 'toJSON', 'name', 'message',
        'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', primordials.SymbolIterator]);

    function isObject(value) {
        return (typeof value === 'object' && value !== null) || typeof value === 'function';
    }

    // Descriptors are ordinary objects: a renter's getter on Object.prototype.value would run if an
    // accessor's descriptor were read for .value. Only own fields are read (hasOwn decides the kind).
    function isData(descriptor) {
        return hasOwn(descriptor, 'value');
    }

    // A null-prototype copy: Reflect.defineProperty reads a descriptor's fields through its prototype chain.
    function copyOf(descriptor) {
        const copy = { __proto__: null, enumerable: descriptor.enumerable, configurable: descriptor.configurable };
        if (isData(descriptor)) {
            copy.value = descriptor.value;
            copy.writable = descriptor.writable;
        } else {
            copy.get = descriptor.get;
            copy.set = descriptor.set;
        }
        return copy;
    }

    function sameDescriptor(a, b) {
        if (a === undefined || b === undefined)
            return false;
        const data = isData(a);
        if (data !== isData(b) || a.enumerable !== b.enumerable || a.configurable !== b.configurable)
            return false;
        return data ? ObjectIs(a.value, b.value) && a.writable === b.writable : a.get === b.get && a.set === b.set;
    }

    // ---- capture: freeze what the baseline holds ---------------------------------------------

    // Intrinsics that no global names and no walk from the global object reaches: only syntax or a
    // built-in's result leads to them.
    function hiddenIntrinsics() {
        const found = newList();
        const add = value => {
            if (isObject(value))
                ArrayPrototypePush(found, value);
        };
        const prototypeOf = ReflectGetPrototypeOf;
        // The ones the primordials already hold; from %AsyncFunction.prototype% and the generator
        // function prototypes the walk goes on to their constructors, %AsyncIteratorPrototype% …
        const named = ['TypedArray', 'IteratorPrototype', 'ArrayIteratorPrototype', 'MapIteratorPrototype', 'SetIteratorPrototype',
            'StringIteratorPrototype', 'RegExpStringIteratorPrototype', 'GeneratorPrototype', 'AsyncGeneratorPrototype',
            'AsyncFunctionPrototype', 'GeneratorFunctionPrototype', 'AsyncGeneratorFunctionPrototype'];
        for (let i = 0; i < named.length; i++)
            add(primordials[named[i]]);
        // The ones only a built-in's result leads to.
        const iterator = [][Symbol.iterator]();
        if (typeof iterator.map === 'function')
            add(prototypeOf(iterator.map(x => x)));
        if (typeof Iterator === 'function' && typeof Iterator.from === 'function')
            add(prototypeOf(Iterator.from({ next() { return { done: true }; } })));
        if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
            const segments = new Intl.Segmenter().segment('');
            add(prototypeOf(segments));
            add(prototypeOf(segments[Symbol.iterator]()));
        }
        return found;
    }

    let globals;
    let globalsByKey;
    const watched = newList();
    let waitingAtomics = 0;

    // An accessor in place of a writable data property: reading gives the built-in value; assigning on
    // an object that inherits it gives that object its own property, as assignment did before freezing.
    function makeOverridable(target, key, descriptor) {
        const value = descriptor.value;
        // Methods, not function expressions: those would bring a `prototype` object, made after the
        // freeze and so open to a renter's state.
        const { get, set } = {
            __proto__: null,
            get() {
                return value;
            },
            set(newValue) {
                if (this === target)
                    throw new TypeErrorCtor(`Cannot assign to read only property '${typeof key === 'symbol' ? 'Symbol.iterator' : key}' of a built-in: a pooled context's built-ins are frozen`);
                if (!ReflectDefineProperty(this, key, { __proto__: null, value: newValue, writable: true, enumerable: true, configurable: true }))
                    throw new TypeErrorCtor(`Cannot assign to property '${typeof key === 'symbol' ? 'Symbol.iterator' : key}' of a frozen or non-extensible object`);
            },
        };
        ReflectDefineProperty(target, key, { __proto__: null, get, set, enumerable: descriptor.enumerable, configurable: descriptor.configurable });
        primordials.WeakMapPrototypeSet(primordials.BuiltInAccessorValues, get, value);
        ObjectFreeze(get);
        ObjectFreeze(set);
    }

    function harden(target) {
        const keys = ReflectOwnKeys(target);
        for (let i = 0; i < keys.length; i++) {
            if (!SetPrototypeHas(overridable, keys[i]))
                continue;
            const descriptor = ownDescriptor(target, keys[i]);
            if (isData(descriptor) && descriptor.writable && descriptor.configurable)
                makeOverridable(target, keys[i], descriptor);
        }
        try {
            ObjectFreeze(target);
        } catch {
            // A typed array with elements: its elements stay writable, so it is compared instead.
        }
        if (!ObjectIsFrozen(target))
            ArrayPrototypePush(watched, stateOf(target));
    }

    // Atomics.waitAsync settles in a later task, perhaps another renter's: the wrapper counts the
    // waits still pending, and a context with any is recycled.
    function countWaitAsync() {
        if (AtomicsWaitAsync === undefined)
            return;
        const settled = () => {
            waitingAtomics--;
        };
        const waitAsync = {
            waitAsync(typedArray, index, value, timeout) {
                const result = ReflectApply(AtomicsWaitAsync, Atomics, [typedArray, index, value, timeout]);
                if (result.async) {
                    waitingAtomics++;
                    PromisePrototypeThen(result.value, settled, settled);
                }
                return result;
            },
        }.waitAsync;
        ReflectDefineProperty(Atomics, 'waitAsync', { __proto__: null, value: waitAsync, writable: true, enumerable: false, configurable: true });
    }

    // freeze: false only for a pool whose contexts serve one rent each (ContextPoolOptions.FreezeBaseline).
    function capture(freeze) {
        countWaitAsync();
        globals = stateOf(global);
        globalsByKey = new MapCtor();
        for (let i = 0; i < globals.keys.length; i++)
            MapPrototypeSet(globalsByKey, globals.keys[i], globals.descriptors[i]);

        if (!freeze)
            return;
        // Everything reachable, breadth first; the global object itself stays open for renters' globals.
        const seen = new SetCtor();
        const queue = newList();
        const visit = value => {
            if (isObject(value) && !SetPrototypeHas(seen, value)) {
                SetPrototypeAdd(seen, value);
                ArrayPrototypePush(queue, value);
            }
        };
        visit(global);
        const hidden = hiddenIntrinsics();
        for (let i = 0; i < hidden.length; i++)
            visit(hidden[i]);
        for (let i = 0; i < primordials.HiddenIntrinsics.length; i++)
            visit(primordials.HiddenIntrinsics[i]);
        for (let i = 0; i < queue.length; i++) {
            const target = queue[i];
            visit(ReflectGetPrototypeOf(target));
            const keys = ReflectOwnKeys(target);
            for (let j = 0; j < keys.length; j++) {
                const descriptor = ownDescriptor(target, keys[j]);
                if (isData(descriptor)) {
                    visit(descriptor.value);
                } else {
                    visit(descriptor.get);
                    visit(descriptor.set);
                }
            }
        }
        for (let i = 0; i < queue.length; i++) {
            if (queue[i] !== global)
                harden(queue[i]);
        }
    }

    // ---- reset -------------------------------------------------------------------------------

    // The state of one object that could not be frozen: prototype, extensibility, own keys in order
    // and their descriptors. A key deleted and added again moves to the end, which counts as a change.
    function stateOf(target) {
        const keys = ReflectOwnKeys(target);
        const descriptors = newList();
        for (let i = 0; i < keys.length; i++)
            descriptors[i] = copyOf(ownDescriptor(target, keys[i]));
        return { __proto__: null, target, prototype: ReflectGetPrototypeOf(target), extensible: ReflectIsExtensible(target), keys, descriptors };
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
    // live in the context's global lexical scope, not on the global object; nothing can delete them,
    // and they shadow globals of the same name for every later script. Each candidate is looked up
    // from global code with a unique value planted on the global object under its name: a lookup
    // that finds something else, or throws (a binding left uninitialized), found a binding.
    // A name that is a non-configurable global is skipped: the language refuses a lexical
    // declaration of such a name.
    function lexicalBinding(candidateLines) {
        if (candidateLines === '')
            return '';
        let probe = MapPrototypeGet(probes, candidateLines);
        try {
            if (probe === undefined) {
                probe = compileProbe(StringPrototypeSplit(candidateLines, '\n'));
                if (MapPrototypeGetSize(probes) >= maxProbes)
                    probes = new MapCtor();
                MapPrototypeSet(probes, candidateLines, probe);
            }
        } catch {
            return 'the names its scripts declared could not be checked';
        }
        const sentinel = { __proto__: null };
        for (let i = 0; i < probe.names.length; i++) {
            const name = probe.names[i];
            const own = MapPrototypeGet(globalsByKey, name);
            if (own !== undefined && !own.configurable)
                continue;
            ReflectDefineProperty(global, name, { __proto__: null, value: sentinel, writable: true, enumerable: false, configurable: true });
            let bound;
            try {
                bound = FunctionPrototypeCall(probe.lookups[i]) !== sentinel;
            } catch {
                bound = true;
            }
            if (own === undefined)
                ReflectDeleteProperty(global, name);
            else
                ReflectDefineProperty(global, name, own);
            if (bound)
                return `a top-level let, const or class named '${name}' was declared`;
        }
        return '';
    }

    // One lookup function per candidate, compiled once per list: arrows in global code (indirect
    // eval), so that a name resolves exactly as in a renter's script (`arguments` included), spelled
    // as \u escapes so that a candidate can only ever be a name. The code declares nothing that
    // could shadow one.
    function compileProbe(candidates) {
        const names = newList();
        let source = '[';
        for (let i = 0; i < candidates.length; i++) {
            const name = candidates[i];
            if (RegExpPrototypeExec(identifierName, name) === null || SetPrototypeHas(reservedWords, name))
                continue;
            let escaped = '';
            for (let j = 0; j < name.length; j++) {
                const code = primordials.StringPrototypeCodePointAt(name, j);
                escaped += '\\u{' + primordials.NumberPrototypeToString(code, 16) + '}';
                if (code > 0xffff)
                    j++;
            }
            ArrayPrototypePush(names, name);
            source += `() => ${escaped},\n`;
        }
        const lookups = indirectEval(source + ']');
        ObjectSetPrototypeOf(lookups, null);
        return { __proto__: null, names, lookups };
    }

    // candidateLines: the names to check for lexical bindings, one per line (names hold no line breaks).
    function reset(candidateLines) {
        let reason = resetGlobals();
        if (reason !== '')
            return reason;
        for (let i = 0; i < watched.length; i++) {
            if (changed(watched[i]))
                return 'a baseline object that could not be frozen was changed';
        }
        if (waitingAtomics > 0)
            return 'pending: an Atomics.waitAsync has not settled';
        for (let i = 0; i < resetters.length; i++)
            FunctionPrototypeCall(resetters[i]);
        reason = lexicalBinding(candidateLines);
        // Last: the last match of any regular expression (RegExp.$1, lastMatch, input …) is the
        // engine's, not an object's, and the checks above match regular expressions too.
        RegExpPrototypeExec(emptyPattern, '');
        return reason;
    }

    return { __proto__: null, capture, reset };
})
