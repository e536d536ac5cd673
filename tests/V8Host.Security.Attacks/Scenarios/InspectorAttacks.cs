using System.Text.Json;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `inspector &lt;attack&gt;`: scripts against a context whose inspector is on.
/// <list type="bullet">
/// <item><c>flood</c>: the console floods a session that never takes its messages (about 110 MiB of
/// events). Expected: the session is cut off with a clear error at its queue's bound, the process
/// stays small, and the context goes on.</item>
/// <item><c>paused-timeout</c>: <c>debugger;</c> with a debugger attached that never resumes, under a
/// timeout. Expected: ScriptTerminatedException, and the context goes on.</item>
/// <item><c>paused-dispose</c>: the context is disposed from another thread while its script is
/// paused. Expected: the call ends with an exception, no crash.</item>
/// <item><c>tampered-console</c>: the script replaces Object.keys, console and Function.prototype
/// methods, then logs. Expected: the debugger still gets the call with the script's arguments.</item>
/// </list>
/// </summary>
internal static class InspectorAttacks
{
    public static void Run(string[] args)
    {
        var attack = args[0];
        var name = "inspector." + attack;
        var context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContextBuilder().Install(ConsoleApi.Discard).Build();
        // A debugger that reads everything, with Runtime and Debugger enabled before the script runs.
        var received = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var debugger = context.Inspector.Connect(message =>
        {
            if (message.StartsWith("{\"id\":", StringComparison.Ordinal) || message.Contains("genuine", StringComparison.Ordinal))
                received.Enqueue(message);
        });
        Call(debugger, received, 1, "Runtime.enable");
        Call(debugger, received, 2, "Debugger.enable");
        switch (attack)
        {
            case "flood":
                // And one that never reads.
                var stalled = context.Inspector.Connect();
                Send(stalled, 1, "Runtime.enable");
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(120), () => Report.Outcome(name, () =>
                    context.Eval("const line = 'x'.repeat(1024); for (let i = 0; i < 100000; i++) console.log(line, i);"))));
                Report.Result(name + ".session", Report.Outcome(name + ".session", () => Send(stalled, 3, "Runtime.enable")));
                Report.Detail(name, $"peak working set {Report.PeakWorkingSetMiB()} MiB");
                Report.Result(name + ".bounded", Report.PeakWorkingSetMiB() < 1024 ? "yes" : "no");
                break;

            case "paused-timeout":
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () =>
                    context.Eval("debugger; 'not reached'", TimeSpan.FromMilliseconds(500)))));
                break;

            case "paused-dispose":
                var run = Task.Run(() => context.Eval("debugger; 'not reached'"));
                WaitUntil(() => context.Inspector.IsPaused);
                Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(30), context.Dispose);
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.Outcome(name, () => run.GetAwaiter().GetResult())));
                Report.Result("inspector.fresh", Report.Bounded("inspector.fresh", TimeSpan.FromSeconds(20), () =>
                {
                    using var fresh = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();
                    return Report.StillWorks(fresh);
                }));
                return;

            case "tampered-console":
                context.Eval("""
                    Object.keys = () => { throw new Error('keys'); };
                    Function.prototype.apply = function () { throw new Error('apply'); };
                    Reflect.apply = () => { throw new Error('Reflect.apply'); };
                    Object.defineProperty(Array.prototype, 0, { set() { throw new Error('index'); }, get() { return 'forged'; } });
                    console.log('genuine', 42);
                    """);
                WaitUntil(() => received.Any(message => message.Contains("\"Runtime.consoleAPICalled\"", StringComparison.Ordinal) && message.Contains("\"genuine\"", StringComparison.Ordinal) && message.Contains("42", StringComparison.Ordinal)));
                Report.Result(name, "delivered");
                break;
        }

        Report.Result("inspector.still-works", Report.Bounded("inspector.still-works", TimeSpan.FromSeconds(20), () => Report.StillWorks(context)));
        Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(20), context.Dispose);
    }

    private static void Send(InspectorSession session, int id, string method) =>
        session.Send(JsonSerializer.Serialize(new { id, method }));

    private static void Call(InspectorSession session, System.Collections.Concurrent.ConcurrentQueue<string> received, int id, string method)
    {
        Send(session, id, method);
        WaitUntil(() => received.Any(message => message.StartsWith($"{{\"id\":{id},", StringComparison.Ordinal)));
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold within 30 s.");
            Thread.Sleep(10);
        }
    }
}
