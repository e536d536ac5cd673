using BenchmarkDotNet.Attributes;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// Issue 16's rules engine: <see cref="RuleBook.OrderCount"/> orders, the JS rule called once per order
/// from .NET in each engine (times are per order). Baseline: Jint, the reference. The V8Host
/// alternatives run the same rule with the orders or only their items as plain data, or in one call over the batch.
/// Every variant's grand total is checked against C# in the set-up.
/// </summary>
[MemoryDiagnoser]
public class RulesEngineBenchmarks
{
    private const int Orders = RuleBook.OrderCount;

    private List<RuleOrder> _orders = null!;
    private List<RuleOrderData> _records = null!;
    private List<RuleOrderWithDataItems> _dataItemOrders = null!;
    private V8HostRuleEngine _v8Host = null!;
    private ClearScriptRuleEngine _clearScript = null!;
    private JintRuleEngine _jint = null!;
    private JurassicRuleEngine _jurassic = null!;
    private OrderCall _v8HostRule = null!;
    private OrderCall _clearScriptRule = null!;
    private OrderCall _jintRule = null!;
    private OrderCall _jurassicRule = null!;
    private V8HostAlternatives _alternatives = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pricing = new RulePricing();
        _orders = RuleBook.CreateOrders();
        _records = _orders.Select(RuleOrderData.From).ToList();
        _dataItemOrders = _orders.Select(o => new RuleOrderWithDataItems(o)).ToList();
        var expected = RuleBook.GrandTotal(_orders, o => RuleBook.Rule(o, pricing));

        _v8Host = new V8HostRuleEngine(pricing);
        _clearScript = new ClearScriptRuleEngine(pricing);
        _jint = new JintRuleEngine(pricing);
        _jurassic = new JurassicRuleEngine(pricing);
        _v8HostRule = _v8Host.Compile(RuleScripts.Rule(_v8Host.Count));
        _clearScriptRule = _clearScript.Compile(RuleScripts.Rule(_clearScript.Count));
        _jintRule = _jint.Compile(RuleScripts.Rule(_jint.Count));
        _jurassicRule = _jurassic.Compile(RuleScripts.Rule(_jurassic.Count));
        _alternatives = new V8HostAlternatives(_v8Host);

        RuleBook.Check(V8Host(), expected, "V8Host");
        RuleBook.Check(ClearScript(), expected, "ClearScript");
        RuleBook.Check(Jint(), expected, "Jint");
        RuleBook.Check(Jurassic(), expected, "Jurassic");
        RuleBook.Check(V8HostPlainData(), expected, "V8Host plain data");
        RuleBook.Check(V8HostDataItems(), expected, "V8Host [HostClass] order with plain-data items");
        RuleBook.Check(V8HostBatchHostObjects(), expected, "V8Host batch of host objects");
        RuleBook.Check(V8HostBatchPlainData(), expected, "V8Host batch of plain data");
        RuleBook.Check(V8HostBatchDataItems(), expected, "V8Host batch of orders with plain-data items");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8Host?.Dispose();
        _clearScript?.Dispose();
        _jint?.Dispose();
        _jurassic?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: rule(order), [HostClass] order")]
    public double V8Host() => RuleEngine.RunAll(_v8HostRule, _orders);

    [Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: rule(order), host object (items.Count)")]
    public double ClearScript() => RuleEngine.RunAll(_clearScriptRule, _orders);

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint 4.18: rule(order), CLR interop")]
    public double Jint() => RuleEngine.RunAll(_jintRule, _orders);

    [Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic 3.2.4: rule(order), ObjectInstance view")]
    public double Jurassic() => RuleEngine.RunAll(_jurassicRule, _orders);

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host alt: rule(order), [HostData] record")]
    public double V8HostPlainData() => _alternatives.PlainDataPerOrder(_records);

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host alt: rule(order), [HostClass] order, [HostData] items")]
    public double V8HostDataItems() => _alternatives.DataItemsPerOrder(_dataItemOrders);

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host alt: one call, 10,000 [HostClass] orders")]
    public double V8HostBatchHostObjects() => _alternatives.Batch(_orders);

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host alt: one call, 10,000 [HostData] records")]
    public double V8HostBatchPlainData() => _alternatives.Batch(_records);

    [Benchmark(OperationsPerInvoke = Orders, Description = "V8Host alt: one call, 10,000 [HostClass] orders, [HostData] items")]
    public double V8HostBatchDataItems() => _alternatives.Batch(_dataItemOrders);
}
