using System.Diagnostics;
using System.Text;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `fuzz &lt;seed&gt; &lt;count&gt; [--no-huge]`: seeded hostile JS values pushed into every API. Every call must
/// end in a value or a documented exception. Prints
/// `FUZZ tried=&lt;n&gt; crashes=0 nonjs=&lt;n&gt; undocumented=&lt;n&gt;` and one `UNDOCUMENTED` line per exception type.
/// </summary>
internal static class Fuzzer
{
    private static readonly Type[] s_documented =
    [
        typeof(JavaScriptException), typeof(ScriptTerminatedException), typeof(ScriptResourceException), typeof(InvalidCastException),
        typeof(ArgumentException), typeof(ObjectDisposedException), typeof(InvalidOperationException), typeof(KeyNotFoundException),
        typeof(NotSupportedException),
    ];

    private static readonly string[] s_members =
    [
        "takeInt", "takeLong", "takeDouble", "takeBool", "takeString", "takeNullableInt", "takeIntArray", "takeStringList",
        "takeDictionary", "takeDate", "takeBytes", "takeObject", "takeJsObject", "takeJsArray", "takeJsFunction", "echo",
    ];

    private static readonly string[] s_hostFunctions = ["hInt", "hLong", "hDouble", "hString", "hIntArray", "hList", "hDict", "hDate", "hBytes", "hObject", "hJsObject", "hFunction"];

    private static readonly Dictionary<string, (string Example, int Count)> s_undocumented = new();
    private static long s_tried;
    private static long s_nonJs;
    private static long s_opStarted;
    private static string s_currentOp = "";
    private static Context? s_current;
    private static bool s_trace;

    public static void Run(string[] args)
    {
        var seed = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var huge = !args.Contains("--no-huge");
        s_trace = args.Contains("--trace");
        if (args.Contains("--no-lone-surrogates"))
            ValueGenerator.SkipLoneSurrogates = true;
        var random = new Random(seed);
        var generator = new ValueGenerator(random, huge);
        StartWatchdog();
        var watch = Stopwatch.StartNew();
        Context? context = null;
        for (var i = 0; i < count; i++)
        {
            if (context is null || !context.IsAlive || random.Next(20) == 0)
            {
                context?.Dispose();
                context = CreateContext();
                s_current = context;
            }

            var snippet = generator.Next();
            try
            {
                Call(context, "create", () => context.Eval("globalThis.v = (() => { " + snippet + " })(); undefined", TimeSpan.FromSeconds(2)));
            }
            catch (Exception)
            {
                continue; // the value could not even be made; the creation outcome was already counted.
            }

            PushEverywhere(context, random, snippet);
        }

        context?.Dispose();
        Console.WriteLine($"FUZZ tried={s_tried} crashes=0 nonjs={s_nonJs} undocumented={s_undocumented.Values.Sum(v => v.Count)} seconds={watch.Elapsed.TotalSeconds:F0}");
        foreach (var (type, (example, n)) in s_undocumented)
            Console.WriteLine($"UNDOCUMENTED {type} x{n} e.g. {example}");
    }

    private static Context CreateContext() => new Isolate(new IsolateOptions { MaxHeapBytes = 256L << 20 }).CreateContextBuilder()
        .UseProfile(FuzzProfile.Instance)
        .AddHostFunction("hInt", (int x) => x)
        .AddHostFunction("hLong", (long x) => x)
        .AddHostFunction("hDouble", (double x) => x)
        .AddHostFunction("hString", (string x) => x)
        .AddHostFunction("hIntArray", (int[] x) => x)
        .AddHostFunction("hList", (List<string> x) => x)
        .AddHostFunction("hDict", (Dictionary<string, int> x) => x)
        .AddHostFunction("hDate", (DateTime x) => x)
        .AddHostFunction("hBytes", (byte[] x) => x)
        .AddHostFunction("hObject", (object? x) => x)
        .AddHostFunction("hJsObject", (JsObject x) => x.Keys.Count)
        .AddHostFunction("hFunction", (JsFunction f, object? x) => f.Invoke(x))
        .Build();

