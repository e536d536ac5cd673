using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript.V8;
using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// What a pool of contexts on one shared isolate would cost per request, at ClearScript level, against
/// V8Host's <see cref="ContextPool"/> (one isolate per context, globals reset on return). The batch is
/// <see cref="ConcurrentCallerBenchmarks"/>'s: <see cref="CallerBatch.Requests"/> requests over 1, 2
/// and 4 callers, as many engines as callers. Two ClearScript pools bracket the cost: engines on one
/// shared <see cref="V8Runtime"/>, and engines with a runtime each. Neither resets anything between
/// renters (so they measure less than the V8Host pool does), and both have a heap limit with the
/// Interrupt policy, as every V8Host isolate has, so that the per-call heap check is in every row.
/// </summary>
[MemoryDiagnoser]
public class SharedRuntimePoolBenchmarks
{
    private const ulong HeapLimit = 256 << 20;

    private ContextPool _pool = null!;
    private CallerBatch _callers = null!;
    private V8Runtime _runtime = null!;
    private readonly ConcurrentBag<V8ScriptEngine> _shared = new();
    private readonly ConcurrentBag<V8ScriptEngine> _own = new();

    [Params(1, 2, 4)]
    public int Callers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _callers = new CallerBatch(Callers);
        _pool = new ContextPool(new ContextPoolOptions
        {
            MaxSize = Callers,
            MaxUsesPerContext = 0,
            IsolateOptions = new IsolateOptions { MaxHeapBytes = (long)HeapLimit },
            Configure = builder => builder.Install(ConsoleApi.Discard),
        });
        var leases = Enumerable.Range(0, Callers).Select(_ => _pool.Rent()).ToList();
        leases.ForEach(lease => lease.Dispose());

        _runtime = new V8Runtime { MaxHeapSize = (UIntPtr)HeapLimit, HeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt };
        for (var i = 0; i < Callers; i++)
        {
            _shared.Add(_runtime.CreateScriptEngine());
            var own = new V8ScriptEngine { MaxRuntimeHeapSize = (UIntPtr)HeapLimit, RuntimeHeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt };
            _own.Add(own);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _callers.Dispose();
        var created = _pool.Created;
        _pool.Dispose();
        foreach (var engine in _shared.Concat(_own))
            engine.Dispose();
        _runtime.Dispose();
        if (created != Callers)
            throw new InvalidOperationException($"The pool created {created} contexts for {Callers} callers: some were recycled.");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallerBatch.Requests, Description = "V8Host ContextPool (isolate each, reset on return)")]
    public void V8HostPool() => _callers.Run(() => PricingRule.RunPooled(_pool));

    [Benchmark(OperationsPerInvoke = CallerBatch.Requests, Description = "ClearScript engines on one shared V8Runtime (no reset)")]
    public void SharedRuntimePool() => _callers.Run(() => Request(_shared));

    [Benchmark(OperationsPerInvoke = CallerBatch.Requests, Description = "ClearScript engines, a runtime each (no reset)")]
    public void OwnRuntimePool() => _callers.Run(() => Request(_own));

    // Rent by taking from the bag, return by adding back: as many engines as callers, so a take never fails.
    private static void Request(ConcurrentBag<V8ScriptEngine> engines)
    {
        if (!engines.TryTake(out var engine))
            throw new InvalidOperationException("No idle engine: more callers than engines.");
        try
        {
            PricingRule.Check(Convert.ToDouble(engine.Evaluate(PricingRule.Script)));
        }
        finally
        {
            engines.Add(engine);
        }
    }
}
