using System.Globalization;
using V8Host.Binding;
using V8Host.Shared;

namespace V8Host.Tests.Values;

public sealed record DataLine(string Sku, int Quantity, decimal Price);

public sealed record DataOrder(string Id, List<DataLine> Lines)
{
    public string? Note { get; init; }

    public decimal Total => Lines.Sum(line => line.Price * line.Quantity);
}

public sealed class DataCustomer
{
    public string Name { get; set; } = "";

    public int Age;

    [HostName("e_mail")]
    public string? Email { get; set; }

    [HostIgnore]
    public string Secret { get; set; } = "hidden";

    public required string Country { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();

    public string this[int index] => Name;

    public static int Population { get; set; }
}

public struct DataPoint
{
    public double X;
    public double Y;

    public double Z { get; set; }
}

public readonly record struct DataMoney(decimal Amount, string Currency);

public sealed record DataSettings(string Name, int Retries = 3, string? Comment = null, DataMoney? Budget = null);

public sealed record DataInvoice([property: HostDecimalAsString] decimal Amount, decimal Tax);

public sealed class DataNode
{
    public string Name { get; set; } = "";

    public DataNode? Next { get; set; }
}

public sealed class DataOpaque
{
    private DataOpaque()
    {
    }

    public int A => 1;

    public static DataOpaque Create() => new();
}

public sealed record DataCatalog(Dictionary<string, DataLine> BySku, Dictionary<int, DataLine> ByNumber, DataLine[] All, HashSet<DataMoney> Prices);

public sealed record DataEvent(Guid Id, DateOnly Day, TimeOnly At, TimeSpan Duration, long Sequence, Uri Link, (int, string) Tag, DataShade Shade, HashSet<string> Labels);

public enum DataShade
{
    Light = 1,
    Dark = 2,
}

// Registered with a hand-written binding, as the generator registers its converters.
public sealed class DataTemperature
{
    public DataTemperature(double celsius) => Celsius = celsius;

    public double Celsius { get; }
}

/// <summary>Issue 9 / api.md §5: records, POCOs and structs cross by value, nested and in collections.</summary>
public sealed class PlainDataTests : IDisposable
{
    private readonly Context _context;

    static PlainDataTests() =>
        HostDataBinding.Register(new HostDataBinding(
            typeof(DataTemperature),
            static (value, w) => w.Set("c", ((DataTemperature)value).Celsius),
            static r => new DataTemperature(r.Get<double>("c")),
            "interface DataTemperature { c: number }"));

