using System.Globalization;

namespace V8Host.Benchmarks.PlainData;

/// <summary>
/// The benchmark's orders, built by one formula in C# (<see cref="Create"/>) and in JS
/// (<see cref="BuildScript"/>), and the checks that a variant moved every field intact.
/// </summary>
public static class OrderData
{
    public const int OrderCount = 10_000;

    public const int LinesPerOrder = 5;

    /// <summary>
    /// Prices are quarters and quantities small integers, so every product and partial sum is exact in
    /// a double: the total is the same whatever order a variant adds in, and can be compared with ==.
    /// </summary>
    public static List<Order> Create()
    {
        var orders = new List<Order>(OrderCount);
        for (var i = 0; i < OrderCount; i++)
        {
            var lines = new List<Line>(LinesPerOrder);
            for (var j = 0; j < LinesPerOrder; j++)
                lines.Add(new Line("s" + (i * LinesPerOrder + j).ToString(CultureInfo.InvariantCulture), 1 + (i + j) % 7, (i * 5 + j) % 100 + 0.25));
            orders.Add(new Order("o" + i.ToString(CultureInfo.InvariantCulture), "c" + (i % 100).ToString(CultureInfo.InvariantCulture), lines));
        }

        return orders;
    }

    /// <summary>JS that defines the global <c>built</c>: the orders of <see cref="Create"/> as plain JS objects.</summary>
    public static readonly string BuildScript = $$"""
        globalThis.built = (() => {
            const orders = [];
            for (let i = 0; i < {{OrderCount}}; i++) {
                const lines = [];
                for (let j = 0; j < {{LinesPerOrder}}; j++)
                    lines.push({ sku: 's' + (i * {{LinesPerOrder}} + j), quantity: 1 + (i + j) % 7, price: (i * 5 + j) % 100 + 0.25 });
                orders.push({ id: 'o' + i, customer: 'c' + (i % 100), lines });
            }
            return orders;
        })();
        0;
        """;

    /// <summary>The sum of quantity × price over every line.</summary>
    public static double Total(IEnumerable<Order> orders) => orders.Sum(o => o.Lines.Sum(l => l.Quantity * l.Price));

    /// <summary>Throws unless a variant's total is <paramref name="expected"/>, so a broken variant cannot report a fast number.</summary>
    public static void CheckTotal(double actual, double expected, string variant)
    {
        if (actual != expected)
            throw new InvalidOperationException($"{variant}: the total is {actual.ToString("R", CultureInfo.InvariantCulture)}, expected {expected.ToString("R", CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/> field by field.</summary>
    public static void CheckOrders(IReadOnlyList<Order> actual, IReadOnlyList<Order> expected, string variant)
    {
        if (actual.Count != expected.Count)
            throw new InvalidOperationException($"{variant}: read {actual.Count} orders, expected {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            var (a, e) = (actual[i], expected[i]);
            // Records compare lists by reference, so compare the scalar fields and the lines apart.
            if (a.Id != e.Id || a.Customer != e.Customer || !a.Lines.SequenceEqual(e.Lines))
                throw new InvalidOperationException($"{variant}: order {i} is {Describe(a)}, expected {Describe(e)}.");
        }
    }

    private static string Describe(Order order) => $"{order.Id}/{order.Customer} [{string.Join(", ", order.Lines)}]";
}
