using BenchmarkDotNet.Attributes;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 2a: property get <c>p.x</c> on a <see cref="Point"/>(3, 4), 1000 reads per invocation.</summary>
[MemoryDiagnoser]
public class PropertyGetBenchmarks
{
    private const double Expected = PointX * Iterations;

    private V8HostLoop _generated = null!;
    private ClearScriptLoop _reflection = null!;
    private ClearScriptLoop _fastObject = null!;
    private ClearScriptLoop _fastFunction = null!;
    private JintLoop _jint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = InteropCheck.Verified(new V8HostLoop("p", new GeneratedPoint(PointX, PointY),
            Loop("acc += p.x;")), Expected, "(a) V8Host generated");

        _reflection = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("p", new Point(PointX, PointY)),
            Loop("acc += p.x;")), Expected, "(b) ClearScript reflection");

        _fastObject = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("p", new FastPoint(new Point(PointX, PointY))),
            Loop("acc += p.x;")), Expected, "(c) V8FastHostObject");

        _fastFunction = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("pointGetX", FastHostFunctions.PointGetX(new Point(PointX, PointY))),
            Loop("acc += pointGetX();")), Expected, "(d) V8FastHostFunction");

        _jint = InteropCheck.Verified(new JintLoop(
            e => e.SetValue("p", new Point(PointX, PointY)),
            Loop("acc += p.x;")), Expected, "(e) Jint");
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