    public PlainDataTests()
    {
        _context = new Isolate().CreateContextBuilder()
            .AddHostFunction("order", new Func<DataOrder>(() => new DataOrder("o-1", new List<DataLine> { new("apple", 2, 0.5m), new("pear", 1, 1.25m) }) { Note = "rush" }))
            .AddHostFunction("total", new Func<DataOrder, decimal>(order => order.Total))
            .AddHostFunction("describe", new Func<DataOrder, string>(order => $"{order.Id}|{order.Note ?? "null"}|{string.Join(";", order.Lines.Select(l => $"{l.Sku}x{l.Quantity}@{l.Price.ToString(CultureInfo.InvariantCulture)}"))}"))
            .AddHostFunction("customer", new Func<DataCustomer>(() => new DataCustomer { Name = "Ann", Age = 41, Email = "ann@example.com", Country = "NO", Tags = new[] { "a", "b" } }))
            .AddHostFunction("greet", new Func<DataCustomer, string>(c => $"{c.Name}/{c.Age}/{c.Email ?? "null"}/{c.Secret}/{c.Country}/{string.Join(",", c.Tags)}"))
            .AddHostFunction("point", new Func<DataPoint>(() => new DataPoint { X = 1, Y = 2, Z = 3 }))
            .AddHostFunction("norm", new Func<DataPoint, double>(p => p.X + p.Y * 10 + p.Z * 100))
            .AddHostFunction("money", new Func<DataMoney, string>(m => $"{m.Amount.ToString(CultureInfo.InvariantCulture)} {m.Currency}"))
            .AddHostFunction("settings", new Func<DataSettings, string>(s => $"{s.Name}/{s.Retries}/{s.Comment ?? "null"}/{s.Budget?.Amount.ToString(CultureInfo.InvariantCulture) ?? "null"}"))
            .AddHostFunction("invoice", new Func<DataInvoice>(() => new DataInvoice(12345678901234567.89m, 0.25m)))
            .AddHostFunction("readInvoice", new Func<DataInvoice, string>(i => $"{i.Amount.ToString(CultureInfo.InvariantCulture)}/{i.Tax.ToString(CultureInfo.InvariantCulture)}"))
            .AddHostFunction("badInvoice", new Func<DataLine>(() => new DataLine("x", 1, 12345678901234567.89m)))
            .AddHostFunction("chain", new Func<int, DataNode>(n =>
            {
                var head = new DataNode { Name = "0" };
                var current = head;
                for (var i = 1; i < n; i++)
                    current = current.Next = new DataNode { Name = i.ToString(CultureInfo.InvariantCulture) };
                return head;
            }))
            .AddHostFunction("cycle", new Func<DataNode>(() =>
            {
                var a = new DataNode { Name = "a" };
                a.Next = new DataNode { Name = "b", Next = a };
                return a;
            }))
            .AddHostFunction("length", new Func<DataNode, int>(node =>
            {
                var count = 0;
                for (var current = node; current is not null; current = current.Next)
                    count++;
                return count;
            }))
            .AddHostFunction("opaque", new Func<DataOpaque>(DataOpaque.Create))
            .AddHostFunction("takeOpaque", new Func<DataOpaque, int>(o => o.A))
            .AddHostFunction("catalog", new Func<DataCatalog>(() => new DataCatalog(
                new() { ["apple"] = new("apple", 1, 1m) },
                new() { [7] = new("seven", 7, 7m) },
                new[] { new DataLine("a", 1, 1m), new DataLine("b", 2, 2m) },
                new() { new DataMoney(1m, "EUR") })))
            .AddHostFunction("readCatalog", new Func<DataCatalog, string>(c =>
                $"{c.BySku["apple"].Quantity}/{c.ByNumber[7].Sku}/{c.All.Length}/{c.Prices.Single().Currency}"))
            .AddHostFunction("lines", new Func<List<DataLine>, int>(lines => lines.Sum(l => l.Quantity)))
            .AddHostFunction("temperature", new Func<DataTemperature>(() => new DataTemperature(21.5)))
            .AddHostFunction("celsius", new Func<DataTemperature, double>(t => t.Celsius))
            .Build();
    }

    public void Dispose() => _context.Dispose();

