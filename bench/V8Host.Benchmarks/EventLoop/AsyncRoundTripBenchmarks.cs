using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.EventLoop;

/// <summary>
/// The round trip an async host call costs: script calls an async .NET function, chains on the promise,
/// and .NET awaits the result. The baseline is ClearScript's own Task↔Promise conversion
/// (<c>EnableTaskPromiseConversion</c> plus <c>ToTask()</c>), the closest thing ClearScript offers.
/// </summary>
[MemoryDiagnoser]
public class AsyncRoundTripBenchmarks
{
    private const string Script = "hostAsync(20).then(v => v + 1)";

    private V8ScriptEngine _engine = null!;
    private Context _automatic = null!;
    private Context _manual = null!;

    private static async Task<int> HostAsync(int value)
    {
        await Task.Yield();
        return value * 2;
    }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new V8ScriptEngine(V8ScriptEngineFlags.EnableTaskPromiseConversion);
        _engine.Script.hostAsync = new Func<int, Task<int>>(HostAsync);
        _automatic = new Isolate().CreateContextBuilder().AddHostFunction("hostAsync", HostAsync).Build();
        _manual = new Isolate(new IsolateOptions { EventLoop = EventLoopMode.Manual })
            .CreateContextBuilder().AddHostFunction("hostAsync", HostAsync).Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _engine.Dispose();
        _automatic.Dispose();
        _manual.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ClearScript: task-promise conversion + ToTask()")]
    public async Task<object> ClearScript() => await _engine.Evaluate(Script).ToTask();

    [Benchmark(Description = "V8Host automatic: await Eval<JsPromise>")]
    public async Task<object?> V8HostAutomatic()
    {
        using var promise = _automatic.Eval<JsPromise>(Script);
        return await promise;
    }

    [Benchmark(Description = "V8Host manual: EvalAsync (pumps)")]
    public Task<object?> V8HostManual() => _manual.EvalAsync(Script);
}

/// <summary>A zero-delay timer round trip: <c>await new Promise(r => setTimeout(r, 0))</c> from .NET.</summary>
[MemoryDiagnoser]
public class TimerRoundTripBenchmarks
{
    private const string Script = "new Promise(r => setTimeout(r, 0, 1))";

    private Context _automatic = null!;
    private Context _manual = null!;

    [GlobalSetup]
    public void Setup()
    {
        _automatic = new Isolate().CreateContextBuilder().Install(new TimersApi()).Build();
        _manual = new Isolate(new IsolateOptions { EventLoop = EventLoopMode.Manual }).CreateContextBuilder().Install(new TimersApi()).Build();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _automatic.Dispose();
        _manual.Dispose();
    }

    [Benchmark(Baseline = true, Description = "V8Host automatic: await setTimeout(0)")]
    public async Task<object?> Automatic()
    {
        using var promise = _automatic.Eval<JsPromise>(Script);
        return await promise;
    }

    [Benchmark(Description = "V8Host manual: EvalAsync (pumps)")]
    public Task<object?> Manual() => _manual.EvalAsync(Script);
}
