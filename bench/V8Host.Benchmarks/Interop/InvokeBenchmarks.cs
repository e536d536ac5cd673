using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.Interop;

/// <summary>
/// Issue 16, item 2: one .NET → JS call of a function returning a number, per call (1000 calls per
/// invocation). ClearScript's <c>InvokeAsFunction</c> is the baseline, with default settings and with
/// the heap limit every V8Host context has.
/// </summary>
[MemoryDiagnoser]
public class InvokeBenchmarks
{
    private const int Calls = 1000;

    private V8ScriptEngine _plain = null!;
    private V8ScriptEngine _limited = null!;
    private ScriptObject _plainFunction = null!;
    private ScriptObject _limitedFunction = null!;
    private Context _context = null!;
    private JsFunction _function = null!;
    private JsFunction _withArgument = null!;
    private Func<double> _delegate = null!;
    private GeneratedPoint _point = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new V8ScriptEngine();
        _plainFunction = (ScriptObject)_plain.Evaluate("(function () { return 1; })");
        _limited = new V8ScriptEngine { MaxRuntimeHeapSize = (UIntPtr)(512UL << 20) };
        _limitedFunction = (ScriptObject)_limited.Evaluate("(function () { return 1; })");
        _context = new Isolate().CreateContextBuilder().AddHostClass<GeneratedPoint>().Build();
        _function = _context.Eval<JsFunction>("(function () { return 1; })");
        _withArgument = _context.Eval<JsFunction>("(function (p) { return p.x; })");
        _delegate = _function.AsDelegate<Func<double>>();
        _point = new GeneratedPoint(1, 0);
        if (ClearScriptPlain() != Calls || ClearScriptLimited() != Calls || Invoke() != Calls || AsDelegate() != Calls || InvokeHostObject() != Calls)
            throw new InvalidOperationException("An Invoke variant returned the wrong total.");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _plain.Dispose();
        _limited.Dispose();
        _context.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "ClearScript InvokeAsFunction()")]
    public double ClearScriptPlain()
    {
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
            sum += Convert.ToDouble(_plainFunction.InvokeAsFunction());
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "ClearScript InvokeAsFunction(), MaxRuntimeHeapSize set")]
    public double ClearScriptLimited()
    {
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
            sum += Convert.ToDouble(_limitedFunction.InvokeAsFunction());
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "V8Host JsFunction.Invoke<double>()")]
    public double Invoke()
    {
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
            sum += _function.Invoke<double>();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "V8Host AsDelegate<Func<double>>()")]
    public double AsDelegate()
    {
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
            sum += _delegate();
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Calls, Description = "V8Host Invoke<double>(hostObject)")]
    public double InvokeHostObject()
    {
        var sum = 0.0;
        for (var i = 0; i < Calls; i++)
            sum += _withArgument.Invoke<double>(_point);
        return sum;
    }
}
