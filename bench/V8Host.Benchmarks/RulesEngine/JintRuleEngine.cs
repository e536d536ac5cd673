using Jint;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// Jint 4.18 with its CLR interop: <c>pricing</c> through <c>SetValue</c>, the rule function value
/// called with <c>Engine.Invoke(function, order)</c>, which wraps the order in Jint's object wrapper.
/// The interpreter reads the .NET properties in managed code (no native boundary).
/// </summary>
public sealed class JintRuleEngine : RuleEngine
{
    private readonly Jint.Engine _engine = new();

    public JintRuleEngine(RulePricing pricing) => _engine.SetValue("pricing", pricing);

    // Jint's wrapper of a .NET list answers `length` (and `Count`); the Array spelling keeps the JS as V8Host's.
    public override string Count => "length";

    public override OrderCall Compile(string source)
    {
        var function = _engine.Evaluate(source);
        return order => _engine.Invoke(function, order).AsNumber();
    }

    public override Func<double> CompileNoArgument(string source)
    {
        var function = _engine.Evaluate(source);
        return () => _engine.Invoke(function).AsNumber();
    }

    public override void Dispose() => _engine.Dispose();
}
