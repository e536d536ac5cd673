using System.Globalization;

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>
/// The benchmark's orders, built by one deterministic formula, and what each JS function must return
/// for them, computed in C# by the same steps in the same order (so the doubles are identical).
/// </summary>
public static class RuleBook
{
    public const int OrderCount = 10_000;

    public const int ItemsPerOrder = 5;

    private static readonly string[] Tiers = ["bronze", "silver", "gold"];

    private static readonly string[] Regions = ["EU", "US", "UK", "APAC"];

    public static List<RuleOrder> CreateOrders()
    {
        var orders = new List<RuleOrder>(OrderCount);
        for (var i = 0; i < OrderCount; i++)
        {
            var items = new RuleLineItem[ItemsPerOrder];
            for (var j = 0; j < ItemsPerOrder; j++)
            {
                var n = i * ItemsPerOrder + j;
                items[j] = new RuleLineItem("s" + n.ToString(CultureInfo.InvariantCulture), 1 + (i + j) % 7, (1 + n % 97) * 0.25);
            }

            orders.Add(new RuleOrder(i, Tiers[i % Tiers.Length], Regions[i % Regions.Length], items));
        }

        return orders;
    }

    /// <summary>What RuleScripts.Rule returns for <paramref name="order"/>.</summary>
    public static double Rule(RuleOrder order, RulePricing pricing)
    {
        var total = ItemsTotal(order);
        var discount = pricing.DiscountFor(order.Tier, total);
        var rate = pricing.TaxRate(order.Region);
        return (total - discount) * (1 + rate);
    }

    /// <summary>What RuleScripts.ItemsStep returns: quantity × unit price summed over the items.</summary>
    public static double ItemsTotal(RuleOrder order)
    {
        var total = 0.0;
        foreach (var item in order.Items)
            total += item.Quantity * item.UnitPrice;
        return total;
    }

    /// <summary>What RuleScripts.ScalarStep returns.</summary>
    public static double Scalars(RuleOrder order) => order.Id + order.Tier.Length + order.Region.Length;

    /// <summary>What RuleScripts.HostCallStep returns (constant arguments: only the crossings vary).</summary>
    public static double HostCalls(RulePricing pricing) => pricing.DiscountFor("gold", 200) + pricing.TaxRate("EU");

    /// <summary>The sum of <paramref name="perOrder"/> over the orders, added in order as every variant adds.</summary>
    public static double GrandTotal(IEnumerable<RuleOrder> orders, Func<RuleOrder, double> perOrder)
    {
        var sum = 0.0;
        foreach (var order in orders)
            sum += perOrder(order);
        return sum;
    }

    /// <summary>Throws unless a variant's grand total is <paramref name="expected"/>: a wrong variant never reports a number.</summary>
    public static void Check(double actual, double expected, string variant)
    {
        if (actual != expected)
            throw new InvalidOperationException($"{variant}: the grand total is {actual.ToString("R", CultureInfo.InvariantCulture)}, expected {expected.ToString("R", CultureInfo.InvariantCulture)}.");
    }
}
