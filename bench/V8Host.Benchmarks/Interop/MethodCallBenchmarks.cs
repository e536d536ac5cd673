using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 1: <c>p.length()</c> on a <see cref="Point"/>(3, 4), 1000 calls per invocation.</summary>
public class MethodCallBenchmarks : InteropBenchmark
{
    protected override double Expected => 5.0 * Iterations;

    protected override string Name => "p";

    protected override string Statement => "acc += p.length();";

    protected override string FloorStatement => "acc += pointLength();";

    protected override object GeneratedTarget() => new GeneratedPoint(PointX, PointY);

    protected override object ReflectionTarget() => new Point(PointX, PointY);

    protected override object FastObjectTarget() => new FastPoint(new Point(PointX, PointY));

    protected override (string Name, object Function) FloorFunction() => ("pointLength", FastHostFunctions.PointLength(new Point(PointX, PointY)));

    protected override object JintTarget() => new Point(PointX, PointY);
}
