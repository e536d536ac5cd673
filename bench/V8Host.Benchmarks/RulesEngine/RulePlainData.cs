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

/// <summary>
/// The order as a [HostClass] whose items are plain data: <c>order.items</c> is still a copy made on
/// every read, but of plain objects written in one batch, with no JS object looked up per item.
/// </summary>
[HostClass]
public sealed partial class RuleOrderWithDataItems
{
    public RuleOrderWithDataItems(RuleOrder order)
    {
        Id = order.Id;
        Tier = order.Tier;
        Region = order.Region;
        Items = order.Items.Select(i => new RuleLineData(i.Sku, i.Quantity, i.UnitPrice)).ToList();
    }

    public int Id { get; }

    public string Tier { get; }

    public string Region { get; }

    public IReadOnlyList<RuleLineData> Items { get; }
}
