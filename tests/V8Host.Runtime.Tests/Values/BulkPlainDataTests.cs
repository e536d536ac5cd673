using System.Globalization;
using V8Host.Binding;

namespace V8Host.Tests.Values;

public enum BulkColor
{
    Red = 1,
    Green = 2,
}

public sealed record BulkLine(string Sku, int Qty, double Price);

/// <summary>Every value types.md says must cross exactly, in one record.</summary>
public sealed class BulkRecord
{
    public string Name { get; set; } = "";

    public double Number { get; set; }

    public long Big { get; set; }

    public ulong Huge { get; set; }

    public decimal Money { get; set; }

    [HostDecimalAsString]
    public decimal Exact { get; set; }

    public char Letter { get; set; }

    public BulkColor Color { get; set; }

    public DateTime When { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Note { get; set; }

    public byte[] Bytes { get; set; } = Array.Empty<byte>();

    public int? Maybe { get; set; }

    public List<BulkLine> Lines { get; set; } = new();

    public Dictionary<string, int> Counts { get; set; } = new();
}

/// <summary>The common shape: records of strings and numbers with a nested list of records.</summary>
public sealed record BulkOrder(string Id, DateTime When, double Total, List<BulkLine> Lines);

// Registered by hand the way the source generator registers [HostData] types: Set/Get per member,
// no declared fields (the binding learns them from its first read).
public sealed record BulkGenLine(string Sku, int Qty);

public sealed record BulkGenOrder(string Id, IReadOnlyList<BulkGenLine> Lines);

/// <summary>Issue 16 item 3: plain data crosses in a constant number of engine calls per batch, exactly.</summary>
public sealed class BulkPlainDataTests : IDisposable
{
    private static readonly DateTime s_epoch = new(2024, 2, 29, 13, 14, 15, 678, DateTimeKind.Utc);
    private readonly Context _context;

    static BulkPlainDataTests()
    {
        HostDataBinding.Register(new HostDataBinding(
            typeof(BulkGenLine),
            static (value, w) =>
            {
                var line = (BulkGenLine)value;
                w.Set("sku", line.Sku);
                w.Set("qty", line.Qty);
            },
            static r => new BulkGenLine(r.Get<string>("sku"), r.Get<int>("qty"))));
        HostDataBinding.Register(new HostDataBinding(
            typeof(BulkGenOrder),
            static (value, w) =>
            {
                var order = (BulkGenOrder)value;
                w.Set("id", order.Id);
                w.Set("lines", order.Lines);
            },
            static r => new BulkGenOrder(r.Get<string>("id"), r.Get<IReadOnlyList<BulkGenLine>>("lines"))));
    }

    public BulkPlainDataTests()
    {
        _context = new Isolate().CreateContextBuilder()
            .AddHostFunction("records", new Func<int, List<BulkRecord>>(Records))
            .AddHostFunction("record", new Func<int, BulkRecord>(Record))
            .AddHostFunction("orders", new Func<int, List<BulkOrder>>(Orders))
            .AddHostFunction("genOrders", new Func<int, List<BulkGenOrder>>(GenOrders))
            .AddHostFunction("shared", new Func<List<List<BulkLine>>>(() =>
            {
                var lines = new List<BulkLine> { new("s", 1, 2) };
                return new List<List<BulkLine>> { lines, lines };
            }))
            .AddHostFunction("readCount", new Func<List<BulkLine>, int>(lines => lines.Count))
            .AddHostFunction("oneShot", new Func<IEnumerable<List<BulkLine>>>(OneShot))
            .Build();
    }

    private int _oneShotRuns;

    // A lazy sequence that shares a collection (the bulk path's fallback case) and may run only once.
    private IEnumerable<List<BulkLine>> OneShot()
    {
        if (++_oneShotRuns > 1)
            throw new InvalidOperationException("enumerated twice");
        var lines = new List<BulkLine> { new("s", 1, 2) };
        yield return lines;
        yield return lines;
    }

    [Fact]
    public void A_lazy_sequence_is_enumerated_once()
    {
        Assert.True(_context.Eval<bool>("const o = oneShot(); o.length === 2 && o[0] === o[1] && o[1][0].sku === 's'"));
        Assert.Equal(1, _oneShotRuns);
    }

    public void Dispose() => _context.Dispose();

