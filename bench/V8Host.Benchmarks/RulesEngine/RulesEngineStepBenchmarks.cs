using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// The rule taken apart (issue 16): five JS functions, each called once per order from .NET in every
/// engine, doing one step of the rule only. Subtracting step 2 from steps 3–5b gives what each step adds to
/// a call. One category per step, Jint the baseline of each; every grand total is checked in the set-up.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RulesEngineStepBenchmarks
{
    private const int Orders = RuleBook.OrderCount;

    private List<RuleOrder> _orders = null!;
    private readonly Dictionary<string, RuleEngine> _engines = [];
    private readonly Dictionary<(string Engine, string Step), OrderCall> _calls = [];
    private readonly Dictionary<string, Func<double>> _emptyCalls = [];

    [GlobalSetup]
    public void Setup()
    {
        var pricing = new RulePricing();
        _orders = RuleBook.CreateOrders();
        _engines["V8Host"] = new V8HostRuleEngine(pricing);
        _engines["ClearScript"] = new ClearScriptRuleEngine(pricing);
        _engines["Jint"] = new JintRuleEngine(pricing);
        _engines["Jurassic"] = new JurassicRuleEngine(pricing);

        var steps = new (string Step, Func<RuleEngine, string> Source, double Expected)[]
        {
            ("argument", _ => RuleScripts.OrderArgument, 0),
            ("scalars", _ => RuleScripts.ScalarStep, RuleBook.GrandTotal(_orders, RuleBook.Scalars)),
            ("host calls", _ => RuleScripts.HostCallStep, RuleBook.GrandTotal(_orders, _ => RuleBook.HostCalls(pricing))),
            ("items read", e => RuleScripts.ItemsReadStep(e.Count), RuleBook.OrderCount * RuleBook.ItemsPerOrder),
            ("items", e => RuleScripts.ItemsStep(e.Count), RuleBook.GrandTotal(_orders, RuleBook.ItemsTotal)),
        };
        foreach (var (name, engine) in _engines)
        {
            _emptyCalls[name] = engine.CompileNoArgument(RuleScripts.EmptyCall);
            RuleBook.Check(RuleEngine.RunAll(_emptyCalls[name], _orders), 0, $"{name}: empty call");
            foreach (var (step, source, expected) in steps)
            {
                _calls[(name, step)] = engine.Compile(source(engine));
                RuleBook.Check(Run(name, step), expected, $"{name}: {step}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var engine in _engines.Values)
            engine.Dispose();
    }

    private double Run(string engine, string step) => RuleEngine.RunAll(_calls[(engine, step)], _orders);

    // (1) f(): the cost of a .NET→JS call and its result.

    [BenchmarkCategory("1 empty call f()"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: f()")]
    public double V8HostEmpty() => RuleEngine.RunAll(_emptyCalls["V8Host"], _orders);

    [BenchmarkCategory("1 empty call f()"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: f()")]
    public double ClearScriptEmpty() => RuleEngine.RunAll(_emptyCalls["ClearScript"], _orders);

    [BenchmarkCategory("1 empty call f()"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: f()")]
    public double JintEmpty() => RuleEngine.RunAll(_emptyCalls["Jint"], _orders);

    [BenchmarkCategory("1 empty call f()"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: f()")]
    public double JurassicEmpty() => RuleEngine.RunAll(_emptyCalls["Jurassic"], _orders);

    // (2) f(order) returning 0: adds passing the order.

    [BenchmarkCategory("2 argument f(order)"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: f(order)")]
    public double V8HostArgument() => Run("V8Host", "argument");

    [BenchmarkCategory("2 argument f(order)"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: f(order)")]
    public double ClearScriptArgument() => Run("ClearScript", "argument");

    [BenchmarkCategory("2 argument f(order)"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: f(order)")]
    public double JintArgument() => Run("Jint", "argument");

    [BenchmarkCategory("2 argument f(order)"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: f(order)")]
    public double JurassicArgument() => Run("Jurassic", "argument");

    // (3) order.id, order.tier, order.region.

    [BenchmarkCategory("3 scalar reads"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: id + tier + region")]
    public double V8HostScalars() => Run("V8Host", "scalars");

    [BenchmarkCategory("3 scalar reads"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: id + tier + region")]
    public double ClearScriptScalars() => Run("ClearScript", "scalars");

    [BenchmarkCategory("3 scalar reads"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: id + tier + region")]
    public double JintScalars() => Run("Jint", "scalars");

    [BenchmarkCategory("3 scalar reads"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: id + tier + region")]
    public double JurassicScalars() => Run("Jurassic", "scalars");

    // (4) pricing.discountFor('gold', 200) + pricing.taxRate('EU').

    [BenchmarkCategory("4 two host calls"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: discountFor + taxRate")]
    public double V8HostHostCalls() => Run("V8Host", "host calls");

    [BenchmarkCategory("4 two host calls"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: discountFor + taxRate")]
    public double ClearScriptHostCalls() => Run("ClearScript", "host calls");

    [BenchmarkCategory("4 two host calls"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: discountFor + taxRate")]
    public double JintHostCalls() => Run("Jint", "host calls");

    [BenchmarkCategory("4 two host calls"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: discountFor + taxRate")]
    public double JurassicHostCalls() => Run("Jurassic", "host calls");

    // (5a) order.items alone: the collection's crossing.

    [BenchmarkCategory("5a items read"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: items.length")]
    public double V8HostItemsRead() => Run("V8Host", "items read");

    [BenchmarkCategory("5a items read"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: items.Count")]
    public double ClearScriptItemsRead() => Run("ClearScript", "items read");

    [BenchmarkCategory("5a items read"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: items.length")]
    public double JintItemsRead() => Run("Jint", "items read");

    [BenchmarkCategory("5a items read"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: items.length")]
    public double JurassicItemsRead() => Run("Jurassic", "items read");

    // (5b) order.items and each item's quantity and unitPrice.

    [BenchmarkCategory("5b items + fields"), Benchmark(OperationsPerInvoke = Orders, Description = "V8Host: items, 5 x (quantity, unitPrice)")]
    public double V8HostItems() => Run("V8Host", "items");

    [BenchmarkCategory("5b items + fields"), Benchmark(OperationsPerInvoke = Orders, Description = "ClearScript: items, 5 x (quantity, unitPrice)")]
    public double ClearScriptItems() => Run("ClearScript", "items");

    [BenchmarkCategory("5b items + fields"), Benchmark(Baseline = true, OperationsPerInvoke = Orders, Description = "Jint: items, 5 x (quantity, unitPrice)")]
    public double JintItems() => Run("Jint", "items");

    [BenchmarkCategory("5b items + fields"), Benchmark(OperationsPerInvoke = Orders, Description = "Jurassic: items, 5 x (quantity, unitPrice)")]
    public double JurassicItems() => Run("Jurassic", "items");
}
