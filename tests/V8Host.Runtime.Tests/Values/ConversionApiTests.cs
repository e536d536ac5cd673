namespace V8Host.Tests.Values;

/// <summary>api.md §2: ToJs, ParseJson, GetGlobal and SetGlobal.</summary>
public sealed class ConversionApiTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private sealed class PlainClass
    {
        public int Value { get; set; }
    }

    // ---- ToJs -----------------------------------------------------------------------------------

    [Fact]
    public void ToJs_Primitives_ComeBackAsUntypedResults()
    {
        Assert.Equal(5, _context.ToJs(5));
        Assert.Equal(5, _context.ToJs((byte)5));
        Assert.Equal(1.5, _context.ToJs(1.5f));
        Assert.Equal("s", _context.ToJs("s"));
        Assert.Equal("c", _context.ToJs('c'));
        Assert.Equal(true, _context.ToJs(true));
        Assert.Null(_context.ToJs(null));
        Assert.Same(JsUndefined.Value, _context.ToJs(JsUndefined.Value));
        Assert.Equal(2, _context.ToJs(Shade.Green));
    }

    [Fact]
    public void ToJs_Long_InInt32Range_IsInt()
    {
        Assert.Equal(5, Assert.IsType<int>(_context.ToJs(5L)));
        Assert.Equal(5, Assert.IsType<int>(_context.ToJs(5UL)));
        Assert.Equal(1L << 60, (long)Assert.IsType<System.Numerics.BigInteger>(_context.ToJs(1L << 60)));
    }

    [Fact]
    public void ToJs_List_IsJsArrayCopy()
    {
        var list = new List<int> { 1, 2, 3 };
        using var array = Assert.IsType<JsArray>(_context.ToJs(list));
        list.Add(4);
        Assert.Equal(new object?[] { 1, 2, 3 }, array.ToArray());
        array.Add(9);
        Assert.Equal(4, list.Count);
    }

    [Fact]
    public void ToJs_Dictionary_IsJsObjectCopy()
    {
        var dict = new Dictionary<string, object?> { ["a"] = 1, ["b"] = "two", ["n"] = null };
        using var obj = Assert.IsType<JsObject>(_context.ToJs(dict));
        Assert.Equal(new[] { "a", "b", "n" }, obj.Keys);
        Assert.Equal(1, obj["a"]);
        Assert.Equal("two", obj["b"]);
        Assert.Null(obj["n"]);
        dict["c"] = 3;
        Assert.False(obj.ContainsKey("c"));
    }

    [Fact]
    public void ToJs_NestedGraph()
    {
        var graph = new Dictionary<string, object?>
        {
            ["items"] = new List<object?> { 1, new Dictionary<string, int> { ["x"] = 2 }, new[] { "deep" } },
            ["bytes"] = new byte[] { 1, 2 },
        };
        using var obj = Assert.IsType<JsObject>(_context.ToJs(graph));
        _context.SetGlobal("g", obj);
        Assert.True(_context.Eval<bool>(
            "Array.isArray(g.items) && g.items[0] === 1 && g.items[1].x === 2 && g.items[2][0] === 'deep' && g.bytes instanceof Uint8Array"));
        using var items = Assert.IsType<JsArray>(obj["items"]);
        using var inner = Assert.IsType<JsObject>(items[1]);
        Assert.Equal(2, inner["x"]);
    }

    [Fact]
    public void ToJs_CyclicList_KeepsCycle()
    {
        var list = new List<object?> { 1 };
        list.Add(list);
        using var array = Assert.IsType<JsArray>(_context.ToJs(list));
        _context.SetGlobal("cyc", array);
        Assert.True(_context.Eval<bool>("cyc[1] === cyc && cyc[0] === 1"));
    }

    [Fact]
    public void ToJs_CyclicDictionary_AndSharedReferences()
    {
        var shared = new List<int> { 7 };
        var root = new Dictionary<string, object?> { ["a"] = shared, ["b"] = shared };
        root["self"] = root;
        using var obj = Assert.IsType<JsObject>(_context.ToJs(root));
        _context.SetGlobal("root", obj);
        Assert.True(_context.Eval<bool>("root.self === root && root.a === root.b && root.a[0] === 7"));
    }

    // Issue 9: a POCO is plain data now (it crosses as a copy); a platform type without a row still fails.
    [Fact]
    public void ToJs_UnsupportedType_ThrowsArgumentExceptionNamingType()
    {
        var exception = Assert.Throws<ArgumentException>(() => _context.ToJs(new System.Text.StringBuilder("x")));
        Assert.Contains(nameof(System.Text.StringBuilder), exception.Message);
        var nested = Assert.Throws<ArgumentException>(() => _context.ToJs(new List<object> { new System.Text.StringBuilder() }));
        Assert.Contains(nameof(System.Text.StringBuilder), nested.Message);
        using var copy = Assert.IsType<JsObject>(_context.ToJs(new PlainClass { Value = 1 }));
        Assert.Equal(1, copy["value"]);
    }

    // Issue 9: dictionaries with non-string keys are JS Maps.
    [Fact]
    public void ToJs_NonStringKeyedDictionary_IsMap()
    {
        using var map = Assert.IsType<JsObject>(_context.ToJs(new Dictionary<int, string> { [1] = "x" }));
        _context.SetGlobal("m", map);
        Assert.True(_context.Eval<bool>("m instanceof Map && m.get(1) === 'x' && m.size === 1"));
    }

    [Fact]
    public void ToJs_Handle_IsSameValue()
    {
        using var obj = (JsObject)_context.Eval("globalThis.orig = {}; orig")!;
        using var again = Assert.IsType<JsObject>(_context.ToJs(obj));
        _context.SetGlobal("again", again);
        Assert.True(_context.Eval<bool>("again === orig"));
    }

    // ---- ParseJson ------------------------------------------------------------------------------

    [Fact]
    public void ParseJson_Values()
    {
        using var obj = Assert.IsType<JsObject>(_context.ParseJson("{\"a\": [1, 2.5, \"x\", null, true]}"));
        using var array = Assert.IsType<JsArray>(obj["a"]);
        Assert.Equal(new object?[] { 1, 2.5, "x", null, true }, array.ToArray());
        Assert.Equal(3, _context.ParseJson("3"));
        Assert.Equal("s", _context.ParseJson("\"s\""));
        Assert.Null(_context.ParseJson("null"));
    }

    [Theory]
    [InlineData("{bad")]
    [InlineData("")]
    [InlineData("{'a': 1}")]
    [InlineData("[1,]")]
    public void ParseJson_Invalid_ThrowsSyntaxError(string json)
    {
        var exception = Assert.Throws<JavaScriptException>(() => _context.ParseJson(json));
        Assert.Equal("SyntaxError", exception.ErrorName);
        Assert.False(string.IsNullOrEmpty(exception.JsMessage));
    }

    // ---- globals --------------------------------------------------------------------------------

    [Fact]
    public void SetGlobal_ThenEvalReadsIt()
    {
        _context.SetGlobal("answer", 42);
        _context.SetGlobal("config", new Dictionary<string, object?> { ["name"] = "v8", ["tags"] = new[] { "a", "b" } });
        Assert.Equal(42, _context.Eval<int>("answer"));
        Assert.Equal("v8:a,b", _context.Eval<string>("config.name + ':' + config.tags.join()"));
    }

    [Fact]
    public void SetGlobal_OverwritesAndNull()
    {
        _context.SetGlobal("v", 1);
        _context.SetGlobal("v", "two");
        Assert.Equal("two", _context.Eval("v"));
        _context.SetGlobal("v", null);
        Assert.True(_context.Eval<bool>("v === null"));
    }

    [Fact]
    public void GetGlobal_ReadsJsDefinedValues()
    {
        _context.Eval("var fromJs = 'hello'; globalThis.obj = { k: 1 }");
        Assert.Equal("hello", _context.GetGlobal("fromJs"));
        using var obj = Assert.IsType<JsObject>(_context.GetGlobal("obj"));
        Assert.Equal(1, obj["k"]);
        Assert.Same(JsUndefined.Value, _context.GetGlobal("doesNotExist"));
        using var json = Assert.IsType<JsObject>(_context.GetGlobal("JSON"));
    }

    [Fact]
    public void SetGlobal_RoundTripsThroughGetGlobal()
    {
        _context.SetGlobal("num", 2.5);
        Assert.Equal(2.5, _context.GetGlobal("num"));
        _context.SetGlobal("when", new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), _context.GetGlobal("when"));
        Assert.True(_context.Eval<bool>("when instanceof Date"));
    }

    [Fact]
    public void SetGlobal_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => _context.SetGlobal("", 1));
        Assert.Throws<ArgumentNullException>(() => _context.SetGlobal(null!, 1));
    }

    [Fact]
    public void ContextBuilder_SetGlobal_IsVisible()
    {
        using var context = new Isolate().CreateContextBuilder().SetGlobal("preset", new List<int> { 1, 2 }).Build();
        Assert.Equal(2, context.Eval<int>("preset.length"));
    }
}
