using BenchmarkDotNet.Attributes;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 3: string argument, <c>s.measure("hello world")</c> returning its length, 1000 calls per invocation.</summary>
[MemoryDiagnoser]
public class StringArgumentBenchmarks
{
    private static readonly double Expected = (double)HelloWorld.Length * Iterations;

    private V8HostLoop _generated = null!;
    private ClearScriptLoop _reflection = null!;
    private ClearScriptLoop _fastObject = null!;
    private ClearScriptLoop _fastFunction = null!;
    private JintLoop _jint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(),
            Loop("acc += s.measure(\"hello world\");")), Expected, "(a) V8Host generated");

        _reflection = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("s", new StringAndBytes()),
            Loop("acc += s.measure(\"hello world\");")), Expected, "(b) ClearScript reflection");

        _fastObject = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("s", new FastStringAndBytes(new StringAndBytes())),
            Loop("acc += s.measure(\"hello world\");")), Expected, "(c) V8FastHostObject");

        _fastFunction = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("measure", FastHostFunctions.Measure(new StringAndBytes())),
            Loop("acc += measure(\"hello world\");")), Expected, "(d) V8FastHostFunction");

        _jint = InteropCheck.Verified(new JintLoop(
            e => e.SetValue("s", new StringAndBytes()),
            Loop("acc += s.measure(\"hello world\");")), Expected, "(e) Jint");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _generated?.Dispose();
        _reflection?.Dispose();
        _fastObject?.Dispose();
        _fastFunction?.Dispose();
        _jint?.Dispose();
    }

    [Benchmark(Description = "(a) V8Host generated")]
    public double V8HostGenerated() => _generated.Run();

    [Benchmark(Description = "(b) ClearScript reflection")]
    public double ClearScriptReflection() => _reflection.Run();

    [Benchmark(Description = "(c) V8FastHostObject")]
    public double FastHostObject() => _fastObject.Run();

    [Benchmark(Baseline = true, Description = "(d) V8FastHostFunction")]
    public double FastHostFunction() => _fastFunction.Run();

    [Benchmark(Description = "(e) Jint 4.18")]
    public double Jint() => _jint.Run();
}
