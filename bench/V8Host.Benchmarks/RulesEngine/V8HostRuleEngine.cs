namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// V8Host: the order is a generated [HostClass] instance handed to <see cref="JsFunction.Invoke{T}"/>
/// (the same JS object every time for the same .NET instance), <c>pricing</c> a [HostClass] global.
/// </summary>
public sealed class V8HostRuleEngine : RuleEngine
{
    public V8HostRuleEngine(RulePricing pricing)
    {
        Context = new Isolate().CreateContextBuilder()
            .AddHostClass<RuleOrder>()
            .AddHostClass<RuleLineItem>()
            .AddHostClass<RulePricing>()
            .AddHostClass<RuleOrderWithDataItems>()
            .SetGlobal("pricing", pricing)
            .Build();
    }

    /// <summary>The context, for the alternatives that pass other arguments (V8HostAlternatives).</summary>
    public Context Context { get; }

    // order.items is a JS Array (a copy of the IReadOnlyList).
    public override string Count => "length";

    public override OrderCall Compile(string source)
    {
        var function = Context.Eval<JsFunction>(source);
        return order => function.Invoke<double>(order);
    }

    public override Func<double> CompileNoArgument(string source)
    {
        var function = Context.Eval<JsFunction>(source);
        return () => function.Invoke<double>();
    }

    public override void Dispose() => Context.Dispose();
}
