// `performance` (High Resolution Time §4–5): a Performance instance, an EventTarget with no
// constructor of its own, exposed as the global's [Replaceable] `performance`. `now()` reads .NET's
// Stopwatch through a fast host function (milliseconds since timeOrigin, monotonic, sub-microsecond
// resolution); `timeOrigin` is the Unix time of the context's creation in milliseconds, with the
// fraction. mark/measure and the entry getters work on the User Timing buffer (UserTiming.js).
// Adds `web.Performance` and `web.performance`.
(function (primordials, web, now, timeOrigin) {
    'use strict';

    const { ObjectFreeze, TypeError, defineData } = primordials;
    const { idl, EventTarget, userTiming } = web;

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

        mark(markName, markOptions = undefined) {
            check(this, 'mark');
            idl.requireArguments(arguments.length, 1, idl.method('Performance', 'mark'));
            return userTiming.mark(markName, markOptions);
        }

        measure(measureName, startOrMeasureOptions = undefined, endMark = undefined) {
            check(this, 'measure');
            return userTiming.measure(measureName, startOrMeasureOptions, endMark, arguments.length);
        }

        clearMarks(markName = undefined) {
            check(this, 'clearMarks');
            userTiming.clearMarks(markName === undefined ? undefined : idl.toDOMString(markName, idl.method('Performance', 'clearMarks')));
        }

        clearMeasures(measureName = undefined) {
            check(this, 'clearMeasures');
            userTiming.clearMeasures(measureName === undefined ? undefined : idl.toDOMString(measureName, idl.method('Performance', 'clearMeasures')));
        }

        getEntries() {
            check(this, 'getEntries');
            return userTiming.getEntries();
        }

        getEntriesByType(type) {
            const context = idl.method('Performance', 'getEntriesByType');
            check(this, 'getEntriesByType');
            idl.requireArguments(arguments.length, 1, context);
            return userTiming.getEntriesByType(idl.toDOMString(type, context));
        }

        getEntriesByName(name, type = undefined) {
            const context = idl.method('Performance', 'getEntriesByName');
            check(this, 'getEntriesByName');
            idl.requireArguments(arguments.length, 1, context);
            const entryName = idl.toDOMString(name, context);
            return userTiming.getEntriesByName(entryName, type === undefined ? undefined : idl.toDOMString(type, context));
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

    function check(value, operation) {
        if (!isPerformance(value))
            throw idl.illegalInvocation(idl.method('Performance', operation));
    }

    idl.defineInterface(Performance, 'Performance');
    idl.exposeInterface('Performance', Performance);
    const performance = new Performance(internal);
    idl.exposeAttribute('performance', performance);

    defineData(web, 'Performance', Performance);
    defineData(web, 'performance', performance);
})
