namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `thrown-data &lt;thrower&gt;`: a thrown object built to abuse the copy of its own data properties
/// into Exception.Data (getters, traps, sheer size, ill-formed text), through every entry point in a
/// fresh context each. Expected per entry: `data:&lt;count&gt;` (a JavaScriptException whose Data has that
/// many entries; ThrownDataTests lists the count per thrower), and the context still evaluates 1+1.
/// </summary>
internal static class ThrownData
{
    public static readonly IReadOnlyDictionary<string, string> Throwers = new Dictionary<string, string>
    {
        // 100 enumerable getters that never return, around one data property.
        ["getter-bomb"] = "const o = { code: 1 }; for (let i = 0; i < 100; i++) Object.defineProperty(o, 'g' + i, { get() { for (;;) {} }, enumerable: true }); throw o;",
        // Every trap throws ill-formed text.
        ["throwing-traps"] = "const t = () => { throw 'x\\udc00'; }; throw new Proxy({ a: 1 }, { get: t, ownKeys: t, getOwnPropertyDescriptor: t, getPrototypeOf: t, has: t });",
        // ownKeys reports a million keys, each with a data descriptor.
        ["proxy-million-keys"] = "const keys = []; for (let i = 0; i < 1e6; i++) keys.push('k' + i); throw new Proxy({}, { ownKeys: () => keys, getOwnPropertyDescriptor: (t, k) => ({ value: 1, enumerable: true, configurable: true }) });",
        ["million-keys"] = "const o = {}; for (let i = 0; i < 1e6; i++) o['k' + i] = i; throw o;",
        ["million-symbol-keys"] = "const o = { code: 1 }; for (let i = 0; i < 1e5; i++) o[Symbol()] = i; throw o;",
        ["huge-values"] = "throw { s: 'x'.repeat(1 << 24), b: 2n ** 1000000n, code: 1 };",
        // Reflect and Object built-ins replaced with traps of their own: the glue does not use them.
        ["tampered-reflection"] = "Reflect.ownKeys = Reflect.getOwnPropertyDescriptor = Object.prototype.hasOwnProperty = () => { for (;;) {} }; throw { code: 1 };",
        ["lone-surrogate-value"] = "throw { code: 'a\\udc00b' };",
        ["lone-surrogate-key"] = "throw { ['a\\udc00']: 1 };",
        ["error-with-data"] = "throw Object.assign(new Error('x\\udc00'), { code: 'E42', status: 404 });",
    };

    public static readonly string[] Entries = ["eval", "script-run", "invoke", "promise-wait", "module", "host-callback"];

    public static void Run(string[] args)
    {
        var thrower = Throwers[args[0]];
        foreach (var entry in Entries)
        {
            var name = $"thrown-data.{args[0]}.{entry}";
            using var context = new Isolate().CreateContextBuilder()
                .AddHostFunction("callBack", (JsFunction f) => f.Invoke())
                .Build();

            Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(30), () => Outcome(name, context, thrower, entry)));
            Report.Result(name + ".after", Report.Bounded(name + ".after", TimeSpan.FromSeconds(10), () => Report.StillWorks(context)));
        }
    }

    private static string Outcome(string name, Context context, string thrower, string entry)
    {
        try
        {
            Throw(context, thrower, entry);
            return "ok";
        }
        catch (JavaScriptException exception)
        {
            return $"data:{exception.Data.Count}";
        }
        catch (Exception exception)
        {
            Report.Detail(name, exception);
            return Report.Kind(exception);
        }
    }

    private static void Throw(Context context, string thrower, string entry)
    {
        switch (entry)
        {
            case "eval":
                context.Eval(thrower);
                break;
            case "script-run":
                using (var script = context.Compile(thrower, "thrower.js"))
                    script.Run();
                break;
            case "invoke":
                context.Eval<JsFunction>($"(function () {{ {thrower} }})").Invoke();
                break;
            case "promise-wait":
                context.Eval<JsPromise>($"(() => {{ try {{ {thrower} }} catch (e) {{ return Promise.reject(e); }} }})()").Wait(TimeSpan.FromSeconds(20));
                break;
            case "module":
                var module = context.CompileModule(thrower, "thrower.mjs");
                module.Instantiate();
                module.Evaluate();
                break;
            case "host-callback":
                context.Eval($"callBack(function () {{ {thrower} }})");
                break;
            default:
                throw new ArgumentException("unknown entry " + entry);
        }
    }
}
