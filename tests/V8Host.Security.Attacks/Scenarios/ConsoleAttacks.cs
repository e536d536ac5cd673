namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `console &lt;attack&gt;`: hostile values and a hostile environment for the console's formatter.
/// Each check prints `RESULT console.&lt;attack&gt;.&lt;check&gt; &lt;outcome&gt;`; ConsoleTests expects "ok"
/// everywhere (the formatter produced the expected text, no trap/getter/tampered intrinsic ran,
/// nothing threw out of the console, output stayed within its bound), and the context still works.
/// </summary>
internal static class ConsoleAttacks
{
    /// <summary>The console's per-call bound (Inspect.js maxOutputLength) plus its truncation notice.</summary>
    private const int MaxCallLength = (1 << 22) + 64;

    // Every trap and every conversion hook records that it ran.
    private const string Spies = """
        globalThis.ran = [];
        const spy = name => function () { ran.push(name); throw new Error(name); };
        const traps = {};
        for (const t of ['get', 'set', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'deleteProperty', 'apply', 'construct', 'isExtensible', 'preventExtensions', 'setPrototypeOf'])
            traps[t] = spy('trap:' + t);
        const hooks = { get g() { return spy('getter')(); }, toString: spy('toString'), valueOf: spy('valueOf'), [Symbol.toPrimitive]: spy('toPrimitive'), toJSON: spy('toJSON') };
        """;

    public static void Run(string[] args)
    {
        var attack = args[0];
        switch (attack)
        {
            case "traps":
                Check(attack, "plain", Spies + "console.log(new Proxy({ a: 1 }, traps));", "{ a: 1 }\n");
                Check(attack, "nested", Spies + "console.log({ p: new Proxy([1], traps), q: new Proxy(new Map([[1, 2]]), traps) });", "{ p: [ 1 ], q: Map(1) { 1 => 2 } }\n");
                Check(attack, "function", Spies + "console.log(new Proxy(function f() {}, traps));", "[Function: f]\n");
                Check(attack, "prototype", Spies + "console.log(Object.create(new Proxy({}, traps)));", "{}\n");
                Check(attack, "specifiers", Spies + "const p = new Proxy({ a: 1 }, traps); console.log('%s|%d|%i|%f|%O|%c', p, p, p, p, p, p); console.log('%o', p);", null);
                Check(attack, "methods", Spies + "const p = new Proxy({ a: 1 }, traps); console.table(p); console.table([p]); console.dir(p, p); console.assert(false, p); console.count(p); console.group(p); console.time(p); console.timeEnd(p);", null);
                Check(attack, "revoked", Spies + "const r = Proxy.revocable({}, traps); r.revoke(); console.log(r.proxy, [r.proxy]); try { console.count(r.proxy) } catch (e) { console.log(e.message) }", "<Revoked Proxy> [ <Revoked Proxy> ]\nconsole.count: the label is a revoked proxy.\n");
                break;
            case "hooks":
                Check(attack, "getters", Spies + "console.log(hooks); console.table([hooks]); console.dir(hooks);", null);
                Check(attack, "conversions", Spies + "console.log('%s %d %i %f', hooks, hooks, hooks, hooks); console.assert(false, hooks); ran.length = 0; console.log('ok');", null, allowRan: true);
                Check(attack, "error-accessors", Spies + "const e = new Error('m'); Object.defineProperty(e, 'stack', { get: spy('stack') }); Object.defineProperty(e, 'name', { get: spy('name') }); Object.defineProperty(e, 'message', { get: spy('message') }); console.log(e); console.log({ e });", null);
                Check(attack, "tostringtag", Spies + "console.log(Object.defineProperty({}, Symbol.toStringTag, { get: spy('tag') }), new (class X { get [Symbol.toStringTag]() { return spy('tag2')(); } })());", null);
                Check(attack, "constructor-name", Spies + "class C {} Object.defineProperty(C, 'name', { get: spy('name') }); Object.defineProperty(C, Symbol.hasInstance, { value: spy('hasInstance') }); console.log(new C(), C);", null);
                Check(attack, "array-index-getters", Spies + "const a = [1, 2, 3, 4, 5, 6, 7, 8]; Object.defineProperty(a, 3, { get: spy('index') }); console.log(a); console.table(a);", null);
                break;
            case "tampered":
                Tampered(attack);
                break;
            case "huge":
                Check(attack, "array", "console.log(new Array(1e6).fill(7));", null, maxLength: 2000);
                Check(attack, "sparse", "const a = []; a[4294967294] = 1; console.log(a);", "[ <4294967294 empty items>, 1 ]\n");
                Check(attack, "nested-string", "console.log(['x'.repeat(1 << 24)]);", null, maxLength: 10_100);
                Check(attack, "top-level-string", "console.log('y'.repeat(1 << 23));", null, maxLength: MaxCallLength, maxTotal: MaxCallLength);
                Check(attack, "deep", "let o = {}; for (let i = 0; i < 1e5; i++) o = { o }; console.log(o); console.log([o]);", "{ o: { o: { o: [Object] } } }\n[ { o: { o: [Object] } } ]\n");
                Check(attack, "deep-unlimited", "let o = {}; for (let i = 0; i < 1e5; i++) o = { o }; console.dir(o, { depth: null }); console.log('survived');", null, maxLength: MaxCallLength + 20, maxTotal: MaxCallLength + 20);
                Check(attack, "wide", "const o = {}; for (let i = 0; i < 1e5; i++) o['k' + i] = 'v'.repeat(100); console.log(o); console.log('next');", null, maxTotal: MaxCallLength + 10);
                Check(attack, "map", "const m = new Map(); for (let i = 0; i < 1e6; i++) m.set(i, i); console.log(m);", null, maxLength: 2000);
                Check(attack, "many-args", "console.log(...new Array(1e4).fill({ a: 1 }));", null, maxTotal: MaxCallLength);
                Check(attack, "table", "console.table(new Array(1e5).fill({ a: 1, b: 'x'.repeat(50) }));", null, maxTotal: MaxCallLength);
                Check(attack, "budget", "let o = []; for (let i = 0; i < 3000; i++) o = [o, { a: 'x'.repeat(2000) }]; console.dir(o, { depth: null });", null, maxTotal: MaxCallLength);
                break;
            case "stack-hooks":
                Check(attack, "throwing", "Error.prepareStackTrace = () => { throw new Error('hook'); }; const e = new Error('boom'); function f() { console.trace('t'); } f(); console.log(e instanceof Error);", null);
                Check(attack, "frozen-hook", "Object.defineProperty(Error, 'prepareStackTrace', { value: () => { throw new Error('hook'); }, writable: false, configurable: false }); const e = new Error('boom'); console.trace('t'); console.log(e); console.log('done');", null);
                Check(attack, "no-frames", "Error.stackTraceLimit = 0; console.trace('t'); console.log(new Error('x'));", "Trace: t\n[Error: x]\n");
                break;
            default:
                throw new ArgumentException($"Unknown console attack '{attack}'.");
        }
    }

