using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript.V8;
using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// What a context costs to create when it gets its own isolate and when it shares one: a ClearScript
/// engine with its own runtime (<c>new V8ScriptEngine()</c>, the baseline), an engine on one shared
/// runtime (<c>V8Runtime.CreateScriptEngine()</c>: a new context on an existing isolate), and V8Host's
/// own context (always its own isolate) for reference. Each is created, runs the pricing rule once and
/// is disposed. The ClearScript engines have no heap limit (ClearScript's default).
/// </summary>
[MemoryDiagnoser]
public class SharedIsolateCreationBenchmarks
{
    private V8Runtime _runtime = null!;

    [GlobalSetup]
    public void Setup() => _runtime = new V8Runtime();

    [GlobalCleanup]
    public void Cleanup() => _runtime.Dispose();

    [Benchmark(Baseline = true, Description = "ClearScript: new V8ScriptEngine() + Evaluate + dispose")]
    public double OwnRuntime()
    {
        using var engine = new V8ScriptEngine();
        return PricingRule.Check(Convert.ToDouble(engine.Evaluate(PricingRule.Script)));
    }

    [Benchmark(Description = "ClearScript: runtime.CreateScriptEngine() + Evaluate + dispose")]
    public double SharedRuntime()
    {
        using var engine = _runtime.CreateScriptEngine();
        return PricingRule.Check(Convert.ToDouble(engine.Evaluate(PricingRule.Script)));
    }

    [Benchmark(Description = "V8Host: new Isolate().CreateContext() + Eval + dispose")]
    public double V8HostContext()
    {
        using var context = new Isolate().CreateContext();
        return PricingRule.Check(context.Eval<double>(PricingRule.Script));
    }
}