    private static void PushEverywhere(Context context, Random random, string snippet)
    {
        // Typed reads.
        TypedRead<int>(context, snippet);
        TypedRead<long>(context, snippet);
        TypedRead<double>(context, snippet);
        TypedRead<string>(context, snippet);
        TypedRead<int[]>(context, snippet);
        TypedRead<List<string>>(context, snippet);
        TypedRead<Dictionary<string, int>>(context, snippet);
        TypedRead<DateTime>(context, snippet);
        TypedRead<byte[]>(context, snippet);
        TypedRead<JsObject>(context, snippet);
        TypedRead<JsArray>(context, snippet);
        TypedRead<JsFunction>(context, snippet);

        // Generated members and reflection-path host functions.
        Try(context, snippet, "new-target", () => context.Eval("globalThis.t ??= new FuzzTarget(); undefined"));
        foreach (var member in s_members)
            Try(context, snippet, "member " + member, () => context.Eval($"t.{member}(v)", TimeSpan.FromSeconds(2)));
        Try(context, snippet, "setter name", () => context.Eval("t.name = v; t.name", TimeSpan.FromSeconds(2)));
        Try(context, snippet, "static", () => context.Eval("FuzzTarget.staticDouble(v)", TimeSpan.FromSeconds(2)));
        Try(context, snippet, "construct", () => context.Eval("new FuzzTarget(v)", TimeSpan.FromSeconds(2)));
        Try(context, snippet, "this-forgery", () => context.Eval("FuzzTarget.prototype.takeInt.call(v, 1)", TimeSpan.FromSeconds(2)));
        foreach (var function in s_hostFunctions)
        {
            var call = function == "hFunction" ? "hFunction(x => x, v)" : $"{function}(v)";
            Try(context, snippet, "host " + function, () => context.Eval(call, TimeSpan.FromSeconds(2)));
        }

        Try(context, snippet, "host hFunction(v)", () => context.Eval("hFunction(v, 1)", TimeSpan.FromSeconds(2)));

        // Handle members.
        object? value = null;
        Try(context, snippet, "Eval", () => value = context.Eval("v", TimeSpan.FromSeconds(2)));
        Try(context, snippet, "GetGlobal", () => context.GetGlobal("v"));
        switch (value)
        {
            case JsArray array:
                Try(context, snippet, "JsArray.Count", () => array.Count);
                Try(context, snippet, "JsArray[0]", () => array[0]);
                Try(context, snippet, "JsArray.Get<int>", () => array.Get<int>(0));
                Try(context, snippet, "JsArray.Add", () => array.Add(1));
                Try(context, snippet, "JsArray.Insert", () => array.Insert(0, "x"));
                Try(context, snippet, "JsArray.RemoveAt", () => array.RemoveAt(0));
                Try(context, snippet, "JsArray.IndexOf", () => array.IndexOf(1));
                Try(context, snippet, "JsArray.Enumerate", () => array.Take(100).Count());
                Try(context, snippet, "JsArray.CopyTo", () => { if (array.Count < 100_000) array.CopyTo(new object?[array.Count], 0); });
                break;
            case JsFunction function:
                Try(context, snippet, "JsFunction.Invoke", () => function.Invoke());
                Try(context, snippet, "JsFunction.Invoke(self)", () => function.Invoke(function, 1, "x"));
                Try(context, snippet, "JsFunction.InvokeWithThis", () => function.InvokeWithThis(function));
                Try(context, snippet, "JsFunction.Invoke<int[]>", () => function.Invoke<int[]>());
                break;
            case JsPromise promise:
                Try(context, snippet, "JsPromise.AsTask", () => promise.AsTask().IsCompleted);
                break;
            case JsObject obj:
                ObjectMembers(context, snippet, obj);
                break;
            case JsArrayBuffer buffer:
                Try(context, snippet, "JsArrayBuffer.ByteLength", () => buffer.ByteLength);
                Try(context, snippet, "JsArrayBuffer.ToArray", () => buffer.ToArray());
                Try(context, snippet, "JsArrayBuffer.Read", () => buffer.Read(0, new byte[8]));
                Try(context, snippet, "JsArrayBuffer.Write", () => buffer.Write(0, new byte[] { 1, 2 }));
                break;
            case JsTypedArray typed:
                Try(context, snippet, "JsTypedArray.Length", () => typed.Length);
                Try(context, snippet, "JsTypedArray.ToArray", () => typed.ToArray());
                Try(context, snippet, "JsTypedArray.Buffer", () => typed.Buffer.ByteLength);
                Try(context, snippet, "JsTypedArray.Write", () => typed.Write(0, new byte[] { 1 }));
                break;
        }

        // Values back into the engine.
        Try(context, snippet, "Serialize", () => context.Deserialize(context.Serialize(value)));
        Try(context, snippet, "ToJs", () => context.ToJs(value));
        Try(context, snippet, "SetGlobal", () => context.SetGlobal("w", value));
        Try(context, snippet, "Serialize(list)", () => context.Serialize(new List<object?> { value, value }));
        Try(context, snippet, "ParseJson", () => context.ParseJson(RandomJson(random)));
        if (value is JsHandle handle && random.Next(4) == 0)
        {
            handle.Dispose();
            Try(context, snippet, "after-dispose", () => handle.ToString());
        }
    }

