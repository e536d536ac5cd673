// The global object as an EventTarget (WinterTC; HTML's WindowOrWorkerGlobalScope): EventTarget.prototype
// joins the global's prototype chain just above Object.prototype (so `globalThis instanceof
// EventTarget`, and `globalThis.constructor` stays Object), `onerror` and `onunhandledrejection`
// handlers, and `reportError`.
//
// Its table's `dispatchUncaught(kind, value, message, filename, lineno, colno, promise)` is the hook
// the Context calls for every error nobody caught (timer and microtask callbacks, listeners,
// event-loop tasks, reportError) and for every rejection nobody handled: it dispatches a cancelable
// `error` ErrorEvent or `unhandledrejection` PromiseRejectionEvent at the global object and returns
// whether a listener canceled it (the Context then writes nothing). As HTML's "in error reporting
// mode" flag says, an error raised while an `error` event is being dispatched (a throwing listener)
// is not dispatched again: it goes straight to the error output, so a throwing listener cannot
// recurse.
(function (primordials, web) {
    'use strict';

    const { Object, ObjectGetPrototypeOf, ObjectSetPrototypeOf, FunctionPrototypeCall, globalThis } = primordials;
    const { idl, EventTarget, ErrorEvent, PromiseRejectionEvent, eventState, cancelEvent, errorEventFields,
        globalTargetData, fireEvent, defineEventHandler, reportException, reportedError } = web;

    // The object whose prototype is Object.prototype gets EventTarget.prototype instead.
    let holder = globalThis;
    let next = ObjectGetPrototypeOf(holder);
    while (next !== null && next !== Object.prototype) {
        holder = next;
        next = ObjectGetPrototypeOf(holder);
    }
    if (next === Object.prototype)
        ObjectSetPrototypeOf(holder, EventTarget.prototype);

    function globalData(receiver, context) {
        if (receiver !== undefined && receiver !== null && receiver !== globalThis)
            throw idl.illegalInvocation(context);
        return globalTargetData;
    }

    // HTML's special error event handling: onerror gets (message, filename, lineno, colno, error),
    // and returning true cancels the event.
    function callErrorHandler(handler, target, event) {
        const fields = errorEventFields(event);
        const state = eventState(event);
        if (fields === undefined || state.type !== 'error') {
            if (FunctionPrototypeCall(handler, target, event) === false)
                cancelEvent(state);
            return;
        }
        const result = FunctionPrototypeCall(handler, target, fields.message, fields.filename, fields.lineno, fields.colno, fields.error);
        if (result === true)
            cancelEvent(state);
    }

    defineEventHandler(globalThis, 'GlobalEventHandlers', 'error', globalData, callErrorHandler);
    defineEventHandler(globalThis, 'WindowEventHandlers', 'unhandledrejection', globalData);

    idl.exposeOperation('reportError', function reportError(e) {
        idl.requireArguments(arguments.length, 1, idl.method('Window', 'reportError'));
        reportException(e);
    });

    let reporting = false;

    function dispatchUncaught(kind, value, message, filename, lineno, colno, promise) {
        if (kind === 'unhandledrejection') {
            const event = new PromiseRejectionEvent('unhandledrejection', { __proto__: null, cancelable: true, promise, reason: value });
            return !fireEvent(globalThis, globalTargetData, event);
        }
        if (reporting)
            return false;
        reporting = true;
        try {
            const error = reportedError(value);
            const event = new ErrorEvent('error', { __proto__: null, cancelable: true, message, filename, lineno, colno, error });
            return !fireEvent(globalThis, globalTargetData, event);
        } finally {
            reporting = false;
        }
    }

    // A pooled context's next renter starts with no listeners or handlers on the global object (Servers/PoolReset.js).
    function reset() {
        globalTargetData.listeners = new primordials.Map();
        globalTargetData.handlers = undefined;
    }

    return { __proto__: null, dispatchUncaught, reset };
})
