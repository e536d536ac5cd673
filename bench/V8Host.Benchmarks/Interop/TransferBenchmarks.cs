using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript.V8.FastProxy;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>
/// Issue 16, item 1: byte buffers through V8Host's transfer buffer, and strings, against a zero-argument fast
/// crossing, 1000 calls per invocation, all through generated bindings except the ClearScript floor.
/// </summary>
[MemoryDiagnoser]
public class TransferBenchmarks
{
    private IInteropLoop _floor = null!;
    private IInteropLoop _zeroArgument = null!;
    private IInteropLoop _byteArgument = null!;
    private IInteropLoop _byteReturn = null!;
    private IInteropLoop _stringArgument = null!;
    private IInteropLoop _stringReturn = null!;

    [GlobalSetup]
    public void Setup()
    {
        var zero = new V8FastHostFunction("zero", (bool _, in V8FastArgs _, in V8FastResult result) => result.Set(1));
        _floor = InteropCheck.Verified(new ClearScriptLoop(e => e.AddHostObject("zero", zero), Loop("acc += zero();")), Iterations, "ClearScript V8FastHostFunction, no argument");
        _zeroArgument = InteropCheck.Verified(new V8HostLoop("p", new GeneratedPoint(3, 4), Loop("acc += p.length() / 5;")), Iterations, "V8Host p.length()");
        _byteArgument = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(), Loop("acc += s.sum(bytes);")), (double)ByteSum * Iterations, "V8Host s.sum(bytes)");
        _byteReturn = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(), Loop("acc += s.bytes()[63];")), 63.0 * Iterations, "V8Host s.bytes()");
        // A string built per call (not a literal V8 could hand over already flattened and internalized).
        _stringArgument = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(), Loop("acc += s.measure('x'.repeat(63) + (i & 1));")), 64.0 * Iterations, "V8Host s.measure(text)");
        _stringReturn = InteropCheck.Verified(new V8HostLoop("s", new GeneratedStringAndBytes(), Loop("acc += s.text().length;")), 64.0 * Iterations, "V8Host s.text()");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _zeroArgument.Dispose();
        _byteArgument.Dispose();
        _byteReturn.Dispose();
        _stringArgument.Dispose();
        _stringReturn.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ClearScript V8FastHostFunction zero()")]
    public double Floor() => _floor.Run();

    [Benchmark(Description = "V8Host generated p.length()")]
    public double ZeroArgument() => _zeroArgument.Run();

    [Benchmark(Description = "V8Host generated s.sum(bytes), 64-byte Uint8Array")]
    public double ByteArgument() => _byteArgument.Run();

    [Benchmark(Description = "V8Host generated s.bytes(), 64-byte byte[] result")]
    public double ByteReturn() => _byteReturn.Run();

    [Benchmark(Description = "V8Host generated s.measure(text), 64-char string")]
    public double StringArgument() => _stringArgument.Run();

    [Benchmark(Description = "V8Host generated s.text(), 64-char string result")]
    public double StringReturn() => _stringReturn.Run();
}
