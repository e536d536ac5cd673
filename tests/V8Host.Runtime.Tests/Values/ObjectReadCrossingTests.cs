namespace V8Host.Tests.Values;

/// <summary>
/// Issue 16, item 5: reading a JS object or array from .NET costs a constant number of engine calls
/// (one per chunk of 256 keys or elements), not one per key and one per value, and stays exact.
/// </summary>
public sealed class ObjectReadCrossingTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    // Engine calls the conversions of `read` made, after one warm-up read set the readers up.
    private long GlueCallsOf(Action read)
    {
        read();
        var before = _context.Values.GlueCalls;
        read();
        return _context.Values.GlueCalls - before;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1000)]
    public void A_string_keyed_dictionary_of_a_plain_object_is_one_engine_call(int size)
    {
        _context.Eval($"globalThis.d = {{}}; for (let i = 0; i < {size}; i++) d['k' + i] = i * 3;");
        Dictionary<string, int>? read = null;

        Assert.Equal(1, GlueCallsOf(() => read = _context.Eval<Dictionary<string, int>>("d")));
        Assert.Equal(Enumerable.Range(0, size).Select(i => ("k" + i, i * 3)), read!.Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public void A_dictionary_of_plain_data_records_reads_every_record_exactly()
    {
        _context.Eval("globalThis.d = {}; for (let i = 0; i < 700; i++) d['r' + i] = { name: 'n' + i, count: i, tags: ['t' + i] };");
        Dictionary<string, Entry>? read = null;

        Assert.Equal(1, GlueCallsOf(() => read = _context.Eval<Dictionary<string, Entry>>("d")));
        Assert.Equal(700, read!.Count);
        Assert.All(Enumerable.Range(0, 700), i =>
        {
            var entry = read["r" + i];
            Assert.Equal(("n" + i, i, "t" + i), (entry.Name, entry.Count, Assert.Single(entry.Tags)));
        });
    }

    [Theory]
    [InlineData(3, 3)]     // the walk, the Map check, one chunk of keys and values
    [InlineData(256, 3)]
    [InlineData(257, 4)]
    [InlineData(1000, 6)]
    public void A_dictionary_of_a_class_instance_reads_its_keys_and_values_in_chunks(int size, int calls)
    {
        // Not a plain object: the walker leaves it to the per-value read, which reads chunks of entries.
        _context.Eval($"globalThis.d = new (class Bag {{}})(); for (let i = 0; i < {size}; i++) d['k' + i] = 'v' + i;");
        Dictionary<string, string>? read = null;

        Assert.Equal(calls, GlueCallsOf(() => read = _context.Eval<Dictionary<string, string>>("d")));
        Assert.Equal(Enumerable.Range(0, size).Select(i => ("k" + i, "v" + i)), read!.Select(pair => (pair.Key, pair.Value)));
    }

    [Theory]
    [InlineData("({ a: 1 })")]
    [InlineData("new (class Bag { constructor() { this.a = 1; } })()")]
    public void Each_getter_of_a_dictionary_source_runs_once(string source)
    {
        _context.Eval($$"""
            globalThis.reads = 0;
            globalThis.d = {{source}};
            Object.defineProperty(d, 'b', { enumerable: true, get() { reads++; return 2; } });
            """);

        var read = _context.Eval<Dictionary<string, int>>("d");

        Assert.Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }, read);
        Assert.Equal(1, _context.Eval<int>("reads"));
    }

    [Fact]
    public void A_Map_and_a_throwing_getter_behave_as_before()
    {
        Assert.Equal(new Dictionary<string, int> { ["x"] = 1, ["y"] = 2 }, _context.Eval<Dictionary<string, int>>("new Map([['x', 1], ['y', 2]])"));
        var error = Assert.Throws<JavaScriptException>(() => _context.Eval<Dictionary<string, int>>("({ a: 1, get b() { throw new RangeError('no b'); } })"));
        Assert.Contains("no b", error.Message);
        Assert.Throws<InvalidCastException>(() => _context.Eval<Dictionary<string, int>>("({ a: 1, b: 'two' })"));
    }

    [Fact]
    public void Long_strings_refused_by_a_batch_are_read_one_by_one_and_exact()
    {
        // Each value alone is under the glue's batch limit of 2^20 characters; two of them are not.
        _context.Eval("globalThis.d = new (class Bag {})(); for (let i = 0; i < 4; i++) d['k' + i] = String.fromCharCode(97 + i).repeat(600000);");

        var read = _context.Eval<Dictionary<string, string>>("d");
        using var handle = _context.Eval<JsObject>("d");

        Assert.Equal(Enumerable.Range(0, 4).Select(i => ("k" + i, new string((char)('a' + i), 600000))), read.Select(pair => (pair.Key, pair.Value)));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => ("k" + i, (object?)new string((char)('a' + i), 600000))), handle.Select(pair => (pair.Key, pair.Value)));
    }

    [Fact]
    public void JsObject_enumeration_reads_chunks_of_entries_in_key_order()
    {
        _context.Eval("globalThis.o = {}; for (let i = 0; i < 600; i++) o['k' + i] = i; o[7] = 'seven';");
        using var handle = _context.Eval<JsObject>("o");
        var expected = new[] { "7" }.Concat(Enumerable.Range(0, 600).Select(i => "k" + i)).ToArray();

        // 601 keys: three chunks of entries (Values and GetEnumerator) or of keys (Keys, Count).
        Assert.Equal(3, GlueCallsOf(() => Assert.Equal(expected, handle.Keys)));
        Assert.Equal(3, GlueCallsOf(() => Assert.Equal(601, handle.Count)));
        Assert.Equal(3, GlueCallsOf(() => Assert.Equal(new object?[] { "seven" }.Concat(Enumerable.Range(0, 600).Cast<object?>()), handle.Values)));
        Assert.Equal(3, GlueCallsOf(() => Assert.Equal(expected, handle.Select(pair => pair.Key))));
        Assert.Equal("seven", handle.First().Value);
    }

    [Fact]
    public void JsObject_enumeration_does_not_run_getters_for_keys_and_runs_each_once_for_values()
    {
        _context.Eval("globalThis.reads = 0; globalThis.o = { a: 1, get b() { reads++; return 2; } };");
        using var handle = _context.Eval<JsObject>("o");

        Assert.Equal(new[] { "a", "b" }, handle.Keys);
        Assert.Equal(2, handle.Count);
        Assert.Equal(0, _context.Eval<int>("reads"));
        Assert.Equal(new object?[] { 1, 2 }, handle.Values);
        Assert.Equal(1, _context.Eval<int>("reads"));
    }

    [Fact]
    public void JsObject_TryGetValue_tells_a_missing_key_from_an_undefined_or_inherited_one()
    {
        using var handle = _context.Eval<JsObject>("Object.setPrototypeOf({ u: undefined, n: null }, { inherited: 'yes' })");

        Assert.True(handle.TryGetValue("u", out var undefinedValue));
        Assert.IsType<JsUndefined>(undefinedValue);
        Assert.True(handle.TryGetValue("n", out var nullValue));
        Assert.Null(nullValue);
        Assert.True(handle.TryGetValue("inherited", out var inherited));
        Assert.Equal("yes", inherited);
        Assert.False(handle.TryGetValue("missing", out _));
        Assert.Throws<KeyNotFoundException>(() => handle["missing"]);
    }

    [Fact]
    public void JsArray_indexer_never_reads_past_the_end_into_Array_prototype()
    {
        _context.Eval("Array.prototype[3] = 'planted'; Array.prototype[-1] = 'planted';");
        using var array = _context.Eval<JsArray>("[1, undefined, 3]");

        Assert.Equal(1, array[0]);
        Assert.IsType<JsUndefined>(array[1]);
        Assert.Equal(3, array.Get<int>(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => array[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => array[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => array.Get<string>(3));
    }

    [Fact]
    public void JsArray_enumeration_reads_chunks_of_elements()
    {
        using var array = _context.Eval<JsArray>("const a = []; for (let i = 0; i < 1000; i++) a[i] = i % 2 ? 'odd' : i; a");
        var expected = Enumerable.Range(0, 1000).Select(i => i % 2 == 1 ? (object)"odd" : i).ToArray();

        // One engine call for its length (counted apart), then four chunks of 256 elements.
        Assert.Equal(4, GlueCallsOf(() => Assert.Equal(expected, array.ToArray())));
        var copy = new object?[1002];
        array.CopyTo(copy, 2);
        Assert.Equal(expected, copy.Skip(2));
    }

    // The batched readers and appenders fill their lists by assignment while the list's prototype is
    // null (primordials newList, fillList): a script's index accessors on Array.prototype and
    // Object.prototype never see those values, and what scripts get back is an ordinary Array.
    [Fact]
    public void Index_accessors_on_the_prototypes_never_see_batched_reads_or_appends()
    {
        _context.SetGlobal("names", (Func<List<object>>)(() => new List<object> { "a", 2, true }));
        _context.Eval(
            "globalThis.hits = 0; for (const proto of [Array.prototype, Object.prototype]) for (let i = 0; i < 8; i++) " +
            "Object.defineProperty(proto, i, { get() { hits++; return 'fake'; }, set(v) { hits++; }, configurable: true }); " +
            "globalThis.o = { x: 1, y: 'two', z: null }; globalThis.a = [1, 'two', null, 4]; " +
            "globalThis.m = new Map([['k', 1]]); globalThis.s = new Set([1, 2]);");

        Assert.Equal([("x", (object?)1), ("y", "two"), ("z", null)], _context.Eval<JsObject>("o").Select(pair => (pair.Key, pair.Value)));
        Assert.Equal([1, "two", null, 4], _context.Eval<JsArray>("a").ToArray());
        Assert.Equal(new Dictionary<string, int> { ["k"] = 1 }, _context.Eval<Dictionary<string, int>>("m"));
        Assert.Equal(new HashSet<int> { 1, 2 }, _context.Eval<HashSet<int>>("s"));
        Assert.Equal(["1", "two", null, "4"], _context.Eval<List<string?>>("a.map(v => v === null ? null : String(v))"));
        Assert.True(_context.Eval<bool>(
            "const n = names(); Object.getPrototypeOf(n) === Array.prototype && n.length === 3 && " +
            "Object.getOwnPropertyDescriptor(n, 0).value === 'a' && Object.getOwnPropertyDescriptor(n, 2).value === true"));
        Assert.Equal(0, _context.Eval<int>("hits"));
    }

    public sealed record Entry(string Name, int Count, IReadOnlyList<string> Tags);
}
