using System.Text.Json;
using BenchmarkDotNet.Attributes;
using V8Host;

namespace V8Host.Benchmarks.Debugging;

/// <summary>
/// What a debugger costs, in one context with the inspector on and a session attached. Baseline: the
/// same script run with no breakpoint. "Breakpoint round trip" is a run that stops at a breakpoint,
/// the Debugger.paused event reaching the session, its Debugger.resume reaching V8, and the run
/// finishing. "Runtime.evaluate" is one request and its response through the hub.
/// </summary>
[MemoryDiagnoser]
public class InspectorBenchmarks
{
    private Context _context = null!;
    private InspectorSession _session = null!;
    private Script _plain = null!;
    private Script _stops = null!;
    private readonly SemaphoreSlim _answered = new(0);
    private int _lastId = 10;

    [GlobalSetup]
    public void Setup()
    {
        _context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();
        _session = _context.Inspector.Connect(OnMessage);
        Call("Debugger.enable");
        Call("Debugger.setBreakpointByUrl", """{"url":"stops.js","lineNumber":1}""");
        _plain = _context.Compile("var x = 1;\nx + 1", "plain.js");
        _stops = _context.Compile("var y = 1;\ny + 1", "stops.js");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.Dispose();
        _context.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Script.Run, no breakpoint")]
    public object? Plain() => _plain.Run();

    [Benchmark(Description = "Script.Run stopping at a breakpoint, resumed by the session")]
    public object? BreakpointRoundTrip() => _stops.Run();

    [Benchmark(Description = "Runtime.evaluate 6*7 through a session")]
    public void Evaluate() => Call("Runtime.evaluate", """{"expression":"6*7"}""");

    private void Call(string method, string parameters = "{}")
    {
        var id = Interlocked.Increment(ref _lastId);
        _session.Send($$"""{"id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        _answered.Wait();
    }

    private void OnMessage(string message)
    {
        using var json = JsonDocument.Parse(message);
        if (json.RootElement.TryGetProperty("method", out var method) && method.GetString() == "Debugger.paused")
            _session.Send($$"""{"id":1,"method":"Debugger.resume"}""");
        else if (json.RootElement.TryGetProperty("id", out var id) && id.GetInt64() > 10)
            _answered.Release();
    }
}
