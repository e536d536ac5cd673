using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript.V8;
using V8Host;

namespace V8Host.Benchmarks;

/// <summary>What the V8Host runtime layer costs over raw ClearScript (the baseline of each pair).</summary>
[MemoryDiagnoser]
public class ContextCreationBenchmarks
{
    [Benchmark(Baseline = true, Description = "ClearScript: new V8ScriptEngine + dispose")]
    public void RawEngine()
    {
        using var engine = new V8ScriptEngine();
    }

    [Benchmark(Description = "V8Host: new Isolate().CreateContext() + dispose")]
    public void V8HostContext()
    {
        using var context = new Isolate().CreateContext();
    }

    [Benchmark(Description = "V8Host: ... with UseWebPlatform() + dispose")]
    public void V8HostWebPlatformContext()
    {
        using var context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();
    }
}

[MemoryDiagnoser]
public class EvalRoundTripBenchmarks
{
    private V8ScriptEngine _engine = null!;
    private V8ScriptEngine _limited = null!;
    private Context _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new V8ScriptEngine();
        // What V8Host sets on every isolate (EngineCore): ClearScript then samples the heap and starts a
        // watch timer at the start of every outermost call.
        _limited = new V8ScriptEngine { MaxRuntimeHeapSize = (UIntPtr)(512UL << 20) };
        _context = new Isolate().CreateContext();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _limited.Dispose();
        _context.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ClearScript: Evaluate(\"1 + 1\")")]
    public object RawEvaluate() => _engine.Evaluate("1 + 1");

    [Benchmark(Description = "ClearScript: Evaluate(\"1 + 1\"), MaxRuntimeHeapSize set")]
    public object LimitedEvaluate() => _limited.Evaluate("1 + 1");

    [Benchmark(Description = "V8Host: Eval(\"1 + 1\")")]
    public object? V8HostEval() => _context.Eval("1 + 1");

    [Benchmark(Description = "V8Host: Eval<int>(\"1 + 1\")")]
    public int V8HostEvalTyped() => _context.Eval<int>("1 + 1");
}

[MemoryDiagnoser]
public class RuntimeHostFunctionBenchmarks
{
    private V8ScriptEngine _engine = null!;
    private Context _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new V8ScriptEngine();
        _engine.AddHostObject("add", new Func<int, int, int>((a, b) => a + b));
        _engine.Execute("globalThis.loop = () => { let s = 0; for (let i = 0; i < 1000; i++) s = add(s, 1); return s; }");
        _context = new Isolate().CreateContextBuilder().AddHostFunction("add", new Func<int, int, int>((a, b) => a + b)).Build();
        _context.Eval("globalThis.loop = () => { let s = 0; for (let i = 0; i < 1000; i++) s = add(s, 1); return s; }");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _context.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ClearScript AddHostObject(delegate): 1000 calls")]
    public object RawDelegate() => _engine.Evaluate("loop()");

    [Benchmark(Description = "V8Host AddHostFunction (reflection path): 1000 calls")]
    public object? V8HostDelegate() => _context.Eval("loop()");
}
