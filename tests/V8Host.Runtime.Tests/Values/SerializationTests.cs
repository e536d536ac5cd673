using System.Numerics;

namespace V8Host.Tests.Values;

/// <summary>api.md §2: Serialize/Deserialize with structured-clone semantics, across contexts.</summary>
public sealed class SerializationTests : IDisposable
{
    private readonly Context _source = new Isolate().CreateContext();
    private readonly Context _target = new Isolate().CreateContext();

    public void Dispose()
    {
        _source.Dispose();
        _target.Dispose();
    }

    /// <summary>Evaluates <paramref name="source"/> in the first context, clones it into the second as global <c>r</c>, and evaluates <paramref name="check"/> there.</summary>
    private bool RoundTrip(string source, string check)
    {
        var value = _source.Eval(source);
        var bytes = _source.Serialize(value);
        (value as JsHandle)?.Dispose();
        Assert.NotEmpty(bytes);
        var copy = _target.Deserialize(bytes);
        _target.SetGlobal("r", copy);
        (copy as JsHandle)?.Dispose();
        return _target.Eval<bool>(check);
    }

    [Fact]
    public void Cycle_RoundTrips()
    {
        Assert.True(RoundTrip("const a = {}; a.self = a; a", "r.self === r && Object.keys(r).length === 1"));
    }

    [Fact]
    public void SharedReferences_StayShared()
    {
        Assert.True(RoundTrip(
            "const s = { v: 1 }; ({ x: s, y: s, list: [s] })",
            "r.x === r.y && r.list[0] === r.x && r.x.v === 1"));
    }

    [Fact]
    public void MapAndSet()
    {
        Assert.True(RoundTrip(
            "({ m: new Map([[1, 'one'], ['k', { z: 2 }]]), s: new Set([1, 'two', 3n]) })",
            "r.m instanceof Map && r.m.size === 2 && r.m.get(1) === 'one' && r.m.get('k').z === 2 && " +
            "r.s instanceof Set && r.s.size === 3 && r.s.has('two') && r.s.has(3n)"));
    }

    [Fact]
    public void DateAndRegExp()
    {
        Assert.True(RoundTrip(
            "({ d: new Date(86400000), re: /ab+c/gi, bad: new Date(NaN) })",
            "r.d instanceof Date && r.d.getTime() === 86400000 && r.re instanceof RegExp && r.re.source === 'ab+c' && r.re.flags === 'gi' && isNaN(r.bad.getTime())"));
    }

    [Fact]
    public void TypedArrays()
    {
        Assert.True(RoundTrip(
            "const buf = new ArrayBuffer(8); new Uint8Array(buf).set([1, 2, 3, 4, 5, 6, 7, 8]);" +
            "({ u: new Uint8Array([1, 2, 3]), f: new Float64Array([1.5, -0]), a: new Uint8Array(buf, 2, 3), b: new Uint16Array(buf), dv: new DataView(buf, 4), raw: buf })",
            "r.u instanceof Uint8Array && r.u.join() === '1,2,3' && " +
            "r.f instanceof Float64Array && r.f[0] === 1.5 && Object.is(r.f[1], -0) && " +
            "r.a.byteOffset === 2 && r.a.join() === '3,4,5' && r.a.buffer === r.b.buffer && r.b.buffer === r.raw && " +
            "r.dv instanceof DataView && r.dv.byteOffset === 4 && r.dv.getUint8(0) === 5"));
    }

    [Fact]
    public void BigInt_InsideObject_AndTopLevel()
    {
        Assert.True(RoundTrip("({ b: 2n ** 70n, n: -5n })", "r.b === 2n ** 70n && r.n === -5n"));
        var bytes = _source.Serialize(BigInteger.Pow(10, 40));
        Assert.Equal(BigInteger.Pow(10, 40), _target.Deserialize(bytes));
    }

    [Fact]
    public void NestedArrays_AndHoles()
    {
        Assert.True(RoundTrip(
            "[[1, [2, [3]]], [], [, 'x']]",
            "JSON.stringify(r) === '[[1,[2,[3]]],[],[null,\"x\"]]' && !(0 in r[2]) && r[2].length === 2"));
    }

    [Fact]
    public void Primitives_RoundTrip()
    {
        foreach (var (value, expected) in new (object?, object?)[]
                 {
                     (1, 1), (-2.5, -2.5), ("text ☃", "text ☃"), (true, true), (null, null), (JsUndefined.Value, JsUndefined.Value),
                 })
        {
            Assert.Equal(expected, _target.Deserialize(_source.Serialize(value)));
        }
    }

    [Fact]
    public void NegativeZero_KeepsItsSignInsideTheSerializedData()
    {
        var bytes = _source.Serialize(-0.0);
        // The data keeps the sign (it differs from +0's); only the final hop to .NET drops it (ClearScript).
        Assert.NotEqual(_source.Serialize(0.0), bytes);
        Assert.Equal(0, _target.Deserialize(bytes));
    }

