// `performance` (High Resolution Time §4–5): a Performance instance, an EventTarget with no
// constructor of its own, exposed as the global's [Replaceable] `performance`. `now()` reads .NET's
// Stopwatch through a fast host function (milliseconds since timeOrigin, monotonic, sub-microsecond
// resolution); `timeOrigin` is the Unix time of the context's creation in milliseconds, with the
// fraction. Adds `web.Performance` and `web.performance`.
(function (primordials, web, now, timeOrigin) {
    'use strict';

    const { ObjectFreeze, TypeError, defineData } = primordials;
    const { idl, EventTarget } = web;

    const internal = ObjectFreeze({ __proto__: null });

    let isPerformance;

    class Performance extends EventTarget {
        #brand = true;

        constructor(key = undefined) {
            if (key !== internal)
                throw new TypeError(`${idl.constructing('Performance')}: Illegal constructor`);
            super();
        }

        now() {
            if (!isPerformance(this))
                throw idl.illegalInvocation(idl.method('Performance', 'now'));
            return now();
        }

        get timeOrigin() {
            if (!isPerformance(this))
                throw idl.illegalInvocation(idl.getting('Performance', 'timeOrigin'));
            return timeOrigin;
        }

        toJSON() {
            if (!isPerformance(this))
                throw idl.illegalInvocation(idl.method('Performance', 'toJSON'));
            return { timeOrigin };
        }

        static {
            isPerformance = (value) => idl.isObject(value) && #brand in value;
        }
    }

    idl.defineInterface(Performance, 'Performance');
    idl.exposeInterface('Performance', Performance);
    const performance = new Performance(internal);
    idl.exposeAttribute('performance', performance);

    defineData(web, 'Performance', Performance);
    defineData(web, 'performance', performance);
})
