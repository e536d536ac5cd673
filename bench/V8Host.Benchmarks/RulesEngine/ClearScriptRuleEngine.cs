using System.Globalization;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// ClearScript: <c>pricing</c> through <c>AddHostObject</c>, the order passed as a .NET object to
/// <c>ScriptObject.InvokeAsFunction</c>, so JS sees host objects bound by reflection (names from
/// [ScriptMember]). Its lists are host objects too: <c>items.Count</c> and <c>items[i]</c>.
/// </summary>
public sealed class ClearScriptRuleEngine : RuleEngine
{
    private readonly V8ScriptEngine _engine = new();
    private readonly List<ScriptObject> _functions = [];

    public ClearScriptRuleEngine(RulePricing pricing) => _engine.AddHostObject("pricing", pricing);

    public override string Count => "Count";

    public override OrderCall Compile(string source)
    {
        var function = Evaluate(source);
        return order => ToDouble(function.InvokeAsFunction(order));
    }

    public override Func<double> CompileNoArgument(string source)
    {
        var function = Evaluate(source);
        return () => ToDouble(function.InvokeAsFunction());
    }

    public override void Dispose()
    {
        foreach (var function in _functions)
            function.Dispose();
        _engine.Dispose();
    }

    private ScriptObject Evaluate(string source)
    {
        var function = (ScriptObject)_engine.Evaluate(source);
        _functions.Add(function);
        return function;
    }

    // ClearScript hands back a JS number as a boxed int or double.
    private static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