    private static BulkRecord Record(int i) => new()
    {
        Name = "r" + i.ToString(CultureInfo.InvariantCulture),
        Number = (i % 6) switch { 0 => -0.0, 1 => double.NaN, 2 => double.PositiveInfinity, 3 => double.NegativeInfinity, 4 => 0.1 + i, _ => 1e21 * i },
        Big = i % 2 == 0 ? long.MaxValue - i : -i,
        Huge = ulong.MaxValue - (ulong)i,
        Money = 1.10m + i,
        Exact = 12345678901234567.89m + i,
        Letter = (char)('a' + (i % 26)),
        Color = i % 2 == 0 ? BulkColor.Red : BulkColor.Green,
        When = s_epoch.AddMinutes(i),
        At = new DateTimeOffset(s_epoch.AddSeconds(i)),
        Note = i % 3 == 0 ? null : "lone \uD800 high, \uDC00 low, \"quoted\" \\ \n\t\u0001 " + i.ToString(CultureInfo.InvariantCulture),
        Bytes = new byte[] { 1, 2, (byte)i },
        Maybe = i % 2 == 0 ? null : i,
        Lines = Enumerable.Range(0, i % 4).Select(j => new BulkLine("s" + j.ToString(CultureInfo.InvariantCulture), j, j * 0.25)).ToList(),
        Counts = new Dictionary<string, int> { ["a"] = i, ["__proto__"] = 1 },
    };

    private static List<BulkRecord> Records(int count) => Enumerable.Range(0, count).Select(Record).ToList();

    private static List<BulkOrder> Orders(int count) => Enumerable.Range(0, count)
        .Select(i => new BulkOrder("o" + i.ToString(CultureInfo.InvariantCulture), s_epoch.AddSeconds(i), i * 1.5,
            Enumerable.Range(0, 5).Select(j => new BulkLine("sku" + j.ToString(CultureInfo.InvariantCulture), j, j + 0.5)).ToList()))
        .ToList();

    private static List<BulkGenOrder> GenOrders(int count) => Enumerable.Range(0, count)
        .Select(i => new BulkGenOrder("g" + i.ToString(CultureInfo.InvariantCulture), Enumerable.Range(0, 3).Select(j => new BulkGenLine("k" + j.ToString(CultureInfo.InvariantCulture), j)).ToList()))
        .ToList();

    private long Calls(Action action)
    {
        var before = _context.Values.GlueCalls;
        action();
        return _context.Values.GlueCalls - before;
    }

    private static void AssertSame(BulkRecord expected, BulkRecord actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        // JS has one NaN; everything else keeps its bits, -0 included.
        if (double.IsNaN(expected.Number))
            Assert.True(double.IsNaN(actual.Number));
        else
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Number), BitConverter.DoubleToInt64Bits(actual.Number));
        Assert.Equal(expected.Big, actual.Big);
        Assert.Equal(expected.Huge, actual.Huge);
        Assert.Equal(expected.Money, actual.Money);
        Assert.Equal(expected.Exact, actual.Exact);
        Assert.Equal(expected.Letter, actual.Letter);
        Assert.Equal(expected.Color, actual.Color);
        Assert.Equal(expected.When, actual.When);
        Assert.Equal(DateTimeKind.Utc, actual.When.Kind);
        Assert.Equal(expected.At.UtcDateTime, actual.At.UtcDateTime);
        Assert.Equal(expected.Note, actual.Note);
        Assert.Equal(expected.Bytes, actual.Bytes);
        Assert.Equal(expected.Maybe, actual.Maybe);
        Assert.Equal(expected.Lines, actual.Lines);
        Assert.Equal(expected.Counts, actual.Counts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(100_000)]
    public void Records_RoundTrip_Exactly(int count)
    {
        _context.Eval($"globalThis.r = records({count}); undefined");
        Assert.Equal(count, _context.Eval<int>("r.length"));
        var back = _context.Eval<List<BulkRecord>>("r");
        Assert.Equal(count, back.Count);
        for (var i = 0; i < count; i++)
            AssertSame(Record(i), back[i]);
        Assert.Equal(count, _context.Eval<BulkRecord[]>("r").Length);
        Assert.Equal(count, _context.Eval<IReadOnlyList<BulkRecord>>("r").Count);
    }

