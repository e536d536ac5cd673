using System.Numerics;

namespace V8Host.Tests.Values;

/// <summary>api.md §3: the untyped result table of <c>Context.Eval</c>.</summary>
public sealed class UntypedResultTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void Undefined_IsJsUndefinedValue()
    {
        Assert.Same(JsUndefined.Value, _context.Eval("undefined"));
        Assert.Same(JsUndefined.Value, _context.Eval("void 0"));
    }

    [Fact]
    public void Null_IsNull() => Assert.Null(_context.Eval("null"));

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1 === 1", true)]
    public void Boolean_IsBool(string source, bool expected)
    {
        var result = _context.Eval(source);
        Assert.IsType<bool>(result);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("1.5 * 2", 3)]
    [InlineData("1e3", 1000)]
    public void IntegralNumberInInt32Range_IsInt(string source, int expected)
    {
        var result = _context.Eval(source);
        Assert.IsType<int>(result);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("2 ** 31", 2147483648.0)]
    [InlineData("-(2 ** 31) - 1", -2147483649.0)]
    [InlineData("2 ** 53", 9007199254740992.0)]
    [InlineData("0.1 + 0.2", 0.1 + 0.2)]
    [InlineData("Infinity", double.PositiveInfinity)]
    public void OtherNumbers_AreDouble(string source, double expected)
    {
        var result = _context.Eval(source);
        Assert.IsType<double>(result);
        Assert.Equal(expected, (double)result!);
    }

    [Fact]
    public void NegativeZero_ArrivesAsZero_ClearScriptDropsTheSign()
    {
        // Documented limitation (docs/runtime.md): ClearScript returns -0 as Int32 0.
        Assert.Equal(0, Assert.IsType<int>(_context.Eval("-0")));
        // Inside JS the sign is intact, so scripts can still tell.
        Assert.True(_context.Eval<bool>("Object.is(-0 * 1, -0)"));
    }

    [Fact]
    public void NaN_IsDoubleNaN()
    {
        var result = _context.Eval("NaN");
        Assert.True(double.IsNaN(Assert.IsType<double>(result)));
    }

    [Fact]
    public void BigInt_IsBigInteger()
    {
        Assert.Equal(BigInteger.Pow(2, 70), Assert.IsType<BigInteger>(_context.Eval("2n ** 70n")));
        Assert.Equal(new BigInteger(5), Assert.IsType<BigInteger>(_context.Eval("5n")));
        Assert.Equal(-BigInteger.Pow(10, 30), Assert.IsType<BigInteger>(_context.Eval("-(10n ** 30n)")));
    }

    [Fact]
    public void String_IsString()
    {
        Assert.Equal("héllo ☃", _context.Eval("'héllo ☃'"));
        Assert.Equal(string.Empty, _context.Eval("''"));
    }

    [Fact]
    public void Date_IsUtcDateTime()
    {
        var result = _context.Eval("new Date(Date.UTC(2021, 4, 6, 7, 8, 9, 10))");
        var date = Assert.IsType<DateTime>(result);
        Assert.Equal(DateTimeKind.Utc, date.Kind);
        Assert.Equal(new DateTime(2021, 5, 6, 7, 8, 9, 10, DateTimeKind.Utc), date);
    }

    [Fact]
    public void Array_IsJsArray()
    {
        using var array = Assert.IsType<JsArray>(_context.Eval("[1, 'two', 3.5]"));
        Assert.Equal(3, array.Count);
        Assert.IsAssignableFrom<IList<object?>>(array);
    }

    [Fact]
    public void PlainObject_IsJsObject()
    {
        using var obj = Assert.IsType<JsObject>(_context.Eval("({ a: 1 })"));
        Assert.IsAssignableFrom<IDictionary<string, object?>>(obj);
        Assert.Equal(1, obj["a"]);
    }

    [Theory]
    [InlineData("new Map()")]
    [InlineData("new (class Foo {})()")]
    [InlineData("new Error('x')")]
    [InlineData("/re/g")]
    public void OtherObjects_AreJsObject(string source)
    {
        using var handle = Assert.IsType<JsObject>(_context.Eval(source));
        Assert.True(handle.IsAlive);
    }

    [Theory]
    [InlineData("(function f() {})")]
    [InlineData("(x => x)")]
    [InlineData("(class C {})")]
    [InlineData("(async () => 1)")]
    [InlineData("Math.max")]
    public void Function_IsJsFunction(string source)
    {
        using var fn = Assert.IsType<JsFunction>(_context.Eval(source));
        Assert.Same(_context, fn.Context);
    }

    [Fact]
    public void Promise_IsJsPromise()
    {
        using var _ = Assert.IsType<JsPromise>(_context.Eval("Promise.resolve(1)"));
        using var __ = Assert.IsType<JsPromise>(_context.Eval("(async () => 1)()"));
    }

    [Fact]
    public void ArrayBuffer_IsJsArrayBuffer()
    {
        using var buffer = Assert.IsType<JsArrayBuffer>(_context.Eval("new ArrayBuffer(4)"));
        Assert.Equal(4, buffer.ByteLength);
    }

    [Theory]
    [InlineData("new Uint8Array(3)", "Uint8Array")]
    [InlineData("new Float64Array(2)", "Float64Array")]
    [InlineData("new Int32Array(1)", "Int32Array")]
    [InlineData("new DataView(new ArrayBuffer(8))", "DataView")]
    public void TypedArraysAndDataView_AreJsTypedArray(string source, string arrayType)
    {
        using var view = Assert.IsType<JsTypedArray>(_context.Eval(source));
        Assert.Equal(arrayType, view.ArrayType);
    }

    [Fact]
    public void EveryHandleType_DerivesFromJsHandle()
    {
        foreach (var source in new[] { "({})", "[]", "(() => 1)", "Promise.resolve()", "new ArrayBuffer(1)", "new Uint8Array(1)" })
        {
            using var handle = Assert.IsAssignableFrom<JsHandle>(_context.Eval(source));
            Assert.True(handle.IsAlive);
        }
    }

    [Fact]
    public void HandleUsedAfterContextDisposed_ThrowsObjectDisposed()
    {
        var context = new Isolate().CreateContext();
        var obj = (JsObject)context.Eval("({ a: 1 })")!;
        context.Dispose();
        Assert.False(obj.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => obj["a"]);
        obj.Dispose();
    }

    [Fact]
    public void DisposedHandle_ThrowsObjectDisposed_OnUse()
    {
        var obj = (JsObject)_context.Eval("({ a: 1 })")!;
        obj.Dispose();
        Assert.False(obj.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => obj.Count);
        obj.Dispose(); // second dispose is harmless
    }
}
