using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 2a: property get <c>p.x</c> on a <see cref="Point"/>(3, 4), 1000 reads per invocation.</summary>
public class PropertyGetBenchmarks : InteropBenchmark
{
    protected override double Expected => PointX * Iterations;

    protected override string Name => "p";

    protected override string Statement => "acc += p.x;";

    protected override string FloorStatement => "acc += pointGetX();";

    protected override object GeneratedTarget() => new GeneratedPoint(PointX, PointY);

    protected override object ReflectionTarget() => new Point(PointX, PointY);

    protected override object FastObjectTarget() => new FastPoint(new Point(PointX, PointY));

    protected override (string Name, object Function) FloorFunction() => ("pointGetX", FastHostFunctions.PointGetX(new Point(PointX, PointY)));

    protected override object JintTarget() => new Point(PointX, PointY);
}
