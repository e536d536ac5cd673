using System.Diagnostics;
using System.Globalization;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// <c>dotnet run -c Release --project bench/V8Host.Benchmarks -- rules-crossings</c>: not a benchmark. It
/// times, in one process and back to back, what each piece of the rule costs in V8Host, so the pieces
/// can be compared without the run-to-run noise of separate benchmark processes. The reads and host
/// calls run in a JS loop inside one call (no .NET→JS call in the time); the calls from .NET in a C#
/// loop. Every loop's result is checked, so nothing is optimized away; each line is the fastest of a few runs.
/// </summary>
public static class CrossingCheck
{
    private const int Reads = 20_000;

    private const int Runs = 5;

    public static void Run()
    {
        var orders = RuleBook.CreateOrders();
        var order = orders[0];
        var dataItems = new RuleOrderWithDataItems(order);
        var pricing = new RulePricing();
        var lists = new CrossingLists(order);
        using var context = new Isolate().CreateContextBuilder()
            .AddHostClass<RuleOrder>()
            .AddHostClass<RuleLineItem>()
            .AddHostClass<RulePricing>()
            .AddHostClass<RuleOrderWithDataItems>()
            .AddHostClass<CrossingLists>()
            .SetGlobal("pricing", pricing)
            .Build();

        Console.WriteLine($"In JS, one call, {Reads:N0} evaluations (µs per evaluation, the fastest of {Runs} calls):");
        var inJs = new (string Expression, object Argument, double Each)[]
        {
            ("order.id", order, order.Id),
            ("order.tier.length", order, order.Tier.Length),
            ("pricing.taxRate('EU')", order, pricing.TaxRate("EU")),
            ("pricing.discountFor('gold', 200)", order, pricing.DiscountFor("gold", 200)),
            ("order.items.length  ([HostClass] items: 5 host objects)", order, order.Items.Count),
            ("order.items.length  ([HostData] items: 5 plain objects)", dataItems, order.Items.Count),
            ("order.items[0].quantity  ([HostClass] items)", order, order.Items[0].Quantity),
            ("order.numbers.length  (5 numbers: the copy alone)", lists, 5),
            ("order.oneItem.length  (1 host object)", lists, 1),
            ("order.items.length  (5 host objects, again)", lists, 5),
        };
        foreach (var (expression, argument, each) in inJs)
        {
            var code = expression.Split("  ")[0];
            var loop = context.Eval<JsFunction>($"(function (order) {{ let t = 0; for (let k = 0; k < {Reads}; k++) t += {code}; return t; }})");
            Check(loop.Invoke<double>(argument), each * Reads, expression);
            Print(expression, Fastest(() => Check(loop.Invoke<double>(argument), each * Reads, expression)) / Reads);
        }

        Console.WriteLine($"From .NET, {Reads:N0} calls of JsFunction.Invoke<double> (µs per call, the fastest of {Runs} loops):");
        var empty = context.Eval<JsFunction>("(function () { return 0; })");
        var one = context.Eval<JsFunction>("(function (x) { return 0; })");
        var rule = context.Eval<JsFunction>(RuleScripts.Rule("length"));
        var next = 0;
        // Each of the 10,000 orders in turn, as the benchmark passes them: the JS object of an order
        // (and of its items) is made the first time it crosses, and may be collected between rounds.
        RuleOrder NextOrder() => orders[next++ % orders.Count];
        var calls = new (string Name, Func<double> Call)[]
        {
            ("f()", () => empty.Invoke<double>()),
            ("f(0)", () => one.Invoke<double>(0)),
            ("f(order)  (a [HostClass] instance)", () => one.Invoke<double>(order)),
            ("f(order)  (each of the 10,000 orders in turn)", () => one.Invoke<double>(NextOrder())),
            ("rule(order)  (the same order)", () => rule.Invoke<double>(order) * 0),
            ("rule(order)  (each of the 10,000 orders in turn)", () => rule.Invoke<double>(NextOrder()) * 0),
        };
        foreach (var (name, call) in calls)
        {
            for (var i = 0; i < 1000; i++)
                Check(call(), 0, name);
            Print(name, Fastest(() =>
            {
                for (var i = 0; i < Reads; i++)
                    call();
            }) / Reads);
        }
    }

    // The fastest of a few runs: on a shared machine the other runs measure the neighbours as well.
    private static double Fastest(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Runs; i++)
        {
            var time = Stopwatch.StartNew();
            run();
            best = Math.Min(best, time.Elapsed.TotalMicroseconds);
        }

        return best;
    }

    private static void Check(double actual, double expected, string what)
    {
        if (actual != expected)
            throw new InvalidOperationException($"{what}: got {actual}, expected {expected}.");
    }

    private static void Print(string what, double microseconds) =>
        Console.WriteLine($"  {what,-58} {microseconds.ToString("F2", CultureInfo.InvariantCulture),8}");
}

/// <summary>
/// Lists of the same order that differ only in what their elements are, so the per-element cost of a
/// host object in a copied list shows against the copy itself.
/// </summary>
[HostClass]
public sealed partial class CrossingLists
{
    public CrossingLists(RuleOrder order)
    {
        Numbers = order.Items.Select(i => i.Quantity).ToList();
        OneItem = [order.Items[0]];
        Items = order.Items;
    }

    public IReadOnlyList<int> Numbers { get; }

    public IReadOnlyList<RuleLineItem> OneItem { get; }

    public IReadOnlyList<RuleLineItem> Items { get; }
}
