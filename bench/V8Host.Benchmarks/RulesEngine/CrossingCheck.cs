using System.Diagnostics;
using System.Globalization;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// <c>dotnet run -c Release --project bench/V8Host.Benchmarks -- rules-crossings</c>: not a benchmark. It
/// times, in one process and back to back, what each piece of the rule costs in V8Host, so the pieces
/// can be compared without the run-to-run noise of separate benchmark processes. The reads and host
/// calls run in a JS loop inside one call (no .NET→JS call in the time); the calls from .NET in a C#
/// loop. Every loop's result is checked, so nothing is optimized away.
/// </summary>
public static class CrossingCheck
{
    private const int Reads = 20_000;

    public static void Run()
    {
        var order = RuleBook.CreateOrders()[0];
        var dataItems = new RuleOrderWithDataItems(order);
        var pricing = new RulePricing();
        using var engine = new V8HostRuleEngine(pricing);
        var context = engine.Context;

        Console.WriteLine($"In JS, one call, {Reads:N0} evaluations (µs per evaluation):");
        var inJs = new (string Expression, object Argument, double Each)[]
        {
            ("order.id", order, order.Id),
            ("order.tier.length", order, order.Tier.Length),
            ("pricing.taxRate('EU')", order, pricing.TaxRate("EU")),
            ("pricing.discountFor('gold', 200)", order, pricing.DiscountFor("gold", 200)),
            ("order.items.length  ([HostClass] items: 5 host objects)", order, order.Items.Count),
            ("order.items.length  ([HostData] items: 5 plain objects)", dataItems, order.Items.Count),
            ("order.items[0].quantity  ([HostClass] items)", order, order.Items[0].Quantity),
        };
        foreach (var (expression, argument, each) in inJs)
        {
            var code = expression.Split("  ")[0];
            var loop = context.Eval<JsFunction>($"(function (order) {{ let t = 0; for (let k = 0; k < {Reads}; k++) t += {code}; return t; }})");
            Check(loop.Invoke<double>(argument), each * Reads, expression);
            var time = Stopwatch.StartNew();
            Check(loop.Invoke<double>(argument), each * Reads, expression);
            Print(expression, time.Elapsed.TotalMicroseconds / Reads);
        }

        Console.WriteLine($"From .NET, {Reads:N0} calls of JsFunction.Invoke<double> (µs per call):");
        var empty = context.Eval<JsFunction>("(function () { return 0; })");
        var one = context.Eval<JsFunction>("(function (x) { return 0; })");
        var calls = new (string Name, Func<double> Call)[]
        {
            ("f()", () => empty.Invoke<double>()),
            ("f(0)", () => one.Invoke<double>(0)),
            ("f(order)  (a [HostClass] instance)", () => one.Invoke<double>(order)),
        };
        foreach (var (name, call) in calls)
        {
            for (var i = 0; i < 1000; i++)
                Check(call(), 0, name);
            var time = Stopwatch.StartNew();
            for (var i = 0; i < Reads; i++)
                call();
            Print(name, time.Elapsed.TotalMicroseconds / Reads);
        }
    }

    private static void Check(double actual, double expected, string what)
    {
        if (actual != expected)
            throw new InvalidOperationException($"{what}: got {actual}, expected {expected}.");
    }

    private static void Print(string what, double microseconds) =>
        Console.WriteLine($"  {what,-58} {microseconds.ToString("F2", CultureInfo.InvariantCulture),8}");
}
