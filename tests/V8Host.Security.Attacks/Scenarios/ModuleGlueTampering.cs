namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `modules-tamper &lt;target&gt;`: a script replaces an intrinsic the CommonJS runtime could have used
/// (spying on and corrupting its arguments), then requires and imports a module tree with a cycle.
/// RESULT modules-tamper.&lt;target&gt; is "ok" when the modules loaded correctly and the replacement
/// never saw a module record, a require function or a URL.
/// </summary>
internal static class ModuleGlueTampering
{
    private static readonly Dictionary<string, string> s_tamper = new()
    {
        ["map-get"] = "const o = Map.prototype.get; Map.prototype.get = function (k) { spy(k); return o.call(this, k) ?? { exports: 'FORGED' }; };",
        ["map-set"] = "const o = Map.prototype.set; Map.prototype.set = function (k, v) { spy(k); spy(v); return o.call(this, k, v); };",
        ["function-call"] = "const o = Function.prototype.call; Function.prototype.call = function (...a) { spy(a[1]); return Reflect.apply(this, a[0], a.slice(1)); };",
        ["define-property"] = "const o = Object.defineProperty; Object.defineProperty = function (t, k, d) { spy(t); return o(t, k, d); };",
        ["reflect-set"] = "const o = Reflect.set; Reflect.set = function (t, k, v) { spy(t); return o(t, k, v); };",
        ["object-prototype-setters"] = "for (const k of ['exports', 'loaded', 'require', 'resolve', 'code', 'id']) Object.defineProperty(Object.prototype, k, { set(v) { spy(v); }, configurable: true });",
        ["string-template"] = "String.prototype.toString = function () { spy(this); return 'FORGED'; };",
    };

    public static void Run(string[] args)
    {
        var name = $"modules-tamper.{args[0]}";
        var tamper = s_tamper[args[0]];
        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(new Dictionary<string, string>
        {
            ["a.js"] = "exports.fromA = 1; const b = require('./b.js'); exports.sum = b.value + exports.fromA; exports.resolved = require.resolve('./b.js');",
            ["b.js"] = "const a = require('./a.js'); exports.value = 10 + (a.fromA ?? 100);",
            ["data.json"] = """{ "n": 5 }""",
            ["main.mjs"] = "import a from './a.js'; import d from './data.json'; export default `${a.sum} ${a.resolved} ${d.n}`;",
        })).Build();
        context.Eval("globalThis.spied = []; globalThis.spy = v => { if (typeof v === 'object' || typeof v === 'function' || (typeof v === 'string' && v.includes('map:'))) spied.push(v); };");
        context.Eval(tamper);
        var imported = Report.ValueOutcome(name + ".import", () => context.Import("./main.mjs").Get<string>("default"));
        var requireTop = Report.ValueOutcome(name + ".require", () => ((JsObject)context.Require("./a.js")!).Get<int>("sum"));
        var spied = context.Eval<int>("spied.length");
        Report.Detail(name, $"import {imported}; require {requireTop}; spied {spied}");
        var ok = imported == "value:12 map:///b.js 5" && requireTop == "value:12" && spied == 0;
        Report.Result(name, ok ? "ok" : $"import={imported} require={requireTop} spied={spied}");
    }
}
