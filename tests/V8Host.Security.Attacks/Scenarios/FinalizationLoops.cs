using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>`finreg &lt;collect|eval|dispose|run-until-idle&gt;`: FinalizationRegistry cleanup that never ends.</summary>
internal static class FinalizationLoops
{
    private const string Setup = "globalThis.r = new FinalizationRegistry(() => { for (;;) {} }); (function(){ for (let i = 0; i < 1000; i++) r.register({}, i); })();";

    public static void Run(string[] args)
    {
        var step = args[0];
        var name = $"finreg.{step}";
        var context = new Isolate().CreateContext();
        context.Eval(Setup);
        var watch = Stopwatch.StartNew();
        switch (step)
        {
            case "collect":
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.Outcome(name, () => context.CollectGarbage())));
                Report.Result(name + ".then-eval", Report.Bounded(name + ".then-eval", TimeSpan.FromSeconds(10), () => Report.ValueOutcome(name, () => context.Eval("1", TimeSpan.FromSeconds(1)))));
                break;

            case "eval":
                Report.Result(name + ".collect", Report.Bounded(name + ".collect", TimeSpan.FromSeconds(10), () => Report.Outcome(name, () => context.CollectGarbage())));
                watch.Restart();
                var value = Report.Bounded(name, TimeSpan.FromSeconds(5), () => Report.ValueOutcome(name, () => context.Eval("1", TimeSpan.FromSeconds(1))));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, value is "value:1" or "ScriptTerminatedException" ? "ok" : value);
                break;

            case "dispose":
                // The collection (and whatever cleanup it triggers) runs on its own thread; Dispose comes from another.
                var collector = new Thread(() =>
                {
                    try
                    {
                        context.CollectGarbage();
                        context.Eval("1");
                    }
                    catch (Exception exception)
                    {
                        Report.Detail(name + ".collector", exception);
                    }
                }) { IsBackground = true };
                collector.Start();
                Thread.Sleep(500);
                watch.Restart();
                Report.Bounded(name, TimeSpan.FromSeconds(10), context.Dispose);
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, "ok");
                break;

            case "run-until-idle":
                var terminator = new Thread(() =>
                {
                    Thread.Sleep(300);
                    Report.Detail(name, "TerminateExecution returned " + context.TerminateExecution());
                }) { IsBackground = true };
                terminator.Start();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.Outcome(name, () =>
                {
                    context.CollectGarbage();
                    context.RunUntilIdle();
                }));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, outcome is "ok" or "ScriptTerminatedException" ? "ok" : outcome);
                break;

            default:
                throw new ArgumentException("unknown step " + step);
        }
    }
}
