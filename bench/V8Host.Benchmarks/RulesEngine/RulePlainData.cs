namespace V8Host.Benchmarks.RulesEngine;

// The same orders as plain data, for V8Host's alternatives: [HostData] records cross by value through
// generated converters (one JS object per record, an Array per list), so the rule reads JS properties
// instead of calling into .NET. JS sees the same names as the [HostClass] orders.

/// <summary>A line as plain data: <c>{ sku, quantity, unitPrice }</c>.</summary>
[HostData]
public sealed record RuleLineData(string Sku, int Quantity, double UnitPrice);

/// <summary>An order as plain data: <c>{ id, tier, region, items }</c>.</summary>
[HostData]
public sealed record RuleOrderData(int Id, string Tier, string Region, List<RuleLineData> Items)
{
    /// <summary>The record of <paramref name="order"/>, made once in the set-up (a host would keep its data this way).</summary>
    public static RuleOrderData From(RuleOrder order) =>
        new(order.Id, order.Tier, order.Region, order.Items.Select(i => new RuleLineData(i.Sku, i.Quantity, i.UnitPrice)).ToList());
}
