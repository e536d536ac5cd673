// EventTarget (DOM Standard §2.7–2.10): listeners with capture/once/passive/signal, deduplicated by
// (type, callback, capture), and the dispatch algorithm for a target without a parent (the only kind
// there is outside a document): a capture pass then a bubble pass, both at the target.
//
// Listeners are kept per type in an array. Dispatch walks the array it found, up to the length it
// had when dispatch began, so listeners added meanwhile wait for the next event; removal marks the
// entry removed (dispatch skips it) and compaction makes a new array, so the walk in progress never
// sees entries move. What a listener throws is reported (HTML's "report the exception", through
// .NET) and the next listener still runs. A listener object's `handleEvent` is read each time it is called, as WebIDL says.
//
// The global object is an EventTarget too (GlobalEvents.js puts EventTarget.prototype on its chain):
// it has no private field, so methods recognise it by identity, and an undefined `this` (a bare
// `addEventListener(…)` call) means the global, as WebIDL's rule for [Global] interfaces says.
//
// Adds `web.EventTarget`, `web.targetData(value)`, `web.globalTargetData`, `web.fireEvent(target,
// data, event)` (a trusted dispatch for the runtime's own events), `web.defineEventHandler(…)`
// (event handler IDL attributes such as `onabort`), `web.hasListeners(data, type)`, and
// `web.reportException(error)` / `web.reportedError(fallback)` (HTML's "report the exception").
(function (primordials, web, hostReportException) {
    'use strict';

    const { Map, MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, ArrayPrototypePush, FunctionPrototypeCall,
        ObjectDefineProperty, globalThis, defineData } = primordials;
    const { idl, eventState, cancelEvent } = web;

    const NONE = 0;
    const AT_TARGET = 2;

    // HTML's "report the exception", through .NET (which writes what no `error` listener canceled).
    // The value is also kept here while .NET reports it, and the global error event takes it from
    // `reportedError`: ClearScript's conversion of an object to .NET and back does not keep every
    // object (a Proxy whose `get` trap throws comes back as another object).
    let reported;

    function reportException(error) {
        const outer = reported;
        reported = { __proto__: null, error };
        try {
            hostReportException(error);
        } finally {
            reported = outer;
        }
    }

    function reportedError(fallback) {
        return reported === undefined ? fallback : reported.error;
    }

    function newTargetData() {
        return { __proto__: null, listeners: new Map(), handlers: undefined, watch: undefined };
    }

    const globalTargetData = newTargetData();

    let targetData;

    function dataOf(receiver, context) {
        if (receiver === undefined || receiver === null || receiver === globalThis)
            return globalTargetData;
        const data = targetData(receiver);
        if (data === undefined)
            throw idl.illegalInvocation(context);
        return data;
    }

    // `EventListener?`: null and undefined are "no listener"; any object qualifies (a function, or
    // an object whose handleEvent is looked up when the event comes).
    function toListener(callback, context) {
        if (callback === undefined || callback === null)
            return null;
        if (!idl.isObject(callback))
            throw idl.typeError(idl.parameter(context, 2), 'The provided value is not of type \'EventListener\'.');
        return callback;
    }

    // The AbortSignal glue (Abort.js) registers itself here: a listener's signal needs it.
    function abortSupport() {
        return web.abortSupport;
    }

    function readAddOptions(options, context) {
        if (!idl.isObject(options))
            return { __proto__: null, capture: idl.toBoolean(options), once: false, passive: false, signal: undefined };
        // WebIDL's member order: the inherited EventListenerOptions first, then the rest sorted.
        const capture = idl.toBoolean(options.capture);
        const once = idl.toBoolean(options.once);
        const passive = idl.toBoolean(options.passive);
        const signal = options.signal;
        if (signal !== undefined && !abortSupport().isAbortSignal(signal))
            throw idl.typeError(context, 'Failed to read the \'signal\' property from \'AddEventListenerOptions\': The provided value is not of type \'AbortSignal\'.');
        return { __proto__: null, capture, once, passive, signal };
    }

    function readCapture(options) {
        return idl.isObject(options) ? idl.toBoolean(options.capture) : idl.toBoolean(options);
    }

    // Per type: `items` in order (removed entries stay until compaction), `live` (how many are not
    // removed) and `byCallback` (callback -> { capture, bubble } entries) so that deduplication and
    // removal do not scan the list.
    function find(list, callback, capture) {
        const pair = MapPrototypeGet(list.byCallback, callback);
        if (pair === undefined)
            return undefined;
        return capture ? pair.capture : pair.bubble;
    }

    function addEntry(data, type, entry) {
        let list = MapPrototypeGet(data.listeners, type);
        if (list === undefined) {
            list = { __proto__: null, items: [], live: 0, byCallback: new Map() };
            MapPrototypeSet(data.listeners, type, list);
        }
        let pair = MapPrototypeGet(list.byCallback, entry.callback);
        if (pair === undefined) {
            pair = { __proto__: null, capture: undefined, bubble: undefined };
            MapPrototypeSet(list.byCallback, entry.callback, pair);
        }
        if (entry.capture)
            pair.capture = entry;
        else
            pair.bubble = entry;
        ArrayPrototypePush(list.items, entry);
        list.live++;
        if (data.watch !== undefined)
            data.watch(type);
    }

    function removeEntry(data, entry) {
        if (entry.removed)
            return;
        entry.removed = true;
        if (entry.abortToken !== undefined) {
            abortSupport().removeAlgorithm(entry.signal, entry.abortToken);
            entry.abortToken = undefined;
        }
        const list = MapPrototypeGet(data.listeners, entry.type);
        const pair = MapPrototypeGet(list.byCallback, entry.callback);
        if (entry.capture)
            pair.capture = undefined;
        else
            pair.bubble = undefined;
        if (pair.capture === undefined && pair.bubble === undefined)
            MapPrototypeDelete(list.byCallback, entry.callback);
        list.live--;
        if (list.live === 0) {
            MapPrototypeDelete(data.listeners, entry.type);
        } else if (list.live * 2 < list.items.length) {
            // Compacted into a new array: a dispatch walking the old one is not disturbed.
            const kept = [];
            const items = list.items;
            for (let i = 0; i < items.length; i++) {
                if (!items[i].removed)
                    ArrayPrototypePush(kept, items[i]);
            }
            list.items = kept;
        }
        if (data.watch !== undefined)
            data.watch(entry.type);
    }

    function hasListeners(data, type) {
        return MapPrototypeGet(data.listeners, type) !== undefined;
    }

    function callListener(callback, target, event) {
        try {
            if (typeof callback === 'function') {
                FunctionPrototypeCall(callback, target, event);
                return;
            }
            const handleEvent = callback.handleEvent;
            if (!idl.isCallable(handleEvent))
                throw idl.typeError('Failed to execute \'handleEvent\' on \'EventListener\'', 'The listener has no callable handleEvent property.');
            FunctionPrototypeCall(handleEvent, callback, event);
        } catch (error) {
            reportException(error);
        }
    }

    // DOM's "invoke" for one pass at the target (capturing: the capture listeners, else the others).
    function invoke(data, target, event, state, capturing) {
        if (state.stopPropagation)
            return;
        state.eventPhase = AT_TARGET;
        state.currentTarget = target;
        const list = MapPrototypeGet(data.listeners, state.type);
        if (list === undefined)
            return;
        const items = list.items;
        const count = items.length;
        for (let i = 0; i < count; i++) {
            const entry = items[i];
            if (entry.removed || entry.capture !== capturing)
                continue;
            if (entry.once)
                removeEntry(data, entry);
            if (entry.passive)
                state.inPassiveListener = true;
            callListener(entry.callback, target, event);
            state.inPassiveListener = false;
            if (state.stopImmediatePropagation)
                return;
        }
    }

    function dispatch(data, target, event, state) {
        state.dispatching = true;
        state.target = target;
        try {
            invoke(data, target, event, state, true);
            invoke(data, target, event, state, false);
        } finally {
            state.eventPhase = NONE;
            state.currentTarget = null;
            state.dispatching = false;
            state.stopPropagation = false;
            state.stopImmediatePropagation = false;
            state.inPassiveListener = false;
        }
        return !state.canceled;
    }

    // The runtime's own events (abort, error, unhandledrejection) are trusted; returns whether no
    // listener canceled the event.
    function fireEvent(target, data, event) {
        const state = eventState(event);
        state.isTrusted = true;
        return dispatch(data, target, event, state);
    }

    class EventTarget {
        #data;

        constructor() {
            this.#data = newTargetData();
        }

        addEventListener(type, callback, options = undefined) {
            const context = idl.method('EventTarget', 'addEventListener');
            const data = dataOf(this, context);
            idl.requireArguments(arguments.length, 2, context);
            const name = idl.toDOMString(type, context);
            const listener = toListener(callback, context);
            const flags = readAddOptions(options, context);
            const signal = flags.signal;
            const abort = signal === undefined ? undefined : abortSupport();
            if (abort !== undefined && abort.aborted(signal))
                return;
            if (listener === null)
                return;
            const list = MapPrototypeGet(data.listeners, name);
            if (list !== undefined && find(list, listener, flags.capture) !== undefined)
                return;
            const entry = {
                __proto__: null,
                type: name,
                callback: listener,
                capture: flags.capture,
                once: flags.once,
                passive: flags.passive,
                signal,
                abortToken: undefined,
                removed: false,
            };
            addEntry(data, name, entry);
            if (abort !== undefined)
                entry.abortToken = abort.addAlgorithm(signal, () => removeEntry(data, entry));
        }

        removeEventListener(type, callback, options = undefined) {
            const context = idl.method('EventTarget', 'removeEventListener');
            const data = dataOf(this, context);
            idl.requireArguments(arguments.length, 2, context);
            const name = idl.toDOMString(type, context);
            const listener = toListener(callback, context);
            const capture = readCapture(options);
            if (listener === null)
                return;
            const list = MapPrototypeGet(data.listeners, name);
            if (list === undefined)
                return;
            const entry = find(list, listener, capture);
            if (entry !== undefined)
                removeEntry(data, entry);
        }

        dispatchEvent(event) {
            const context = idl.method('EventTarget', 'dispatchEvent');
            const data = dataOf(this, context);
            idl.requireArguments(arguments.length, 1, context);
            const state = eventState(event);
            if (state === undefined)
                throw idl.typeError(idl.parameter(context, 1), 'The provided value is not of type \'Event\'.');
            if (state.dispatching)
                throw web.domException(`${context}: The event is already being dispatched.`, 'InvalidStateError');
            if (!state.initialized)
                throw web.domException(`${context}: The event provided is uninitialized.`, 'InvalidStateError');
            state.isTrusted = false;
            return dispatch(data, this === undefined || this === null ? globalThis : this, event, state);
        }

        static {
            targetData = (value) => (idl.isObject(value) && #data in value ? value.#data : undefined);
        }
    }

    // The default processing of a handler's return value: false cancels the event.
    function callHandler(handler, target, event) {
        if (FunctionPrototypeCall(handler, target, event) === false)
            cancelEvent(eventState(event));
    }

    // An event handler IDL attribute (HTML §8.1.8): `on<type>` on `holder` (a prototype, or the
    // global object itself). Setting an object activates the handler: one listener, added at that
    // moment, that calls whatever the attribute holds when the event comes (a non-callable object is
    // kept and does nothing). Setting anything else deactivates it and removes that listener.
    // `dataFor(receiver, context)` brand-checks the receiver; `call(handler, target, event)` runs the
    // handler and interprets its return value.
    function defineEventHandler(holder, iface, type, dataFor, call = callHandler) {
        const attribute = `on${type}`;
        const getContext = idl.getting(iface, attribute);
        const setContext = idl.setting(iface, attribute);
        function slotOf(data) {
            if (data.handlers === undefined)
                data.handlers = new Map();
            let slot = MapPrototypeGet(data.handlers, type);
            if (slot === undefined) {
                slot = { __proto__: null, value: null, entry: undefined };
                MapPrototypeSet(data.handlers, type, slot);
            }
            return slot;
        }
        ObjectDefineProperty(holder, attribute, {
            __proto__: null,
            get: { [`get ${attribute}`]() {
                const data = dataFor(this, getContext);
                const slot = data.handlers === undefined ? undefined : MapPrototypeGet(data.handlers, type);
                return slot === undefined ? null : slot.value;
            } }[`get ${attribute}`],
            set: { [`set ${attribute}`](value) {
                const data = dataFor(this, setContext);
                const slot = slotOf(data);
                if (!idl.isObject(value)) {
                    slot.value = null;
                    if (slot.entry !== undefined) {
                        removeEntry(data, slot.entry);
                        slot.entry = undefined;
                    }
                    return;
                }
                slot.value = value;
                if (slot.entry !== undefined)
                    return;
                const entry = {
                    __proto__: null,
                    type,
                    callback: function (event) {
                        const handler = slot.value;
                        if (idl.isCallable(handler))
                            call(handler, this, event);
                    },
                    capture: false,
                    once: false,
                    passive: false,
                    signal: undefined,
                    abortToken: undefined,
                    removed: false,
                };
                slot.entry = entry;
                addEntry(data, type, entry);
            } }[`set ${attribute}`],
            enumerable: true,
            configurable: true,
        });
    }

    idl.defineInterface(EventTarget, 'EventTarget');
    idl.exposeInterface('EventTarget', EventTarget);

    defineData(web, 'EventTarget', EventTarget);
    defineData(web, 'targetData', targetData);
    defineData(web, 'globalTargetData', globalTargetData);
    defineData(web, 'fireEvent', fireEvent);
    defineData(web, 'defineEventHandler', defineEventHandler);
    defineData(web, 'hasListeners', hasListeners);
    defineData(web, 'reportException', reportException);
    defineData(web, 'reportedError', reportedError);
})
