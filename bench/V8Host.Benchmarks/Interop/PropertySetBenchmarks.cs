using BenchmarkDotNet.Attributes;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 2b: property set <c>p.x = i</c> on a <see cref="Point"/>, 1000 writes per invocation.</summary>
/// <remarks>The loop also sums <c>i</c> in JS (no crossing) as its return value; GlobalSetup checks that the
/// .NET point ends with <c>X == 999</c>, i.e. the writes really reached .NET.</remarks>
[MemoryDiagnoser]
public class PropertySetBenchmarks
{
    private const double Expected = Iterations * (Iterations - 1) / 2.0;

    private readonly Point _reflectionPoint = new(PointX, PointY);

    private readonly GeneratedPoint _generatedPoint = new(PointX, PointY);
    private readonly Point _fastObjectPoint = new(PointX, PointY);
    private readonly Point _fastFunctionPoint = new(PointX, PointY);
    private readonly Point _jintPoint = new(PointX, PointY);

    private V8HostLoop _generated = null!;
    private ClearScriptLoop _reflection = null!;
    private ClearScriptLoop _fastObject = null!;
    private ClearScriptLoop _fastFunction = null!;
    private JintLoop _jint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = InteropCheck.Verified(new V8HostLoop("p", _generatedPoint,
            Loop("p.x = i; acc += i;")), Expected, "(a) V8Host generated");

        _reflection = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("p", _reflectionPoint),
            Loop("p.x = i; acc += i;")), Expected, "(b) ClearScript reflection");

        _fastObject = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("p", new FastPoint(_fastObjectPoint)),
            Loop("p.x = i; acc += i;")), Expected, "(c) V8FastHostObject");

        _fastFunction = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("pointSetX", FastHostFunctions.PointSetX(_fastFunctionPoint)),
            Loop("pointSetX(i); acc += i;")), Expected, "(d) V8FastHostFunction");

        _jint = InteropCheck.Verified(new JintLoop(
            e => e.SetValue("p", _jintPoint),
            Loop("p.x = i; acc += i;")), Expected, "(e) Jint");

        InteropCheck.Expect(_generatedPoint.X == Iterations - 1, $"(a): p.x = i did not reach .NET (X is {_generatedPoint.X}).");
        foreach (var (variant, point) in new[] { ("(b)", _reflectionPoint), ("(c)", _fastObjectPoint), ("(d)", _fastFunctionPoint), ("(e)", _jintPoint) })
        {
            InteropCheck.Expect(point.X == Iterations - 1, $"{variant}: p.x = i did not reach .NET (X is {point.X}).");
        }
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