    private string Error(string call) => _context.Eval<string>($"try {{ {call}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    // ---- .NET → JS --------------------------------------------------------------------------------

    [Fact]
    public void Record_ToJs_IsPlainObjectWithCamelCaseOwnDataProperties()
    {
        Assert.Equal("id,lines,note,total", _context.Eval<string>("Object.keys(order()).sort().join()"));
        Assert.True(_context.Eval<bool>("Object.getPrototypeOf(order()) === Object.prototype"));
        Assert.True(_context.Eval<bool>("const d = Object.getOwnPropertyDescriptor(order(), 'id'); d.writable && d.enumerable && d.configurable && d.value === 'o-1'"));
        Assert.True(_context.Eval<bool>("const o = order(); Array.isArray(o.lines) && o.lines[1].sku === 'pear' && o.lines[1].price === 1.25 && o.total === 2.25 && o.note === 'rush'"));
        Assert.Equal("{\"id\":\"o-1\",\"lines\":[{\"sku\":\"apple\",\"quantity\":2,\"price\":0.5},{\"sku\":\"pear\",\"quantity\":1,\"price\":1.25}],\"note\":\"rush\",\"total\":2.25}",
            _context.Eval<string>("JSON.stringify(order())"));
    }

    [Fact]
    public void Record_IsACopy()
    {
        Assert.False(_context.Eval<bool>("order() === order()"));
        Assert.Equal("o-1", _context.Eval<string>("const o = order(); o.id = 'changed'; order().id"));
    }

    [Fact]
    public void Poco_ToJs_HonoursHostNameHostIgnoreAndSkipsIndexersAndStatics()
    {
        Assert.Equal("age,country,e_mail,name,tags", _context.Eval<string>("Object.keys(customer()).sort().join()"));
        Assert.True(_context.Eval<bool>("const c = customer(); c.name === 'Ann' && c.age === 41 && c.e_mail === 'ann@example.com' && c.tags.join() === 'a,b'"));
    }

    [Fact]
    public void SetterOnObjectPrototype_DoesNotSeeTheCopy() =>
        Assert.True(_context.Eval<bool>("let seen = false; Object.defineProperty(Object.prototype, 'sku', { set() { seen = true; }, configurable: true }); const o = order(); delete Object.prototype.sku; !seen && o.lines[0].sku === 'apple'"));

    [Fact]
    public void ScriptTamperingWithArraysAndGetters_DoesNotChangeCopies()
    {
        Assert.True(_context.Eval<bool>(
            "let hits = 0; Object.defineProperty(Array.prototype, '0', { set() { hits++; }, get() { return 'fake'; }, configurable: true }); " +
            "Array.prototype.push = () => { hits++; }; Object.defineProperty = () => { hits++; }; " +
            "const t = order(); delete Array.prototype[0]; hits === 0 && t.lines[0].sku === 'apple' && t.lines.length === 2"));
        Assert.Equal(3, _context.Eval<int>("lines([{ sku: 'a', quantity: 3, price: 1 }])"));
    }

    [Fact]
    public void Struct_ToJs_FieldsAndProperties() =>
        // Properties, then fields, each as declared: the same key order as generated converters.
        Assert.Equal("{\"z\":3,\"x\":1,\"y\":2}", _context.Eval<string>("JSON.stringify(point())"));


    [Fact]
    public void CollectionsOfPlainData_ToJs()
    {
        Assert.True(_context.Eval<bool>("const c = catalog(); c.bySku.apple.sku === 'apple' && c.byNumber instanceof Map && c.byNumber.get(7).sku === 'seven'"));
        Assert.True(_context.Eval<bool>("const c2 = catalog(); c2.all.length === 2 && c2.all[1].quantity === 2 && c2.prices instanceof Set && [...c2.prices][0].currency === 'EUR'"));
    }

    [Fact]
    public void ToJs_AndSetGlobal_Copy()
    {
        using var copy = Assert.IsType<JsObject>(_context.ToJs(new DataLine("k", 3, 0.1m)));
        Assert.Equal("k", copy["sku"]);
        Assert.Equal(0.1, copy["price"]);
        _context.SetGlobal("line", new DataLine("g", 4, 2m));
        Assert.Equal(4, _context.Eval<int>("line.quantity"));
    }

    [Fact]
    public void Decimal_WithoutExactNumber_NamesTheMember()
    {
        Assert.Equal("RangeError: DataLine.price: 12345678901234567.89 has no exact JavaScript number; use [HostDecimalAsString] or double.", Error("badInvoice()"));
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => _context.ToJs(new DataLine("x", 1, 12345678901234567.89m)));
        Assert.Contains("DataLine.price: 12345678901234567.89 has no exact JavaScript number", exception.Message);
    }

    [Fact]
    public void HostDecimalAsString_CrossesAsStringBothWays()
    {
        Assert.True(_context.Eval<bool>("const i = invoice(); i.amount === '12345678901234567.89' && i.tax === 0.25"));
        Assert.Equal("12345678901234567.89/0.25", _context.Eval<string>("readInvoice(invoice())"));
        Assert.Equal("1.10/0.1", _context.Eval<string>("readInvoice({ amount: '1.10', tax: 0.1 })"));
        Assert.Equal("TypeError: DataInvoice.amount expects a decimal string; got a string (\"12,5\").", Error("readInvoice({ amount: '12,5', tax: 0 })"));
    }

    [Fact]
    public void Cycle_ToJs_IsArgumentException_NotStackOverflow()
    {
        Assert.Equal("Error: DataNode.next: this DataNode refers back to itself (a cycle). Plain data crosses as a copy, which cannot hold a cycle; break the cycle, mark the member [HostIgnore], or make the type a [HostClass] to pass it by reference.",
            Error("cycle()"));
        var a = new DataNode { Name = "a" };
        a.Next = a;
        var exception = Assert.Throws<ArgumentException>(() => _context.ToJs(a));
        Assert.Contains("a cycle", exception.Message);
    }

