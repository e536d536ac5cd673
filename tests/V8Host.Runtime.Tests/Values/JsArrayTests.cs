namespace V8Host.Tests.Values;

/// <summary>api.md §3: <see cref="JsArray"/> is a live <see cref="IList{T}"/> over the JS array.</summary>
public sealed class JsArrayTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();
    private readonly JsArray _array;

    public JsArrayTests() => _array = (JsArray)_context.Eval("globalThis.arr = [10, 'b', 30]; arr")!;

    public void Dispose()
    {
        _array.Dispose();
        _context.Dispose();
    }

    private string Json => _context.Eval<string>("JSON.stringify(arr)");

    [Fact]
    public void Count_IsLength()
    {
        Assert.Equal(3, _array.Count);
        _context.Eval("arr.push(1, 2)");
        Assert.Equal(5, _array.Count);
    }

    [Fact]
    public void Indexer_GetAndSet()
    {
        Assert.Equal(10, _array[0]);
        Assert.Equal("b", _array[1]);
        _array[1] = 20;
        Assert.Equal("[10,20,30]", Json);
        _context.Eval("arr[2] = 'changed'");
        Assert.Equal("changed", _array[2]);
    }

    [Fact]
    public void Add_Appends()
    {
        _array.Add(40);
        _array.Add(null);
        Assert.Equal("[10,\"b\",30,40,null]", Json);
    }

    [Fact]
    public void Insert_AtStartMiddleAndEnd()
    {
        _array.Insert(0, "first");
        _array.Insert(2, "mid");
        _array.Insert(_array.Count, "last");
        Assert.Equal("[\"first\",10,\"mid\",\"b\",30,\"last\"]", Json);
    }

    [Fact]
    public void RemoveAt_RemovesAndShifts()
    {
        _array.RemoveAt(1);
        Assert.Equal("[10,30]", Json);
        Assert.Equal(30, _array[1]);
    }

    [Fact]
    public void IndexOf_Contains_Remove()
    {
        Assert.Equal(1, _array.IndexOf("b"));
        Assert.Equal(2, _array.IndexOf(30));
        Assert.Equal(-1, _array.IndexOf(99));
        Assert.Contains(10, _array);
        Assert.DoesNotContain("zzz", _array);
        Assert.True(_array.Remove("b"));
        Assert.False(_array.Remove("b"));
        Assert.Equal("[10,30]", Json);
    }

    [Fact]
    public void Clear_EmptiesArray()
    {
        _array.Clear();
        Assert.Empty(_array);
        Assert.Equal(0, _context.Eval<int>("arr.length"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(100)]
    public void IndexerGet_OutOfRange_ThrowsArgumentOutOfRange(int index) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _array[index]);

    [Fact]
    public void OutOfRangeWrites_ThrowArgumentOutOfRange_AndLeaveArrayUnchanged()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _array[3] = 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => _array.RemoveAt(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => _array.RemoveAt(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _array.Insert(4, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _array.Insert(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _array.Get<int>(5));
        Assert.Equal("[10,\"b\",30]", Json);
    }

    [Fact]
    public void Get_ConvertsElements()
    {
        Assert.Equal(10, _array.Get<int>(0));
        Assert.Equal(10L, _array.Get<long>(0));
        Assert.Equal(30.0, _array.Get<double>(2));
        Assert.Equal("b", _array.Get<string>(1));
    }

    [Fact]
    public void Get_WrongType_ThrowsInvalidCastNamingElement()
    {
        var exception = Assert.Throws<InvalidCastException>(() => _array.Get<int>(1));
        Assert.Contains("[1]", exception.Message);
        Assert.Contains("string", exception.Message);
    }

    [Fact]
    public void Enumeration_AndCopyTo()
    {
        Assert.Equal(new object?[] { 10, "b", 30 }, _array.ToArray());
        var target = new object?[5];
        _array.CopyTo(target, 1);
        Assert.Equal(new object?[] { null, 10, "b", 30, null }, target);
    }

    [Fact]
    public void NestedArraysAndObjects_AreHandles()
    {
        using var nested = (JsArray)_context.Eval("[[1, 2], { k: 'v' }]")!;
        using var inner = Assert.IsType<JsArray>(nested[0]);
        Assert.Equal(2, inner[1]);
        using var obj = Assert.IsType<JsObject>(nested[1]);
        Assert.Equal("v", obj["k"]);
    }

    [Fact]
    public void NewArray_IsEmptyRealArray()
    {
        using var fresh = _context.NewArray();
        Assert.Empty(fresh);
        fresh.Add(1);
        fresh.Add(new[] { 2, 3 });
        _context.SetGlobal("fresh", fresh);
        Assert.Equal("[1,[2,3]]", _context.Eval<string>("Array.isArray(fresh) && JSON.stringify(fresh)"));
    }

    [Fact]
    public void IsReadOnly_IsFalse() => Assert.False(((ICollection<object?>)_array).IsReadOnly);
}
