using System.Globalization;

namespace V8Host.Tests.Values;

/// <summary>Issue 9 / types.md: the new value rows, both directions, at their boundaries.</summary>
public sealed class ValueTypeTests : IDisposable
{
    private readonly Context _context;

    public ValueTypeTests()
    {
        _context = new Isolate().CreateContextBuilder()
            .AddHostFunction("guidText", new Func<Guid, string>(id => id.ToString("D")))
            .AddHostFunction("newGuid", new Func<string, Guid>(text => Guid.Parse(text)))
            .AddHostFunction("spanTicks", new Func<TimeSpan, string>(span => span.Ticks.ToString(CultureInfo.InvariantCulture)))
            .AddHostFunction("spanOf", new Func<long, TimeSpan>(ticks => new TimeSpan(ticks)))
            .AddHostFunction("dateText", new Func<DateOnly, string>(date => date.ToString("O", CultureInfo.InvariantCulture)))
            .AddHostFunction("dateOf", new Func<int, int, int, DateOnly>((y, m, d) => new DateOnly(y, m, d)))
            .AddHostFunction("timeTicks", new Func<TimeOnly, string>(time => time.Ticks.ToString(CultureInfo.InvariantCulture)))
            .AddHostFunction("timeOf", new Func<long, TimeOnly>(ticks => new TimeOnly(ticks)))
            .AddHostFunction("uriText", new Func<Uri, string>(uri => (uri.IsAbsoluteUri ? "abs " : "rel ") + uri.OriginalString))
            .AddHostFunction("uriOf", new Func<string, Uri>(text => new Uri(text, UriKind.RelativeOrAbsolute)))
            .AddHostFunction("sum", new Func<HashSet<int>, int>(set => set.Sum()))
            .AddHostFunction("setCount", new Func<ISet<string>, string>(set => $"{set.Count}:{string.Join(",", set.Order())}"))
            .AddHostFunction("readOnlySet", new Func<IReadOnlySet<long>, int>(set => set.Count))
            .AddHostFunction("squares", new Func<int, HashSet<int>>(n => Enumerable.Range(1, n).Select(i => i * i).ToHashSet()))
            .AddHostFunction("mapSum", new Func<Dictionary<int, string>, string>(map => string.Join(",", map.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"))))
            .AddHostFunction("guidKeys", new Func<IReadOnlyDictionary<Guid, int>, int>(map => map.Values.Sum()))
            .AddHostFunction("byName", new Func<IDictionary<string, int>, int>(map => map.Values.Sum()))
            .AddHostFunction("idMap", new Func<Dictionary<long, bool>>(() => new() { [1] = true, [1L << 60] = false }))
            .AddHostFunction("pair", new Func<(int, string), string>(t => $"{t.Item1}/{t.Item2}"))
            .AddHostFunction("nested", new Func<(int, (string, bool)), string>(t => $"{t.Item1}/{t.Item2.Item1}/{t.Item2.Item2}"))
            .AddHostFunction("minMax", new Func<int[], (int Min, int Max)>(values => (values.Min(), values.Max())))
            .AddHostFunction("wide", new Func<(int, int, int, int, int, int, int, int, int), int>(t => t.Item1 + t.Item8 * 10 + t.Item9 * 100))
            .AddHostFunction("halfOf", new Func<Half, string>(h => ((double)h).ToString(CultureInfo.InvariantCulture)))
            .AddHostFunction("halfMax", new Func<Half>(() => Half.MaxValue))
            .AddHostFunction("nintOf", new Func<nint, string>(n => n.ToString(CultureInfo.InvariantCulture)))
            .AddHostFunction("nuintOf", new Func<nuint, string>(n => n.ToString(CultureInfo.InvariantCulture)))
            .AddHostFunction("nintMax", new Func<nint>(() => nint.MaxValue))
            .AddHostFunction("dateTime", new Func<string, DateTime>(kind => kind switch
            {
                "utc" => new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                "local" => new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local),
                _ => new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            }))
            .AddHostFunction("kindOf", new Func<DateTime, string>(date => $"{date.Kind} {date:O}"))
            .Build();
    }

    public void Dispose() => _context.Dispose();

    private string Error(string call) => _context.Eval<string>($"try {{ {call}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    // ---- Guid --------------------------------------------------------------------------------------

    [Fact]
    public void Guid_CrossesAsDFormatString_BothWays()
    {
        const string text = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Assert.Equal(text, _context.Eval<string>($"newGuid('{text.ToUpperInvariant()}')"));
        Assert.Equal(text, _context.Eval<string>($"guidText('{text}')"));
        Assert.Equal(Guid.Parse(text), _context.Eval<Guid>($"'{text}'"));
        Assert.Equal("00000000-0000-0000-0000-000000000000", _context.Eval<string>("newGuid('00000000-0000-0000-0000-000000000000')"));
    }

    [Theory]
    [InlineData("'0f8fad5bd9cb469fa16570867728950e'", "a string (\"0f8fad5bd9cb469fa16570867728950e\")")]
    [InlineData("'{0f8fad5b-d9cb-469f-a165-70867728950e}'", "a string")]
    [InlineData("'not a guid'", "a string (\"not a guid\")")]
    [InlineData("42", "a number (42)")]
    public void Guid_OtherFormats_AreTypeErrors(string argument, string got) =>
        Assert.Equal($"TypeError: guidText: parameter 'id' expects a Guid string (\"D\" format: 00000000-0000-0000-0000-000000000000); got {got}.", Error($"guidText({argument})"));

    // ---- TimeSpan -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("1500", 15_000_000L)]
    [InlineData("0.0001", 1L)]
    [InlineData("-0.5", -5_000L)]
    [InlineData("86400000", TimeSpan.TicksPerDay)]
    public void TimeSpan_FromMilliseconds(string ms, long ticks)
    {
        Assert.Equal(ticks.ToString(CultureInfo.InvariantCulture), _context.Eval<string>($"spanTicks({ms})"));
        Assert.Equal(new TimeSpan(ticks), _context.Eval<TimeSpan>(ms));
    }

    [Fact]
    public void TimeSpan_ToMilliseconds()
    {
        Assert.True(_context.Eval<bool>("spanOf(15000000) === 1500"));
        Assert.True(_context.Eval<bool>("spanOf(1) === 0.0001"));
        Assert.True(_context.Eval<bool>("spanOf(-10000) === -1"));
        Assert.Equal(TimeSpan.FromDays(10000), _context.Eval<TimeSpan>($"spanOf({TimeSpan.FromDays(10000).Ticks})"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e300")]
    public void TimeSpan_NonFiniteOrHuge_IsRangeError(string ms) =>
        Assert.StartsWith("RangeError: spanTicks: parameter 'span': ", Error($"spanTicks({ms})"));

    [Fact]
    public void TimeSpan_String_IsTypeError() =>
        Assert.Equal("TypeError: spanTicks: parameter 'span' expects a number of milliseconds; got a string (\"00:01:00\").", Error("spanTicks('00:01:00')"));

    // ---- DateOnly / TimeOnly ------------------------------------------------------------------------

    [Fact]
    public void DateOnly_CrossesAsIsoDate()
    {
        Assert.Equal("2024-02-29", _context.Eval<string>("dateOf(2024, 2, 29)"));
        Assert.Equal("0001-01-01", _context.Eval<string>("dateOf(1, 1, 1)"));
        Assert.Equal("9999-12-31", _context.Eval<string>("dateText('9999-12-31')"));
        Assert.Equal(new DateOnly(2024, 2, 29), _context.Eval<DateOnly>("'2024-02-29'"));
        Assert.StartsWith("TypeError: dateText: parameter 'date' expects a date string (yyyy-MM-dd)", Error("dateText('2023-02-29')"));
        Assert.StartsWith("TypeError: dateText: parameter 'date' expects a date string (yyyy-MM-dd)", Error("dateText('2024-2-9')"));
        Assert.StartsWith("TypeError: dateText: parameter 'date' expects a date string", Error("dateText(new Date())"));
    }

    [Fact]
    public void TimeOnly_CrossesAsTrimmedIsoTime()
    {
        Assert.Equal("13:45:00", _context.Eval<string>($"timeOf({new TimeOnly(13, 45).Ticks})"));
        Assert.Equal("00:00:00", _context.Eval<string>("timeOf(0)"));
        Assert.Equal("23:59:59.9999999", _context.Eval<string>($"timeOf({TimeOnly.MaxValue.Ticks})"));
        Assert.Equal("01:02:03.5", _context.Eval<string>($"timeOf({new TimeOnly(1, 2, 3, 500).Ticks})"));
        Assert.Equal(TimeOnly.MaxValue.Ticks.ToString(CultureInfo.InvariantCulture), _context.Eval<string>("timeTicks('23:59:59.9999999')"));
        Assert.Equal(new TimeOnly(13, 45).Ticks.ToString(CultureInfo.InvariantCulture), _context.Eval<string>("timeTicks('13:45')"));
        Assert.Equal(new TimeOnly(1, 2, 3, 500), _context.Eval<TimeOnly>("'01:02:03.5'"));
        Assert.StartsWith("TypeError: timeTicks: parameter 'time' expects a time string", Error("timeTicks('24:00:00')"));
        Assert.StartsWith("TypeError: timeTicks: parameter 'time' expects a time string", Error("timeTicks(3600000)"));
    }

    // ---- Uri -----------------------------------------------------------------------------------------

    [Fact]
    public void Uri_CrossesAsWrittenString()
    {
        Assert.Equal("abs https://example.com/a?b=1", _context.Eval<string>("uriText('https://example.com/a?b=1')"));
        Assert.Equal("rel ../docs/a.md", _context.Eval<string>("uriText('../docs/a.md')"));
        Assert.Equal("HTTPS://Example.com", _context.Eval<string>("uriOf('HTTPS://Example.com')"));
        Assert.Equal("rel/x", _context.Eval<string>("uriOf('rel/x')"));
        Assert.Equal(new Uri("https://example.com/"), _context.Eval<Uri>("'https://example.com/'"));
        Assert.StartsWith("TypeError: uriText: parameter 'uri' expects a URI string; got a string", Error("uriText('http://[bad')"));
        Assert.StartsWith("TypeError: uriText: parameter 'uri' expects a URI string; got a number", Error("uriText(1)"));
    }

    // ---- Sets ----------------------------------------------------------------------------------------

    [Fact]
    public void Sets_FromJsSet_ElementsConverted()
    {
        Assert.Equal(6, _context.Eval<int>("sum(new Set([1, 2, 3]))"));
        Assert.Equal("2:a,b", _context.Eval<string>("setCount(new Set(['b', 'a']))"));
        Assert.Equal(2, _context.Eval<int>("readOnlySet(new Set([2n**60n, 1]))"));
        Assert.Equal(new HashSet<string> { "x", "y" }, _context.Eval<HashSet<string>>("new Set(['x', 'y'])"));
        Assert.Equal(new HashSet<int> { 7 }, _context.Eval<ISet<int>>("new Set([7])"));
    }

    [Fact]
    public void Sets_Bad_AreErrorsNamingParameter()
    {
        Assert.Equal("TypeError: sum: parameter 'set' expects a Set; got an Array.", Error("sum([1, 2])"));
        Assert.Equal("TypeError: sum: parameter 'set' expects a Set; got an object.", Error("sum({ size: 1, forEach() {} })"));
        Assert.Equal("TypeError: sum: parameter 'set' expects a Set; got an object.", Error("sum(new Proxy(new Set([1]), {}))"));
        Assert.Equal("TypeError: sum: parameter 'set'[1] expects an integer (Int32); got a string (\"2\").", Error("sum(new Set([1, '2']))"));
        Assert.StartsWith("TypeError: readOnlySet: parameter 'set': two Set elements convert to the same Int64 (1)", Error("readOnlySet(new Set([1, 1n]))"));
    }

    [Fact]
    public void Sets_ToJsSet()
    {
        Assert.True(_context.Eval<bool>("const s = squares(3); s instanceof Set && s.size === 3 && s.has(1) && s.has(4) && s.has(9)"));
    }

    [Fact]
    public void Sets_ScriptReplacingSetPrototype_DoesNotChangeConversion()
    {
        Assert.Equal(6, _context.Eval<int>("const s = new Set([1, 2, 3]); Set.prototype.forEach = function () { throw new Error('hijacked'); }; Set.prototype.add = function () { throw new Error('hijacked'); }; sum(s)"));
        Assert.True(_context.Eval<bool>("squares(2).size === 2"));
    }

    // ---- Maps ----------------------------------------------------------------------------------------

    [Fact]
    public void Maps_NonStringKeys_FromJsMap()
    {
        Assert.Equal("1=a,2=b", _context.Eval<string>("mapSum(new Map([[2, 'b'], [1, 'a']]))"));
        Assert.Equal(3, _context.Eval<int>("guidKeys(new Map([['0f8fad5b-d9cb-469f-a165-70867728950e', 1], ['1f8fad5b-d9cb-469f-a165-70867728950e', 2]]))"));
        Assert.Equal(new Dictionary<int, string> { [1] = "x" }, _context.Eval<Dictionary<int, string>>("new Map([[1, 'x']])"));
    }

    [Fact]
    public void Maps_StringKeys_AcceptObjectOrMap()
    {
        Assert.Equal(3, _context.Eval<int>("byName({ a: 1, b: 2 })"));
        Assert.Equal(3, _context.Eval<int>("byName(new Map([['a', 1], ['b', 2]]))"));
        Assert.Equal("TypeError: byName: parameter 'map' key expects a string; got a number (1).", Error("byName(new Map([[1, 1]]))"));
    }

    [Fact]
    public void Maps_Bad_AreErrorsNamingParameter()
    {
        Assert.Equal("TypeError: mapSum: parameter 'map' expects a Map; got an object.", Error("mapSum({ 1: 'a' })"));
        Assert.Equal("TypeError: mapSum: parameter 'map' key expects an integer (Int32); got a string (\"1\").", Error("mapSum(new Map([['1', 'a']]))"));
        Assert.Equal("TypeError: mapSum: parameter 'map'[1] expects a string; got a number (2).", Error("mapSum(new Map([[1, 2]]))"));
        Assert.StartsWith("TypeError: mapSum: parameter 'map': two Map keys convert to the same Int32 key (1)", Error("mapSum(new Map([[1, 'a'], [1n, 'b']]))"));
        Assert.Equal("TypeError: mapSum: parameter 'map' expects a Map; got an object.", Error("mapSum(new Proxy(new Map(), {}))"));
    }

    [Fact]
    public void Maps_ToJsMap_WithExactKeys()
    {
        Assert.True(_context.Eval<bool>("const m = idMap(); m instanceof Map && m.size === 2 && m.get(1) === true && m.get(2n ** 60n) === false"));
        Assert.True(_context.Eval<bool>("Map.prototype.set = () => { throw new Error('hijacked'); }; idMap().size === 2"));
    }

    [Fact]
    public void Maps_ObjectKeys_AreObjectWhenAllKeysAreStrings()
    {
        using var byName = Assert.IsType<JsObject>(_context.ToJs(new Dictionary<object, int> { ["a"] = 1 }));
        using var mixed = Assert.IsType<JsObject>(_context.ToJs(new Dictionary<object, int> { ["a"] = 1, [2] = 2 }));
        using var table = Assert.IsType<JsObject>(_context.ToJs(new System.Collections.Hashtable { [3] = "c" }));
        _context.SetGlobal("byName", byName);
        _context.SetGlobal("mixed", mixed);
        _context.SetGlobal("table", table);
        Assert.True(_context.Eval<bool>("!(byName instanceof Map) && byName.a === 1"));
        Assert.True(_context.Eval<bool>("mixed instanceof Map && mixed.get('a') === 1 && mixed.get(2) === 2"));
        Assert.True(_context.Eval<bool>("table instanceof Map && table.get(3) === 'c'"));
    }

    // ---- Value tuples ---------------------------------------------------------------------------------

    [Fact]
    public void Tuples_AreFixedLengthArrays_BothWays()
    {
        Assert.Equal("1/a", _context.Eval<string>("pair([1, 'a'])"));
        Assert.Equal("1/x/True", _context.Eval<string>("nested([1, ['x', true]])"));
        Assert.True(_context.Eval<bool>("const r = minMax([3, 1, 2]); Array.isArray(r) && r.length === 2 && r[0] === 1 && r[1] === 3"));
        Assert.Equal(1 + 80 + 900, _context.Eval<int>("wide([1, 2, 3, 4, 5, 6, 7, 8, 9])"));
        Assert.Equal((5, "five"), _context.Eval<(int, string)>("[5, 'five']"));
    }

    [Fact]
    public void Tuples_LengthAndElements_AreChecked()
    {
        Assert.Equal("TypeError: pair: parameter 't' expects an Array of 2 elements; got 3.", Error("pair([1, 'a', 2])"));
        Assert.Equal("TypeError: pair: parameter 't' expects an Array of 2 elements; got 1.", Error("pair([1])"));
        Assert.Equal("TypeError: pair: parameter 't'[1] expects a string; got a number (2).", Error("pair([1, 2])"));
        Assert.Equal("TypeError: pair: parameter 't' expects an Array of 2 elements; got an object.", Error("pair({ 0: 1, 1: 'a', length: 2 })"));
        Assert.Equal("TypeError: wide: parameter 't' expects an Array of 9 elements; got 8.", Error("wide([1, 2, 3, 4, 5, 6, 7, 8])"));
    }

    // ---- Half, nint, nuint -----------------------------------------------------------------------------

    [Fact]
    public void Half_IsNumber()
    {
        Assert.Equal("0.5", _context.Eval<string>("halfOf(0.5)"));
        Assert.True(_context.Eval<bool>("halfMax() === 65504"));
        Assert.Equal((Half)1.5, _context.Eval<Half>("1.5"));
        Assert.StartsWith("TypeError: halfOf: parameter 'h' expects a number", Error("halfOf('1')"));
    }

    [Fact]
    public void NativeIntegers_AreExactAndRangeChecked()
    {
        Assert.Equal("-1152921504606846976", _context.Eval<string>("nintOf(-(2**60))"));
        Assert.Equal("9223372036854775807", _context.Eval<string>("nintOf(2n**63n - 1n)"));
        Assert.Equal("18446744073709551615", _context.Eval<string>("nuintOf(2n**64n - 1n)"));
        Assert.True(_context.Eval<bool>("nintMax() === 2n**63n - 1n"));
        Assert.Equal((nint)42, _context.Eval<nint>("42"));
        Assert.Equal("RangeError: nintOf: parameter 'n' must be an integer; got 1.5.", Error("nintOf(1.5)"));
        Assert.Equal("RangeError: nuintOf: parameter 'n': -1 is out of range for UInt64.", Error("nuintOf(-1)"));
        Assert.Equal("RangeError: nintOf: parameter 'n': 9223372036854775808 is out of range for Int64.", Error("nintOf(2**63)"));
    }

    // ---- DateTime kinds ---------------------------------------------------------------------------------

    [Fact]
    public void DateTime_Kinds_ToJs_AsTheInstant()
    {
        var utc = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var local = new DateTimeOffset(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local)).ToUnixTimeMilliseconds();

        // Utc: that instant. Local: converted to UTC first. Unspecified: read as UTC (never the machine's zone).
        Assert.Equal((double)utc, _context.Eval<double>("dateTime('utc').getTime()"));
        Assert.Equal((double)local, _context.Eval<double>("dateTime('local').getTime()"));
        Assert.Equal((double)utc, _context.Eval<double>("dateTime('unspecified').getTime()"));
    }

    [Fact]
    public void DateTime_FromJs_IsUtc()
    {
        Assert.Equal("Utc 2024-01-02T03:04:05.0000000Z", _context.Eval<string>("kindOf(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))"));
        var read = _context.Eval<DateTime>("dateTime('local')");
        Assert.Equal(DateTimeKind.Utc, read.Kind);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Local).ToUniversalTime(), read);
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), _context.Eval<DateTime>("dateTime('unspecified')"));
    }
}