    [Fact]
    public void IntegralNumbers_DeserializeAsInt()
    {
        Assert.IsType<int>(_target.Deserialize(_source.Serialize(7)));
        Assert.IsType<int>(_target.Deserialize(_source.Serialize(7.0)));
        Assert.IsType<double>(_target.Deserialize(_source.Serialize(7.5)));
    }

    [Fact]
    public void Date_TopLevel_ComesBackAsUtcDateTime()
    {
        var when = new DateTime(2022, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        Assert.Equal(when, _target.Deserialize(_source.Serialize(when)));
    }

    [Fact]
    public void ErrorsAndWrappers()
    {
        Assert.True(RoundTrip(
            "({ e: new RangeError('boom'), n: new Number(3), s: new String('x') })",
            "r.e instanceof RangeError && r.e.message === 'boom' && r.n instanceof Number && +r.n === 3 && r.s instanceof String"));
    }

    [Fact]
    public void Function_CannotBeCloned()
    {
        using var obj = (JsObject)_source.Eval("({ f() {} })")!;
        var exception = Assert.Throws<JavaScriptException>(() => _source.Serialize(obj));
        Assert.Equal("TypeError", exception.ErrorName);
        Assert.Contains("could not be cloned", exception.JsMessage);
    }

    [Theory]
    [InlineData("({ s: Symbol('s') })")]
    [InlineData("new WeakMap()")]
    [InlineData("(() => 1)")]
    public void OtherUncloneables_Throw(string source)
    {
        var value = _source.Eval(source);
        var exception = Assert.Throws<JavaScriptException>(() => _source.Serialize(value));
        Assert.Equal("TypeError", exception.ErrorName);
        (value as JsHandle)?.Dispose();
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0xC5 })]
    [InlineData(new byte[] { 0xC5, 0x01 })]
    [InlineData(new byte[] { 0xC5, 0x02, 0x01 })]
    [InlineData(new byte[] { 0xC5, 0x01, 0x01, 0x01 })]
    [InlineData(new byte[] { 0xC5, 0x01, 0x0B, 0x00 })]
    [InlineData(new byte[] { 0xC5, 0x01, 0x10, 0x08, 0x01 })]
    public void Deserialize_Garbage_ThrowsJavaScriptException(byte[] data)
    {
        var exception = Assert.Throws<JavaScriptException>(() => _target.Deserialize(data));
        Assert.Contains("invalid serialized data", exception.JsMessage);
        Assert.Equal(2, _target.Eval("1 + 1"));
    }

    [Fact]
    public void Serialize_DotNetValues()
    {
        var bytes = _source.Serialize(new Dictionary<string, object?>
        {
            ["a"] = 1,
            ["b"] = new List<string> { "x", "y" },
            ["c"] = new byte[] { 9 },
        });
        using var obj = Assert.IsType<JsObject>(_target.Deserialize(bytes));
        Assert.Equal(1, obj["a"]);
        using var list = Assert.IsType<JsArray>(obj["b"]);
        Assert.Equal(new object?[] { "x", "y" }, list.ToArray());
        using var view = Assert.IsType<JsTypedArray>(obj["c"]);
        Assert.Equal(new byte[] { 9 }, view.ToArray());
    }

    [Fact]
    public void Deserialize_InSameContext_IsADeepCopy()
    {
        using var original = (JsObject)_source.Eval("globalThis.orig = { inner: { v: 1 } }; orig")!;
        using var copy = Assert.IsType<JsObject>(_source.Deserialize(_source.Serialize(original)));
        _source.SetGlobal("copy", copy);
        Assert.True(_source.Eval<bool>("copy !== orig && copy.inner !== orig.inner && copy.inner.v === 1"));
    }

    [Fact]
    public void Deserialize_survives_mutated_and_random_input()
    {
        var valid = _source.Serialize(_source.Eval("({ list: [1, 'two', 3n, new Date(0)], map: new Map([[1, { nested: true }]]), bytes: new Uint16Array([1, 2, 3]), re: /a+/g })"));
        var random = new Random(1234);
        for (var i = 0; i < 300; i++)
        {
            var data = (byte[])valid.Clone();
            if (i % 3 == 0)
                data = data.AsSpan(0, random.Next(data.Length)).ToArray(); // truncated
            else
                data[random.Next(data.Length)] = (byte)random.Next(256); // one byte flipped

            try
            {
                using var result = _target.Deserialize(data) as JsHandle;
            }
            catch (JavaScriptException error)
            {
                Assert.Contains("invalid serialized data", error.JsMessage);
            }
        }

        Assert.Equal(2, _target.Eval<int>("1 + 1"));
    }
}
