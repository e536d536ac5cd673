using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `timers &lt;runaway|flood|bomb|tamper|dispose&gt;`: scripts that use timers against their host — a
/// callback that never returns, a flood of zero-delay timers, more timers than memory allows, tampered
/// built-ins, and disposal while timers are due.
/// </summary>
internal static class TimerAttacks
{
    public static void Run(string[] args)
    {
        var step = args[0];
        var name = $"timers.{step}";
        var watch = Stopwatch.StartNew();
        switch (step)
        {
            case "runaway":
            {
                // The callback holds the context on a pool thread forever; a host call with a timeout must still end.
                using var context = Timers();
                context.Eval("setTimeout(() => { for (;;) {} }, 0); 0");
                Thread.Sleep(200);
                var value = Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.ValueOutcome(name, () => context.Eval("21 * 2", TimeSpan.FromSeconds(1))));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                Report.Result(name, value);
                break;
            }

            case "flood":
            {
                // Intervals and self-rescheduling timers keep the loop busy; the host still gets its turns.
                using var context = Timers();
                context.Eval("for (let i = 0; i < 50; i++) setInterval(() => {}, 0); (function again() { setTimeout(again, 0); })(); 0");
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.Outcome(name, () =>
                {
                    for (var i = 0; i < 200; i++)
                    {
                        if (context.Eval<int>("1 + 1", TimeSpan.FromSeconds(5)) != 2)
                            throw new InvalidOperationException("wrong result");
                    }
                }));
                Report.Result(name, outcome);
                break;
            }

            case "bomb":
            {
                // Each timer costs .NET memory V8's heap limit does not see: the count is capped.
                using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 512L << 20 }).CreateContextBuilder().Install(new TimersApi()).Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () =>
                    context.Eval("for (;;) setTimeout(() => {}, 1e9)", TimeSpan.FromSeconds(30))));
                Report.Detail(name, $"working set {Report.WorkingSetMiB()} MiB after {watch.ElapsedMilliseconds} ms");
                Report.Result(name, outcome);
                Report.Result(name + ".then-eval", Report.ValueOutcome(name, () => context.Eval("1")));
                break;
            }

            case "tamper":
            {
                using var context = Timers();
                var value = Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.ValueOutcome(name, () =>
                {
                    using var promise = context.Eval<JsPromise>("""
                        for (const name of Object.getOwnPropertyNames(Map.prototype)) try { Map.prototype[name] = () => { throw new Error('tampered ' + name); }; } catch {}
                        Reflect.apply = () => { throw new Error('tampered apply'); };
                        Function.prototype.call = Function.prototype.apply = () => { throw new Error('tampered call'); };
                        Object.defineProperty(Object.prototype, 'callback', { set() { throw new Error('setter'); }, get() { return () => { throw new Error('forged'); }; } });
                        Object.defineProperty(Object.prototype, 'args', { get() { return ['forged']; } });
                        Number.isNaN = () => true;
                        new Promise(r => setTimeout((a, b) => r(a + b), 1, 'real', '!'))
                        """);
                    return promise.Wait(TimeSpan.FromSeconds(5));
                }));
                Report.Result(name, value);
                break;
            }

            case "dispose":
            {
                // Disposal from another thread while timers fire continuously: no crash, no hang.
                var context = Timers();
                context.Eval("for (let i = 0; i < 20; i++) setInterval(() => { for (let j = 0; j < 1e5; j++); }, 0); 0");
                Thread.Sleep(200);
                Report.Bounded(name, TimeSpan.FromSeconds(10), context.Dispose);
                Thread.Sleep(200);
                Report.Result(name, context.IsAlive ? "alive" : "ok");
                break;
            }

            default:
                throw new ArgumentException("unknown step " + step);
        }
    }

    private static Context Timers() => new Isolate().CreateContextBuilder().Install(new TimersApi(), ConsoleApi.Discard).Build();
}
