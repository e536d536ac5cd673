using Microsoft.ClearScript;

namespace V8Host.Benchmarks.RulesEngine;

// The orders every rules-engine variant is called with: ordinary C# classes, exposed by each engine
// in its own natural way. [HostClass] gives V8Host its generated bindings (camelCase by policy);
// [ScriptMember] gives ClearScript's reflection the same names (it has no naming policy); Jint maps
// `unitPrice` to `UnitPrice` by itself. Jurassic cannot bind these classes under JS names at all
// (JurassicObjects.cs wraps them), so the JS reads `order.items[i].unitPrice` in every engine.

/// <summary>One line of an order: JS sees <c>{ sku, quantity, unitPrice }</c>.</summary>
[HostClass]
public sealed partial class RuleLineItem
{
    public RuleLineItem(string sku, int quantity, double unitPrice)
    {
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    [ScriptMember("sku")]
    public string Sku { get; }

    [ScriptMember("quantity")]
    public int Quantity { get; }

    /// <summary>A whole number of quarters, so every product and sum is exact in a double.</summary>
    [ScriptMember("unitPrice")]
    public double UnitPrice { get; }
}

/// <summary>
/// An order: JS sees <c>{ id, tier, region, items }</c>. <see cref="Items"/> is an
/// <see cref="IReadOnlyList{T}"/>, which a [HostClass] hands to JS as a fresh Array of the items' host
/// objects on every read (types.md: read-only collections are copies; host objects keep their identity).
/// </summary>
[HostClass]
public sealed partial class RuleOrder
{
    public RuleOrder(int id, string tier, string region, IReadOnlyList<RuleLineItem> items)
    {
        Id = id;
        Tier = tier;
        Region = region;
        Items = items;
    }

    [ScriptMember("id")]
    public int Id { get; }

    /// <summary><c>gold</c>, <c>silver</c> or <c>bronze</c>: what <see cref="RulePricing.DiscountFor"/> reads.</summary>
    [ScriptMember("tier")]
    public string Tier { get; }

    /// <summary><c>EU</c>, <c>US</c>, <c>UK</c> or <c>APAC</c>: what <see cref="RulePricing.TaxRate"/> reads.</summary>
    [ScriptMember("region")]
    public string Region { get; }

    [ScriptMember("items")]
    public IReadOnlyList<RuleLineItem> Items { get; }
}
