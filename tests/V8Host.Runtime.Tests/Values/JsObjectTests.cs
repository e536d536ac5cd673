namespace V8Host.Tests.Values;

/// <summary>api.md §3: <see cref="JsObject"/> is a live <see cref="IDictionary{TKey,TValue}"/> over the JS object.</summary>
public sealed class JsObjectTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();
    private readonly JsObject _obj;

    public JsObjectTests() =>
        _obj = (JsObject)_context.Eval("globalThis.o = { a: 1, b: 'two', c: { d: true } }; o")!;

    public void Dispose()
    {
        _obj.Dispose();
        _context.Dispose();
    }

    [Fact]
    public void Indexer_ReadsValuesConverted()
    {
        Assert.Equal(1, _obj["a"]);
        Assert.Equal("two", _obj["b"]);
        using var inner = Assert.IsType<JsObject>(_obj["c"]);
        Assert.Equal(true, inner["d"]);
    }

    [Fact]
    public void IndexerSet_IsVisibleToJs()
    {
        _obj["a"] = 41;
        _obj["e"] = "new";
        Assert.Equal(41, _context.Eval<int>("o.a"));
        Assert.Equal("new", _context.Eval<string>("o.e"));
    }

    [Fact]
    public void JsWrites_AreVisibleThroughHandle()
    {
        _context.Eval("o.a = 99; o.z = 'zed'");
        Assert.Equal(99, _obj["a"]);
        Assert.Equal("zed", _obj["z"]);
    }

    [Fact]
    public void Set_CopiesDotNetCollections()
    {
        var list = new List<int> { 1, 2, 3 };
        _obj.Set("list", list);
        list.Add(4);
        Assert.True(_context.Eval<bool>("Array.isArray(o.list) && o.list.length === 3 && o.list[2] === 3"));
    }

    [Fact]
    public void Set_NullAndUndefined()
    {
        _obj["n"] = null;
        _obj["u"] = JsUndefined.Value;
        Assert.True(_context.Eval<bool>("o.n === null && 'u' in o && o.u === undefined"));
        Assert.Null(_obj["n"]);
        Assert.Same(JsUndefined.Value, _obj["u"]);
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsKeyNotFound()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => _obj["missing"]);
        Assert.Contains("missing", exception.Message);
    }

    [Fact]
    public void TryGetValue_ReportsPresence()
    {
        Assert.True(_obj.TryGetValue("b", out var value));
        Assert.Equal("two", value);
        Assert.False(_obj.TryGetValue("missing", out _));
    }

    [Fact]
    public void KeysAndCount_ReflectOwnEnumerableProperties()
    {
        Assert.Equal(new[] { "a", "b", "c" }, _obj.Keys);
        Assert.Equal(3, _obj.Count);
        _context.Eval("o.x = 1; Object.defineProperty(o, 'hidden', { value: 1, enumerable: false })");
        Assert.Equal(new[] { "a", "b", "c", "x" }, _obj.Keys);
        Assert.Equal(4, _obj.Count);
    }

    [Fact]
    public void Values_AreConverted()
    {
        var values = _obj.Values.ToArray();
        Assert.Equal(3, values.Length);
        Assert.Equal(1, values[0]);
        Assert.Equal("two", values[1]);
        Assert.IsType<JsObject>(values[2]);
        ((JsObject)values[2]!).Dispose();
    }

    [Fact]
    public void ContainsKey_OnlyOwnProperties()
    {
        Assert.True(_obj.ContainsKey("a"));
        Assert.False(_obj.ContainsKey("missing"));
        Assert.False(_obj.ContainsKey("toString"));
    }

    [Fact]
    public void Remove_DeletesProperty()
    {
        Assert.True(_obj.Remove("a"));
        Assert.False(_obj.Remove("a"));
        Assert.False(_context.Eval<bool>("'a' in o"));
        Assert.False(_obj.ContainsKey("a"));
    }

    [Fact]
    public void Add_NewKey_IsVisibleToJs()
    {
        _obj.Add("added", 5.5);
        Assert.Equal(5.5, _context.Eval<double>("o.added"));
    }

    [Fact]
    public void Add_DuplicateKey_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => _obj.Add("a", 2));
        Assert.Contains("'a'", exception.Message);
        Assert.Equal(1, _context.Eval<int>("o.a"));
    }

    [Fact]
    public void Get_ConvertsPerTypesMd()
    {
        Assert.Equal(1, _obj.Get<int>("a"));
        Assert.Equal(1L, _obj.Get<long>("a"));
        Assert.Equal(1.0, _obj.Get<double>("a"));
        Assert.Equal("two", _obj.Get<string>("b"));
        Assert.Equal(new Dictionary<string, bool> { ["d"] = true }, _obj.Get<Dictionary<string, bool>>("c"));
        Assert.Null(_obj.Get<int?>("missing"));
    }

    [Fact]
    public void Get_WrongType_ThrowsInvalidCastNamingProperty()
    {
        var exception = Assert.Throws<InvalidCastException>(() => _obj.Get<int>("b"));
        Assert.Contains("'b'", exception.Message);
        Assert.Contains("string", exception.Message);
        Assert.Contains("Int32", exception.Message);

        exception = Assert.Throws<InvalidCastException>(() => _obj.Get<bool>("a"));
        Assert.Contains("'a'", exception.Message);
        Assert.Contains("boolean", exception.Message);
    }

    [Fact]
    public void Get_MissingPropertyForValueType_ThrowsInvalidCast()
    {
        var exception = Assert.Throws<InvalidCastException>(() => _obj.Get<int>("missing"));
        Assert.Contains("'missing'", exception.Message);
        Assert.Contains("undefined", exception.Message);
    }

    [Fact]
    public void Enumeration_YieldsPairsInPropertyOrder()
    {
        var pairs = _obj.ToList();
        Assert.Equal(new[] { "a", "b", "c" }, pairs.Select(p => p.Key));
        Assert.Equal(1, pairs[0].Value);
        Assert.Equal("two", pairs[1].Value);
        ((JsObject)pairs[2].Value!).Dispose();
    }

    [Fact]
    public void Clear_RemovesAllOwnProperties()
    {
        _obj.Clear();
        Assert.Empty(_obj);
        Assert.Equal(0, _context.Eval<int>("Object.keys(o).length"));
    }

    [Fact]
    public void NewObject_IsEmptyAndUsableFromJs()
    {
        using var fresh = _context.NewObject();
        Assert.Empty(fresh);
        fresh["k"] = 3;
        _context.SetGlobal("fresh", fresh);
        Assert.Equal(3, _context.Eval<int>("fresh.k"));
        Assert.True(_context.Eval<bool>("Object.getPrototypeOf(fresh) === Object.prototype"));
    }

    [Fact]
    public void HandlePassedBack_IsSameJsObject()
    {
        _context.SetGlobal("again", _obj);
        Assert.True(_context.Eval<bool>("again === o"));
    }

    [Fact]
    public void KeyValuePairCollection_ContainsAndRemove()
    {
        ICollection<KeyValuePair<string, object?>> collection = _obj;
        Assert.Contains(new KeyValuePair<string, object?>("a", 1), collection);
        Assert.DoesNotContain(new KeyValuePair<string, object?>("a", 2), collection);
        Assert.False(collection.Remove(new KeyValuePair<string, object?>("a", 2)));
        Assert.True(collection.Remove(new KeyValuePair<string, object?>("a", 1)));
        Assert.False(_obj.ContainsKey("a"));
    }
}
