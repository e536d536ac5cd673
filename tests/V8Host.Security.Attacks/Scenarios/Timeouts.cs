using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>`timeout &lt;token|slow-host|nested&gt;`: timeouts reaching host code.</summary>
internal static class Timeouts
{
    public static void Run(string[] args)
    {
        var name = $"timeout.{args[0]}";
        var watch = Stopwatch.StartNew();
        switch (args[0])
        {
            case "token":
            {
                var observed = false;
                using var context = new Isolate().CreateContextBuilder()
                    .AddHostFunction("waitForCancel", (CancellationToken ct) =>
                    {
                        ct.WaitHandle.WaitOne(5000);
                        observed = ct.IsCancellationRequested;
                        return observed;
                    })
                    .Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.Outcome(name, () => context.Eval("waitForCancel()", TimeSpan.FromMilliseconds(200))));
                var elapsed = watch.ElapsedMilliseconds;
                Report.Detail(name, $"{elapsed} ms");
                Report.Result(name, outcome);
                Report.Result(name + ".cancellation-observed", observed);
                Report.Result(name + ".well-before-5s", elapsed < 3000);
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            case "slow-host":
            {
                using var context = new Isolate().CreateContextBuilder()
                    .AddHostFunction("slowHost", (int ms) => Thread.Sleep(ms))
                    .Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("slowHost(500); 'completed'", TimeSpan.FromMilliseconds(100))));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, outcome);
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            case "nested":
            {
                using var context = new Isolate().CreateContextBuilder()
                    .AddHostFunction("inner", (Context c) =>
                    {
                        try
                        {
                            c.Eval("while(true){}", TimeSpan.FromMilliseconds(100));
                            return "not-terminated";
                        }
                        catch (ScriptTerminatedException)
                        {
                            return "caught";
                        }
                    })
                    .Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () => context.Eval("inner() + ' outer-alive'", TimeSpan.FromSeconds(10))));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, outcome);
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }
}