    private static void ObjectMembers(Context context, string snippet, JsObject obj)
    {
        Try(context, snippet, "JsObject.Keys", () => obj.Keys);
        Try(context, snippet, "JsObject.Values", () => obj.Values);
        Try(context, snippet, "JsObject.Count", () => obj.Count);
        Try(context, snippet, "JsObject[a]", () => obj["a"]);
        Try(context, snippet, "JsObject.Get<int>", () => obj.Get<int>("a"));
        Try(context, snippet, "JsObject.ContainsKey", () => obj.ContainsKey("then"));
        Try(context, snippet, "JsObject.TryGetValue", () => obj.TryGetValue("hostException", out _));
        Try(context, snippet, "JsObject.Set", () => obj.Set("fuzz", 1));
        Try(context, snippet, "JsObject.Remove", () => obj.Remove("fuzz"));
        Try(context, snippet, "JsObject.Enumerate", () => obj.Take(100).Count());
        Try(context, snippet, "JsObject.ToString", () => obj.ToString());
    }

    private static string RandomJson(Random random)
    {
        string[] pieces = ["{", "}", "[", "]", "\"secret\"", ":", ",", "1e400", "-0", "\"\\ud800\"", "null", "true", "__proto__", "\"__proto__\"", "{\"__proto__\":{\"x\":1}}", "[[[[[[[[", "\"a\""];
        var builder = new StringBuilder();
        for (var i = random.Next(1, 20); i > 0; i--)
            builder.Append(pieces[random.Next(pieces.Length)]);
        return builder.ToString();
    }

    private static void TypedRead<T>(Context context, string snippet) =>
        Try(context, snippet, $"Eval<{typeof(T).Name}>", () => context.Eval<T>("v", TimeSpan.FromSeconds(2)));

    private static void Try(Context context, string snippet, string operation, Action action) =>
        Try(context, snippet, operation, () =>
        {
            action();
            return null;
        });

    private static void Try(Context context, string snippet, string operation, Func<object?> action) => Call(context, operation, action, snippet);

    private static void Call(Context context, string operation, Func<object?> action, string? snippet = null)
    {
        s_tried++;
        s_currentOp = operation + " on " + snippet;
        if (s_trace)
            Console.WriteLine("OP " + s_currentOp);
        Volatile.Write(ref s_opStarted, Stopwatch.GetTimestamp());
        try
        {
            action();
        }
        catch (Exception exception)
        {
            Classify(exception, operation, snippet);
            if (snippet is null)
                throw;
        }
        finally
        {
            Volatile.Write(ref s_opStarted, 0);
        }
    }

    private static void Classify(Exception exception, string operation, string? snippet)
    {
        if (exception is JavaScriptException)
            return;
        if (s_documented.Any(type => type.IsInstanceOfType(exception)) && exception.GetType().Namespace?.StartsWith("Microsoft.ClearScript", StringComparison.Ordinal) != true)
        {
            s_nonJs++;
            return;
        }

        var key = exception.GetType().FullName ?? "?";
        var example = $"{operation} on `{snippet}`: {exception.Message.Replace('\n', ' ')}";
        s_undocumented[key] = s_undocumented.TryGetValue(key, out var entry) ? (entry.Example, entry.Count + 1) : (example.Length > 300 ? example[..300] : example, 1);
    }

