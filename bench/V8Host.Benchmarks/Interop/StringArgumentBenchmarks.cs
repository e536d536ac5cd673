using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 3: a string argument, <c>s.measure("hello world")</c>, 1000 calls per invocation.</summary>
public class StringArgumentBenchmarks : InteropBenchmark
{
    protected override double Expected => (double)HelloWorld.Length * Iterations;

    protected override string Name => "s";

    protected override string Statement => "acc += s.measure(\"hello world\");";

    protected override string FloorStatement => "acc += measure(\"hello world\");";

    protected override object GeneratedTarget() => new GeneratedStringAndBytes();

    protected override object ReflectionTarget() => new StringAndBytes();

    protected override object FastObjectTarget() => new FastStringAndBytes(new StringAndBytes());

    protected override (string Name, object Function) FloorFunction() => ("measure", FastHostFunctions.Measure(new StringAndBytes()));

    protected override object JintTarget() => new StringAndBytes();
}
