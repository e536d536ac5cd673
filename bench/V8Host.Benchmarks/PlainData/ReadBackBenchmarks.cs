using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.PlainData;

/// <summary>
/// "Read back": JS holds <see cref="OrderData.OrderCount"/> plain order objects (built once in
/// GlobalSetup by <see cref="OrderData.BuildScript"/>); each invocation reads all of them into new
/// <see cref="Order"/> records. Baseline: ClearScript <see cref="ScriptObject"/> property reads (b).
/// </summary>
[MemoryDiagnoser]
public class PlainDataReadBackBenchmarks
{
    private List<Order> _expected = null!;
    private Context _v8Host = null!;
    private V8ScriptEngine _clearScript = null!;
    private Jint.Engine _jint = null!;
    private HelperCalls _helpers = null!;
    private V8ScriptEngine _limitedEngine = null!;
    private HelperCalls _limitedHelpers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _expected = OrderData.Create();

        _v8Host = new Isolate().CreateContext();
        _v8Host.Eval(OrderData.BuildScript);

        // (b), (d) and (e) share one engine: they read the same JS array.
        _clearScript = new V8ScriptEngine();
        _clearScript.Execute(OrderData.BuildScript);
        _helpers = new HelperCalls(_clearScript);

        // (f) The same JS array in an engine with V8Host's always-on heap limit.
        _limitedEngine = HelperCalls.NewHeapLimitedEngine();
        _limitedEngine.Execute(OrderData.BuildScript);
        _limitedHelpers = new HelperCalls(_limitedEngine);

        _jint = new Jint.Engine();
        _jint.Execute(OrderData.BuildScript);

        OrderData.CheckOrders(V8HostEval(), _expected, "(a) V8Host Eval<List<Order>>");
        OrderData.CheckOrders(ClearScriptScriptObject(), _expected, "(b) ClearScript ScriptObject reads");
        OrderData.CheckOrders(JintToObject(), _expected, "(c) Jint ToObject");
        OrderData.CheckOrders(ClearScriptJson(), _expected, "(d) ClearScript + JSON");
        OrderData.CheckOrders(ClearScriptHelperCalls(), _expected, "(e) ClearScript helper calls");
        OrderData.CheckOrders(ClearScriptHelperCallsHeapLimit(), _expected, "(f) ClearScript helper calls + heap limit");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8Host?.Dispose();
        _helpers?.Dispose();
        _clearScript?.Dispose();
        _limitedHelpers?.Dispose();
        _limitedEngine?.Dispose();
        _jint?.Dispose();
    }

    [Benchmark(Description = "(a) V8Host Eval<List<Order>>")]
    public List<Order> V8HostEval() => _v8Host.Eval<List<Order>>("built");

    /// <summary>The hand-written reader: one ClearScript call per property and per element, each proxy disposed.</summary>
    [Benchmark(Baseline = true, Description = "(b) ClearScript ScriptObject reads")]
    public List<Order> ClearScriptScriptObject()
    {
        using var orders = (ScriptObject)_clearScript.Evaluate("built");
        var count = ToInt(orders.GetProperty("length"));
        var result = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            using var order = (ScriptObject)orders.GetProperty(i);
            using var lines = (ScriptObject)order.GetProperty("lines");
            var lineCount = ToInt(lines.GetProperty("length"));
            var read = new List<Line>(lineCount);
            for (var j = 0; j < lineCount; j++)
            {
                using var line = (ScriptObject)lines.GetProperty(j);
                read.Add(new Line((string)line.GetProperty("sku"), ToInt(line.GetProperty("quantity")), ToDouble(line.GetProperty("price"))));
            }

            result.Add(new Order((string)order.GetProperty("id"), (string)order.GetProperty("customer"), read));
        }

        return result;
    }

    /// <summary>Jint's own conversion (arrays become object[], objects ExpandoObject), then mapped to records.</summary>
    [Benchmark(Description = "(c) Jint 4.18 ToObject + map")]
    public List<Order> JintToObject()
    {
        var orders = (object?[])_jint.Evaluate("built").ToObject()!;
        var result = new List<Order>(orders.Length);
        foreach (var item in orders)
        {
            var order = (IDictionary<string, object?>)item!;
            var lines = (object?[])order["lines"]!;
            var read = new List<Line>(lines.Length);
            foreach (var lineItem in lines)
            {
                var line = (IDictionary<string, object?>)lineItem!;
                read.Add(new Line((string)line["sku"]!, ToInt(line["quantity"]!), ToDouble(line["price"]!)));
            }

            result.Add(new Order((string)order["id"]!, (string)order["customer"]!, read));
        }

        return result;
    }

    /// <summary>By value through one crossing: JSON.stringify in JS, System.Text.Json in .NET.</summary>
    [Benchmark(Description = "(d) ClearScript + JSON text")]
    public List<Order> ClearScriptJson() =>
        JsonSerializer.Deserialize<List<Order>>((string)_clearScript.Evaluate("JSON.stringify(built)"), PlainDataJson.Options)!;

    /// <summary>V8Host's mechanism by hand on raw ClearScript: one JS helper call per property (<see cref="HelperCalls"/>).</summary>
    [Benchmark(Description = "(e) ClearScript, a helper call per property")]
    public List<Order> ClearScriptHelperCalls()
    {
        using var orders = (ScriptObject)_clearScript.Evaluate("built");
        return _helpers.Read(orders);
    }

    /// <summary>(e) in an engine with V8Host's always-on heap limit.</summary>
    [Benchmark(Description = "(f) (e) + V8Host's heap limit")]
    public List<Order> ClearScriptHelperCallsHeapLimit()
    {
        using var orders = (ScriptObject)_limitedEngine.Evaluate("built");
        return _limitedHelpers.Read(orders);
    }

    // Both engines hand back a JS number as a boxed int or double; the checks in Setup catch a bad value.
    private static int ToInt(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
