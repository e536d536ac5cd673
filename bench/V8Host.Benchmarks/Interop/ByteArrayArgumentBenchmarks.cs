using BenchmarkDotNet.Attributes;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>Operation 4: byte[] argument, <c>s.sum(bytes)</c> with <c>bytes</c> a JS <c>Uint8Array(64)</c> holding 0..63
/// (created once, in JS), summed on the .NET side; 1000 calls per invocation.</summary>
/// <remarks>How the bytes reach .NET per variant: (b) a reflection-bound <c>ITypedArray&lt;byte&gt;</c> parameter
/// (<see cref="ClearScriptBytesService"/>), (c)/(d) <c>args.Get&lt;ITypedArray&lt;byte&gt;&gt;(0)</c>, both then
/// <see cref="TypedArrayBytes.Sum"/> (copy to a stack buffer); (e) Jint converts the typed array to a new
/// <c>byte[]</c> for <see cref="StringAndBytes.Sum(byte[])"/>.</remarks>
[MemoryDiagnoser]
public class ByteArrayArgumentBenchmarks
{
    private const double Expected = (double)ByteSum * Iterations;

    private V8HostLoop _generated = null!;
    private ClearScriptLoop _reflection = null!;
    private ClearScriptLoop _fastObject = null!;
    private ClearScriptLoop _fastFunction = null!;
    private JintLoop _jint = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(),
            Loop("acc += s.sum(bytes);")), Expected, "(a) V8Host generated");

        _reflection = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("s", new ClearScriptBytesService()),
            Loop("acc += s.sum(bytes);")), Expected, "(b) ClearScript reflection");

        _fastObject = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("s", new FastStringAndBytes(new StringAndBytes())),
            Loop("acc += s.sum(bytes);")), Expected, "(c) V8FastHostObject");

        _fastFunction = InteropCheck.Verified(new ClearScriptLoop(
            e => e.AddHostObject("sum", FastHostFunctions.Sum()),
            Loop("acc += sum(bytes);")), Expected, "(d) V8FastHostFunction");

        _jint = InteropCheck.Verified(new JintLoop(
            e => e.SetValue("s", new StringAndBytes()),
            Loop("acc += s.sum(bytes);")), Expected, "(e) Jint");
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
