namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `thrown &lt;thrower&gt; &lt;entry&gt;`: a hostile thrown value through one entry point. Expected: a
/// JavaScriptException, and the context still evaluates 1+1.
/// </summary>
internal static class ThrownValues
{
    public static readonly IReadOnlyDictionary<string, string> Throwers = new Dictionary<string, string>
    {
        ["revoked-proxy"] = "const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy;",
        ["throwing-get-proxy"] = "throw new Proxy({}, { get() { throw 1; } });",
        ["junk-get-proxy"] = "throw new Proxy({}, { get() { return 5; } });",
        ["host-exception-field"] = "throw { hostException: 5 };",
        ["host-exception-getter"] = "throw { get hostException() { throw 1 } };",
        ["host-exception-prototype"] = "Object.prototype.hostException = {}; throw {};",
        ["lone-surrogate-error"] = "throw new Error('a\\udc00b');",
        ["lone-surrogate-string"] = "throw 'a\\udc00b';",
    };

    public static readonly string[] Entries = ["eval", "script-run", "invoke", "promise-wait", "promise-await", "module", "host-callback"];

    public static void Run(string[] args)
    {
        var thrower = Throwers[args[0]];
        var entry = args[1];
        var name = $"thrown.{args[0]}.{entry}";
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("callBack", (JsFunction f) => f.Invoke())
            .Build();

        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.Outcome(name, () => Throw(context, thrower, entry)));
        Report.Result(name, outcome);
        Report.Result(name + ".after", Report.Bounded(name + ".after", TimeSpan.FromSeconds(10), () => Report.StillWorks(context)));
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
                Rejected(context, thrower).Wait(TimeSpan.FromSeconds(5));
                break;
            case "promise-await":
                var task = Rejected(context, thrower).AsTask();
                if (!task.Wait(TimeSpan.FromSeconds(5)))
                    throw new TimeoutException("the rejected promise's task did not complete");
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

    private static JsPromise Rejected(Context context, string thrower) =>
        context.Eval<JsPromise>($"(() => {{ try {{ {thrower} }} catch (e) {{ return Promise.reject(e); }} }})()");
}
