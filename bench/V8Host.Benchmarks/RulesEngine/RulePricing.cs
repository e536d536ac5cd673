using Microsoft.ClearScript;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// The host service the rule calls twice per order (<c>pricing.discountFor(tier, total)</c>,
/// <c>pricing.taxRate(region)</c>). The rates are binary fractions, so with prices in quarters the
/// rule's result is exact in a double and every engine's grand total can be compared with ==.
/// </summary>
[HostClass]
public sealed partial class RulePricing
{
    [ScriptMember("discountFor")]
    public double DiscountFor(string tier, double total) => total < 100 ? 0 : tier switch
    {
        "gold" => total * 0.125,
        "silver" => total * 0.0625,
        _ => 0,
    };

    [ScriptMember("taxRate")]
    public double TaxRate(string region) => region switch
    {
        "EU" => 0.25,
        "UK" => 0.1875,
        "US" => 0.0625,
        _ => 0.125,
    };
}