    /// <summary>
    /// The same console calls in a pristine context and in one whose script replaced every intrinsic
    /// the formatter could use (and planted inherited setters and descriptor getters): the output is
    /// identical and no replacement ran.
    /// </summary>
    private static void Tampered(string attack)
    {
        const string setup = """
            const e = new TypeError('bad'); e.stack = 'TypeError: bad\n    at x (y.js:1:1)'; e.code = 7;
            const sample = { a: [1, 'x', { b: new Map([[1, { c: new Set([2]) }]]) }], d: new Date(0), e, f() {}, r: /x/g, t: new Uint8Array(3),
                long: Array.from({ length: 30 }, (_, i) => i), s: 'it\'s', n: -0, big: 10n, sym: Symbol('q'), get g() { return 1; },
                nested: { deeper: { deepest: { gone: 1 } } }, p: Promise.resolve(2), w: new WeakMap(), proxy: new Proxy({ hidden: 1 }, {}) };
            sample.self = sample;
            const rows = [{ a: 1, b: 2 }, { a: 'z' }];
            const options = { depth: 0 };
            """;
        const string calls = """
            console.log(sample);
            console.log('%s %d %i %f %j %o %O %%', 'str', 42, 4.2, '1.5', rows, rows, sample.nested);
            console.table(rows);
            console.group('G'); console.count(); console.count('x'); console.countReset('x'); console.assert(false, 'failed'); console.groupEnd();
            console.dir(sample.nested, options);
            console.log(sample.proxy, sample.t, sample.w);
            """;
        const string tamper = """
            globalThis.tampered = { count: 0, names: '' };
            const { ownKeys, getOwnPropertyDescriptor, defineProperty } = Reflect;
            const note = name => function () { tampered.count++; tampered.names += name + ' '; throw new Error('tampered ' + name); };
            const owners = [Array.prototype, String.prototype, Object, Reflect, Map.prototype, Set.prototype, JSON, Math, Number.prototype, Symbol.prototype,
                Date.prototype, RegExp.prototype, Function.prototype, WeakMap.prototype, Promise.prototype, Error, Array, String, Number, Symbol, Promise];
            const skip = { __proto__: null, constructor: true, prototype: true, length: true, name: true, stackTraceLimit: true, prepareStackTrace: true, caller: true, arguments: true };
            for (let o = 0; o < owners.length; o++) {
                const owner = owners[o];
                const keys = ownKeys(owner);
                for (let k = 0; k < keys.length; k++) {
                    const key = keys[k];
                    if (skip[key] === true) continue;
                    const d = getOwnPropertyDescriptor(owner, key);
                    if (!d.configurable) continue;
                    defineProperty(owner, key, { __proto__: null, get: note(String(key) + '@' + o), set: note(String(key) + '=@' + o), configurable: true });
                }
            }
            // Inherited setters on array indices, and getters that would pollute property descriptors and
            // records. (An inherited `cause` would show, as Node shows it: as an accessor, not run.)
            for (let i = 0; i < 40; i++) defineProperty(Array.prototype, i, { __proto__: null, get: note('[' + i + ']'), set: note('[' + i + ']='), configurable: true });
            const polluted = ['value', 'get', 'set', 'writable', 'enumerable', 'configurable', 'proxy', 'revoke', 'then', 'stack', 'message', 'name'];
            for (let i = 0; i < polluted.length; i++)
                defineProperty(Object.prototype, polluted[i], { __proto__: null, get: note('Object.prototype.' + polluted[i]), set: note('Object.prototype.' + polluted[i] + '='), configurable: true });
            """;
        var pristine = new StringWriter();
        using (var context = new Isolate().CreateContextBuilder().Install(new ConsoleApi(pristine)).Build())
            context.Eval(setup + calls);
        var expected = pristine.ToString();

        var name = $"console.{attack}.output";
        var output = new StringWriter();
        using var tamperedContext = new Isolate().CreateContextBuilder().Install(new ConsoleApi(output)).Build();
        tamperedContext.Eval(setup);
        var outcome = Report.Outcome(name, () => tamperedContext.Eval(tamper + calls));
        if (outcome == "ok" && output.ToString() != expected)
        {
            Report.Detail(name, "expected: " + expected + "\nactual: " + output);
            outcome = "different-output";
        }

        Report.Result(name, outcome);
        Report.Result($"console.{attack}.ran", Report.Bounded(name, TimeSpan.FromSeconds(10), () =>
            tamperedContext.Eval<string>("globalThis.tampered.count === 0 ? 'none' : globalThis.tampered.names")));
    }