    [Fact]
    public void SharedReference_WithoutCycle_IsCopiedTwice()
    {
        var shared = new DataLine("s", 1, 1m);
        using var copy = Assert.IsType<JsArray>(_context.ToJs(new[] { shared, shared }));
        _context.SetGlobal("pair", copy);
        Assert.True(_context.Eval<bool>("pair[0].sku === 's' && pair[1].sku === 's' && pair[0] !== pair[1]"));
    }

    [Fact]
    public void Depth_IsBounded_BothWays()
    {
        Assert.Equal(100, _context.Eval<int>("length(chain(100))"));
        Assert.StartsWith("Error: DataNode.next: the value is nested more than 128 levels deep", Error("chain(500)"));
        Assert.StartsWith("RangeError: DataNode.next: the value is nested more than 256 levels deep (or refers back to itself).",
            Error("const a = { name: 'a' }; a.next = a; length(a)"));
        Assert.StartsWith("RangeError: ", Error("let n = { name: 'x' }; for (let i = 0; i < 100000; i++) n = { name: 'x', next: n }; length(n)"));
    }

    // ---- JS → .NET -------------------------------------------------------------------------------------

    [Fact]
    public void Record_FromJs_ThroughConstructorAndInit()
    {
        Assert.Equal("o-1|rush|applex2@0.5;pearx1@1.25", _context.Eval<string>("describe(order())"));
        Assert.Equal("x|null|ax3@0.1", _context.Eval<string>("describe({ id: 'x', lines: [{ sku: 'a', quantity: 3, price: 0.1 }] })"));
        Assert.Equal("x|null|", _context.Eval<string>("describe({ id: 'x', lines: [], note: null, total: 99 })"));
        Assert.Equal(2.25m, _context.Eval<decimal>("total(order())"));
    }

    [Fact]
    public void Record_FromJs_InheritedAndGetterPropertiesArePresent()
    {
        Assert.Equal("p|proto|", _context.Eval<string>("describe(Object.create({ note: 'proto' }, { id: { get: () => 'p', enumerable: true }, lines: { value: [] } }))"));
        Assert.Equal("c|null|", _context.Eval<string>("class Dto { constructor() { this.lines = []; } get id() { return 'c'; } } describe(new Dto())"));
    }

    [Fact]
    public void MissingRequiredMember_IsTypeErrorNamingIt()
    {
        Assert.Equal("TypeError: DataOrder.lines: missing property 'lines'.", Error("describe({ id: 'x' })"));
        Assert.Equal("TypeError: DataOrder.id: missing property 'id'.", Error("describe({ id: undefined, lines: [] })"));
        Assert.Equal("TypeError: DataLine.quantity: missing property 'quantity'.", Error("describe({ id: 'x', lines: [{ sku: 'a', price: 1 }] })"));
        Assert.Equal("TypeError: DataCustomer.country: missing property 'country'.", Error("greet({ name: 'n' })"));
    }

    [Fact]
    public void WrongMemberTypes_AreErrorsNamingTheMember()
    {
        Assert.Equal("TypeError: DataOrder.id expects a string; got null.", Error("describe({ id: null, lines: [] })"));
        Assert.Equal("TypeError: DataLine.quantity expects an integer (Int32); got a string (\"2\").", Error("describe({ id: 'x', lines: [{ sku: 'a', quantity: '2', price: 1 }] })"));
        Assert.Equal("RangeError: DataLine.quantity must be an integer; got 1.5.", Error("describe({ id: 'x', lines: [{ sku: 'a', quantity: 1.5, price: 1 }] })"));
        Assert.Equal("TypeError: DataOrder.lines expects an Array; got an object.", Error("describe({ id: 'x', lines: {} })"));
        Assert.Equal("TypeError: describe: parameter 'order' expects a DataOrder; got a string (\"o\").", Error("describe('o')"));
        Assert.Equal("TypeError: describe: parameter 'order' expects a DataOrder; got an Array.", Error("describe([])"));
        Assert.Equal("TypeError: DataOrder.lines[0] expects a DataLine; got a number (5).", Error("describe({ id: 'x', lines: [5] })"));
        Assert.Equal("TypeError: DataOrder.lines[0] expects a DataLine; got null.", Error("describe({ id: 'x', lines: [null] })"));
    }