    /// <summary>Terminates a call running over 3 s; ends the run (reported) when one is stuck for 30 s.</summary>
    private static void StartWatchdog()
    {
        new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(250);
                var started = Volatile.Read(ref s_opStarted);
                if (started == 0)
                    continue;
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (elapsed > TimeSpan.FromSeconds(3))
                    s_current?.TerminateExecution();
                if (elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine($"FUZZ tried={s_tried} crashes=0 nonjs={s_nonJs} undocumented={s_undocumented.Values.Sum(v => v.Count) + 1}");
                    Console.WriteLine($"UNDOCUMENTED Hang x1 e.g. {s_currentOp} did not end within 30 s");
                    foreach (var (type, (example, n)) in s_undocumented)
                        Console.WriteLine($"UNDOCUMENTED {type} x{n} e.g. {example}");
                    Console.Out.Flush();
                    Environment.Exit(0);
                }
            }
        }) { IsBackground = true }.Start();
    }
}

/// <summary>Seeded JS snippets (function bodies returning a value) that build hostile values.</summary>
internal sealed class ValueGenerator(Random random, bool huge)
{
    private static readonly string[] s_primitives =
    [
        "return 0", "return -0", "return NaN", "return Infinity", "return -1", "return 2**31", "return 2**53 + 1", "return 1e308", "return 0.1",
        "return ''", "return 'secret'", "return '\\ud800'", "return 'x'.repeat(1e5)", "return null", "return undefined", "return true",
        "return Symbol('s')", "return Symbol.for('v8host.hostModules')", "return 2n ** 64n", "return -(2n ** 1000n)", "return 0n",
        "return new Date(NaN)", "return new Date(8.64e15)", "return new Date(0)", "return /a+/gu", "return new Error('e')",
        "return new Uint8Array(0)", "return new Float64Array([NaN, -0])", "return new DataView(new ArrayBuffer(4))", "return new SharedArrayBuffer(8)",
        "return new WeakMap()", "return new Map([[1, 2], ['a', {}]])", "return new Set([1, 'a'])", "return new Promise(() => {})",
        "return Promise.reject(new Error('r'))", "return () => 1", "return async () => 1", "return function* () { yield 1 }", "return (function () {}).bind(null)",
        "return class { constructor() { throw new Error('ctor') } }", "return new FuzzTarget()", "return FuzzTarget", "return hInt", "return globalThis",
        "return Object.create(null)", "return [1, 2, 3]", "return ['a', 'b']", "return { a: 1, b: 2 }", "return new Uint8Array([1, 2, 3]).buffer",
        "return new Number(5)", "return new String('s')", "return Object(Symbol())", "return Object(1n)", "return arguments",
    ];

