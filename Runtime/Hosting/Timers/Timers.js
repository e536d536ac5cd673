// Timers glue: setTimeout, setInterval, clearTimeout, clearInterval and queueMicrotask, with HTML's
// argument handling. Callbacks and their arguments stay here, keyed by id; .NET (TimerQueue) keeps
// only ids and due times, and calls fire(id) from the event loop when a timer is due.
(function (primordials, schedule, cancel, reportError, maxTimers) {
    'use strict';

    const {
        Map, MapPrototypeGet, MapPrototypeSet, MapPrototypeDelete, MapPrototypeHas,
        NumberIsNaN, NumberIsFinite, MathTrunc, RangeError, TypeError, ReflectApply, ObjectDefineProperty,
        PromiseResolve, PromisePrototypeThen, globalThis,
    } = primordials;

    // id -> { callback, args, repeat }
    const timers = new Map();
    let lastId = 0;

    function checkCallback(callback, name) {
        // HTML would compile a string; V8Host never evaluates code handed to a timer.
        if (typeof callback !== 'function')
            throw new TypeError(`${name}: the callback must be a function${typeof callback === 'string' ? ' (strings are not evaluated)' : ''}.`);
    }

    // WebIDL `long`: ToNumber, then truncation modulo 2^32 into the signed 32-bit range.
    function toLong(value) {
        const number = +value;
        if (NumberIsNaN(number) || !NumberIsFinite(number))
            return 0;
        const truncated = MathTrunc(number) % 4294967296;
        const wrapped = truncated < 0 ? truncated + 4294967296 : truncated;
        return wrapped >= 2147483648 ? wrapped - 4294967296 : wrapped;
    }

    function start(callback, timeout, args, repeat, name) {
        checkCallback(callback, name);
        let delay = toLong(timeout);
        if (delay < 0)
            delay = 0;
        const id = ++lastId;
        if (!schedule(id, delay, repeat))
            throw new RangeError(`${name}: too many active timers in this context (the limit is ${maxTimers}).`);
        MapPrototypeSet(timers, id, { __proto__: null, callback, args, repeat });
        return id;
    }

    function clear(id) {
        const key = toLong(id);
        if (MapPrototypeHas(timers, key)) {
            MapPrototypeDelete(timers, key);
            cancel(key);
        }
    }

    // Rest parameters collect arguments without the array iterator; the default keeps length 1 as in browsers.
    function setTimeout(handler, timeout = 0, ...args) {
        return start(handler, timeout, args, false, 'setTimeout');
    }

    function setInterval(handler, timeout = 0, ...args) {
        return start(handler, timeout, args, true, 'setInterval');
    }

    function clearTimeout(id = 0) {
        clear(id);
    }

    function clearInterval(id = 0) {
        clear(id);
    }

    function queueMicrotask(callback) {
        if (typeof callback !== 'function')
            throw new TypeError('queueMicrotask: the callback must be a function.');
        PromisePrototypeThen(PromiseResolve(), () => {
            try {
                callback();
            } catch (error) {
                reportError(error);
            }
        });
    }

    function define(name, value) {
        ObjectDefineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: true });
    }

    return {
        __proto__: null,
        // The functions as other glue captures them (AbortSignal.timeout): untouched by what a script
        // later does to the globals.
        setTimeout,
        clearTimeout,
        // TimersApi: puts the functions on the global object.
        defineGlobals() {
            define('setTimeout', setTimeout);
            define('setInterval', setInterval);
            define('clearTimeout', clearTimeout);
            define('clearInterval', clearInterval);
            define('queueMicrotask', queueMicrotask);
        },
        // Called by the event loop; what the callback throws is reported, as HTML's "report the exception".
        fire(id) {
            const timer = MapPrototypeGet(timers, id);
            if (timer === undefined)
                return false;
            if (!timer.repeat)
                MapPrototypeDelete(timers, id);
            try {
                ReflectApply(timer.callback, globalThis, timer.args);
            } catch (error) {
                reportError(error);
            }
            return true;
        },
    };
})