    [Fact]
    public void Records_InJs_HaveTheExactValuesOfTypesMd()
    {
        _context.Eval("globalThis.r = records(7); undefined");
        Assert.True(_context.Eval<bool>("Object.is(r[0].number, -0) && Number.isNaN(r[1].number) && r[2].number === Infinity && r[3].number === -Infinity && r[4].number === 4.1 && r[5].number === 5e21"));
        Assert.True(_context.Eval<bool>("r[0].big === 9223372036854775807n && r[1].big === -1 && r[0].huge === 18446744073709551615n"));
        Assert.True(_context.Eval<bool>("r[0].money === 1.1 && r[0].exact === '12345678901234567.89' && r[0].letter === 'a' && r[0].color === 1 && r[1].color === 2"));
        Assert.True(_context.Eval<bool>($"r[0].when instanceof Date && r[0].when.getTime() === {new DateTimeOffset(s_epoch).ToUnixTimeMilliseconds()} && r[1].at instanceof Date"));
        Assert.True(_context.Eval<bool>("r[0].note === null && 'note' in r[0] && r[1].note.charCodeAt(5) === 0xD800 && r[1].note.charCodeAt(13) === 0xDC00 && r[1].note.includes('\"quoted\" \\\\ \\n\\t\\u0001 1')"));
        Assert.True(_context.Eval<bool>("r[1].bytes instanceof Uint8Array && r[1].bytes.join() === '1,2,1' && r[0].maybe === null && r[1].maybe === 1"));
        Assert.True(_context.Eval<bool>("r[3].lines.length === 3 && r[3].lines[2].sku === 's2' && r[3].lines[2].price === 0.5 && Array.isArray(r[3].lines)"));
        Assert.True(_context.Eval<bool>("Object.getPrototypeOf(r[1].counts) === Object.prototype && Object.hasOwn(r[1].counts, '__proto__') && r[1].counts.a === 1"));
        Assert.Equal("name,number,big,huge,money,exact,letter,color,when,at,note,bytes,maybe,lines,counts", _context.Eval<string>("Object.keys(r[0]).join()"));
        Assert.Equal("sku,qty,price", _context.Eval<string>("Object.keys(r[3].lines[0]).join()"));
    }

    [Fact]
    public void SingleRecord_CrossesBothWays()
    {
        Assert.True(_context.Eval<bool>("const one = record(2); one.number === Infinity && one.lines.length === 2 && one.big === 9223372036854775805n"));
        AssertSame(Record(5), _context.Eval<BulkRecord>("record(5)"));
    }

    [Fact]
    public void IntoJs_IsAConstantNumberOfEngineCalls()
    {
        var few = Calls(() => Assert.Equal(10, _context.Eval<int>("orders(10).length")));
        var many = Calls(() => Assert.Equal(100_000, _context.Eval<int>("orders(100000).length")));
        // Per-record crossings would be at least 100,000; chunks of a million characters are a few dozen.
        Assert.True(few <= 2, $"10 orders took {few} engine calls.");
        Assert.True(many <= 100, $"100,000 orders took {many} engine calls.");
        Assert.True(_context.Eval<bool>("const o = orders(3); o[2].lines[4].sku === 'sku4' && o[2].when instanceof Date && o[2].total === 3"));
    }