    [Fact]
    public void Poco_FromJs_SetsSettableMembersAndKeepsDefaults()
    {
        Assert.Equal("Ann/41/ann@example.com/hidden/NO/a,b", _context.Eval<string>("greet(customer())"));
        Assert.Equal("/0/null/hidden/SE/", _context.Eval<string>("greet({ country: 'SE', secret: 'leaked' })"));
        Assert.Equal("B/0/b@x/hidden/DK/", _context.Eval<string>("greet({ name: 'B', e_mail: 'b@x', country: 'DK', email: 'ignored' })"));
    }

    [Fact]
    public void Struct_FromJs()
    {
        Assert.Equal(321d, _context.Eval<double>("norm({ x: 1, y: 2, z: 3 })"));
        Assert.Equal(0d, _context.Eval<double>("norm({})"));
        Assert.Equal("1.5 EUR", _context.Eval<string>("money({ amount: 1.5, currency: 'EUR' })"));
        Assert.Equal("TypeError: DataMoney.currency: missing property 'currency'.", Error("money({ amount: 1 })"));
    }

    [Fact]
    public void OptionalConstructorParameters_TakeTheirDefaults()
    {
        Assert.Equal("n/3/null/null", _context.Eval<string>("settings({ name: 'n' })"));
        Assert.Equal("n/5/c/2.5", _context.Eval<string>("settings({ name: 'n', retries: 5, comment: 'c', budget: { amount: 2.5, currency: 'EUR' } })"));
        Assert.Equal("n/3/null/null", _context.Eval<string>("settings({ name: 'n', retries: undefined, budget: null })"));
    }

    [Fact]
    public void CollectionsOfPlainData_FromJs()
    {
        Assert.Equal("1/seven/2/EUR", _context.Eval<string>("readCatalog(catalog())"));
        Assert.Equal(6, _context.Eval<int>("lines([{ sku: 'a', quantity: 1, price: 1 }, { sku: 'b', quantity: 5, price: 1 }])"));
    }

    [Fact]
    public void NoUsableConstructor_WritesButCannotRead()
    {
        Assert.Equal(1, _context.Eval<int>("opaque().a"));
        Assert.Equal("TypeError: DataOpaque cannot be created from JavaScript: it has no public constructor whose parameters all match its properties by name.", Error("takeOpaque({ a: 1 })"));
    }

    [Fact]
    public void TypedReads_EvalGetInvoke()
    {
        var order = _context.Eval<DataOrder>("({ id: 'e', lines: [{ sku: 'z', quantity: 9, price: 0.1 }], note: 'n' })");
        Assert.Equal("e", order.Id);
        Assert.Equal(new DataLine("z", 9, 0.1m), Assert.Single(order.Lines));
        Assert.Equal("n", order.Note);

        using var holder = (JsObject)_context.Eval("({ point: { x: 1, y: 2, z: 3 } })")!;
        Assert.Equal(3, holder.Get<DataPoint>("point").Z);

        using var make = (JsFunction)_context.Eval("(id) => ({ id, lines: [] })")!;
        Assert.Equal("f", make.Invoke<DataOrder>("f").Id);

        Assert.Equal(new[] { new DataLine("a", 1, 1m) }, _context.Eval<DataLine[]>("[{ sku: 'a', quantity: 1, price: 1 }]"));
        Assert.Equal(new DataLine("m", 2, 3m), _context.Eval<Dictionary<int, DataLine>>("new Map([[1, { sku: 'm', quantity: 2, price: 3 }]])")[1]);
        Assert.Equal(new DataLine("q", 1, 1m), _context.Eval<List<DataLine?>>("[null, { sku: 'q', quantity: 1, price: 1 }]")[1]);

        var exception = Assert.Throws<InvalidCastException>(() => _context.Eval<DataOrder>("({ id: 'x' })"));
        Assert.Equal("DataOrder.lines: missing property 'lines'.", exception.Message);
    }

