// AbortSignal and AbortController (DOM Standard §3.1–3.2), with dependent signals (AbortSignal.any)
// as the standard defines them: a dependent signal follows the non-dependent signals behind its
// inputs, so composing `any` over `any` never builds chains, and the abort events of one source fire
// in the order its dependents were made.
//
// Memory: a source holds its dependents weakly (a long-lived signal combined with per-request ones
// must not keep every request alive), except while a dependent has abort listeners or abort
// algorithms: then its sources hold it strongly, as the standard's garbage-collection rule asks
// (it must live while something would observe its abort). A dependent holds its sources weakly.
//
// `AbortSignal.timeout` uses the timers glue's internal setTimeout (Timers.js): a pending timer
// like any other, which RunUntilIdle waits for.
//
// Adds `web.AbortSignal`, `web.AbortController` and `web.abortSupport`, the internal view other
// APIs use: isAbortSignal, aborted, reason, addAlgorithm(signal, fn) -> token,
// removeAlgorithm(signal, token), abort(signal, reason), createSignal().
(function (primordials, web, setTimeout) {
    'use strict';

    const {
        Map, MapPrototypeSet, MapPrototypeDelete, MapPrototypeForEach, MapPrototypeGetSize, Set, SetPrototypeAdd,
        SetPrototypeDelete, SetPrototypeHas, WeakRef, WeakRefPrototypeDeref, ArrayPrototypePush, MathMin, MathMax, TypeError, RangeError,
        ObjectFreeze, defineData,
    } = primordials;
    const { idl, EventTarget, Event, targetData, fireEvent, defineEventHandler, hasListeners } = web;

    // Only the glue can make a signal: AbortSignal has no constructor of its own (WebIDL).
    const internal = ObjectFreeze({ __proto__: null });

    // The longest delay the timers glue takes at once (a WebIDL `long`); longer timeouts re-arm.
    const maxDelay = 2147483647;

    let signalState;

    class AbortSignal extends EventTarget {
        #state;

        constructor(key = undefined) {
            if (key !== internal)
                throw new TypeError(`${idl.constructing('AbortSignal')}: Illegal constructor`);
            super();
            const data = targetData(this);
            if (data === undefined)
                throw new TypeError(`${idl.constructing('AbortSignal')}: the EventTarget constructor was replaced.`);
            const state = {
                __proto__: null,
                signal: this,
                data,
                aborted: false,
                reason: undefined,
                algorithms: undefined,
                nextToken: 0,
                dependent: false,
                sources: undefined,
                dependents: undefined,
                sourcesPruneAt: 16,
                dependentsPruneAt: 16,
                retainedDependents: undefined,
                retained: false,
            };
            data.watch = (type) => {
                if (type === 'abort')
                    updateRetention(state);
            };
            this.#state = state;
        }

        static abort(reason = undefined) {
            const state = createState();
            state.aborted = true;
            state.reason = reason === undefined ? abortError() : reason;
            return state.signal;
        }

        static timeout(milliseconds) {
            const context = idl.method('AbortSignal', 'timeout');
            idl.requireArguments(arguments.length, 1, context);
            const delay = idl.toUnsignedLongLong(milliseconds, context, { __proto__: null, enforceRange: true });
            const state = createState();
            try {
                armTimeout(state, delay);
            } catch (error) {
                // The timer queue is full (TimersApi's limit): say which call hit it.
                throw new RangeError(`${context}: ${error.message}`);
            }
            return state.signal;
        }

        static any(signals) {
            const context = idl.method('AbortSignal', 'any');
            idl.requireArguments(arguments.length, 1, context);
            const inputs = idl.toSequence(signals, context, (value) => {
                const state = signalState(value);
                if (state === undefined)
                    throw idl.typeError(context, 'Failed to convert value to \'AbortSignal\'.');
                return state;
            });
            return createDependent(inputs).signal;
        }

        get aborted() {
            return stateOf(this, idl.getting('AbortSignal', 'aborted')).aborted;
        }

        get reason() {
            return stateOf(this, idl.getting('AbortSignal', 'reason')).reason;
        }

        throwIfAborted() {
            const state = stateOf(this, idl.method('AbortSignal', 'throwIfAborted'));
            if (state.aborted)
                throw state.reason;
        }

        static {
            signalState = (value) => (idl.isObject(value) && #state in value ? value.#state : undefined);
        }
    }

    function stateOf(value, context) {
        const state = signalState(value);
        if (state === undefined)
            throw idl.illegalInvocation(context);
        return state;
    }

    function createState() {
        return signalState(new AbortSignal(internal));
    }

    function abortError() {
        return web.domException('signal is aborted without reason', 'AbortError');
    }

    function armTimeout(state, delay) {
        const step = MathMin(delay, maxDelay);
        setTimeout(() => {
            if (delay > step)
                armTimeout(state, delay - step);
            else
                signalAbort(state, web.domException('signal timed out', 'TimeoutError'));
        }, step);
    }

    // ---------------------------------------------------------------- weak lists

    function pushWeak(owner, key, state) {
        let list = owner[key];
        if (list === undefined) {
            list = [];
            owner[key] = list;
        }
        // Dead entries are dropped whenever the list has doubled since the last sweep (amortized O(1)).
        const pruneAt = `${key}PruneAt`;
        if (list.length >= owner[pruneAt]) {
            const live = [];
            for (let i = 0; i < list.length; i++) {
                if (WeakRefPrototypeDeref(list[i]) !== undefined)
                    ArrayPrototypePush(live, list[i]);
            }
            owner[key] = list = live;
            owner[pruneAt] = MathMax(16, live.length * 2);
        }
        ArrayPrototypePush(list, new WeakRef(state));
    }

    function liveStates(list) {
        const states = [];
        if (list === undefined)
            return states;
        for (let i = 0; i < list.length; i++) {
            const state = WeakRefPrototypeDeref(list[i]);
            if (state !== undefined)
                ArrayPrototypePush(states, state);
        }
        return states;
    }

    // ---------------------------------------------------------------- dependent signals

    function createDependent(inputs) {
        const result = createState();
        for (let i = 0; i < inputs.length; i++) {
            if (inputs[i].aborted) {
                result.aborted = true;
                result.reason = inputs[i].reason;
                return result;
            }
        }
        result.dependent = true;
        // Each source once, however often it appears among the inputs or behind them.
        const linked = new Set();
        for (let i = 0; i < inputs.length; i++) {
            const input = inputs[i];
            if (!input.dependent) {
                link(input, result, linked);
                continue;
            }
            const sources = liveStates(input.sources);
            for (let j = 0; j < sources.length; j++)
                link(sources[j], result, linked);
        }
        return result;
    }

    function link(source, dependent, linked) {
        if (SetPrototypeHas(linked, source))
            return;
        SetPrototypeAdd(linked, source);
        pushWeak(dependent, 'sources', source);
        pushWeak(source, 'dependents', dependent);
    }

    // A dependent that something would observe (abort listeners, abort algorithms) is held by its
    // sources; otherwise only weakly.
    function updateRetention(state) {
        if (!state.dependent || state.aborted)
            return;
        const needed = hasListeners(state.data, 'abort') || (state.algorithms !== undefined && MapPrototypeGetSize(state.algorithms) > 0);
        if (needed === state.retained)
            return;
        state.retained = needed;
        const sources = liveStates(state.sources);
        for (let i = 0; i < sources.length; i++) {
            const source = sources[i];
            if (needed) {
                if (source.retainedDependents === undefined)
                    source.retainedDependents = new Set();
                SetPrototypeAdd(source.retainedDependents, state);
            } else if (source.retainedDependents !== undefined) {
                SetPrototypeDelete(source.retainedDependents, state);
            }
        }
    }

    // ---------------------------------------------------------------- abort

    function signalAbort(state, reason) {
        if (state.aborted)
            return;
        state.aborted = true;
        state.reason = reason === undefined ? abortError() : reason;
        const followers = [];
        const dependents = liveStates(state.dependents);
        for (let i = 0; i < dependents.length; i++) {
            const dependent = dependents[i];
            if (!dependent.aborted) {
                dependent.aborted = true;
                dependent.reason = state.reason;
                ArrayPrototypePush(followers, dependent);
            }
        }
        runAbortSteps(state);
        for (let i = 0; i < followers.length; i++)
            runAbortSteps(followers[i]);
    }

    function runAbortSteps(state) {
        const algorithms = [];
        if (state.algorithms !== undefined) {
            MapPrototypeForEach(state.algorithms, (algorithm) => ArrayPrototypePush(algorithms, algorithm));
            state.algorithms = undefined;
        }
        for (let i = 0; i < algorithms.length; i++)
            algorithms[i]();
        release(state);
        fireEvent(state.signal, state.data, new Event('abort'));
    }

    // An aborted signal never aborts again: it stops following and being followed.
    function release(state) {
        const sources = liveStates(state.sources);
        for (let i = 0; i < sources.length; i++) {
            if (sources[i].retainedDependents !== undefined)
                SetPrototypeDelete(sources[i].retainedDependents, state);
        }
        state.sources = undefined;
        state.dependents = undefined;
        state.retainedDependents = undefined;
        state.retained = false;
    }

    function addAlgorithm(signal, algorithm) {
        const state = signalState(signal);
        if (state.aborted)
            return undefined;
        if (state.algorithms === undefined)
            state.algorithms = new Map();
        const token = ++state.nextToken;
        MapPrototypeSet(state.algorithms, token, algorithm);
        updateRetention(state);
        return token;
    }

    function removeAlgorithm(signal, token) {
        const state = signalState(signal);
        if (state.algorithms === undefined)
            return;
        MapPrototypeDelete(state.algorithms, token);
        updateRetention(state);
    }

    defineEventHandler(AbortSignal.prototype, 'AbortSignal', 'abort', (receiver, context) => stateOf(receiver, context).data);
    idl.defineInterface(AbortSignal, 'AbortSignal');
    idl.exposeInterface('AbortSignal', AbortSignal);

    let controllerSignal;

    class AbortController {
        #signal;

        constructor() {
            this.#signal = createState().signal;
        }

        get signal() {
            return controllerSignal(this, idl.getting('AbortController', 'signal'));
        }

        abort(reason = undefined) {
            signalAbort(signalState(controllerSignal(this, idl.method('AbortController', 'abort'))), reason);
        }

        static {
            controllerSignal = (value, context) => {
                if (!idl.isObject(value) || !(#signal in value))
                    throw idl.illegalInvocation(context);
                return value.#signal;
            };
        }
    }

    idl.defineInterface(AbortController, 'AbortController');
    idl.exposeInterface('AbortController', AbortController);

    defineData(web, 'AbortSignal', AbortSignal);
    defineData(web, 'AbortController', AbortController);
    defineData(web, 'abortSupport', ObjectFreeze({
        __proto__: null,
        isAbortSignal: (value) => signalState(value) !== undefined,
        aborted: (signal) => signalState(signal).aborted,
        reason: (signal) => signalState(signal).reason,
        addAlgorithm,
        removeAlgorithm,
        abort: (signal, reason) => signalAbort(signalState(signal), reason),
        createSignal: () => createState().signal,
    }));
})
