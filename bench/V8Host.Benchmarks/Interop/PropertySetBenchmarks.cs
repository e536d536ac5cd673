using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 2b: property set <c>p.x = i</c>, 1000 writes per invocation.</summary>
/// <remarks>The loop also sums <c>i</c> in JS (no crossing) as its return value; set-up checks that the
/// last write reached each variant's .NET object, so a write that never crosses cannot look fast.</remarks>
public class PropertySetBenchmarks : InteropBenchmark
{
    private readonly GeneratedPoint _generatedPoint = new(PointX, PointY);
    private readonly Point _reflectionPoint = new(PointX, PointY);
    private readonly Point _fastObjectPoint = new(PointX, PointY);
    private readonly Point _fastFunctionPoint = new(PointX, PointY);
    private readonly Point _jintPoint = new(PointX, PointY);

    protected override double Expected => Iterations * (Iterations - 1) / 2.0;

    protected override string Name => "p";

    protected override string Statement => "p.x = i; acc += i;";

    protected override string FloorStatement => "pointSetX(i); acc += i;";

    protected override object GeneratedTarget() => _generatedPoint;

    protected override object ReflectionTarget() => _reflectionPoint;

    protected override object FastObjectTarget() => new FastPoint(_fastObjectPoint);

    protected override (string Name, object Function) FloorFunction() => ("pointSetX", FastHostFunctions.PointSetX(_fastFunctionPoint));

    protected override object JintTarget() => _jintPoint;

    protected override void Verify()
    {
        InteropCheck.Expect(_generatedPoint.X == Iterations - 1, $"(a): p.x = i did not reach .NET (X is {_generatedPoint.X}).");
        foreach (var (variant, point) in new[] { ("(b)", _reflectionPoint), ("(c)", _fastObjectPoint), ("(d)", _fastFunctionPoint), ("(e)", _jintPoint) })
            InteropCheck.Expect(point.X == Iterations - 1, $"{variant}: p.x = i did not reach .NET (X is {point.X}).");
    }
}