    [Fact]
    public void NewValueRows_InsidePlainData_RoundTrip()
    {
        var original = new DataEvent(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateOnly(2024, 2, 29), new TimeOnly(23, 59, 1, 250),
            TimeSpan.FromMilliseconds(1500.25), (1L << 60) + 1, new Uri("https://example.com/x"), (7, "seven"), DataShade.Dark, new HashSet<string> { "a" });
        _context.SetGlobal("ev", original);
        Assert.True(_context.Eval<bool>(
            "ev.id === '0f8fad5b-d9cb-469f-a165-70867728950e' && ev.day === '2024-02-29' && ev.at === '23:59:01.25' && ev.duration === 1500.25 " +
            "&& ev.sequence === 2n ** 60n + 1n && ev.link === 'https://example.com/x' && ev.tag[1] === 'seven' && ev.shade === 2 && ev.labels.has('a')"));
        var back = _context.Eval<DataEvent>("ev");
        Assert.Equal((original.Id, original.Day, original.At, original.Duration, original.Sequence, original.Link, original.Tag, original.Shade),
            (back.Id, back.Day, back.At, back.Duration, back.Sequence, back.Link, back.Tag, back.Shade));
        Assert.Equal(original.Labels, back.Labels);
    }

    [Fact]
    public void RoundTrip_ThroughJs_IsEqual()
    {
        var original = new DataOrder("rt", new List<DataLine> { new("a", 1, 0.1m), new("b", 2, 1.10m) }) { Note = "x" };
        _context.SetGlobal("rt", original);
        var back = _context.Eval<DataOrder>("rt");
        Assert.Equal(original.Id, back.Id);
        Assert.Equal(original.Note, back.Note);
        Assert.Equal(original.Lines, back.Lines);
    }

    // Batches holding long strings are read one value at a time (so the budget is checked before each copy).
    [Fact]
    public void LongStrings_InBatches_StillConvert()
    {
        var lines = _context.Eval<List<DataLine>>("const big = 'x'.repeat(1 << 20); [{ sku: big, quantity: 1, price: 1 }, { sku: big + 'y', quantity: 2, price: 1 }]");
        Assert.Equal((1 << 20, (1 << 20) + 1, 2), (lines[0].Sku.Length, lines[1].Sku.Length, lines[1].Quantity));
        Assert.Equal(1 << 20, _context.Eval<DataLine>("({ sku: big, quantity: 1, price: 1 })").Sku.Length);
        Assert.Equal(2, _context.Eval<HashSet<string>>("new Set([big, big + 'z'])").Count);
        Assert.Equal((1 << 20) + 1, _context.Eval<string[]>("[big + 'q']")[0].Length);
    }

    [Fact]
    public void ConversionBudget_CountsPlainData()
    {
        using var context = new Isolate(new IsolateOptions { MaxConversionBytes = 64 * 1024 }).CreateContext();
        Assert.Equal(10, context.Eval<DataLine[]>("Array.from({ length: 10 }, (_, i) => ({ sku: 's', quantity: i, price: 1 }))").Length);
        var line = "{ sku: 'sku', quantity: 1, price: 1 }";
        Assert.Throws<ScriptResourceException>(() => context.Eval<DataLine[]>($"const l = {line}; Array.from({{ length: 2000 }}, () => l)"));
    }

    // ---- Registered (generated-style) bindings --------------------------------------------------------

    [Fact]
    public void RegisteredBinding_WinsOverReflection()
    {
        Assert.Equal("{\"c\":21.5}", _context.Eval<string>("JSON.stringify(temperature())"));
        Assert.Equal(-4d, _context.Eval<double>("celsius({ c: -4, celsius: 99 })"));
        Assert.Equal("TypeError: DataTemperature.c: missing property 'c'.", Error("celsius({ celsius: 1 })"));
        Assert.Equal(3d, _context.Eval<DataTemperature>("({ c: 3 })").Celsius);
    }

