using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 4: a byte buffer argument, <c>s.sum(bytes)</c> with a 64-byte Uint8Array, 1000 calls per invocation.</summary>
/// <remarks>ClearScript cannot bind a Uint8Array to <c>byte[]</c>: variant (b) takes an <c>ITypedArray&lt;byte&gt;</c> (<see cref="ClearScriptBytesService"/>).</remarks>
public class ByteArrayArgumentBenchmarks : InteropBenchmark
{
    protected override double Expected => (double)ByteSum * Iterations;

    protected override string Name => "s";

    protected override string Statement => "acc += s.sum(bytes);";

    protected override string FloorStatement => "acc += sum(bytes);";

    protected override object GeneratedTarget() => new GeneratedStringAndBytes();

    protected override object ReflectionTarget() => new ClearScriptBytesService();

    protected override object FastObjectTarget() => new FastStringAndBytes(new StringAndBytes());

    protected override (string Name, object Function) FloorFunction() => ("sum", FastHostFunctions.Sum());

    protected override object JintTarget() => new StringAndBytes();
}
