using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Jint;
using Jint.Native;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.PlainData;

/// <summary>
/// "Sum in JS": <see cref="OrderData.OrderCount"/> .NET <see cref="Order"/> records reach JS, which sums
/// quantity × price over every line. Each invocation hands over the list afresh (a by-value variant
/// copies it every time). Baseline: ClearScript's host-object proxies (b).
/// </summary>
[MemoryDiagnoser]
public class PlainDataSumInJsBenchmarks
{
    private List<Order> _orders = null!;
    private double _expected;

    private Context _v8Host = null!;
    private JsFunction _v8HostSum = null!;

    private V8ScriptEngine _clearScript = null!;
    private ScriptObject _clearScriptSum = null!;

    private Jint.Engine _jint = null!;
    private JsValue _jintSum = null!;

    private V8ScriptEngine _json = null!;
    private ScriptObject _jsonSum = null!;

    private V8ScriptEngine _helperEngine = null!;
    private HelperCalls _helpers = null!;
    private ScriptObject _helperSum = null!;

    private V8ScriptEngine _limitedEngine = null!;
    private HelperCalls _limitedHelpers = null!;
    private ScriptObject _limitedSum = null!;

    [GlobalSetup]
    public void Setup()
    {
        _orders = OrderData.Create();
        _expected = OrderData.Total(_orders);

        // (a) A host function returning List<Order>: JS gets an array of plain objects, copied per call.
        _v8Host = new Isolate().CreateContextBuilder().AddHostFunction("orders", new Func<List<Order>>(() => _orders)).Build();
        _v8HostSum = _v8Host.Eval<JsFunction>(PlainDataScripts.Sum("", "orders()", "length"));

        // (b) The list itself as a host object: every property read in JS is a call into .NET.
        _clearScript = new V8ScriptEngine();
        _clearScript.AddHostObject("orders", _orders);
        _clearScriptSum = (ScriptObject)_clearScript.Evaluate(PlainDataScripts.Sum("", "orders", "Count"));

        // (c) Jint wraps the list; its interpreter reads the .NET properties in managed code.
        _jint = new Jint.Engine();
        _jint.SetValue("orders", _orders);
        _jintSum = _jint.Evaluate(PlainDataScripts.Sum("", "orders", "Count"));

        // (d) By value through one crossing: the list as JSON text, parsed in JS.
        _json = new V8ScriptEngine();
        _jsonSum = (ScriptObject)_json.Evaluate(PlainDataScripts.Sum("text", "JSON.parse(text)", "length"));

        // (e) V8Host's mechanism by hand on raw ClearScript: a host function that builds the JS array
        // with one JS helper call per object and property (nested calls, as V8Host's are).
        _helperEngine = new V8ScriptEngine();
        _helpers = new HelperCalls(_helperEngine);
        _helperEngine.AddHostObject("orders", new Func<object>(() => _helpers.Write(_orders)));
        _helperSum = (ScriptObject)_helperEngine.Evaluate(PlainDataScripts.Sum("", "orders()", "length"));

        // (f) The same with V8Host's always-on heap limit: ClearScript then samples the heap on every outermost call.
        _limitedEngine = HelperCalls.NewHeapLimitedEngine();
        _limitedHelpers = new HelperCalls(_limitedEngine);
        _limitedEngine.AddHostObject("orders", new Func<object>(() => _limitedHelpers.Write(_orders)));
        _limitedSum = (ScriptObject)_limitedEngine.Evaluate(PlainDataScripts.Sum("", "orders()", "length"));

        OrderData.CheckTotal(V8HostPlainData(), _expected, "(a) V8Host plain data");
        OrderData.CheckTotal(ClearScriptHostObjects(), _expected, "(b) ClearScript host objects");
        OrderData.CheckTotal(JintSetValue(), _expected, "(c) Jint");
        OrderData.CheckTotal(ClearScriptJson(), _expected, "(d) ClearScript + JSON");
        OrderData.CheckTotal(ClearScriptHelperCalls(), _expected, "(e) ClearScript helper calls");
        OrderData.CheckTotal(ClearScriptHelperCallsHeapLimit(), _expected, "(f) ClearScript helper calls + heap limit");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8Host?.Dispose();
        _clearScriptSum?.Dispose();
        _clearScript?.Dispose();
        _jint?.Dispose();
        _jsonSum?.Dispose();
        _json?.Dispose();
        _helperSum?.Dispose();
        _helpers?.Dispose();
        _helperEngine?.Dispose();
        _limitedSum?.Dispose();
        _limitedHelpers?.Dispose();
        _limitedEngine?.Dispose();
    }

    [Benchmark(Description = "(a) V8Host plain data: orders()")]
    public double V8HostPlainData() => _v8HostSum.Invoke<double>();

    [Benchmark(Baseline = true, Description = "(b) ClearScript AddHostObject")]
    public double ClearScriptHostObjects() => ToDouble(_clearScriptSum.InvokeAsFunction());

    [Benchmark(Description = "(c) Jint 4.18 SetValue")]
    public double JintSetValue() => _jint.Invoke(_jintSum).AsNumber();

    [Benchmark(Description = "(d) ClearScript + JSON text")]
    public double ClearScriptJson() => ToDouble(_jsonSum.InvokeAsFunction(JsonSerializer.Serialize(_orders, PlainDataJson.Options)));

    [Benchmark(Description = "(e) ClearScript, a helper call per property")]
    public double ClearScriptHelperCalls() => ToDouble(_helperSum.InvokeAsFunction());

    [Benchmark(Description = "(f) (e) + V8Host's heap limit")]
    public double ClearScriptHelperCallsHeapLimit() => ToDouble(_limitedSum.InvokeAsFunction());

    // ClearScript hands back a JS number as a boxed int or double.
    private static double ToDouble(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