    [Fact]
    public void HostDataReader_TryGet_And_NullableGet()
    {
        string? seen = null;
        HostDataBinding.Register(new HostDataBinding(typeof(ReaderProbe), static (_, w) => w.Set("n", 1L << 60), r =>
        {
            var hasX = r.TryGet<double>("x", out var x);
            var hasNote = r.TryGet<string?>("note", out var note);
            var y = r.Get<double?>("y");
            seen = $"{hasX}:{x}/{hasNote}:{note ?? "null"}/{y?.ToString(CultureInfo.InvariantCulture) ?? "null"}";
            return new ReaderProbe();
        }));

        _context.Eval<ReaderProbe>("({ x: 5, note: null })");
        Assert.Equal("True:5/True:null/null", seen);
        _context.Eval<ReaderProbe>("({ note: 'ab', y: 7, x: undefined })");
        Assert.Equal("False:0/True:ab/7", seen);
        var error = Assert.Throws<InvalidCastException>(() => _context.Eval<ReaderProbe>("({ x: 'no' })"));
        Assert.Equal("ReaderProbe.x expects a number; got a string (\"no\").", error.Message);
        _context.SetGlobal("probe", new ReaderProbe());
        Assert.True(_context.Eval<bool>("probe.n === 2n ** 60n"));
    }

    private sealed class ReaderProbe
    {
    }

    // ---- The shared rules -------------------------------------------------------------------------------

    [Fact]
    public void Rules_PlainDataCandidate()
    {
        Assert.True(PlainData.IsPlainDataCandidate("Shop", "Shop.Order", true, false, false, false, false, false));
        Assert.True(PlainData.IsPlainDataCandidate(null, "Order", true, false, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("System", "System.Guid", true, false, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("System.Text", "System.Text.StringBuilder", true, false, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("Microsoft.ClearScript", "Microsoft.ClearScript.ScriptObject", true, false, false, false, false, false));
        Assert.True(PlainData.IsPlainDataCandidate("Systems", "Systems.Order", true, false, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("V8Host", "V8Host.JsObject", true, false, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.Order", true, false, false, false, false, isHostClass: true));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.Base", true, isAbstract: true, false, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.Box`1", true, false, isGenericDefinition: true, false, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.Bag", true, false, false, isEnumerable: true, false, false));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.Handler", true, false, false, false, isDelegate: true, false));
        Assert.False(PlainData.IsPlainDataCandidate("Shop", "Shop.IOrder", isClassOrStruct: false, false, false, false, false, false));
    }

    [Fact]
    public void Rules_MembersNamesAndConstructors()
    {
        Assert.True(PlainData.IsDataMember(true, false, true, false, false, false));
        Assert.False(PlainData.IsDataMember(false, false, true, false, false, false));
        Assert.False(PlainData.IsDataMember(true, true, true, false, false, false));
        Assert.False(PlainData.IsDataMember(true, false, true, isIndexer: true, false, false));
        Assert.False(PlainData.IsDataMember(true, false, true, false, isIgnored: true, false));
        Assert.False(PlainData.IsDataMember(true, false, true, false, false, isCompilerGenerated: true));

        Assert.Equal("unitPrice", PlainData.JsName("UnitPrice", null, asDeclared: false));
        Assert.Equal("UnitPrice", PlainData.JsName("UnitPrice", null, asDeclared: true));
        Assert.Equal("price", PlainData.JsName("UnitPrice", "price", asDeclared: true));

        var members = new[] { "Id", "Lines", "Note" };
        Assert.Equal(1, PlainData.SelectConstructor(new[] { new string[0], new[] { "id", "lines" }, new[] { "id" } }, members));
        Assert.Equal(0, PlainData.SelectConstructor(new[] { new string[0], new[] { "id", "other" } }, members));
        Assert.Equal(-1, PlainData.SelectConstructor(new[] { new[] { "other" } }, members));
        Assert.Equal(0, PlainData.SelectConstructor(new[] { new[] { "ID" }, new[] { "note" } }, members));

        Assert.True(PlainData.IsRequired(true, false, false, false));
        Assert.False(PlainData.IsRequired(true, true, false, false));
        Assert.False(PlainData.IsRequired(true, false, true, false));
        Assert.False(PlainData.IsRequired(false, false, false, false));
        Assert.True(PlainData.IsRequired(false, false, true, true));
        Assert.True(PlainData.IsWritableMember(true, false, false));
        Assert.False(PlainData.IsWritableMember(false, false, false));
        Assert.False(PlainData.IsWritableMember(false, true, true));
        Assert.True(PlainData.IsWritableMember(false, false, true));
    }
}
