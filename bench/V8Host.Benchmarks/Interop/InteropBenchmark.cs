using BenchmarkDotNet.Attributes;
using static V8Host.Benchmarks.Interop.InteropScripts;

namespace V8Host.Benchmarks.Interop;

/// <summary>
/// One interop operation through the five binding strategies. Each subclass names the JS statement
/// and the object every variant exposes; variant (d), the one-crossing floor, is the baseline.
/// </summary>
[MemoryDiagnoser]
public abstract class InteropBenchmark
{
    private IInteropLoop _generated = null!;
    private IInteropLoop _reflection = null!;
    private IInteropLoop _fastObject = null!;
    private IInteropLoop _fastFunction = null!;
    private IInteropLoop _jint = null!;

    /// <summary>What one run of the loop returns when every call reached .NET.</summary>
    protected abstract double Expected { get; }

    /// <summary>The global name the variants expose their object under (<c>p</c>, <c>s</c>).</summary>
    protected abstract string Name { get; }

    /// <summary>The per-iteration statement for variants (a), (b), (c), (e).</summary>
    protected abstract string Statement { get; }

    /// <summary>The per-iteration statement for (d), which calls a global fast host function.</summary>
    protected abstract string FloorStatement { get; }

    protected abstract object GeneratedTarget();

    protected abstract object ReflectionTarget();

    protected abstract object FastObjectTarget();

    protected abstract (string Name, object Function) FloorFunction();

    protected abstract object JintTarget();

    /// <summary>Extra checks after set-up (e.g. that writes reached .NET).</summary>
    protected virtual void Verify()
    {
    }

    [GlobalSetup]
    public void Setup()
    {
        _generated = InteropCheck.Verified(new V8HostLoop(Name, GeneratedTarget(), Loop(Statement)), Expected, "(a) V8Host generated");
        _reflection = InteropCheck.Verified(new ClearScriptLoop(e => e.AddHostObject(Name, ReflectionTarget()), Loop(Statement)), Expected, "(b) ClearScript reflection");
        _fastObject = InteropCheck.Verified(new ClearScriptLoop(e => e.AddHostObject(Name, FastObjectTarget()), Loop(Statement)), Expected, "(c) V8FastHostObject");
        var (floorName, floor) = FloorFunction();
        _fastFunction = InteropCheck.Verified(new ClearScriptLoop(e => e.AddHostObject(floorName, floor), Loop(FloorStatement)), Expected, "(d) V8FastHostFunction");
        _jint = InteropCheck.Verified(new JintLoop(e => e.SetValue(Name, JintTarget()), Loop(Statement)), Expected, "(e) Jint");
        Verify();
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
