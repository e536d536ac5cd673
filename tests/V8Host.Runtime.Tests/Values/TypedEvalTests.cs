using System.Numerics;

namespace V8Host.Tests.Values;

public enum Shade
{
    Red = 1,
    Green = 2,
    Blue = 3,
}

/// <summary>types.md: typed reads through <c>Eval&lt;T&gt;</c>.</summary>
public sealed class TypedEvalTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private InvalidCastException CastFails<T>(string source) =>
        Assert.Throws<InvalidCastException>(() => _context.Eval<T>(source));

    // ---- bool -----------------------------------------------------------------------------------

    [Fact]
    public void Bool_FromBoolean()
    {
        Assert.True(_context.Eval<bool>("true"));
        Assert.False(_context.Eval<bool>("1 > 2"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("'true'")]
    [InlineData("null")]
    [InlineData("undefined")]
    [InlineData("({})")]
    public void Bool_IsStrict(string source) => CastFails<bool>(source);

    [Fact]
    public void Bool_Mismatch_MessageNamesExpectedAndActual()
    {
        var exception = CastFails<bool>("1");
        Assert.Contains("boolean", exception.Message);
        Assert.Contains("number (1)", exception.Message);
    }

    // ---- integers -------------------------------------------------------------------------------

    [Fact]
    public void Int_FromIntegralNumbers()
    {
        Assert.Equal(42, _context.Eval<int>("42"));
        Assert.Equal(-3, _context.Eval<int>("-3"));
        Assert.Equal(6, _context.Eval<int>("1.5 * 4"));
        Assert.Equal(int.MaxValue, _context.Eval<int>("2 ** 31 - 1"));
    }

    [Fact]
    public void Int_NonIntegral_Throws_MessageNamesValue()
    {
        var exception = CastFails<int>("1.5");
        Assert.Contains("integer", exception.Message);
        Assert.Contains("1.5", exception.Message);
    }

    [Theory]
    [InlineData("2 ** 31")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("'5'")]
    [InlineData("2n ** 40n")]
    public void Int_OutOfRangeOrWrongType_Throws(string source) => CastFails<int>(source);

    [Fact]
    public void Int_AcceptsBigintInRange_DocumentedLeniency() => Assert.Equal(5, _context.Eval<int>("5n"));

    [Fact]
    public void Byte_OutOfRange_Throws_MessageNamesTypeAndValue()
    {
        var exception = CastFails<byte>("300");
        Assert.Contains("300", exception.Message);
        Assert.Contains("Byte", exception.Message);
        CastFails<byte>("-1");
        Assert.Equal((byte)255, _context.Eval<byte>("255"));
    }

    [Fact]
    public void OtherIntegralTypes()
    {
        Assert.Equal((short)-300, _context.Eval<short>("-300"));
        Assert.Equal((ushort)65535, _context.Eval<ushort>("65535"));
        Assert.Equal((sbyte)-128, _context.Eval<sbyte>("-128"));
        Assert.Equal(4000000000u, _context.Eval<uint>("4000000000"));
        CastFails<uint>("-1");
        CastFails<short>("40000");
    }

    [Fact]
    public void Long_FromNumberAndBigInt()
    {
        Assert.Equal(1L << 40, _context.Eval<long>("2 ** 40"));
        Assert.Equal(1L << 60, _context.Eval<long>("2n ** 60n"));
        Assert.Equal(long.MinValue, _context.Eval<long>("-(2n ** 63n)"));
        CastFails<long>("2n ** 63n");
        Assert.Equal(ulong.MaxValue, _context.Eval<ulong>("2n ** 64n - 1n"));
    }

    [Fact]
    public void BigInteger_FromBigInt()
    {
        Assert.Equal(BigInteger.Pow(3, 50), _context.Eval<BigInteger>("3n ** 50n"));
        var exception = CastFails<BigInteger>("'12'");
        Assert.Contains("bigint", exception.Message);
    }

    // ---- floating point -------------------------------------------------------------------------

    [Fact]
    public void Double_FromAnyNumber()
    {
        Assert.Equal(1.5, _context.Eval<double>("1.5"));
        Assert.Equal(2.0, _context.Eval<double>("2"));
        Assert.True(double.IsNaN(_context.Eval<double>("NaN")));
        Assert.Equal(0.0, _context.Eval<double>("-0")); // sign dropped by ClearScript (docs/runtime.md)
        var exception = CastFails<double>("'1.5'");
        Assert.Contains("number", exception.Message);
        Assert.Contains("string", exception.Message);
    }

    [Fact]
    public void Float_FromNumber() => Assert.Equal(0.25f, _context.Eval<float>("0.25"));

    [Fact]
    public void Decimal_FromNumber()
    {
        Assert.Equal(0.1m, _context.Eval<decimal>("0.1"));
        Assert.Equal(12m, _context.Eval<decimal>("12"));
        CastFails<decimal>("Infinity");
        CastFails<decimal>("'1'");
    }

    // ---- string / char --------------------------------------------------------------------------

    [Fact]
    public void String_FromString()
    {
        Assert.Equal("abc", _context.Eval<string>("'a' + 'bc'"));
        var exception = CastFails<string>("42");
        Assert.Contains("string", exception.Message);
        Assert.Contains("number (42)", exception.Message);
    }

    [Fact]
    public void Char_FromSingleCharacterString()
    {
        Assert.Equal('x', _context.Eval<char>("'x'"));
        var exception = CastFails<char>("'xy'");
        Assert.Contains("length 1", exception.Message);
        CastFails<char>("''");
        CastFails<char>("65");
    }

    // ---- dates ----------------------------------------------------------------------------------

    [Fact]
    public void DateTime_FromDate_IsUtc()
    {
        var value = _context.Eval<DateTime>("new Date(Date.UTC(2000, 0, 2, 3, 4, 5))");
        Assert.Equal(new DateTime(2000, 1, 2, 3, 4, 5, DateTimeKind.Utc), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        var exception = CastFails<DateTime>("'2000-01-01'");
        Assert.Contains("Date", exception.Message);
    }

    [Fact]
    public void DateTimeOffset_FromDate()
    {
        var value = _context.Eval<DateTimeOffset>("new Date(0)");
        Assert.Equal(DateTimeOffset.UnixEpoch, value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
        CastFails<DateTimeOffset>("0");
    }

    // ---- enums ----------------------------------------------------------------------------------

    [Fact]
    public void Enum_FromNumberAndName()
    {
        Assert.Equal(Shade.Green, _context.Eval<Shade>("2"));
        Assert.Equal(Shade.Blue, _context.Eval<Shade>("'Blue'"));
    }

    [Fact]
    public void Enum_UnknownValueOrName_Throws()
    {
        var exception = CastFails<Shade>("'Purple'");
        Assert.Contains("Purple", exception.Message);
        Assert.Contains("Shade", exception.Message);
        CastFails<Shade>("7");
        CastFails<Shade>("1.5");
        CastFails<Shade>("true");
    }

    // ---- nullable -------------------------------------------------------------------------------

    [Fact]
    public void Nullable_NullAndUndefinedGiveNull()
    {
        Assert.Null(_context.Eval<int?>("null"));
        Assert.Null(_context.Eval<int?>("undefined"));
        Assert.Equal(3, _context.Eval<int?>("3"));
        Assert.Null(_context.Eval<DateTime?>("null"));
        Assert.Equal(Shade.Red, _context.Eval<Shade?>("'Red'"));
        CastFails<int?>("'3'");
    }

    [Fact]
    public void NonNullableValueType_FromNull_Throws()
    {
        var exception = CastFails<int>("null");
        Assert.Contains("null", exception.Message);
    }

    // ---- collections ----------------------------------------------------------------------------

    [Fact]
    public void Array_FromJsArray()
    {
        Assert.Equal(new[] { 1, 2, 3 }, _context.Eval<int[]>("[1, 2, 3]"));
        Assert.Equal(new[] { "a", "b" }, _context.Eval<string[]>("['a', 'b']"));
        Assert.Empty(_context.Eval<double[]>("[]"));
    }

    [Fact]
    public void List_FromJsArray()
    {
        var list = _context.Eval<List<string>>("['x', 'y']");
        Assert.IsType<List<string>>(list);
        Assert.Equal(new[] { "x", "y" }, list);
    }

    [Fact]
    public void ReadOnlyListAndEnumerable_FromJsArray()
    {
        Assert.Equal(new[] { 1.5, 2.5 }, _context.Eval<IReadOnlyList<double>>("[1.5, 2.5]"));
        Assert.Equal(new[] { 4, 5 }, _context.Eval<IEnumerable<int>>("[4, 5]"));
        Assert.Equal(new[] { 6 }, _context.Eval<IList<int>>("[6]"));
    }

    [Fact]
    public void NestedCollections()
    {
        var nested = _context.Eval<List<int[]>>("[[1], [2, 3]]");
        Assert.Equal(new[] { 2, 3 }, nested[1]);
        var map = _context.Eval<Dictionary<string, List<string>>>("({ a: ['x'], b: [] })");
        Assert.Equal(new[] { "x" }, map["a"]);
        Assert.Empty(map["b"]);
    }

    [Fact]
    public void Array_BadElement_MessageNamesIndex()
    {
        var exception = CastFails<int[]>("[1, 'x', 3]");
        Assert.Contains("[1]", exception.Message);
        Assert.Contains("string", exception.Message);
    }

    [Fact]
    public void Array_FromNonArray_Throws()
    {
        var exception = CastFails<List<int>>("({ length: 1, 0: 1 })");
        Assert.Contains("Array", exception.Message);
        CastFails<int[]>("'abc'");
    }

    [Fact]
    public void Array_IsACopy()
    {
        var copy = _context.Eval<List<int>>("globalThis.src = [1, 2]; src");
        copy.Add(3);
        _context.Eval("src.push(9)");
        Assert.Equal(new[] { 1, 2, 3 }, copy);
        Assert.Equal(3, _context.Eval<int>("src.length"));
    }

    [Fact]
    public void Dictionary_FromPlainObject()
    {
        var dictionary = _context.Eval<Dictionary<string, int>>("({ a: 1, b: 2 })");
        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, dictionary);
        var readOnly = _context.Eval<IReadOnlyDictionary<string, string>>("({ k: 'v' })");
        Assert.Equal("v", readOnly["k"]);
        Assert.Single(readOnly);
    }

    [Fact]
    public void Dictionary_BadValue_MessageNamesKey()
    {
        var exception = CastFails<Dictionary<string, int>>("({ good: 1, bad: 'no' })");
        Assert.Contains("bad", exception.Message);
        Assert.Contains("string", exception.Message);
    }

    [Fact]
    public void Dictionary_FromArray_Throws()
    {
        var exception = CastFails<Dictionary<string, int>>("[1, 2]");
        Assert.Contains("object", exception.Message);
    }

    // ---- bytes ----------------------------------------------------------------------------------

    [Fact]
    public void ByteArray_FromUint8ArrayAndArrayBuffer()
    {
        Assert.Equal(new byte[] { 1, 2, 3 }, _context.Eval<byte[]>("new Uint8Array([1, 2, 3])"));
        Assert.Equal(new byte[] { 4, 5 }, _context.Eval<byte[]>("new Uint8Array([4, 5]).buffer"));
        Assert.Equal(new byte[] { 2, 3 }, _context.Eval<byte[]>("new Uint8Array([1, 2, 3, 4]).subarray(1, 3)"));
    }

    [Fact]
    public void ReadOnlyMemory_FromUint8ArrayAndArrayBuffer()
    {
        Assert.Equal(new byte[] { 7, 8 }, _context.Eval<ReadOnlyMemory<byte>>("new Uint8Array([7, 8])").ToArray());
        Assert.Equal(new byte[] { 9 }, _context.Eval<ReadOnlyMemory<byte>>("new Uint8Array([9]).buffer").ToArray());
        Assert.Equal(new byte[] { 1 }, _context.Eval<Memory<byte>>("new Uint8Array([1])").ToArray());
    }

    [Fact]
    public void ByteArray_FromPlainArray_Throws()
    {
        var exception = CastFails<byte[]>("'bytes'");
        Assert.Contains("Uint8Array", exception.Message);
    }

    // ---- functions and handles ------------------------------------------------------------------

    [Fact]
    public void Func_FromJsFunction_IsCallableFromDotNet()
    {
        var triple = _context.Eval<Func<int, int>>("x => x * 3");
        Assert.Equal(12, triple(4));
        var concat = _context.Eval<Func<string, int, string>>("(s, n) => s.repeat(n)");
        Assert.Equal("ababab", concat("ab", 3));
    }

    [Fact]
    public void Action_FromJsFunction_RunsSideEffects()
    {
        var record = _context.Eval<Action<string>>("globalThis.seen = []; s => seen.push(s)");
        record("one");
        record("two");
        Assert.Equal("one,two", _context.Eval<string>("seen.join(',')"));
    }

    [Fact]
    public void Func_FromNonFunction_Throws()
    {
        var exception = CastFails<Func<int, int>>("42");
        Assert.Contains("function", exception.Message);
    }

    [Fact]
    public void Func_ResultConversionFailure_ThrowsInvalidCast()
    {
        var fn = _context.Eval<Func<int>>("() => 'not a number'");
        Assert.Throws<InvalidCastException>(() => fn());
    }

    [Fact]
    public void Handles_PassThrough()
    {
        using var obj = _context.Eval<JsObject>("({ a: 1 })");
        Assert.Equal(1, obj["a"]);
        using var array = _context.Eval<JsArray>("[1, 2]");
        Assert.Equal(2, array.Count);
        using var fn = _context.Eval<JsFunction>("() => 5");
        Assert.Equal(5, fn.Invoke());
        using var handle = _context.Eval<JsHandle>("[]");
        Assert.IsType<JsArray>(handle);
        using var promise = _context.Eval<JsPromise>("Promise.resolve('one')");
        Assert.Equal("one", promise.Wait());
    }

    [Fact]
    public void Handles_WrongKind_Throws()
    {
        var exception = CastFails<JsObject>("42");
        Assert.Contains("object", exception.Message);
        CastFails<JsArray>("({})");
        CastFails<JsFunction>("({})");
        CastFails<JsObject>("null");
    }

    [Fact]
    public void Object_IsTheUntypedResult()
    {
        Assert.Equal(5, _context.Eval<object>("5"));
        Assert.Equal(1.5, _context.Eval<object>("1.5"));
        Assert.Same(JsUndefined.Value, _context.Eval<object>("undefined"));
        Assert.Null(_context.Eval<object?>("null"));
        using var obj = Assert.IsType<JsObject>(_context.Eval<object>("({})"));
        using var array = Assert.IsType<JsArray>(_context.Eval<object>("[]"));
    }

    [Fact]
    public void FailedCast_LeavesContextUsable()
    {
        CastFails<int>("'x'");
        Assert.Equal(2, _context.Eval<int>("2"));
    }
}
