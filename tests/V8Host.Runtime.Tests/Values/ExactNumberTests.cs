using System.Numerics;
using V8Host.Binding;

namespace V8Host.Tests.Values;

public delegate string EchoLong(long value);
public delegate string EchoULong(ulong value);
public delegate string EchoInt(int value);
public delegate string EchoDecimal(decimal price);
public delegate string EchoShade(Shade shade);

/// <summary>Issue 9 / api.md §5: integers and decimals cross exactly, or fail naming the member.</summary>
public sealed class ExactNumberTests : IDisposable
{
    private const long MaxSafe = (1L << 53) - 1;

    private readonly Context _context;

    public ExactNumberTests()
    {
        var profile = new HostProfile();
        // The generated fast path: HostArgs.GetInt64 as emitted code calls it.
        profile.AddBinding(new HostFunctionBinding("fast64", 1, (in HostArgs args, in HostResult result) =>
            result.Set(args.GetInt64(0, "fast64", "value").ToString(System.Globalization.CultureInfo.InvariantCulture))));
        _context = new Isolate().CreateContextBuilder()
            .UseProfile(profile)
            .AddHostFunction("echoLong", new EchoLong(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("echoULong", new EchoULong(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("echoInt", new EchoInt(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("echoDecimal", new EchoDecimal(price => price.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("echoShade", new EchoShade(shade => shade.ToString()))
            .AddHostFunction("longOf", new Func<string, long>(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("ulongOf", new Func<string, ulong>(s => ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            .AddHostFunction("decimalOf", new Func<string, decimal>(s => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture)))
            .Build();
    }

    public void Dispose() => _context.Dispose();

    private string Error(string call) => _context.Eval<string>($"try {{ {call}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    // ---- JS → long / ulong -------------------------------------------------------------------------

    [Theory]
    [InlineData("2**53", 9007199254740992L)]
    [InlineData("-(2**53)", -9007199254740992L)]
    [InlineData("2**53 - 1", MaxSafe)]
    [InlineData("2**60", 1L << 60)]
    [InlineData("1234567890123456", 1234567890123456L)]
    [InlineData("-(2**63)", long.MinValue)]
    [InlineData("2n**53n + 1n", (1L << 53) + 1)]
    [InlineData("-(2n**53n) - 1n", -(1L << 53) - 1)]
    [InlineData("9223372036854775807n", long.MaxValue)]
    [InlineData("-9223372036854775808n", long.MinValue)]
    public void EvalLong_IsExact(string source, long expected) => Assert.Equal(expected, _context.Eval<long>(source));

    [Theory]
    [InlineData("2**63")]
    [InlineData("9223372036854775808n")]
    [InlineData("-(2**63) - 2**11")]
    public void EvalLong_OutOfRange_IsRangeError(string source)
    {
        var exception = Assert.Throws<InvalidCastException>(() => _context.Eval<long>(source));
        Assert.Contains("out of range for Int64", exception.Message);
    }

    [Theory]
    [InlineData("NaN", "NaN")]
    [InlineData("Infinity", "Infinity")]
    [InlineData("-Infinity", "-Infinity")]
    [InlineData("1.5", "1.5")]
    public void EvalLong_NotInteger_NamesValue(string source, string shown)
    {
        var exception = Assert.Throws<InvalidCastException>(() => _context.Eval<long>(source));
        Assert.Contains($"must be an integer; got {shown}", exception.Message);
    }

    [Fact]
    public void EvalULong_IsExact_UpToMaxValue()
    {
        Assert.Equal(ulong.MaxValue, _context.Eval<ulong>("2n**64n - 1n"));
        Assert.Equal(1UL << 63, _context.Eval<ulong>("2**63"));
        Assert.Equal((1UL << 53) + 1, _context.Eval<ulong>("2n**53n + 1n"));
        Assert.Contains("out of range for UInt64", Assert.Throws<InvalidCastException>(() => _context.Eval<ulong>("2**64")).Message);
        Assert.Contains("out of range for UInt64", Assert.Throws<InvalidCastException>(() => _context.Eval<ulong>("-1")).Message);
        Assert.Contains("out of range for UInt64", Assert.Throws<InvalidCastException>(() => _context.Eval<ulong>("2n**64n")).Message);
    }

    [Fact]
    public void SmallIntegers_AreRangeChecked_Exactly()
    {
        Assert.Equal(int.MaxValue, _context.Eval<int>("2**31 - 1"));
        Assert.Contains("out of range for Int32", Assert.Throws<InvalidCastException>(() => _context.Eval<int>("2**31")).Message);
        Assert.Equal((short)-32768, _context.Eval<short>("-32768"));
        Assert.Contains("out of range for Byte", Assert.Throws<InvalidCastException>(() => _context.Eval<byte>("256")).Message);
        Assert.Equal(uint.MaxValue, _context.Eval<uint>("2**32 - 1"));
        Assert.Equal(5, _context.Eval<int>("5n"));
    }

    [Theory]
    [InlineData("1234567890123456", "1234567890123456")]
    [InlineData("2**60", "1152921504606846976")]
    [InlineData("-(2**63)", "-9223372036854775808")]
    [InlineData("2n**63n - 1n", "9223372036854775807")]
    [InlineData("-(2**53)", "-9007199254740992")]
    public void HostParameter_Long_IsExact(string argument, string expected)
    {
        Assert.Equal(expected, _context.Eval<string>($"echoLong({argument})"));
        Assert.Equal(expected, _context.Eval<string>($"fast64({argument})"));
    }

    [Theory]
    [InlineData("2**63", ": 9223372036854775808 is out of range for Int64.")]
    [InlineData("2n**63n", ": 9223372036854775808 is out of range for Int64.")]
    [InlineData("-(2n**63n) - 1n", ": -9223372036854775809 is out of range for Int64.")]
    [InlineData("NaN", " must be an integer; got NaN.")]
    [InlineData("0.5", " must be an integer; got 0.5.")]
    public void HostParameter_Long_Bad_IsRangeErrorNamingParameter(string argument, string suffix)
    {
        Assert.Equal($"RangeError: echoLong: parameter 'value'{suffix}", Error($"echoLong({argument})"));
        Assert.Equal($"RangeError: fast64: parameter 'value'{suffix}", Error($"fast64({argument})"));
    }

    [Fact]
    public void HostParameter_Long_WrongType_IsTypeError() =>
        Assert.Equal("TypeError: fast64: parameter 'value' expects an integer (Int64); got a string (\"1\").", Error("fast64('1')"));

    [Fact]
    public void HostParameter_ULong_MaxValue_FromBigInt() =>
        Assert.Equal("18446744073709551615", _context.Eval<string>("echoULong(2n**64n - 1n)"));

    [Fact]
    public void HostParameter_Int_FromBigIntInRange() => Assert.Equal("-7", _context.Eval<string>("echoInt(-7n)"));

    [Fact]
    public void Enum_FromNumber_UsesExactPath()
    {
        Assert.Equal("Blue", _context.Eval<string>("echoShade(3)"));
        Assert.StartsWith("RangeError: echoShade: parameter 'shade' must be an integer", Error("echoShade(2.5)"));
        Assert.Contains("is not a value of Shade", Error("echoShade(4)"));
    }

    // ---- long / ulong → JS ---------------------------------------------------------------------------

    [Theory]
    [InlineData("9007199254740991", "number")]
    [InlineData("-9007199254740991", "number")]
    [InlineData("9007199254740992", "bigint")]
    [InlineData("-9007199254740992", "bigint")]
    [InlineData("9007199254740993", "bigint")]
    [InlineData("-9007199254740993", "bigint")]
    [InlineData("9223372036854775807", "bigint")]
    [InlineData("-9223372036854775808", "bigint")]
    public void HostReturn_Long_NumberWithinSafeRange_ElseBigInt(string value, string type)
    {
        Assert.Equal(type, _context.Eval<string>($"typeof longOf('{value}')"));
        Assert.True(_context.Eval<bool>($"String(longOf('{value}')) === '{value}'"));
        Assert.Equal(long.Parse(value, System.Globalization.CultureInfo.InvariantCulture), _context.Eval<long>($"longOf('{value}')"));
    }

    [Fact]
    public void HostReturn_ULong_MaxValue_IsBigInt()
    {
        Assert.True(_context.Eval<bool>("ulongOf('18446744073709551615') === 2n**64n - 1n"));
        Assert.True(_context.Eval<bool>("ulongOf('9007199254740991') === 2**53 - 1"));
    }

    [Fact]
    public void ToJs_LongBoundaries()
    {
        Assert.Equal((double)MaxSafe, Assert.IsType<double>(_context.ToJs(MaxSafe)));
        Assert.Equal((double)-MaxSafe, Assert.IsType<double>(_context.ToJs(-MaxSafe)));
        Assert.Equal(new BigInteger(MaxSafe + 1), Assert.IsType<BigInteger>(_context.ToJs(MaxSafe + 1)));
        Assert.Equal(new BigInteger(long.MinValue), Assert.IsType<BigInteger>(_context.ToJs(long.MinValue)));
        Assert.Equal(new BigInteger(ulong.MaxValue), Assert.IsType<BigInteger>(_context.ToJs(ulong.MaxValue)));
    }

    // ---- decimal ---------------------------------------------------------------------------------------

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("1.1", "1.1")]
    [InlineData("123456789.123", "123456789.123")]
    [InlineData("-2.5e-7", "-0.00000025")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("2n**70n", "1180591620717411303424")]
    public void Decimal_FromNumber_UsesShortestRoundTrip(string source, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), _context.Eval<decimal>(source));
        Assert.Equal(expected, _context.Eval<string>($"echoDecimal({source})"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e29")]
    [InlineData("1e-30")]
    public void Decimal_FromNumber_Inexact_IsRangeErrorNamingParameter(string source)
    {
        Assert.StartsWith("RangeError: echoDecimal: parameter 'price': ", Error($"echoDecimal({source})"));
        Assert.Contains("has no exact decimal value", Error($"echoDecimal({source})"));
        Assert.Throws<InvalidCastException>(() => _context.Eval<decimal>(source));
    }

    [Theory]
    [InlineData("0.1", "0.1")]
    [InlineData("1.10", "1.1")]
    [InlineData("-79228162514264.3", "-79228162514264.3")]
    [InlineData("1234567890123456", "1234567890123456")]
    public void Decimal_ToNumber_IsExactShortest(string value, string js)
    {
        Assert.True(_context.Eval<bool>($"typeof decimalOf('{value}') === 'number' && String(decimalOf('{value}')) === '{js}'"));
        Assert.Equal(js, Assert.IsType<string>(_context.Eval($"String(decimalOf('{value}'))")));
    }

    [Theory]
    [InlineData("12345678901234567.89")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("0.1000000000000000000000000001")]
    public void Decimal_WithoutExactNumber_ReturnIsRangeError(string value)
    {
        var error = Error($"decimalOf('{value}')");
        Assert.StartsWith("RangeError: ", error);
        Assert.Contains($"{value} has no exact JavaScript number; use [HostDecimalAsString] or double", error);
    }

    [Fact]
    public void Decimal_ToJs_Untyped_NamesTheValue()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _context.ToJs(12345678901234567.89m));
        Assert.Equal("The decimal 12345678901234567.89 has no exact JavaScript number; use [HostDecimalAsString] or double.", exception.Message);
        Assert.Equal(0.1, _context.ToJs(0.1m));
    }

    [Fact]
    public void Decimal_FromBigInt_BeyondRange_IsRangeError() =>
        Assert.Contains("out of range for Decimal", Assert.Throws<InvalidCastException>(() => _context.Eval<decimal>("2n**100n")).Message);
}
