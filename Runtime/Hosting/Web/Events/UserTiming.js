// User Timing (Level 3) and the part of the Performance Timeline it needs: PerformanceEntry,
// PerformanceMark (constructible), PerformanceMeasure, and the context's buffer of marks and measures
// that performance.mark/measure/getEntries*/clearMarks/clearMeasures work on (Performance.js). A
// mark's or measure's `detail` is a structured clone of what was passed, as the standard says.
// The buffer is kept ordered by startTime (stable), so reading it needs no sort. Adds `web.userTiming`.
(function (primordials, web, now, serialize, deserialize, isCloneError) {
    'use strict';

    const { ArrayPrototypePush, ObjectFreeze, TypeError, defineData } = primordials;
    const { idl } = web;

    const internal = ObjectFreeze({ __proto__: null });

    let entryFields;

    class PerformanceEntry {
        #fields;

        constructor(key = undefined, name = '', entryType = '', startTime = 0, duration = 0, detail = null) {
            if (key !== internal)
                throw new TypeError(`${idl.constructing('PerformanceEntry')}: Illegal constructor`);
            this.#fields = { __proto__: null, name, entryType, startTime, duration, detail };
        }

        get name() {
            return fieldsOf(this, idl.getting('PerformanceEntry', 'name')).name;
        }

        get entryType() {
            return fieldsOf(this, idl.getting('PerformanceEntry', 'entryType')).entryType;
        }

        get startTime() {
            return fieldsOf(this, idl.getting('PerformanceEntry', 'startTime')).startTime;
        }

        get duration() {
            return fieldsOf(this, idl.getting('PerformanceEntry', 'duration')).duration;
        }

        toJSON() {
            const fields = fieldsOf(this, idl.method('PerformanceEntry', 'toJSON'));
            return { name: fields.name, entryType: fields.entryType, startTime: fields.startTime, duration: fields.duration };
        }

        static {
            entryFields = (value) => (idl.isObject(value) && #fields in value ? value.#fields : undefined);
        }
    }

    function fieldsOf(value, context) {
        const fields = entryFields(value);
        if (fields === undefined)
            throw idl.illegalInvocation(context);
        return fields;
    }

    function cloneDetail(detail, context) {
        if (detail === undefined || detail === null)
            return null;
        let bytes;
        try {
            bytes = serialize(detail);
        } catch (error) {
            if (isCloneError(error))
                throw web.domException(`${context}: ${error.message}`, 'DataCloneError');
            throw error;
        }
        return deserialize(bytes);
    }

    function detailOf(value, iface) {
        const fields = fieldsOf(value, idl.getting(iface, 'detail'));
        if (fields.entryType !== (iface === 'PerformanceMark' ? 'mark' : 'measure'))
            throw idl.illegalInvocation(idl.getting(iface, 'detail'));
        return fields.detail;
    }

    function timestamp(value, context, what) {
        const time = idl.toDouble(value, context);
        if (time < 0)
            throw idl.typeError(context, `'${what}' cannot be negative.`);
        return time;
    }

    class PerformanceMark extends PerformanceEntry {
        constructor(markName, markOptions = undefined) {
            const context = idl.constructing('PerformanceMark');
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(markName, context);
            const options = idl.toDictionary(markOptions, context);
            // PerformanceMarkOptions: detail, then startTime.
            const detail = options === undefined ? undefined : options.detail;
            const start = options === undefined ? undefined : options.startTime;
            const startTime = start === undefined ? now() : timestamp(start, context, 'startTime');
            super(internal, name, 'mark', startTime, 0, cloneDetail(detail, context));
        }

        get detail() {
            return detailOf(this, 'PerformanceMark');
        }
    }

    class PerformanceMeasure extends PerformanceEntry {
        constructor(key = undefined, name = '', startTime = 0, duration = 0, detail = null) {
            if (key !== internal)
                throw new TypeError(`${idl.constructing('PerformanceMeasure')}: Illegal constructor`);
            super(internal, name, 'measure', startTime, duration, detail);
        }

        get detail() {
            return detailOf(this, 'PerformanceMeasure');
        }
    }

    idl.defineInterface(PerformanceEntry, 'PerformanceEntry');
    idl.exposeInterface('PerformanceEntry', PerformanceEntry);
    idl.defineInterface(PerformanceMark, 'PerformanceMark');
    idl.exposeInterface('PerformanceMark', PerformanceMark);
    idl.defineInterface(PerformanceMeasure, 'PerformanceMeasure');
    idl.exposeInterface('PerformanceMeasure', PerformanceMeasure);

    // ---------------------------------------------------------------- the buffer

    let buffer = [];

    // Inserted after every entry that does not start later: ordered by startTime, stable.
    function add(entry) {
        const startTime = entryFields(entry).startTime;
        let index = buffer.length;
        while (index > 0 && entryFields(buffer[index - 1]).startTime > startTime)
            index--;
        if (index === buffer.length) {
            ArrayPrototypePush(buffer, entry);
            return;
        }
        const next = [];
        for (let i = 0; i < index; i++)
            ArrayPrototypePush(next, buffer[i]);
        ArrayPrototypePush(next, entry);
        for (let i = index; i < buffer.length; i++)
            ArrayPrototypePush(next, buffer[i]);
        buffer = next;
    }

    function select(name, type) {
        const result = [];
        for (let i = 0; i < buffer.length; i++) {
            const fields = entryFields(buffer[i]);
            if ((name === undefined || fields.name === name) && (type === undefined || fields.entryType === type))
                defineData(result, result.length, buffer[i]);
        }
        return result;
    }

    function clear(type, name) {
        const kept = [];
        for (let i = 0; i < buffer.length; i++) {
            const fields = entryFields(buffer[i]);
            if (fields.entryType !== type || (name !== undefined && fields.name !== name))
                ArrayPrototypePush(kept, buffer[i]);
        }
        buffer = kept;
    }

    function mark(markName, markOptions) {
        const entry = new PerformanceMark(markName, markOptions);
        add(entry);
        return entry;
    }

    // A mark name is the startTime of the latest mark with that name; a number is a timestamp.
    function markTime(value, context, what) {
        if (typeof value === 'number')
            return timestamp(value, context, what);
        const name = idl.toDOMString(value, context);
        for (let i = buffer.length - 1; i >= 0; i--) {
            const fields = entryFields(buffer[i]);
            if (fields.entryType === 'mark' && fields.name === name)
                return fields.startTime;
        }
        throw web.domException(`${context}: The mark '${name}' does not exist.`, 'SyntaxError');
    }

    // performance.measure(measureName, startOrMeasureOptions, endMark), User Timing §3.1.3.
    function measure(measureName, startOrMeasureOptions, endMark, argumentCount) {
        const context = idl.method('Performance', 'measure');
        idl.requireArguments(argumentCount, 1, context);
        const name = idl.toDOMString(measureName, context);
        let options;
        let startMark;
        if (startOrMeasureOptions === undefined || startOrMeasureOptions === null || idl.isObject(startOrMeasureOptions)) {
            const dictionary = idl.toDictionary(startOrMeasureOptions, context);
            // PerformanceMeasureOptions: detail, duration, end, start.
            options = { __proto__: null, detail: undefined, duration: undefined, end: undefined, start: undefined };
            if (dictionary !== undefined) {
                options.detail = dictionary.detail;
                const duration = dictionary.duration;
                options.duration = duration === undefined ? undefined : timestamp(duration, context, 'duration');
                options.end = dictionary.end;
                options.start = dictionary.start;
            }
        } else {
            startMark = idl.toDOMString(startOrMeasureOptions, context);
        }
        const end = endMark === undefined ? undefined : idl.toDOMString(endMark, context);
        const hasOptions = options !== undefined &&
            (options.start !== undefined || options.end !== undefined || options.duration !== undefined || options.detail !== undefined);
        if (hasOptions) {
            if (end !== undefined)
                throw idl.typeError(context, 'An endMark cannot be given together with measure options.');
            if (options.start === undefined && options.end === undefined)
                throw idl.typeError(context, 'Measure options need a start or an end.');
            if (options.start !== undefined && options.duration !== undefined && options.end !== undefined)
                throw idl.typeError(context, 'Measure options cannot have start, duration and end all at once.');
        }
        let endTime;
        if (end !== undefined)
            endTime = markTime(end, context, 'end');
        else if (hasOptions && options.end !== undefined)
            endTime = markTime(options.end, context, 'end');
        else if (hasOptions && options.start !== undefined && options.duration !== undefined)
            endTime = markTime(options.start, context, 'start') + options.duration;
        else
            endTime = now();
        let startTime;
        if (hasOptions && options.start !== undefined)
            startTime = markTime(options.start, context, 'start');
        else if (hasOptions && options.duration !== undefined && options.end !== undefined)
            startTime = endTime - options.duration;
        else if (startMark !== undefined)
            startTime = markTime(startMark, context, 'start');
        else
            startTime = 0;
        const detail = hasOptions ? cloneDetail(options.detail, context) : null;
        const entry = new PerformanceMeasure(internal, name, startTime, endTime - startTime, detail);
        add(entry);
        return entry;
    }

    defineData(web, 'userTiming', ObjectFreeze({
        __proto__: null,
        mark,
        measure,
        getEntries: () => select(undefined, undefined),
        getEntriesByType: (type) => select(undefined, type),
        getEntriesByName: (name, type) => select(name, type),
        clearMarks: (name) => clear('mark', name),
        clearMeasures: (name) => clear('measure', name),
    }));

    // A pooled context's next renter starts with no marks or measures (Servers/PoolReset.js).
    return {
        __proto__: null,
        reset() {
            buffer = [];
        },
    };
})
