using BenchmarkDotNet.Attributes;
using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// Server throughput: <see cref="CallerBatch.Requests"/> pricing-rule requests split over 1, 2 and 4
/// concurrent callers, through a <see cref="ContextPool"/> (MaxSize = callers, every context created
/// in the set-up) and with a new isolate and context per request. The mean per operation is one
/// request's share of the batch: 1 s divided by it is requests per second at that concurrency.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentCallerBenchmarks
{
    private ContextPool _pool = null!;
    private CallerBatch _callers = null!;

    [Params(1, 2, 4)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _callers = new CallerBatch(Callers);
        _pool = new ContextPool(new ContextPoolOptions
        {
            MaxSize = Callers,
            MinIdle = Callers,
            MaxUsesPerContext = 0,
            Configure = builder => builder.Install(ConsoleApi.Discard),
        });
        // Rent every context at once so that all of them exist before the first measured batch,
        // whatever the background MinIdle fill has done so far.
        var leases = Enumerable.Range(0, Callers).Select(_ => _pool.Rent()).ToList();
        foreach (var lease in leases)
        {
            PricingRule.Check(lease.Context.Eval<double>(PricingRule.Script));
            lease.Dispose();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _callers.Dispose();
        // A context recycled during the run would have put context creation into the pooled rows.
        var created = _pool.Created;
        _pool.Dispose();
        if (created != Callers)
            throw new InvalidOperationException($"The pool created {created} contexts for {Callers} callers: some were recycled.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerBatch.Requests, Description = "ContextPool: rent + Eval + return")]
    public void Pooled() => _callers.Run(() => PricingRule.RunPooled(_pool));

    [Benchmark(OperationsPerInvoke = CallerBatch.Requests, Description = "new context per request: create + Eval + dispose")]
    public void ContextPerRequest() => _callers.Run(() =>
    {
        using var context = new Isolate().CreateContextBuilder().Install(ConsoleApi.Discard).Build();
        PricingRule.Check(context.Eval<double>(PricingRule.Script));
    });
}
