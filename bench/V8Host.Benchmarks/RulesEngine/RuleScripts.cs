namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// The JS every engine runs: the rule and the per-step functions that take it apart, each an
/// expression evaluating to a function, compiled once per engine. <c>count</c> is how the engine's
/// view of <c>order.items</c> reports its size: <c>length</c> for a JS Array (V8Host's copy, Jurassic's
/// array) and for Jint's list wrapper, <c>Count</c> for ClearScript's host object of the .NET list (it
/// has no <c>length</c>). That property name is the only difference between the engines' scripts.
/// The functions are <c>function</c> expressions, not arrows: Jurassic 3.2.4 does not parse arrow functions.
/// </summary>
public static class RuleScripts
{
    /// <summary>The rule: sum quantity × unit price, two host calls, the final amount.</summary>
    public static string Rule(string count) => $$"""
        (function (order) {
            const items = order.items;
            let total = 0;
            for (let i = 0; i < items.{{count}}; i++) {
                const item = items[i];
                total += item.quantity * item.unitPrice;
            }
            const discount = pricing.discountFor(order.tier, total);
            const rate = pricing.taxRate(order.region);
            return (total - discount) * (1 + rate);
        })
        """;

    /// <summary>Step 1: a call into JS with no argument, no work.</summary>
    public const string EmptyCall = "(function () { return 0; })";

    /// <summary>Step 2: the same with the order as its argument (the argument's conversion is the difference).</summary>
    public const string OrderArgument = "(function (order) { return 0; })";

    /// <summary>Step 3: the order's three scalar properties (a number and two strings).</summary>
    public const string ScalarStep = "(function (order) { return order.id + order.tier.length + order.region.length; })";

    /// <summary>Step 4: the rule's two host calls, with constant arguments, so the order is not read.</summary>
    public const string HostCallStep = "(function (order) { return pricing.discountFor('gold', 200) + pricing.taxRate('EU'); })";

    /// <summary>Step 5a: <c>order.items</c> alone (the collection crossing, no item read).</summary>
    public static string ItemsReadStep(string count) => $"(function (order) {{ return order.items.{count}; }})";

    /// <summary>Step 5b: <c>order.items</c> and each item's two fields, the rule's loop alone.</summary>
    public static string ItemsStep(string count) => $$"""
        (function (order) {
            const items = order.items;
            let total = 0;
            for (let i = 0; i < items.{{count}}; i++) {
                const item = items[i];
                total += item.quantity * item.unitPrice;
            }
            return total;
        })
        """;

    /// <summary>
    /// One call for the whole batch: <paramref name="rule"/> applied to every element of the argument
    /// in JS, the amounts returned as one array (a rules engine needs each order's result, not a sum).
    /// </summary>
    public static string Batch(string rule) => $$"""
        (function () {
            const rule = {{rule}};
            return function (orders) {
                const amounts = new Array(orders.length);
                for (let i = 0; i < orders.length; i++)
                    amounts[i] = rule(orders[i]);
                return amounts;
            };
        })()
        """;
}