    private static readonly string[] s_hostile =
    [
        "return new Proxy({}, { get() { throw new Error('trap get') } })",
        "return new Proxy([], { get() { throw 1 } })",
        "return new Proxy({}, { ownKeys() { throw new Error('trap keys') } })",
        "return new Proxy({}, { ownKeys() { return ['a', 'a'] } })",
        "return new Proxy({}, { getOwnPropertyDescriptor() { throw 2 } , ownKeys() { return ['a'] } })",
        "return new Proxy({}, { getPrototypeOf() { throw 3 } })",
        "return new Proxy(function () {}, { apply() { throw 4 }, get() { return 5 } })",
        "return new Proxy({}, { has() { throw 5 }, get(t, k) { return k === 'then' ? (r => r(1)) : undefined } })",
        "const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy",
        "const r = Proxy.revocable([], {}); r.revoke(); return r.proxy",
        "const r = Proxy.revocable(function () {}, {}); r.revoke(); return r.proxy",
        "let r; r = Proxy.revocable({}, { get(t, k) { r.revoke(); return 1 } }); return r.proxy",
        "let n = 0; return { get a() { globalThis.sideEffects = ++n; return n }, b: 2 }",
        "return { get a() { throw new Error('getter') }, b: 1 }",
        "return [1, 2, { get x() { throw 1 } }]",
        "const a = [1, 2, 3]; Object.defineProperty(a, 1, { get() { throw new Error('index getter') } }); return a",
        "const a = [1, 2, 3]; Object.setPrototypeOf(a, new Proxy([], { get() { throw 1 } })); return a",
        "const a = [1, 2]; Object.setPrototypeOf(a, null); return a",
        "const o = {}; Object.setPrototypeOf(o, new Proxy({}, { get() { throw 1 } })); return o",
        "const o = {}; o.self = o; return o",
        "const a = []; a.push(a, a); return a",
        "const m = new Map(); m.set(m, m); return m",
        "return Object.freeze({ a: 1, b: [1] })",
        "return Object.seal([1, 2])",
        "return Object.preventExtensions({ a: 1 })",
        "return { hostException: 5 }",
        "return { get hostException() { throw 1 } }",
        "return { then(r) { r(1) } }",
        "return { then() { throw 1 } }",
        "return { toJSON() { throw 1 } }",
        "return { [Symbol.toPrimitive]() { throw new Error('prim') } }",
        "return { valueOf() { throw 1 }, toString() { throw 2 } }",
        "return { [Symbol('k')]: 1, a: Symbol('v') }",
        "return { length: 2 ** 32, 0: 1 }",
        "return { length: -1 }",
        "const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] }); return b",
        "const b = new ArrayBuffer(16); const u = new Uint8Array(b); b.transfer(); return u",
        "const b = new ArrayBuffer(16); const d = new DataView(b); b.transfer(); return d",
        "const b = new ArrayBuffer(8, { maxByteLength: 16 }); const u = new Uint8Array(b); b.resize(0); return u",
        "const e = new Error('x'); e.name = { toString() { throw 1 } }; return e",
        "const e = new TypeError('x'); Object.defineProperty(e, 'stack', { get() { throw 1 } }); return e",
        "const f = function () {}; f.a = 1; Object.defineProperty(f, 'length', { value: -5 }); return f",
        "return new Proxy(new FuzzTarget(), {})",
        "const t = new FuzzTarget(); Object.setPrototypeOf(t, null); return t",
        "return Object.create(FuzzTarget.prototype)",
        "return new Date(2020, 0, 1)",
    ];

    private static readonly string[] s_huge =
    [
        "const a = []; a[5e6] = 1; return a",
        "const a = []; a.length = 2 ** 32 - 1; return a",
        "return new Array(1e6).fill(7)",
        "return new Array(1e5).fill('s')",
        "return new Uint8Array(1 << 24)",
        "const o = {}; for (let i = 0; i < 1e5; i++) o['k' + i] = i; return o",
        "let a = []; for (let i = 0; i < 1e4; i++) a = [a]; return a",
        "let o = {}; for (let i = 0; i < 1e4; i++) o = { o }; return o",
    ];

    /// <summary>Diagnostics only (`--no-lone-surrogates`): leaves out the lone-surrogate string, which aborts the process today.</summary>
    public static bool SkipLoneSurrogates { get; set; }

    public string Next()
    {
        while (true)
        {
            var body = Body(2);
            if (!SkipLoneSurrogates || !body.Contains("\\ud800", StringComparison.Ordinal))
                return body;
        }
    }

    private string Body(int depth)
    {
        var pick = random.Next(100);
        if (huge && pick < 5)
            return s_huge[random.Next(s_huge.Length)];
        if (pick < 30)
            return s_primitives[random.Next(s_primitives.Length)];
        if (pick < 75 || depth == 0)
            return s_hostile[random.Next(s_hostile.Length)];
        var inner1 = Expression(depth - 1);
        var inner2 = Expression(depth - 1);
        return random.Next(6) switch
        {
            0 => $"return [{inner1}, {inner2}]",
            1 => $"return {{ a: {inner1}, b: {inner2}, then: undefined }}",
            2 => $"return new Proxy({{ a: 1 }}, {{ get(t, k) {{ return k === 'a' ? {inner1} : Reflect.get(t, k) }} }})",
            3 => $"const x = {inner1}; try {{ Object.freeze(x) }} catch {{}} return x",
            4 => $"return new Map([[{inner1}, {inner2}]])",
            _ => $"const o = {{ x: {inner1} }}; Object.setPrototypeOf(o, (() => {{ try {{ return Object({inner2}) }} catch {{ return null }} }})()); return o",
        };
    }

    private string Expression(int depth) => $"(() => {{ {Body(depth)} }})()";
}