    /// <summary>
    /// Runs one check in a fresh context: "ok" when nothing left the console, no spy ran, the
    /// output is <paramref name="expected"/> (when given) and within <paramref name="maxLength"/>
    /// per line-group; then the context must still evaluate.
    /// </summary>
    private static void Check(string attack, string check, string script, string? expected, int maxLength = MaxCallLength, bool allowRan = false, int maxTotal = int.MaxValue)
    {
        var name = $"console.{attack}.{check}";
        var output = new StringWriter();
        using var context = new Isolate().CreateContextBuilder().Install(new ConsoleApi(output)).Build();
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () => context.Eval(script)));
        var text = output.ToString();
        if (outcome == "ok" && !allowRan && context.Eval<bool>("Array.isArray(globalThis.ran) && globalThis.ran.length > 0"))
            outcome = "ran:" + context.Eval<string>("globalThis.ran.join()");
        if (outcome == "ok" && expected is not null && text != expected)
        {
            Report.Detail(name, "expected: " + expected + " actual: " + (text.Length > 2000 ? text[..2000] + "…" : text));
            outcome = "different-output";
        }

        if (outcome == "ok" && expected is null && text.Length == 0)
            outcome = "no-output";
        if (outcome == "ok" && text.Split('\n').Any(line => line.Length > maxLength))
            outcome = "unbounded:" + text.Split('\n').Max(line => line.Length);
        if (outcome == "ok" && text.Length > maxTotal)
            outcome = "unbounded-total:" + text.Length;
        Report.Result(name, outcome);
        Report.Result(name + ".after", Report.StillWorks(context));
    }
}
