using BenchmarkDotNet.Attributes;
using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// One request's script (a small pricing rule) three ways, on one thread: in a context held for good
/// (the floor: a bare Eval), rented from a <see cref="ContextPool"/> and returned (the return resets the
/// globals to the pool's baseline), and in a new context per request. The rule keeps to resettable
/// state (it assigns to globalThis), so the pool reuses one context throughout.
/// </summary>
[MemoryDiagnoser]
public class ContextPoolBenchmarks
{
    private const string Rule = PricingRule.Script;

    private Context _held = null!;
    private ContextPool _pool = null!;

    [GlobalSetup]
    public void Setup()
    {
        _held = NewBuilder(new Isolate()).Build();
        _pool = new ContextPool(new ContextPoolOptions { MaxSize = 1, MaxUsesPerContext = 0, Configure = builder => builder.Install(ConsoleApi.Discard) });
        using (var lease = _pool.Rent())
        {
            PricingRule.Check(lease.Context.Eval<double>(Rule));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pool.Dispose();
        _held.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Eval on a held context")]
    public double Held() => _held.Eval<double>(Rule);

    [Benchmark(Description = "ContextPool: rent + Eval + return")]
    public double Pooled()
    {
        using var lease = _pool.Rent();
        return lease.Context.Eval<double>(Rule);
    }

    [Benchmark(Description = "new context per request: create + Eval + dispose")]
    public double ContextPerRequest()
    {
        using var context = NewBuilder(new Isolate()).Build();
        return context.Eval<double>(Rule);
    }

    private static ContextBuilder NewBuilder(Isolate isolate) => isolate.CreateContextBuilder().Install(ConsoleApi.Discard);
}