    [Fact]
    public void BackToDotNet_IsAConstantNumberOfEngineCalls()
    {
        _context.Eval("globalThis.o = orders(100000); globalThis.few = orders(10); undefined");
        List<BulkOrder> read = null!;
        var few = Calls(() => Assert.Equal(10, _context.Eval<List<BulkOrder>>("few").Count));
        var many = Calls(() => read = _context.Eval<List<BulkOrder>>("o"));
        Assert.True(few <= 3, $"10 orders took {few} engine calls.");
        Assert.True(many <= 100, $"100,000 orders took {many} engine calls.");
        var expected = Orders(100_000);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Id, expected[i].When, expected[i].Total), (read[i].Id, read[i].When, read[i].Total));
            Assert.Equal(expected[i].Lines, read[i].Lines);
        }
    }

    [Fact]
    public void GeneratedStyleBindings_LearnTheirFieldsOnce_ThenReadInBulk()
    {
        _context.Eval("globalThis.g = genOrders(1000); undefined");
        Assert.True(_context.Eval<bool>("g[999].lines[2].sku === 'k2' && Object.keys(g[0]).join() === 'id,lines'"));
        var first = _context.Eval<List<BulkGenOrder>>("g");
        var again = 0L;
        var second = new List<BulkGenOrder>();
        again = Calls(() => second = _context.Eval<List<BulkGenOrder>>("g"));
        Assert.True(again <= 3, $"1,000 generated-style orders took {again} engine calls.");
        Assert.Equal(GenOrders(1000).Select(o => (o.Id, string.Join(",", o.Lines))), second.Select(o => (o.Id, string.Join(",", o.Lines))));
        Assert.Equal(first.Count, second.Count);
    }

    [Fact]
    public void SharedCollections_StayOneJsObject()
    {
        Assert.True(_context.Eval<bool>("const s = shared(); s[0] === s[1] && s[0][0].sku === 's'"));
    }

    [Fact]
    public void Errors_NameTheMemberAndIndex()
    {
        Assert.Equal("TypeError: BulkLine.qty expects an integer (Int32); got a string (\"x\").", Error("readCount([{ sku: 'a', qty: 1, price: 1 }, { sku: 'b', qty: 'x', price: 1 }])"));
        Assert.Equal("TypeError: BulkLine.price: missing property 'price'.", Error("readCount([{ sku: 'a', qty: 1 }])"));
        Assert.Equal("RangeError: BulkLine.qty must be an integer; got 1.5.", Error("readCount([{ sku: 'a', qty: 1.5, price: 1 }])"));
        var exception = Assert.ThrowsAny<Exception>(() => _context.Eval<List<BulkOrder>>("[{ id: 'a', when: new Date(0), total: 1, lines: [{ sku: 's', qty: 1, price: 1 }, 5] }]"));
        Assert.Equal("BulkOrder.lines[1] expects a BulkLine; got a number (5).", exception.Message);
        Assert.Equal("BulkOrder.lines[1] expects a BulkLine; got null.",
            Assert.ThrowsAny<Exception>(() => _context.Eval<List<BulkOrder>>("[{ id: 'a', when: new Date(0), total: 1, lines: [{ sku: 's', qty: 1, price: 1 }, null] }]")).Message);
        Assert.Null(_context.Eval<List<BulkLine?>>("[{ sku: 's', qty: 1, price: 1 }, null]")[1]);
        Assert.Equal("BulkRecord.money: 12345678901234567.5 has no exact JavaScript number; use [HostDecimalAsString] or double.",
            Assert.Throws<ArgumentOutOfRangeException>(() => _context.SetGlobal("x", new List<BulkRecord> { new() { Money = 12345678901234567.5m } })).Message);
    }

    [Fact]
    public void ExactValues_ReadBack_FromJs()
    {
        var back = _context.Eval<List<BulkLine>>("[{ sku: '\\uD800', qty: -0, price: -0 }, { sku: 'x', qty: 2, price: NaN }, { sku: 'y', qty: 3, price: -Infinity }, { sku: 'z', qty: 4, get price() { return 1e-7; } }]");
        Assert.Equal("\uD800", back[0].Sku);
        Assert.True(double.IsNegative(back[0].Price) && back[0].Price == 0);
        Assert.True(double.IsNaN(back[1].Price));
        Assert.Equal(double.NegativeInfinity, back[2].Price);
        Assert.Equal(1e-7, back[3].Price);
        // Inherited properties and getters are read as [[Get]] reads them, as before.
        Assert.Equal(7, _context.Eval<List<BulkLine>>("const proto = { qty: 7, price: 1 }; [Object.assign(Object.create(proto), { sku: 's' })]")[0].Qty);
    }

    [Fact]
    public void HostileArrays_ReadAsBefore()
    {
        // Holes read as undefined; a getter that empties the array leaves the rest undefined.
        Assert.Equal("BulkOrder.lines[1] expects a BulkLine; got undefined.", Assert.ThrowsAny<Exception>(() =>
            _context.Eval<List<BulkOrder>>("const a = [{ sku: 's', qty: 1, price: 1 }]; a.length = 3; [{ id: 'a', when: new Date(0), total: 1, lines: a }]")).Message);
        Assert.Equal(new BulkLine?[] { new("s", 1, 1), null }, _context.Eval<List<BulkLine?>>("const m = [{ sku: 's', get qty() { m.length = 0; return 1; }, price: 1 }, { sku: 't', qty: 2, price: 2 }]; m"));
        // A getter that throws: its error, not another.
        Assert.Contains("boom", Assert.ThrowsAny<Exception>(() => _context.Eval<List<BulkLine>>("[{ sku: 's', get qty() { throw new Error('boom'); }, price: 1 }]")).Message);
        // A Proxy is read through its traps, as [[Get]] reads it.
        Assert.Equal(9, _context.Eval<List<BulkLine>>("[new Proxy({}, { get: (t, k) => k === 'sku' ? 'p' : 9 })]")[0].Qty);
        // A getter that converts values itself (a nested read) does not disturb the outer one.
        Assert.Equal(new[] { 1, 1 }, _context.Eval<List<BulkLine>>("[{ sku: 'a', get qty() { return readCount([{ sku: 'n', qty: 5, price: 1 }]); }, price: 1 }, { sku: 'b', qty: 1, price: 2 }]").Select(l => l.Qty));
    }

    private string Error(string script) => _context.Eval<string>($"try {{ {script}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");
}
