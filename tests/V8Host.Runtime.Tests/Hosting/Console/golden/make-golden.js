// Produces golden.json: what Node prints for each snippet, for ConsoleGoldenTests.
// Run with Node 20: `node make-golden.js` (writes golden.json next to this file).
//
// A row is { id, args } — a JS expression evaluating to the argument list of one console.log
// call (Node's util.format) — or { id, run } — statements using `console` (a console.Console
// writing stdout and stderr to one buffer). Both are evaluated as-is by V8Host's console in the
// test. A row may carry `differs: { reason, v8host }`: V8Host's output differs from Node's for a
// documented reason; the test then expects `v8host` and the JSON keeps Node's text as well.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { Writable } = require('stream');

const stack = (header, ...frames) => JSON.stringify([header, ...frames.map(f => '    at ' + f)].join('\n'));

const rows = [
    // Primitives and strings.
    { id: 'number', args: '[1]' },
    { id: 'negative-zero', args: '[-0]' },
    { id: 'float', args: '[1.5, NaN, Infinity, -Infinity]' },
    { id: 'bigint', args: '[123n, -1n]' },
    { id: 'boolean-null-undefined', args: '[true, false, null, undefined]' },
    { id: 'symbol', args: "[Symbol('s'), Symbol(), Symbol.iterator]" },
    { id: 'string-top-level', args: "['plain \\'text\\'']" },
    { id: 'string-nested', args: "[['a', 'b']]" },
    { id: 'string-single-quote', args: "[[\"it's\"]]" },
    { id: 'string-both-quotes', args: "[['say \"hi\" it\\'s']]" },
    { id: 'string-all-quotes', args: "[['a`b\\'c\"']]" },
    { id: 'string-escapes', args: "[['\\n\\t\\x01\\x7f\\\\']]" },
    { id: 'string-lone-surrogate', args: "[['\\ud800x', '\\udc00']]" },
    { id: 'string-emoji', args: "[['😀']]" },
    { id: 'string-long', args: "[{ s: 'x'.repeat(100) }]" },
    { id: 'string-multiline', args: "[['first line of a long text\\nsecond line of a long text\\nthird line, which is longer than others']]" },
    { id: 'string-max-length', args: "[['a'.repeat(10050)]]" },

    // Format specifiers.
    { id: 'fmt-s-string', args: "['%s!', 'a']" },
    { id: 'fmt-s-number', args: "['%s %s %s', 42, -0, 1.5]" },
    { id: 'fmt-s-bigint-symbol', args: "['%s %s', 1n, Symbol('x')]" },
    { id: 'fmt-s-object', args: "['%s', { a: 1, b: { c: 2 } }]" },
    { id: 'fmt-s-array', args: "['%s', [1, [2, [3]]]]" },
    { id: 'fmt-s-null-undefined', args: "['%s %s', null, undefined]" },
    { id: 'fmt-s-own-tostring', args: "['%s', { toString() { return 'custom'; } }]" },
    { id: 'fmt-s-class-tostring', args: "['%s', new (class P { toString() { return 'point'; } })()]" },
    { id: 'fmt-s-date', args: "['%s', new Date(0)]" },
    { id: 'fmt-s-function', args: "['%s', function named() {}]" },
    { id: 'fmt-d', args: "['%d %d %d %d', 42.5, '42', '', {}]" },
    { id: 'fmt-d-bigint-symbol', args: "['%d %d', 5n, Symbol('x')]" },
    { id: 'fmt-i', args: "['%i %i %i', 42.9, '08', -1.5]" },
    { id: 'fmt-f', args: "['%f %f', '3.5abc', 'x']" },
    { id: 'fmt-j', args: "['%j', { a: [1, 'b'], c: null }]" },
    { id: 'fmt-j-circular', args: "(() => { const o = {}; o.self = o; return ['%j', o]; })()" },
    { id: 'fmt-j-undefined', args: "['%j', undefined]" },
    { id: 'fmt-o', args: "['%o', { a: 1 }]" },
    { id: 'fmt-o-array', args: "['%o', [1, 2]]" },
    { id: 'fmt-O-deep', args: "['%O', { a: { b: { c: { d: 1 } } } }]" },
    { id: 'fmt-c', args: "['%cred%c plain', 'color: red', '']" },
    { id: 'fmt-percent', args: "['100%% %s', 'sure']" },
    { id: 'fmt-missing-arg', args: "['%s and %s', 'one']" },
    { id: 'fmt-unknown', args: "['%x %s', 'a']" },
    { id: 'fmt-extra-args', args: "['%s', 'a', { b: 1 }, 'c', 2]" },
    { id: 'no-format-string', args: "[{ a: 1 }, 'b', 3]" },

    // Arrays.
    { id: 'array', args: '[[1, 2, 3]]' },
    { id: 'array-empty', args: '[[[], [[]]]]' },
    { id: 'array-holes', args: '[[1, , 3]]' },
    { id: 'array-all-holes', args: '[[, , ]]' },
    { id: 'array-new-length', args: '[new Array(5)]' },
    { id: 'array-mixed-holes', args: '[[1, , , 4, , ]]' },
    { id: 'array-extra-props', args: "[(() => { const a = [1, 2]; a.x = 'y'; a[-1] = 0; return a; })()]" },
    { id: 'array-over-100', args: '[Array.from({ length: 120 }, (_, i) => i)]' },
    { id: 'array-grouped-numbers', args: '[Array.from({ length: 30 }, (_, i) => i * 37)]' },
    { id: 'array-grouped-strings', args: "['abcdefghijklmnopqrstuvwxyz'.split('')]" },
    { id: 'array-nested-depth', args: '[[[[[1]]]]]' },
    { id: 'array-of-objects', args: "[[{ name: 'alpha', value: 1 }, { name: 'beta', value: 2 }, { name: 'gamma', value: 3 }]]" },
    { id: 'array-subclass', args: '[new (class List extends Array {})(1, 2)]' },

    // Objects.
    { id: 'object-empty', args: '[{}]' },
    { id: 'object-simple', args: "[{ a: 1, b: 'x', c: [1, 2] }]" },
    { id: 'object-quoted-keys', args: "[{ 'a-b': 1, 1: 2, 'ok_1': 3, '': 4, \"it's\": 5 }]" },
    { id: 'object-depth', args: '[{ a: { b: { c: { d: 1 } } } }]' },
    { id: 'object-depth-array', args: '[{ a: { b: { c: [1] } } }]' },
    { id: 'object-long', args: "[{ alpha: 'aaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbb', gamma: 'cccccccccccccc', delta: 'dddddddddddd' }]" },
    { id: 'object-nested-long', args: "[{ outer: { inner: { list: [1, 2, 3], text: 'some text that is long enough', more: true } } }]" },
    { id: 'object-symbol-key', args: "[{ [Symbol('k')]: 1, a: 2 }]" },
    { id: 'object-proto-key', args: "[JSON.parse('{\"__proto__\": 1}')]" },
    { id: 'null-prototype-empty', args: '[Object.create(null)]' },
    { id: 'null-prototype', args: "[Object.assign(Object.create(null), { a: 1 })]" },
    { id: 'class-instance', args: '[new (class Foo { constructor() { this.a = 1; } })()]' },
    { id: 'class-instance-empty', args: '[new (class Empty {})()]' },
    { id: 'prototype-without-constructor', args: '[Object.create(Object.create(null))]' },
    { id: 'getter', args: '[{ get a() { return 1; } }]' },
    { id: 'getter-setter', args: '[{ get a() { return 1; }, set a(v) {} }]' },
    { id: 'setter', args: '[{ set a(v) {} }]' },
    { id: 'throwing-getter-not-run', args: "[{ get boom() { throw new Error('ran'); } }]" },
    { id: 'circular', args: '[(() => { const o = { name: 1 }; o.self = o; return o; })()]' },
    { id: 'circular-nested', args: '[(() => { const a = { b: {} }; a.b.a = a; a.b.b = a.b; return a; })()]' },
    { id: 'shared-not-circular', args: '[(() => { const x = {}; return { x, y: x }; })()]' },
    { id: 'to-string-tag', args: "[{ [Symbol.toStringTag]: 'Custom', a: 1 }]" },
    { id: 'class-to-string-tag', args: "[new (class Tagged { get [Symbol.toStringTag]() { return 'T'; } })()]",
        differs: { reason: 'A Symbol.toStringTag getter is not run (no getter runs); Node calls it.', v8host: 'Tagged {}' } },
    { id: 'arguments', args: '[(function () { return arguments; })(1, 2)]' },

    { id: 'null-prototype-exotics', args: "[[1, 2], new Map([[1, 2]]), new Set([3]), new Date(0), /x/g, new Uint8Array(2), new Number(4)].map(v => Object.setPrototypeOf(v, null))" },
    { id: 'null-prototype-function', args: "[Object.setPrototypeOf(function f() {}, null), Object.setPrototypeOf(class K {}, null)]" },
    { id: 'exotic-subclasses', args: "[new (class M extends Map {})([[1, 2]]), new (class S extends Set {})(), new (class D extends Date {})(0), new (class E extends Uint8Array {})(1)]" },

    // Keyed collections.
    { id: 'map', args: "[new Map([[1, 'a'], ['b', { c: 2 }]])]" },
    { id: 'map-empty', args: '[new Map()]' },
    { id: 'set', args: "[new Set([1, 'a', [2]])]" },
    { id: 'set-empty', args: '[new Set()]' },
    { id: 'map-in-object', args: "[{ m: new Map([['k', new Set([1])]]) }]" },
    { id: 'weak-collections', args: '[new WeakMap(), new WeakSet()]' },
    { id: 'map-iterator', args: "[new Map([[1, 2]]).entries()]",
        differs: { reason: 'Script cannot preview an iterator without consuming it, nor tell entries() from values().', v8host: '[Map Iterator] { <items unknown> }' } },

    // Dates, regular expressions, functions.
    { id: 'date', args: '[new Date(0)]' },
    { id: 'date-invalid', args: '[new Date(NaN)]' },
    { id: 'date-with-props', args: '[Object.assign(new Date(0), { x: 1 })]' },
    { id: 'regexp', args: '[/a+b/gi, /x/dmsuy, /x/v]' },
    { id: 'regexp-with-props', args: '[Object.assign(/x/, { y: 1 })]' },
    { id: 'function', args: '[function f() {}, () => {}]' },
    { id: 'function-anonymous', args: '[(function () {}), (() => () => {})()]' },
    { id: 'function-kinds', args: '[async function af() {}, function* g() {}, async function* ag() {}]' },
    { id: 'class', args: '[class A {}, class B extends class A {} {}, class {}]' },
    { id: 'function-with-props', args: '[Object.assign(function f() {}, { x: 1 })]' },
    { id: 'bound-function', args: '[function f() {}.bind(null)]' },
    { id: 'nested-function', args: '[{ fn() {}, arrow: () => 1 }]' },

    // Errors (stacks are fixed strings: real ones name Node's and V8Host's files).
    { id: 'error', args: `[(() => { const e = new Error('boom'); e.stack = ${stack('Error: boom', 'a (x.js:1:2)', 'b (x.js:3:4)')}; return e; })()]` },
    { id: 'error-no-frames', args: `[(() => { const e = new Error('boom'); e.stack = 'Error: boom'; return e; })()]` },
    { id: 'error-type', args: `[(() => { const e = new TypeError('bad'); e.stack = ${stack('TypeError: bad', 'x (y.js:1:1)')}; return e; })()]` },
    { id: 'error-subclass', args: `[(() => { class FooError extends Error {} const e = new FooError('m'); e.stack = ${stack('Error: m', 'x (y.js:1:1)')}; return e; })()]` },
    { id: 'error-subclass-no-error-name', args: `[(() => { class Oops extends Error {} const e = new Oops('m'); e.stack = 'Error: m'; return e; })()]` },
    { id: 'error-props', args: `[(() => { const e = new Error('boom'); e.stack = ${stack('Error: boom', 'a (x.js:1:2)')}; e.code = 'E_BOOM'; return e; })()]` },
    { id: 'error-props-no-frames', args: `[(() => { const e = new Error('boom'); e.stack = 'Error: boom'; e.code = 42; return e; })()]` },
    { id: 'error-cause', args: `[(() => { const c = new Error('inner'); c.stack = 'Error: inner'; const e = new Error('outer', { cause: c }); e.stack = ${stack('Error: outer', 'a (x.js:1:2)')}; return e; })()]` },
    { id: 'error-nested', args: `[{ err: (() => { const e = new RangeError('r'); e.stack = ${stack('RangeError: r', 'a (x.js:1:2)')}; return e; })() }]` },
    { id: 'error-empty-message', args: `[(() => { const e = new Error(); e.stack = 'Error'; return e; })()]` },
    { id: 'error-name-changed', args: `[(() => { const e = new Error('m'); e.name = 'Custom'; e.stack = 'Custom: m'; return e; })()]` },
    { id: 'aggregate-error', args: `[(() => { const a = new Error('a'); a.stack = 'Error: a'; const e = new AggregateError([a], 'all'); e.stack = 'AggregateError: all'; return e; })()]` },

    // Promises, typed arrays, buffers, boxed primitives.
    { id: 'promise-fulfilled', args: '[Promise.resolve(1)]' },
    { id: 'promise-pending', args: '[new Promise(() => {})]' },
    { id: 'promise-rejected', args: "[(() => { const e = new Error('no'); e.stack = 'Error: no'; const p = Promise.reject(e); p.catch(() => {}); return p; })()]" },
    { id: 'promise-nested', args: "[{ p: Promise.resolve({ a: 1 }) }]" },
    { id: 'typed-array', args: '[new Uint8Array([1, 2, 3]), new Float64Array(2), new BigInt64Array([1n, -2n])]' },
    { id: 'typed-array-empty', args: '[new Int16Array(0)]' },
    { id: 'typed-array-long', args: '[new Uint8Array(120)]' },
    { id: 'array-buffer', args: '[new Uint8Array([1, 2, 255]).buffer]' },
    { id: 'array-buffer-empty', args: '[new ArrayBuffer(0)]' },
    { id: 'shared-array-buffer', args: '[new SharedArrayBuffer(2)]' },
    { id: 'data-view', args: '[new DataView(new ArrayBuffer(2), 1)]' },
    { id: 'boxed', args: "[new Number(3), new String('ab'), new Boolean(false), Object(1n), Object(Symbol('s')), new Number(-0)]" },
    { id: 'boxed-with-props', args: "[Object.assign(new String('ab'), { x: 1 })]" },

    // Proxies (no trap runs: the target is shown).
    { id: 'proxy', args: '[new Proxy({ a: 1 }, {})]' },
    { id: 'proxy-throwing-traps', args: "[new Proxy([1, 2], { get() { throw new Error('get'); }, ownKeys() { throw new Error('ownKeys'); }, getPrototypeOf() { throw new Error('proto'); } })]" },
    { id: 'proxy-revoked', args: '[(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()]' },
    { id: 'proxy-nested', args: '[{ p: new Proxy(new Map([[1, 2]]), {}) }]' },
    { id: 'proxy-show', args: "['%o', new Proxy({ a: 1 }, {})]" },

    // Console methods (one buffer for stdout and stderr).
    { id: 'console-group', run: "console.log('top'); console.group('G1'); console.log('in 1'); console.group(); console.log({ a: 1,\n b: 'x'.repeat(80) }); console.groupEnd(); console.warn('warn in 1'); console.groupEnd(); console.groupEnd(); console.log('out');" },
    { id: 'console-group-collapsed', run: "console.groupCollapsed('C', 1); console.info('inside'); console.groupEnd(); console.debug('after');" },
    { id: 'console-count', run: "console.count(); console.count(); console.count('x'); console.countReset(); console.count(); console.count(1);" },
    { id: 'console-assert', run: "console.assert(true, 'never'); console.assert(false); console.assert(false, 'msg %s', 'x'); console.assert(false, { a: 1 }, 2); console.assert(0, 'zero');" },
    { id: 'console-table-objects', run: "console.table([{ a: 1, b: 'x' }, { a: 3, c: true }]);" },
    { id: 'console-table-primitives', run: "console.table([1, 'two', { three: 3 }]);" },
    { id: 'console-table-object', run: "console.table({ x: { a: 1 }, y: { b: [1, 2, 3, 4] } });" },
    { id: 'console-table-columns', run: "console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['a']);" },
    { id: 'console-table-map', run: "console.table(new Map([['k', 1], ['l', { m: 2 }]]));" },
    { id: 'console-table-set', run: "console.table(new Set(['s', 2]));" },
    { id: 'console-table-nested-arrays', run: 'console.table([[1, 2], [3, 4, 5]]);' },
    { id: 'console-table-not-object', run: "console.table('text'); console.table(5);" },
    { id: 'console-table-wide', run: "console.table([{ name: '漢字' }, { name: 'ab' }]);" },
    { id: 'console-dir', run: 'console.dir({ a: { b: { c: {} } } }, { depth: 0 }); console.dir({ a: { b: { c: { d: {} } } } }, { depth: null }); console.dir("s");' },
    { id: 'console-dir-options', run: "console.dir([1, 2, 3, 4], { maxArrayLength: 2 }); console.dir({ s: 'abcdef' }, { maxStringLength: 3 }); console.dir({ a: [1, { b: 2 }] }, { compact: false }); console.dir({ a: 1, b: 2 }, { breakLength: 3 });" },
    { id: 'console-dir-show-hidden', run: "console.dir([1], { showHidden: true }); console.dir({ a: 1 }, { showHidden: true });" },
    { id: 'fmt-o-function', args: "['%o', function f() {}]",
        differs: { reason: "The engine, not the formatter: ClearScript's newer V8 gives sloppy functions no own arguments/caller properties.", v8host: "<ref *1> [Function: f] {\n  [length]: 0,\n  [name]: 'f',\n  [prototype]: { [constructor]: [Circular *1] }\n}" } },
    { id: 'fmt-o-nested', args: "['%o', { a: [1, 2], b: { c: { d: { e: { f: 1 } } } } }]" },
    { id: 'console-dirxml', run: 'console.dirxml(1, { a: 2 }, "three");' },
    { id: 'console-streams-order', run: "console.log(1); console.error(2); console.info(3); console.warn(4); console.debug(5);" },
];

class Buffer extends Writable {
    constructor() { super(); this.text = ''; }
    _write(chunk, _, done) { this.text += chunk.toString(); done(); }
}

const out = [];
for (const row of rows) {
    let expected;
    if (row.args !== undefined) {
        const args = (0, eval)('(' + row.args + ')');
        expected = util.format(...args) + '\n';
    } else {
        const sink = new Buffer();
        const console = new (require('console').Console)({ stdout: sink, stderr: sink, colorMode: false });
        new Function('console', row.run)(console);
        expected = sink.text;
    }
    const entry = { id: row.id };
    if (row.args !== undefined) entry.args = row.args;
    else entry.run = row.run;
    entry.node = expected;
    if (row.differs) {
        entry.reason = row.differs.reason;
        entry.expected = row.differs.v8host + '\n';
    } else {
        entry.expected = expected;
    }
    out.push(entry);
}
if (new Set(out.map(r => r.id)).size !== out.length) throw new Error('duplicate row ids');
fs.writeFileSync(path.join(__dirname, 'golden.json'), JSON.stringify({ node: process.version, rows: out }, null, 2) + '\n');
console.log(`${out.length} rows written (Node ${process.version}).`);
