using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.PlainData;

/// <summary>
/// The (e) and (f) variants' tools: V8Host's mechanism for plain data rebuilt on raw ClearScript, so its cost
/// can be measured apart from V8Host's own bookkeeping. V8Host converts plain data member by member,
/// each member one .NET → JS call of a small JS helper (Runtime/Engine/Bridge.cs: <c>newObject</c>,
/// <c>defineValue</c>, <c>newArray</c>, <c>append</c>, <c>get</c>). These are the same helpers, minus
/// V8Host's error guard; like V8Host's, the proxies they return are left to the GC.
/// </summary>
public sealed class HelperCalls : IDisposable
{
    private readonly ScriptObject _get;
    private readonly ScriptObject _defineValue;
    private readonly ScriptObject _newObject;
    private readonly ScriptObject _newArray;
    private readonly ScriptObject _append;

    public HelperCalls(V8ScriptEngine engine)
    {
        // Each helper is an Evaluate result, not a property read: ClearScript invokes functions read
        // with GetProperty much more slowly (Bridge.cs notes ~40x).
        _get = (ScriptObject)engine.Evaluate("(o, k) => o[k]");
        _defineValue = (ScriptObject)engine.Evaluate("(o, k, v) => Reflect.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true })");
        _newObject = (ScriptObject)engine.Evaluate("() => ({})");
        _newArray = (ScriptObject)engine.Evaluate("() => []");
        _append = (ScriptObject)engine.Evaluate("(a, v) => { a[a.length] = v; }");
    }

    /// <summary>
    /// A new engine with the heap limit V8Host always sets (Runtime/Engine/EngineCore.cs: V8's own limit
    /// unless <c>IsolateOptions.MaxHeapBytes</c> says otherwise), for the (f) variants.
    /// </summary>
    public static V8ScriptEngine NewHeapLimitedEngine()
    {
        var engine = new V8ScriptEngine();
        engine.MaxRuntimeHeapSize = (UIntPtr)(ulong)engine.GetRuntimeHeapInfo().HeapSizeLimit;
        engine.RuntimeHeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt;
        return engine;
    }

    /// <summary>The orders as a JS array of plain objects: one helper call per object, array, element and property.</summary>
    public ScriptObject Write(List<Order> orders)
    {
        var array = (ScriptObject)_newArray.Invoke(false);
        foreach (var order in orders)
        {
            var target = (ScriptObject)_newObject.Invoke(false);
            _defineValue.Invoke(false, target, "id", order.Id);
            _defineValue.Invoke(false, target, "customer", order.Customer);
            var lines = (ScriptObject)_newArray.Invoke(false);
            foreach (var line in order.Lines)
            {
                var item = (ScriptObject)_newObject.Invoke(false);
                _defineValue.Invoke(false, item, "sku", line.Sku);
                _defineValue.Invoke(false, item, "quantity", line.Quantity);
                _defineValue.Invoke(false, item, "price", line.Price);
                _append.Invoke(false, lines, item);
            }

            _defineValue.Invoke(false, target, "lines", lines);
            _append.Invoke(false, array, target);
        }

        return array;
    }

    /// <summary>Orders read from a JS array: one helper call per property, elements through ClearScript's index reads.</summary>
    public List<Order> Read(ScriptObject orders)
    {
        var count = ToInt(_get.Invoke(false, orders, "length"));
        var result = new List<Order>(count);
        for (var i = 0; i < count; i++)
        {
            var order = (ScriptObject)orders.GetProperty(i);
            var lines = (ScriptObject)_get.Invoke(false, order, "lines");
            var lineCount = ToInt(_get.Invoke(false, lines, "length"));
            var read = new List<Line>(lineCount);
            for (var j = 0; j < lineCount; j++)
            {
                var line = (ScriptObject)lines.GetProperty(j);
                read.Add(new Line((string)_get.Invoke(false, line, "sku"), ToInt(_get.Invoke(false, line, "quantity")), ToDouble(_get.Invoke(false, line, "price"))));
            }

            result.Add(new Order((string)_get.Invoke(false, order, "id"), (string)_get.Invoke(false, order, "customer"), read));
        }

        return result;
    }

    public void Dispose()
    {
        _get.Dispose();
        _defineValue.Dispose();
        _newObject.Dispose();
        _newArray.Dispose();
        _append.Dispose();
    }

    private static int ToInt(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    private static double ToDouble(object value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
