using Jurassic;
using Jurassic.Library;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// Jurassic 3.2.4 (compiles JS to .NET IL): <c>pricing</c> and the order as ObjectInstance views
/// (JurassicObjects.cs), the compiled function value called with <c>FunctionInstance.Call</c>.
/// </summary>
public sealed class JurassicRuleEngine : RuleEngine
{
    private readonly ScriptEngine _engine = new();
    private readonly ObjectInstance _orderPrototype;
    private readonly ObjectInstance _itemPrototype;

    public JurassicRuleEngine(RulePricing pricing)
    {
        _itemPrototype = JurassicLineItem.CreatePrototype(_engine);
        _orderPrototype = JurassicOrder.CreatePrototype(_engine, _itemPrototype);
        _engine.SetGlobalValue("pricing", new JurassicPricing(_engine, pricing));
    }

    // order.items is a real JS Array here.
    public override string Count => "length";

    public override OrderCall Compile(string source)
    {
        var function = Evaluate(source);
        return order => TypeConverter.ToNumber(function.Call(Undefined.Value, JurassicOrder.Wrap(_orderPrototype, order, _itemPrototype)));
    }

    public override Func<double> CompileNoArgument(string source)
    {
        var function = Evaluate(source);
        return () => TypeConverter.ToNumber(function.Call(Undefined.Value));
    }

    // Jurassic has nothing to release.
    public override void Dispose()
    {
    }

    private FunctionInstance Evaluate(string source) =>
        _engine.Evaluate(source) as FunctionInstance ?? throw new InvalidOperationException($"Jurassic: not a function: {source}");
}
