namespace V8Host.Tests.Values;

/// <summary>
/// A host call returning a read-only list of int or double crosses as doubles through the context's
/// transfer buffer and becomes a new Array (types.md: a copy); the values must be exact, and other
/// element types and live collections keep their own rules.
/// </summary>
public class NumberListResultTransferTests
{
    private static readonly double[] s_awkward = [0, -0.0, 1.5, -1e308, double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 9007199254740993];

    private static Context CreateContext() => new Isolate().CreateContextBuilder()
        .AddHostFunction("ints", (int count) => Enumerable.Range(-count, 2 * count).ToArray())
        .AddHostFunction("intList", (int count) => (IReadOnlyList<int>)Enumerable.Range(0, count).Select(i => i * 7 - 3).ToList())
        .AddHostFunction("doubles", () => (IReadOnlyList<double>)s_awkward)
        .AddHostFunction("longs", () => (IReadOnlyList<long>)[1, long.MaxValue])
        .AddHostFunction("quiet", (Func<int, int[]> inner) => { inner(3); })
        .Build();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(1_100_000)]
    public void Int_lists_are_exact_and_new_arrays(int count)
    {
        using var context = CreateContext();

        Assert.Equal(Enumerable.Range(-count, 2 * count).ToArray(), context.Eval<int[]>($"ints({count})"));
        Assert.Equal(Enumerable.Range(0, count).Select(i => i * 7 - 3).ToArray(), context.Eval<int[]>($"intList({count})"));
        Assert.True(context.Eval<bool>("Array.isArray(ints(2)) && ints(2) !== ints(2) && Object.getPrototypeOf(ints(2)) === Array.prototype"));
    }

    [Fact]
    public void Doubles_keep_negative_zero_nan_infinities_and_every_bit()
    {
        using var context = CreateContext();

        Assert.Equal(
            "0,-0,1.5,-1e+308,5e-324,NaN,Infinity,-Infinity,9007199254740992",
            context.Eval<string>("doubles().map(d => Object.is(d, -0) ? '-0' : String(d)).join()"));
    }

    [Fact]
    public void Other_element_types_keep_their_rules()
    {
        using var context = CreateContext();

        // long past 2^53 is a bigint (types.md), not a rounded double.
        Assert.Equal("number bigint", context.Eval<string>("const l = longs(); `${typeof l[0]} ${typeof l[1]}`"));
    }

    [Fact]
    public void A_tampered_array_prototype_is_not_consulted()
    {
        using var context = CreateContext();

        Assert.Equal("-1,0", context.Eval<string>("""
            Object.defineProperty(Array.prototype, '0', { set() { throw new Error('setter ran'); }, configurable: true });
            ints(1).join()
            """));
    }

    [Fact]
    public void Numbers_from_a_nested_call_do_not_disturb_an_outer_undefined()
    {
        using var context = CreateContext();

        Assert.Equal("undefined", context.Eval<string>("typeof quiet(n => ints(n))"));
    }
}
