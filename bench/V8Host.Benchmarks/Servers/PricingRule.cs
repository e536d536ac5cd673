using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// The request every server benchmark runs: a small pricing rule. It assigns to globalThis (state a
/// pool's reset undoes), so a pooled context is reused rather than recycled.
/// </summary>
internal static class PricingRule
{
    public const string Script = "globalThis.price = (total => total > 100 ? total * 0.9 : total)(120); price";

    public const double Price = 108;

    /// <summary>Throws unless a variant computed the rule's price, so that no row measures a failure.</summary>
    public static double Check(double price) =>
        price == Price ? price : throw new InvalidOperationException($"The rule gave {price}, not {Price}.");

    /// <summary>One pooled request: rent, run the rule, return.</summary>
    public static double RunPooled(ContextPool pool)
    {
        using var lease = pool.Rent();
        return Check(lease.Context.Eval<double>(Script));
    }
}
