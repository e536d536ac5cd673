using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `lifetime &lt;seed&gt; &lt;count&gt;`: several threads interleave creating, using and disposing isolates,
/// contexts, scripts and handles (use after dispose, dispose while running, finalizers). Only
/// ObjectDisposedException, InvalidOperationException, ScriptTerminatedException and JavaScriptException
/// are expected. Prints `LIFETIME ops=&lt;n&gt; expected=&lt;n&gt; unexpected=&lt;n&gt;` and `UNEXPECTED` lines.
/// </summary>
internal static class LifetimeFuzzer
{
    private const int Threads = 4;
    private static readonly object s_gate = new();
    private static readonly List<Context> s_contexts = [];
    private static readonly List<Script> s_scripts = [];
    private static readonly List<JsHandle> s_handles = [];
    private static readonly List<Isolate> s_isolates = [];
    private static readonly Dictionary<string, (string Example, int Count)> s_unexpected = new();
    private static long s_ops;
    private static long s_expected;
    private static long s_lastProgress = Stopwatch.GetTimestamp();

    public static void Run(string[] args)
    {
        var seed = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var count = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Threads).Select(i => new Thread(() => Work(new Random(seed * 31 + i), count / Threads)) { IsBackground = true }).ToList();
        workers.ForEach(worker => worker.Start());
        while (workers.Any(worker => worker.IsAlive))
        {
            Thread.Sleep(200);
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref s_lastProgress)) > TimeSpan.FromSeconds(30))
            {
                Record("Hang", "no operation finished for 30 s (deadlock?)");
                Summary(watch);
                Console.Out.Flush();
                Environment.Exit(0);
            }
        }

        lock (s_gate)
        {
            foreach (var context in s_contexts)
                Op("final dispose", context.Dispose);
            s_contexts.Clear();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Summary(watch);
    }

    private static void Summary(Stopwatch watch)
    {
        lock (s_gate)
        {
            Console.WriteLine($"LIFETIME ops={Interlocked.Read(ref s_ops)} expected={Interlocked.Read(ref s_expected)} unexpected={s_unexpected.Values.Sum(v => v.Count)} seconds={watch.Elapsed.TotalSeconds:F0}");
            foreach (var (type, (example, n)) in s_unexpected)
                Console.WriteLine($"UNEXPECTED {type} x{n} e.g. {example}");
        }
    }

    private static void Work(Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var choice = random.Next(22);
            switch (choice)
            {
                case 0:
                case 1:
                    Op("create context", () =>
                    {
                        var context = new Isolate().CreateContextBuilder().AddHostFunction("hostSleep", (int ms, CancellationToken ct) => ct.WaitHandle.WaitOne(ms)).Build();
                        lock (s_gate)
                        {
                            s_contexts.Add(context);
                            if (s_contexts.Count > 6)
                            {
                                var victim = s_contexts[0];
                                s_contexts.RemoveAt(0);
                                victim.Dispose();
                            }
                        }
                    });
                    break;
                case 2:
                    Op("isolate", () =>
                    {
                        var isolate = new Isolate();
                        lock (s_gate)
                            s_isolates.Add(isolate);
                        if (random.Next(2) == 0)
                            isolate.Dispose();
                    });
                    break;
                case 3:
                    Op("isolate reuse", () =>
                    {
                        Isolate? isolate;
                        lock (s_gate)
                        {
                            isolate = s_isolates.Count > 0 ? s_isolates[random.Next(s_isolates.Count)] : null;
                            if (isolate is not null && random.Next(2) == 0)
                                s_isolates.Remove(isolate);
                        }

                        if (isolate is null)
                            return;
                        var context = random.Next(3) switch { 0 => isolate.CreateContext(), 1 => isolate.CreateContextBuilder().Build(), _ => isolate.CreateContextBuilder().SetGlobal("g", 1).Build() };
                        lock (s_gate)
                            s_contexts.Add(context);
                    });
                    break;
                case 4:
                case 5:
                    WithContext(random, "eval", context => context.Eval<int>("let x = 0; for (let i = 0; i < 1000; i++) x += i; x"));
                    break;
                case 6:
                    WithContext(random, "eval timeout", context => context.Eval("while (true) {}", TimeSpan.FromMilliseconds(random.Next(1, 30))));
                    break;
                case 7:
                    WithContext(random, "long eval", context => context.Eval("hostSleep(50); for (let i = 0; i < 3e6; i++) {} 1", TimeSpan.FromSeconds(5)));
                    break;
                case 8:
                    WithContext(random, "terminate", context => context.TerminateExecution());
                    break;
                case 9:
                    WithContext(random, "dispose context", context =>
                    {
                        lock (s_gate)
                            s_contexts.Remove(context);
                        context.Dispose();
                    });
                    break;
                case 10:
                    WithContext(random, "dispose context (kept)", context => context.Dispose());
                    break;
                case 11:
                    WithContext(random, "compile", context =>
                    {
                        var script = context.Compile("globalThis.n = (globalThis.n | 0) + 1", "s" + random.Next(5) + ".js");
                        lock (s_gate)
                            s_scripts.Add(script);
                    });
                    break;
                case 12:
                    Op("run script", () =>
                    {
                        Script? script;
                        lock (s_gate)
                            script = s_scripts.Count > 0 ? s_scripts[random.Next(s_scripts.Count)] : null;
                        script?.Run(TimeSpan.FromSeconds(5));
                        if (script is not null && random.Next(4) == 0)
                            script.Dispose();
                    });
                    break;
                case 13:
                case 14:
                    WithContext(random, "make handle", context =>
                    {
                        JsHandle handle = random.Next(4) switch
                        {
                            0 => context.Eval<JsObject>("({ a: 1, b: [1, 2] })"),
                            1 => context.Eval<JsArray>("[1, 2, 3]"),
                            2 => context.Eval<JsFunction>("(x => x + 1)"),
                            _ => context.Eval<JsPromise>("Promise.resolve(1)"),
                        };
                        lock (s_gate)
                        {
                            s_handles.Add(handle);
                            if (s_handles.Count > 200)
                                s_handles.RemoveRange(0, 100); // dropped: left to finalizers
                        }
                    });
                    break;
                case 15:
                case 16:
                    Op("use handle", () =>
                    {
                        JsHandle? handle;
                        lock (s_gate)
                            handle = s_handles.Count > 0 ? s_handles[random.Next(s_handles.Count)] : null;
                        switch (handle)
                        {
                            case JsArray array:
                                _ = array.Count + array.Get<int>(0);
                                array.Add(4);
                                break;
                            case JsFunction function:
                                function.Invoke<int>(1);
                                break;
                            case JsPromise promise:
                                promise.Wait(TimeSpan.FromSeconds(2));
                                break;
                            case JsObject obj:
                                _ = obj["a"];
                                obj.Set("c", 3);
                                _ = obj.Keys.Count;
                                break;
                        }
                    });
                    break;
                case 17:
                    Op("dispose handle", () =>
                    {
                        JsHandle? handle;
                        lock (s_gate)
                            handle = s_handles.Count > 0 ? s_handles[random.Next(s_handles.Count)] : null;
                        handle?.Dispose();
                    });
                    break;
                case 18:
                    Op("finalizers", () =>
                    {
                        lock (s_gate)
                            s_handles.RemoveRange(0, s_handles.Count / 2);
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                    });
                    break;
                case 19:
                    WithContext(random, "dispose while running", context =>
                    {
                        var disposer = new Thread(() =>
                        {
                            Thread.Sleep(random.Next(0, 20));
                            Op("dispose from other thread", context.Dispose);
                        });
                        disposer.Start();
                        try
                        {
                            context.Eval("while (true) {}", TimeSpan.FromSeconds(10));
                        }
                        finally
                        {
                            if (!disposer.Join(TimeSpan.FromSeconds(15)))
                                Record("Hang", "Dispose from another thread did not return within 15 s while a script ran");
                        }
                    });
                    break;
                case 20:
                    WithContext(random, "module", context =>
                    {
                        var module = context.CompileModule("export const x = 1;", "m" + random.Next(1_000_000) + ".mjs");
                        module.Instantiate();
                        module.Evaluate(TimeSpan.FromSeconds(5));
                        _ = module.Namespace["x"];
                    });
                    break;
                default:
                    WithContext(random, "event loop", context =>
                    {
                        context.RunUntilIdle();
                        context.CollectGarbage(random.Next(2) == 0);
                        _ = context.GetHeapStatistics();
                    });
                    break;
            }
        }
    }

    private static void WithContext(Random random, string name, Action<Context> action)
    {
        Context? context;
        lock (s_gate)
            context = s_contexts.Count > 0 ? s_contexts[random.Next(s_contexts.Count)] : null;
        if (context is not null)
            Op(name, () => action(context));
    }

    private static void Op(string name, Action action)
    {
        Interlocked.Increment(ref s_ops);
        try
        {
            action();
        }
        catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException or ScriptTerminatedException or JavaScriptException)
        {
            Interlocked.Increment(ref s_expected);
        }
        catch (Exception exception)
        {
            Record(exception.GetType().FullName ?? "?", $"{name}: {exception.Message.Replace('\n', ' ')}");
        }
        finally
        {
            Interlocked.Exchange(ref s_lastProgress, Stopwatch.GetTimestamp());
        }
    }

    private static void Record(string type, string example)
    {
        lock (s_gate)
            s_unexpected[type] = s_unexpected.TryGetValue(type, out var entry) ? (entry.Example, entry.Count + 1) : (example.Length > 300 ? example[..300] : example, 1);
    }
}
