// V8Host console: the `console` namespace with Node's semantics. Every method formats in JS
// (Inspect.js) and hands one finished string to .NET in one call of `write`:
//     write(method, warning, text, label, indent, group, scriptName, line, column)
// which returns undefined, or the text of the failure when the sink threw (the method then throws
// an Error naming itself). `method` is an index into `methodNames` (ConsoleApi.cs mirrors it);
// `warning` marks Node's process warnings (an unknown count or timer label), which go to the
// error stream. The caller's frame is captured only when the sink wants it (ILogger). Methods
// never use `this`, so they work detached; state (counts, timers, groups) lives in this closure.
// With `toInspector` (the inspector is on) each call is also passed to V8's own console method,
// which reports it to debuggers with its arguments as live objects.
(function (primordials, inspect, stacks, write, now, wantsLocation, toInspector) {
    'use strict';

    const {
        ObjectCreate,
        ArrayIsArray,
        ArrayPrototypeJoin,
        Error: ErrorCtor,
        Map,
        MapPrototypeDelete,
        MapPrototypeGet,
        MapPrototypeHas,
        MapPrototypeSet,
        MathFloor,
        MathMax,
        NumberPrototypeToFixed,
        ObjectDefineProperty,
        ObjectKeys,
        ObjectPrototypeHasOwnProperty,
        ReflectApply,
        String: StringCtor,
        StringPrototypeCodePointAt,
        StringPrototypePadStart,
        StringPrototypeRepeat,
        StringPrototypeSlice,
        SymbolToStringTag,
        TypeError,
        defineData,
        globalThis,
    } = primordials;

    const methodNames = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'assert', 'dir', 'dirxml', 'table',
        'count', 'countReset', 'time', 'timeLog', 'timeEnd', 'group', 'groupCollapsed'];
    const LOG = 0, INFO = 1, DEBUG = 2, WARN = 3, ERROR = 4, TRACE = 5, ASSERT = 6, DIR = 7, DIRXML = 8, TABLE = 9,
        COUNT = 10, COUNT_RESET = 11, TIME = 12, TIME_LOG = 13, TIME_END = 14, GROUP = 15, GROUP_COLLAPSED = 16;

    let counts = new Map();
    let timers = new Map();
    const groups = [];
    let indent = 0;

    function append(list, value) {
        defineData(list, list.length, value);
    }

    function emit(method, warning, text, label, callee) {
        if (text.length > inspect.maxOutputLength) {
            const remaining = text.length - inspect.maxOutputLength;
            text = StringPrototypeSlice(text, 0, inspect.maxOutputLength) + '... ' + remaining + ' more characters';
        }
        let location = null;
        if (wantsLocation) location = stacks.location(stacks.sitesAbove(callee));
        const group = groups.length > 0 ? groups[groups.length - 1] : undefined;
        const failure = location === null
            ? write(method, warning, text, label, indent, group)
            : write(method, warning, text, label, indent, group, location[0], location[1], location[2]);
        if (failure !== undefined) throw new ErrorCtor('console.' + methodNames[method] + ': ' + failure);
    }

    function isProxy(value) {
        return value !== null && (typeof value === 'object' || typeof value === 'function') && inspect.isProxy(value);
    }

    function format(args) {
        return inspect.format(args);
    }

    // `${value}` for a message part: the script's toString runs (as in Node), guarded; if it
    // throws, the value is inspected instead, and so is a proxy (no trap runs). Symbols print as
    // Symbol(description).
    function textOf(value) {
        if (typeof value === 'string') return value;
        if (typeof value === 'symbol') return inspect.primitiveText(value);
        if (isProxy(value)) return inspect.inspectWith(value, { __proto__: null, depth: 0 });
        try {
            return StringCtor(value);
        } catch {
            return inspect.inspectWith(value, { __proto__: null, depth: 0 });
        }
    }

    // Node converts labels with `${label}`; a label that cannot be converted is an error naming the method.
    function labelOf(label, method) {
        if (label === undefined) return 'default';
        if (typeof label === 'string') return label;
        if (typeof label === 'symbol') throw new TypeError('console.' + method + ': the label cannot be a symbol.');
        // A proxy converts as its target, so that no trap runs.
        if (isProxy(label)) {
            label = inspect.unproxied(label);
            if (label === null) throw new TypeError('console.' + method + ': the label is a revoked proxy.');
        }
        try {
            return StringCtor(label);
        } catch (error) {
            throw new TypeError('console.' + method + ': the label could not be converted to a string (' +
                inspect.primitiveText(inspect.dataValue(error, 'message')) + ').');
        }
    }

    // Node's formatTime: "1.234ms", "1.500s", "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)".
    function formatTime(ms) {
        let hours = 0;
        let minutes = 0;
        let seconds = 0;
        if (ms >= 1000) {
            if (ms >= 60000) {
                if (ms >= 3600000) {
                    hours = MathFloor(ms / 3600000);
                    ms = ms % 3600000;
                }
                minutes = MathFloor(ms / 60000);
                ms = ms % 60000;
            }
            seconds = ms / 1000;
        }
        if (hours !== 0 || minutes !== 0) {
            const fixed = NumberPrototypeToFixed(seconds, 3);
            const dot = fixed.length - 4;
            const whole = StringPrototypeSlice(fixed, 0, dot);
            const fraction = StringPrototypeSlice(fixed, dot + 1);
            const head = hours !== 0 ? hours + ':' + StringPrototypePadStart('' + minutes, 2, '0') : '' + minutes;
            return head + ':' + StringPrototypePadStart(whole, 2, '0') + '.' + fraction + ' (' + (hours !== 0 ? 'h:m' : '') + 'm:ss.mmm)';
        }
        if (seconds !== 0) return NumberPrototypeToFixed(seconds, 3) + 's';
        return '' + +NumberPrototypeToFixed(ms, 3) + 'ms';
    }

    // ---- console.table (Node's lib/internal/console/constructor.js and cli_table.js) ----------

    // Columns of East Asian wide characters and emoji count twice, combining marks not at all.
    function displayWidth(text) {
        let width = 0;
        for (let i = 0; i < text.length; i++) {
            const code = StringPrototypeCodePointAt(text, i);
            if (code > 0xffff) i++;
            if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) continue;
            const wide = (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
                (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
                (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x1f900 && code <= 0x1f9ff) ||
                (code >= 0x20000 && code <= 0x3fffd);
            width += wide ? 2 : 1;
        }
        return width;
    }

    function renderRow(row, widths) {
        let out = '│ ';
        for (let i = 0; i < row.length; i++) {
            const cell = row[i];
            out += cell + StringPrototypeRepeat(' ', widths[i] - displayWidth(cell));
            if (i !== row.length - 1) out += ' │ ';
        }
        return out + ' │';
    }

    function renderTable(head, columns) {
        const widths = [];
        for (let i = 0; i < head.length; i++) append(widths, displayWidth(head[i]));
        let longest = 0;
        for (let i = 0; i < columns.length; i++) longest = MathMax(longest, columns[i].length);
        const rows = [];
        for (let j = 0; j < longest; j++) append(rows, []);
        for (let i = 0; i < head.length; i++) {
            const column = columns[i];
            for (let j = 0; j < longest; j++) {
                const cell = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
                defineData(rows[j], i, cell);
                widths[i] = MathMax(widths[i], displayWidth(cell));
            }
        }
        const divider = [];
        for (let i = 0; i < widths.length; i++) append(divider, StringPrototypeRepeat('─', widths[i] + 2));
        let result = '┌' + ArrayPrototypeJoin(divider, '┬') + '┐\n' + renderRow(head, widths) + '\n' +
            '├' + ArrayPrototypeJoin(divider, '┼') + '┤\n';
        for (let j = 0; j < rows.length; j++) result += renderRow(rows[j], widths) + '\n';
        return result + '└' + ArrayPrototypeJoin(divider, '┴') + '┘';
    }

    function cellOf(value) {
        const depth = value !== null && typeof value === 'object' && !ArrayIsArray(value) && inspect.ownKeys(value).length > 2 ? -1 : 0;
        return inspect.inspectWith(value, { __proto__: null, depth, maxArrayLength: 3, breakLength: Infinity });
    }

    // An own property as a table cell: a data value inspected, an accessor named (it is not run).
    function propertyCell(item, key) {
        const descriptor = inspect.ownDescriptor(item, key);
        if (inspect.isData(descriptor)) return cellOf(descriptor.value);
        return descriptor.get !== undefined ? (descriptor.set !== undefined ? '[Getter/Setter]' : '[Getter]') : '[Setter]';
    }

    function indexColumn(length) {
        const column = [];
        for (let i = 0; i < length; i++) append(column, cellOf(i));
        return column;
    }

    function tableText(tabularData, properties) {
        const data = inspect.unproxied(tabularData);
        if (data === null) return format([tabularData]);
        if (inspect.isMap(data)) {
            const entries = inspect.mapEntries(data);
            const keys = [];
            const values = [];
            for (let i = 0; i < entries.length; i++) {
                append(keys, cellOf(entries[i][0]));
                append(values, cellOf(entries[i][1]));
            }
            return renderTable(['(iteration index)', 'Key', 'Values'], [indexColumn(entries.length), keys, values]);
        }
        if (inspect.isSet(data)) {
            const items = inspect.setValues(data);
            const values = [];
            for (let i = 0; i < items.length; i++) append(values, cellOf(items[i]));
            return renderTable(['(iteration index)', 'Values'], [indexColumn(items.length), values]);
        }
        // Column name -> cells by row, in Node's column order (ObjectKeys of a null-prototype object:
        // integer-like names first; symbol names do not become columns).
        const columns = { __proto__: null };
        let hasPrimitives = false;
        const primitiveValues = [];
        const indexKeys = ObjectKeys(data);
        for (let i = 0; i < indexKeys.length; i++) {
            const descriptor = inspect.ownDescriptor(data, indexKeys[i]);
            const isData = inspect.isData(descriptor);
            const item = isData ? descriptor.value : undefined;
            const primitive = !isData || item === null || (typeof item !== 'function' && typeof item !== 'object');
            if (properties === undefined && primitive) {
                hasPrimitives = true;
                defineData(primitiveValues, i, isData ? cellOf(item) : propertyCell(data, indexKeys[i]));
            } else {
                const keys = properties ?? inspect.ownKeys(item);
                for (let k = 0; k < keys.length; k++) {
                    const key = keys[k];
                    if (!ObjectPrototypeHasOwnProperty(columns, key)) defineData(columns, key, []);
                    const column = columns[key];
                    defineData(column, i, (primitive && properties !== undefined) || !inspect.hasOwn(item, key) ? '' : propertyCell(item, key));
                }
            }
        }
        const head = ['(index)'];
        const values = [indexKeys];
        const columnKeys = ObjectKeys(columns);
        for (let i = 0; i < columnKeys.length; i++) {
            append(head, columnKeys[i]);
            append(values, columns[columnKeys[i]]);
        }
        if (hasPrimitives) {
            append(head, 'Values');
            append(values, primitiveValues);
        }
        return renderTable(head, values);
    }

    // The `properties` argument: an array of column names (strings, numbers or symbols).
    function columnNames(properties) {
        if (properties === undefined) return undefined;
        const list = inspect.unproxied(properties);
        if (!ArrayIsArray(list)) throw new TypeError('console.table: the properties argument must be an array of column names.');
        const names = [];
        for (let i = 0; i < list.length; i++) {
            const name = inspect.hasOwnData(list, i) ? inspect.dataValue(list, i) : undefined;
            if (typeof name === 'string' || typeof name === 'symbol') append(names, name);
            else if (typeof name === 'number') append(names, '' + name);
            else throw new TypeError('console.table: properties[' + i + '] must be a string, number or symbol.');
        }
        return names;
    }

    // ---- The namespace ------------------------------------------------------------------------

    // A namespace object (WebIDL): its [[Prototype]] is an empty object that inherits from Object.prototype.
    const console = ObjectCreate(ObjectCreate(primordials.Object.prototype));

    const inspectorConsole = toInspector ? primordials.InspectorConsole : undefined;

    function define(name, fn) {
        const native = inspectorConsole !== undefined ? inspectorConsole[name] : undefined;
        const method = native === undefined ? fn : function (...args) {
            const result = ReflectApply(fn, undefined, args);
            // What V8's console does with the arguments (a label's toString, say) must not change
            // what the call did; the glue frames it records are dropped by the inspector hub.
            try {
                ReflectApply(native, undefined, args);
            } catch {
            }
            return result;
        };
        ObjectDefineProperty(method, 'name', { __proto__: null, value: name });
        ObjectDefineProperty(console, name, { __proto__: null, value: method, writable: true, enumerable: true, configurable: true });
    }

    function printer(method) {
        const fn = function (...args) {
            emit(method, false, format(args), undefined, fn);
        };
        return fn;
    }

    define('log', printer(LOG));
    define('info', printer(INFO));
    define('debug', printer(DEBUG));
    define('warn', printer(WARN));
    define('error', printer(ERROR));
    define('dirxml', printer(DIRXML));

    const trace = function (...args) {
        const header = args.length === 0 ? 'Trace' : 'Trace: ' + format(args);
        emit(TRACE, false, stacks.format(header, stacks.sitesAbove(trace)), undefined, trace);
    };
    define('trace', trace);

    const assert = function (expression, ...args) {
        if (expression) return;
        // Node: args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`.
        if (args.length === 0) append(args, 'Assertion failed');
        else defineData(args, 0, 'Assertion failed: ' + textOf(args[0]));
        emit(ASSERT, false, format(args), undefined, assert);
    };
    define('assert', assert);

    const dir = function (object, options) {
        emit(DIR, false, inspect.inspect(object, inspect.newContext(options, 'console.dir')), undefined, dir);
    };
    define('dir', dir);

    const table = function (tabularData, properties) {
        const names = columnNames(properties);
        const text = tabularData === null || typeof tabularData !== 'object' ? format([tabularData]) : tableText(tabularData, names);
        emit(TABLE, false, text, undefined, table);
    };
    define('table', table);

    const count = function (label) {
        label = labelOf(label, 'count');
        const value = (MapPrototypeGet(counts, label) ?? 0) + 1;
        MapPrototypeSet(counts, label, value);
        emit(COUNT, false, label + ': ' + value, label, count);
    };
    define('count', count);

    const countReset = function (label) {
        label = labelOf(label, 'countReset');
        if (!MapPrototypeDelete(counts, label)) emit(COUNT_RESET, true, "Warning: Count for '" + label + "' does not exist", label, countReset);
    };
    define('countReset', countReset);

    const time = function (label) {
        label = labelOf(label, 'time');
        if (MapPrototypeHas(timers, label)) {
            emit(TIME, true, "Warning: Label '" + label + "' already exists for console.time()", label, time);
            return;
        }
        MapPrototypeSet(timers, label, now());
    };
    define('time', time);

    const timeLog = function (label, ...data) {
        label = labelOf(label, 'timeLog');
        const start = MapPrototypeGet(timers, label);
        if (start === undefined) {
            emit(TIME_LOG, true, "Warning: No such label '" + label + "' for console.timeLog()", label, timeLog);
            return;
        }
        const args = ['%s: %s', label, formatTime(now() - start)];
        for (let i = 0; i < data.length; i++) append(args, data[i]);
        emit(TIME_LOG, false, format(args), label, timeLog);
    };
    define('timeLog', timeLog);

    const timeEnd = function (label) {
        label = labelOf(label, 'timeEnd');
        const start = MapPrototypeGet(timers, label);
        if (start === undefined) {
            emit(TIME_END, true, "Warning: No such label '" + label + "' for console.timeEnd()", label, timeEnd);
            return;
        }
        MapPrototypeDelete(timers, label);
        emit(TIME_END, false, label + ': ' + formatTime(now() - start), label, timeEnd);
    };
    define('timeEnd', timeEnd);

    function grouper(method) {
        const fn = function (...data) {
            const label = data.length > 0 ? format(data) : undefined;
            if (label !== undefined) emit(method, false, label, undefined, fn);
            append(groups, label ?? '');
            indent += 2;
        };
        return fn;
    }
    define('group', grouper(GROUP));
    define('groupCollapsed', grouper(GROUP_COLLAPSED));

    define('groupEnd', function () {
        if (groups.length === 0) return;
        groups.length--;
        indent -= 2;
    });

    ObjectDefineProperty(console, SymbolToStringTag, { __proto__: null, value: 'console', writable: false, enumerable: false, configurable: true });

    // Scripts may replace or delete `console` (as in Node); the runtime never reads it back.
    ObjectDefineProperty(globalThis, 'console', { __proto__: null, value: console, writable: true, enumerable: false, configurable: true });

    // A pooled context's next renter starts with no counts, timers or groups (Servers/PoolReset.js).
    function reset() {
        counts = new Map();
        timers = new Map();
        groups.length = 0;
        indent = 0;
    }

    return { __proto__: null, reset };
});
