namespace V8Host.Tests.Values;

public sealed record TransferLine(string Sku, int Quantity, double UnitPrice);

public sealed record TransferStamp(string Name, DateTime When);

/// <summary>Plain data as a host object's member: its [HostClass] glue reads results through the same wrapper.</summary>
public sealed class TransferOrder
{
    public IReadOnlyList<TransferLine> Lines { get; } = [new("a", 1, 0.25), new("b", 2, 0.5)];

    public TransferLine First() => Lines[0];
}

/// <summary>
/// Issue 16: a host call's plain-data result that JSON says in full crosses as its bulk JSON text, which
/// the call's JS wrapper decodes (Bootstrap.js fromHost, result kinds JsonItem and JsonItems): no engine
/// call from .NET. These tests hold it to what the engine-call path gives, and to the cases where a
/// string result must stay a string.
/// </summary>
public sealed class PlainDataResultTransferTests : IDisposable
{
    private readonly Context _context;
    private JsFunction? _inner;

    public PlainDataResultTransferTests()
    {
        _context = new Isolate().CreateContextBuilder()
            .AddHostFunction("line", new Func<int, TransferLine>(i => new TransferLine("s" + i, i, i * 0.25)))
            .AddHostFunction("lines", new Func<int, List<TransferLine>>(count => Enumerable.Range(0, count).Select(i => new TransferLine("s" + i, i, i * 0.25)).ToList()))
            .AddHostFunction("stamp", new Func<TransferStamp>(() => new TransferStamp("x", new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc))))
            .AddHostFunction("json", new Func<string>(() => "[[{\"a\":1}],[]]"))
            .AddHostFunction("stringAfterNested", new Func<string>(() =>
            {
                // The inner host call returns plain data as text; this call's own result is a plain string.
                Assert.Equal(2, _inner!.Invoke<int>());
                return "[[{\"a\":1}],[]]";
            }))
            .AddHostClass<TransferOrder>()
            .SetGlobal("order", new TransferOrder())
            .Build();
        _inner = _context.Eval<JsFunction>("(() => lines(2).length)");
    }

    public void Dispose() => _context.Dispose();

    private long EngineCalls(Action action)
    {
        var before = _context.Values.GlueCalls;
        action();
        return _context.Values.GlueCalls - before;
    }

    [Fact]
    public void A_record_and_a_list_of_records_cross_without_an_engine_call()
    {
        var calls = EngineCalls(() => Assert.Equal(1000 * (0.75 * 3 + 1 + 1), _context.Eval<double>(
            "let t = 0; for (let i = 0; i < 1000; i++) { const l = line(3); const ls = lines(2); t += l.unitPrice * l.quantity + ls[1].quantity + ls.length - 1; } t")));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void The_values_are_ordinary_new_objects_and_arrays()
    {
        Assert.True(_context.Eval<bool>("""
            const a = line(1), b = line(1), l = lines(3);
            a !== b && Object.getPrototypeOf(a) === Object.prototype && Array.isArray(l) && Object.getPrototypeOf(l) === Array.prototype
              && JSON.stringify(a) === '{"sku":"s1","quantity":1,"unitPrice":0.25}' && l.length === 3 && l[2].sku === 's2'
              && lines(0).length === 0 && Object.isExtensible(a)
            """));
    }

    [Fact]
    public void A_value_JSON_cannot_say_takes_the_engine_call()
    {
        Assert.True(_context.Eval<bool>("const s = stamp(); s.name === 'x' && s.when instanceof Date && s.when.getTime() === Date.UTC(2024, 0, 2, 3, 4, 5)"));
    }

    [Fact]
    public void A_string_result_that_looks_like_bulk_text_stays_a_string()
    {
        Assert.Equal("[[{\"a\":1}],[]]", _context.Eval<string>("json()"));
        Assert.Equal("[[{\"a\":1}],[]]", _context.Eval<string>("stringAfterNested()"));
    }

    [Fact]
    public void Host_class_members_return_plain_data_the_same_way()
    {
        var calls = EngineCalls(() => Assert.Equal("a,b,a,2", _context.Eval<string>("`${order.lines.map(l => l.sku)},${order.first().sku},${order.lines[1].quantity}`")));
        Assert.Equal(0, calls);
    }

    [Fact]
    public void Script_changes_to_JSON_and_prototypes_do_not_reach_the_decoding()
    {
        Assert.True(_context.Eval<bool>("""
            JSON.parse = () => ({ hijacked: true });
            Object.defineProperty(Object.prototype, 'sku', { set() { throw new Error('setter ran'); }, configurable: true });
            Object.defineProperty(Array.prototype, '0', { set() { throw new Error('index setter ran'); }, configurable: true });
            const l = lines(2);
            Object.getOwnPropertyDescriptor(l[0], 'sku').value === 's0' && Object.getOwnPropertyDescriptor(l, '0').value.quantity === 0
            """));
    }

    [Fact]
    public void A_list_larger_than_one_chunk_is_exact()
    {
        Assert.Equal(200_000 * (199_999 / 2.0), _context.Eval<double>("let t = 0; for (const l of lines(200000)) t += l.quantity; t"));
    }
}
