using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.Interop;

/// <summary>
/// Issue 16, item 5: reading JS objects and arrays from .NET, V8Host's handles against ClearScript's
/// <c>ScriptObject</c> in the same run (plain, and with the heap limit every V8Host context has). One
/// property or element read per operation, and whole reads of a 100-key object and a 100-element
/// array: a typed <c>Dictionary&lt;string, int&gt;</c>, a <see cref="JsObject"/> enumeration and a
/// <see cref="JsArray"/> enumeration, against ClearScript's <c>PropertyNames</c> plus one read per key
/// and its <c>IList</c> enumeration. Every variant's result is checked in <c>[GlobalSetup]</c>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ObjectReadBenchmarks
{
    private const int Reads = 1000;
    private const int Keys = 100;
    private const string Source = "(() => { const o = { a: 1 }, d = {}, e = []; for (let i = 0; i < 100; i++) { d['k' + i] = i; e[i] = i; } return { o, d, e }; })()";

    private V8ScriptEngine _plain = null!;
    private V8ScriptEngine _limited = null!;
    private (ScriptObject Object, ScriptObject Dictionary, ScriptObject Array) _plainData;
    private (ScriptObject Object, ScriptObject Dictionary, ScriptObject Array) _limitedData;
    private Context _context = null!;
    private JsObject _holder = null!;
    private JsObject _object = null!;
    private JsObject _dictionary = null!;
    private JsArray _array = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new V8ScriptEngine();
        _plainData = Data(_plain);
        _limited = new V8ScriptEngine { MaxRuntimeHeapSize = (UIntPtr)(512UL << 20) };
        _limitedData = Data(_limited);
        _context = new Isolate().CreateContext();
        _holder = _context.Eval<JsObject>(Source);
        _object = _holder.Get<JsObject>("o");
        _dictionary = _holder.Get<JsObject>("d");
        _array = _holder.Get<JsArray>("e");

        const int sum = Keys * (Keys - 1) / 2;
        if (ClearScriptProperty() != Reads || ClearScriptLimitedProperty() != Reads || JsObjectProperty() != Reads
            || ClearScriptElement() != Reads * 99 || ClearScriptLimitedElement() != Reads * 99 || JsArrayElement() != Reads * 99
            || ClearScriptDictionary() != sum || ClearScriptLimitedDictionary() != sum || TypedDictionary() != sum
            || ClearScriptEnumerateObject() != sum || JsObjectEnumerate() != sum
            || ClearScriptEnumerateArray() != sum || JsArrayEnumerate() != sum)
            throw new InvalidOperationException("An object-read variant returned the wrong total.");
    }

    private static (ScriptObject, ScriptObject, ScriptObject) Data(V8ScriptEngine engine)
    {
        var data = (ScriptObject)engine.Evaluate(Source);
        return ((ScriptObject)data.GetProperty("o"), (ScriptObject)data.GetProperty("d"), (ScriptObject)data.GetProperty("e"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _limited.Dispose();
        _context.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads, Description = "ClearScript ScriptObject[\"a\"]")]
    [BenchmarkCategory("1 property read")]
    public int ClearScriptProperty() => ReadProperty(_plainData.Object);

    [Benchmark(OperationsPerInvoke = Reads, Description = "ClearScript ScriptObject[\"a\"], MaxRuntimeHeapSize set")]
    [BenchmarkCategory("1 property read")]
    public int ClearScriptLimitedProperty() => ReadProperty(_limitedData.Object);

    [Benchmark(OperationsPerInvoke = Reads, Description = "V8Host JsObject[\"a\"]")]
    [BenchmarkCategory("1 property read")]
    public int JsObjectProperty()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
            sum += (int)_object["a"]!;
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads, Description = "ClearScript ScriptObject[99]")]
    [BenchmarkCategory("2 element read")]
    public int ClearScriptElement() => ReadElement(_plainData.Array);

    [Benchmark(OperationsPerInvoke = Reads, Description = "ClearScript ScriptObject[99], MaxRuntimeHeapSize set")]
    [BenchmarkCategory("2 element read")]
    public int ClearScriptLimitedElement() => ReadElement(_limitedData.Array);

    [Benchmark(OperationsPerInvoke = Reads, Description = "V8Host JsArray[99]")]
    [BenchmarkCategory("2 element read")]
    public int JsArrayElement()
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
            sum += (int)_array[99]!;
        return sum;
    }

    [Benchmark(Baseline = true, Description = "ClearScript: PropertyNames + a read per key (100 keys)")]
    [BenchmarkCategory("3 Dictionary<string, int>")]
    public int ClearScriptDictionary() => Sum(ReadDictionary(_plainData.Dictionary));

    [Benchmark(Description = "ClearScript: PropertyNames + a read per key, MaxRuntimeHeapSize set")]
    [BenchmarkCategory("3 Dictionary<string, int>")]
    public int ClearScriptLimitedDictionary() => Sum(ReadDictionary(_limitedData.Dictionary));

    [Benchmark(Description = "V8Host JsObject.Get<Dictionary<string, int>>")]
    [BenchmarkCategory("3 Dictionary<string, int>")]
    public int TypedDictionary() => Sum(_holder.Get<Dictionary<string, int>>("d"));

    [Benchmark(Baseline = true, Description = "ClearScript: enumerate PropertyNames + GetProperty (100 keys)")]
    [BenchmarkCategory("4 object enumeration")]
    public int ClearScriptEnumerateObject()
    {
        var sum = 0;
        foreach (var name in _plainData.Dictionary.PropertyNames)
            sum += (int)_plainData.Dictionary.GetProperty(name);
        return sum;
    }

    [Benchmark(Description = "V8Host: foreach over JsObject (100 keys)")]
    [BenchmarkCategory("4 object enumeration")]
    public int JsObjectEnumerate()
    {
        var sum = 0;
        foreach (var (_, value) in _dictionary)
            sum += (int)value!;
        return sum;
    }

    [Benchmark(Baseline = true, Description = "ClearScript: foreach over the IList (100 elements)")]
    [BenchmarkCategory("5 array enumeration")]
    public int ClearScriptEnumerateArray()
    {
        var sum = 0;
        foreach (var item in (IList<object>)_plainData.Array)
            sum += (int)item;
        return sum;
    }

    [Benchmark(Description = "V8Host: foreach over JsArray (100 elements)")]
    [BenchmarkCategory("5 array enumeration")]
    public int JsArrayEnumerate()
    {
        var sum = 0;
        foreach (var item in _array)
            sum += (int)item!;
        return sum;
    }

    private static int ReadProperty(ScriptObject target)
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
            sum += (int)target["a"];
        return sum;
    }

    private static int ReadElement(ScriptObject target)
    {
        var sum = 0;
        for (var i = 0; i < Reads; i++)
            sum += (int)target[99];
        return sum;
    }

    private static Dictionary<string, int> ReadDictionary(ScriptObject target)
    {
        var read = new Dictionary<string, int>();
        foreach (var name in target.PropertyNames)
            read[name] = (int)target.GetProperty(name);
        return read;
    }

    private static int Sum(Dictionary<string, int> values) => values.Values.Sum();
}
