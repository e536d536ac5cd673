using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `probe10 &lt;step&gt;`: red-team probes of issue 10's surfaces. Steps: EvalAsync's top-level-await
/// rewrite (tla-twice, tla-asi, tla-escape, tla-identifier, tla-long); microtask storms against host
/// timeouts and cancellation (microtask-storm, microtask-storm-timer, microtask-storm-async); module
/// top-level awaits against Import's timeout (import-tla, import-late-error); unhandled-rejection
/// reporting (rejection-handler, rejection-spin, rejection-again, rejection-again-timer, rejection-flood, rejection-dispose);
/// timers (interval-dispose, timer-throws); console re-entry (console-reentry); hostile files under a
/// module root (package-deep, cjs-getters, deep-chains, symlink-race). Each prints `RESULT probe10.&lt;step&gt;[.check]
/// &lt;outcome&gt;`; Issue10ProbeTests states the safe outcome.
/// </summary>
internal static class Issue10Probes
{
    public static void Run(string[] args)
    {
        var step = args[0];
        var name = $"probe10.{step}";
        switch (step)
        {
            case "tla-twice":
            {
                // A SyntaxError thrown at run time (not an early error) that mentions await makes EvalAsync
                // think nothing ran, and run the whole source a second time as an async body.
                using var context = Timers();
                Report.Result(name + ".eval", Report.ValueOutcome(name, () => context.EvalAsync("globalThis.runs = (globalThis.runs | 0) + 1; eval('await 1')").GetAwaiter().GetResult()));
                Report.Result(name + ".eval-runs", Report.ValueOutcome(name, () => context.Eval("runs")));
                Report.Result(name + ".throw", Report.ValueOutcome(name, () => context.EvalAsync("globalThis.thrown = (globalThis.thrown | 0) + 1; throw new SyntaxError('await is only valid in async functions')").GetAwaiter().GetResult()));
                Report.Result(name + ".throw-runs", Report.ValueOutcome(name, () => context.Eval("thrown")));
                break;
            }

            case "tla-asi":
            {
                // The trailing `(…)` of a declaration split over two lines is taken as the completion
                // value: `var x = f\n('arg')` loses the call (in a module or an async function it is f('arg')).
                using var context = Timers();
                Report.Result(name + ".value", Report.ValueOutcome(name, () => context.EvalAsync("await 0\nglobalThis.calls = 0\nconst f = v => (globalThis.calls++, 'f:' + v)\nvar y = f\n('x')").GetAwaiter().GetResult()));
                Report.Result(name + ".calls", Report.ValueOutcome(name, () => context.Eval("calls")));
                Report.Result(name + ".index", Report.ValueOutcome(name, () => context.EvalAsync("await 0\nglobalThis.picked = ['a', 'b']\n[1]\n").GetAwaiter().GetResult()));
                Report.Result(name + ".picked", Report.ValueOutcome(name, () => context.Eval("typeof picked")));
                break;
            }

            case "tla-escape":
            {
                // Not a valid program: when no candidate parses, the source goes into the async wrapper as it
                // is, closes the wrapper early and runs its own top-level code (a let that leaks into the global scope).
                using var context = Timers();
                Report.Result(name, Report.ValueOutcome(name, () => context.EvalAsync("await 0 }).call(globalThis); let leaked = 'top'; (async function () {").GetAwaiter().GetResult()));
                Report.Result(name + ".leaked", Report.ValueOutcome(name, () => context.Eval("typeof leaked")));
                break;
            }

            case "tla-identifier":
            {
                // A long identifier in a top-level-await source: the scanner walks back over the identifier at
                // each of its characters (quadratic .NET work, which neither termination nor the token can stop).
                using var context = Timers();
                var source = "await 0; var " + new string('a', args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400_000) + " = 1; 2";
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var watch = Stopwatch.StartNew();
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () => context.EvalAsync(source, cancel.Token).GetAwaiter().GetResult())));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
                break;
            }

            case "tla-long":
            {
                // A last expression spread over more lines than the scanner's candidate window: its value is lost.
                using var context = Timers();
                var source = "await 0;\n[0]\n" + string.Concat(Enumerable.Repeat("  .concat(1)\n", 30)) + "  .length";
                Report.Result(name, Report.ValueOutcome(name, () => context.EvalAsync(source).GetAwaiter().GetResult()));
                break;
            }

            case "microtask-storm":
            {
                // Microtasks that enqueue themselves forever, inside a host call with a timeout.
                using var context = Timers();
                Report.Result(name + ".queueMicrotask", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("(function f() { queueMicrotask(f); })(); 1", TimeSpan.FromSeconds(1)))));
                Report.Result(name + ".after1", Report.StillWorks(context));
                Report.Result(name + ".then", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("(function f() { Promise.resolve().then(f); })(); 1", TimeSpan.FromSeconds(1)))));
                Report.Result(name + ".after2", Report.StillWorks(context));
                break;
            }

            case "microtask-storm-timer":
            {
                // The storm starts in a timer callback (on the loop's own turn): the host's next call with a timeout still ends.
                using var context = Timers();
                context.Eval("setTimeout(() => { (function f() { queueMicrotask(f); })(); }, 0); 0");
                Thread.Sleep(300);
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("21 * 2", TimeSpan.FromSeconds(1)))));
                break;
            }

            case "microtask-storm-async":
            {
                // EvalAsync of a storm with a cancellation token: cancelling ends it.
                using var context = Timers();
                using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.EvalAsync("await 0; (function f() { queueMicrotask(f); })(); 1", cancel.Token).GetAwaiter().GetResult())));
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            case "import-tla":
            {
                // Top-level awaits that never settle, or that spin after the first await, against Import's timeout.
                WithModules(new Dictionary<string, string>
                {
                    ["never.mjs"] = "export const x = 1; await new Promise(() => {});",
                    ["spin.mjs"] = "export const x = 1; await 0; for (;;) {}",
                    ["spin-later.mjs"] = "export const x = 1; await new Promise(r => setTimeout(r, 50)); for (;;) {}",
                }, context =>
                {
                    foreach (var module in new[] { "never", "spin", "spin-later" })
                    {
                        var watch = Stopwatch.StartNew();
                        Report.Result($"{name}.{module}", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Import($"./{module}.mjs", TimeSpan.FromSeconds(1)))));
                        Report.Detail(name, $"{module}: {watch.ElapsedMilliseconds} ms");
                        Report.Result($"{name}.{module}.after", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("1 + 1", TimeSpan.FromSeconds(2)))));
                    }
                });
                break;
            }

            case "import-late-error":
            {
                // The top-level await outlives Import's timeout, then the module throws: the error must reach
                // someone (a later Import of the same specifier, UnhandledRejection or the error stream), not vanish.
                var errors = new SynchronizedWriter();
                var root = Path.Combine(Path.GetTempPath(), "v8host-probe10-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(root);
                File.WriteAllText(Path.Combine(root, "late.mjs"), "await new Promise(r => setTimeout(r, 1500)); throw new Error('late failure');");
                try
                {
                    using var context = new Isolate().CreateContextBuilder().Install(new TimersApi(), new ConsoleApi(TextWriter.Null, errors)).UseModules(ModuleLoader.FromDirectory(root)).Build();
                    var handled = 0;
                    context.UnhandledRejection += (_, _) => Interlocked.Increment(ref handled);
                    Report.Result(name + ".first", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Import("./late.mjs", TimeSpan.FromSeconds(1)))));
                    Thread.Sleep(2000);
                    Report.Result(name + ".again", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Import("./late.mjs", TimeSpan.FromSeconds(5)))));
                    Report.Detail(name, $"UnhandledRejection raised {handled} times, {errors.Lines} error lines");
                }
                finally
                {
                    Directory.Delete(root, recursive: true);
                }

                break;
            }

            case "console-reentry":
            {
                // Conversions that %d/%s run call the console again (recursively, until the stack runs out), and
                // schedule timers that log; afterwards the console still writes every line, unindented, in order.
                var output = new StringWriter();
                using var context = new Isolate().CreateContextBuilder().Install(new TimersApi(), new ConsoleApi(output, output)).Build();
                Report.Result(name + ".recurse", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval(
                    "const o = { [Symbol.toPrimitive]() { console.group('g'); console.log('%d', o); return 1; } }; try { console.log('%d', o); 'no error' } catch (e) { e instanceof RangeError ? 'RangeError' : String(e) }", TimeSpan.FromSeconds(10)))));
                lock (output)
                {
                    var text = output.ToString();
                    Report.Detail(name, $"recursion wrote {text.Split('\n').Length - 1} lines; first: {text.Split('\n')[0]}; last: {text.TrimEnd().Split('\n')[^1].Trim()}");
                }

                Report.Result(name + ".timers", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () =>
                {
                    lock (output)
                        output.GetStringBuilder().Clear();
                    using var promise = context.Eval<JsPromise>(
                        "for (let i = 0; i < 1e5; i++) console.groupEnd(); " +
                        "new Promise(r => { const v = { toString() { setTimeout(() => { console.log('from timer'); r(); }, 0); return 'v'; } }; console.log('%s now', v); })",
                        TimeSpan.FromSeconds(10));
                    promise.Wait(TimeSpan.FromSeconds(10));
                    context.Eval("console.log('last')");
                    lock (output)
                        return output.ToString().Replace("\n", "|");
                })));

                // A %s conversion revokes a proxy that a later argument (and a nested one) holds.
                Report.Result(name + ".revoke-midway", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () =>
                {
                    lock (output)
                        output.GetStringBuilder().Clear();
                    context.Eval("const r = Proxy.revocable({ a: 1 }, {}); console.log('%s', { toString() { r.revoke(); return 'x'; } }, r.proxy, [r.proxy]);");
                    lock (output)
                        return output.ToString().Replace("\n", "|");
                })));
                break;
            }

            case "symlink-race":
            {
                // A file under the root flips between a regular file and a symbolic link to a file outside
                // it (atomic renames, so the path always exists). The loader checks the real path, then opens
                // the path again: a flip in between reads the outside file.
                var workspace = Path.Combine(Path.GetTempPath(), "v8host-probe10-" + Guid.NewGuid().ToString("N"));
                var root = Path.Combine(workspace, "root");
                var outside = Path.Combine(workspace, "outside");
                Directory.CreateDirectory(root);
                Directory.CreateDirectory(outside);
                File.WriteAllText(Path.Combine(outside, "secret.mjs"), "export default 'TOP-SECRET-race';");
                const int Files = 50;
                for (var k = 0; k < Files; k++)
                    File.WriteAllText(Path.Combine(root, $"race{k}.mjs"), "export default 'inside';");
                using var stop = new CancellationTokenSource();
                var flipper = new Thread(() =>
                {
                    var plain = Path.Combine(root, ".plain.tmp");
                    var link = Path.Combine(root, ".link.tmp");
                    for (var k = 0; !stop.IsCancellationRequested; k = (k + 1) % Files)
                    {
                        var target = Path.Combine(root, $"race{k}.mjs");
                        File.WriteAllText(plain, "export default 'inside';");
                        File.Move(plain, target, overwrite: true);
                        File.CreateSymbolicLink(link, Path.Combine(outside, "secret.mjs"));
                        File.Move(link, target, overwrite: true);
                    }
                }) { IsBackground = true };
                flipper.Start();
                try
                {
                    var leaks = 0;
                    var attempts = 0;
                    var watch = Stopwatch.StartNew();
                    while (watch.Elapsed < TimeSpan.FromSeconds(20) && leaks == 0)
                    {
                        // One context per URL: a module URL is loaded once per context.
                        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromDirectory(root)).Build();
                        for (var i = 0; i < Files; i++)
                        {
                            attempts++;
                            try
                            {
                                if (context.Import($"./race{i}.mjs", TimeSpan.FromSeconds(5))["default"] is string text && text.Contains("SECRET", StringComparison.Ordinal))
                                    leaks++;
                            }
                            catch (JavaScriptException)
                            {
                                // Refused (the link was seen): the defended outcome for this attempt.
                            }
                        }
                    }

                    Report.Detail(name, $"{attempts} imports, {leaks} read the outside file");
                    Report.Result(name, leaks == 0 ? "refused" : "leaked");
                }
                finally
                {
                    stop.Cancel();
                    flipper.Join();
                    Directory.Delete(workspace, recursive: true);
                }

                break;
            }

            case "rejection-handler":
            {
                // The host's UnhandledRejection handler calls back into script (a normal thing to do); the
                // script rejects again each time. The host call that started it must still end.
                using var context = Timers();
                var calls = 0;
                context.UnhandledRejection += (_, _) =>
                {
                    var call = Interlocked.Increment(ref calls);
                    if (call % 200 == 0)
                        Report.Detail(name, $"handler call {call}, stack depth {new StackTrace().FrameCount} frames");
                    if (call <= 100_000)
                        context.Eval("globalThis.onRejection && onRejection()");
                };
                context.Eval("globalThis.onRejection = () => { Promise.reject(new Error('again')); }; 0");
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("Promise.reject(new Error('first')); 7", TimeSpan.FromSeconds(2)))));
                Report.Detail(name, $"handler ran {calls} times");
                break;
            }

            case "interval-dispose":
            {
                // A setInterval callback calls a host function that disposes the context it runs in.
                Context? context = null;
                context = new Isolate().CreateContextBuilder().Install(new TimersApi(), ConsoleApi.Discard)
                    .AddHostFunction("disposeMe", new Action(() => context!.Dispose())).Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.Outcome(name, () =>
                {
                    context.Eval("globalThis.ticks = 0; setInterval(() => { if (++ticks === 3) disposeMe(); }, 1); 0");
                    var watch = Stopwatch.StartNew();
                    while (context.IsAlive && watch.Elapsed < TimeSpan.FromSeconds(10))
                        Thread.Sleep(20);
                }));
                Report.Result(name, outcome);
                Report.Result(name + ".alive", context.IsAlive ? "alive" : "disposed");
                Report.Result(name + ".eval", Report.ValueOutcome(name, () => context.Eval("1")));
                break;
            }

            case "package-deep":
            {
                // package.json exports nested deeper than the JSON reader allows, and a wide fallback array.
                var deep = string.Concat(Enumerable.Repeat("{\"import\":", 200)) + "\"./x.mjs\"" + new string('}', 200);
                var wide = "[" + string.Join(",", Enumerable.Repeat("\"invalid\"", 200_000)) + ",\"./x.mjs\"]";
                WithModules(new Dictionary<string, string>
                {
                    ["node_modules/deep/package.json"] = "{\"name\":\"deep\",\"exports\":" + deep + "}",
                    ["node_modules/deep/x.mjs"] = "export default 'deep';",
                    ["node_modules/wide/package.json"] = "{\"name\":\"wide\",\"exports\":" + wide + "}",
                    ["node_modules/wide/x.mjs"] = "export default 'wide';",
                    ["node_modules/broken/package.json"] = "{\"name\":",
                    ["main.mjs"] = "export default 0;",
                }, context =>
                {
                    Report.Result(name + ".deep", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => ((JsObject)context.Import("deep", TimeSpan.FromSeconds(10)))["default"])));
                    Report.Result(name + ".deep-names-file", Report.ValueOutcome(name, () => Message(() => context.Import("deep", TimeSpan.FromSeconds(10))).Contains("node_modules/deep/package.json", StringComparison.Ordinal)));
                    Report.Result(name + ".broken-names-file", Report.ValueOutcome(name, () => Message(() => context.Import("broken", TimeSpan.FromSeconds(10))).Contains("node_modules/broken/package.json", StringComparison.Ordinal)));
                    Report.Result(name + ".wide", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => ((JsObject)context.Import("wide", TimeSpan.FromSeconds(10)))["default"])));
                    Report.Result(name + ".after", Report.StillWorks(context));
                });
                break;
            }

            case "deep-chains":
            {
                // Hostile files: a require chain and a static import chain thousands of modules deep (each link
                // is a nested host call, or a level of V8's recursive module linking and evaluation).
                var depth = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
                var files = new Dictionary<string, string>();
                for (var i = 0; i < depth; i++)
                {
                    files[$"c{i}.cjs"] = i + 1 < depth ? $"module.exports = require('./c{i + 1}.cjs') + 1;" : "module.exports = 0;";
                    files[$"m{i}.mjs"] = i + 1 < depth ? $"import v from './m{i + 1}.mjs'; export default v + 1;" : "export default 0;";
                }

                WithModules(files, context =>
                {
                    Report.Result(name + ".require", Report.Bounded(name, TimeSpan.FromSeconds(120), () => Report.ValueOutcome(name, () => context.Require("./c0.cjs"))));
                    Report.Result(name + ".require.after", Report.StillWorks(context));
                    Report.Result(name + ".import", Report.Bounded(name, TimeSpan.FromSeconds(120), () => Report.ValueOutcome(name, () => context.Import("./m0.mjs", TimeSpan.FromSeconds(60))["default"])));
                    Report.Result(name + ".import.after", Report.StillWorks(context));
                });
                break;
            }

            case "cjs-getters":
            {
                // require cycles with getters on module.exports, a Proxy exports object, exports replaced by a getter.
                WithModules(new Dictionary<string, string>
                {
                    ["a.cjs"] = "globalThis.getterRuns = 0; Object.defineProperty(exports, 'b', { enumerable: true, get() { getterRuns++; return require('./b.cjs'); } }); exports.self = require('./b.cjs');",
                    ["b.cjs"] = "const a = require('./a.cjs'); module.exports = { sawB: typeof a.b };",
                    ["proxy.cjs"] = "module.exports = new Proxy({}, { ownKeys() { return Array.from({ length: 1e6 }, (_, i) => 'k' + i); }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; }, get() { return 1; } });",
                    ["redefine.cjs"] = "Object.defineProperty(module, 'exports', { get() { throw new Error('exports getter'); }, configurable: true });",
                    ["esm.mjs"] = "import a from './a.cjs'; import * as p from './proxy.cjs'; export default [typeof a, Object.keys(p).length];",
                }, context =>
                {
                    Report.Result(name + ".require", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => string.Join(",", ((JsObject)context.Require("./a.cjs")!).Keys))));
                    Report.Result(name + ".import", Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.ValueOutcome(name, () => ((JsObject)context.Import("./esm.mjs", TimeSpan.FromSeconds(30)))["default"] is JsArray array ? $"{array[0]}|{array[1]}" : "not an array")));
                    Report.Result(name + ".getter-runs", Report.ValueOutcome(name, () => context.Eval("getterRuns")));
                    Report.Result(name + ".redefine", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Require("./redefine.cjs"))));
                    Report.Result(name + ".after", Report.StillWorks(context));
                });
                break;
            }

            case "rejection-spin" or "rejection-again":
            {
                // Describing a rejection reason reads its stack/name/message (getters run, after the call's
                // own script returned): a getter that spins, or that rejects again with the same kind of reason.
                var checks = step == "rejection-spin"
                    ? new Dictionary<string, string>
                    {
                        ["spin"] = "Promise.reject({ get stack() { for (;;) {} } }); 1",
                        ["proxy-spin"] = "Promise.reject(new Proxy({}, { get() { for (;;) {} } })); 1",
                    }
                    : new Dictionary<string, string>
                    {
                        ["again"] = "const again = () => ({ get message() { Promise.reject(again()); return 'm'; } }); Promise.reject(again()); 1",
                    };
                foreach (var (check, source) in checks)
                {
                    var errors = new SynchronizedWriter();
                    using var context = new Isolate().CreateContextBuilder().Install(new TimersApi(), new ConsoleApi(TextWriter.Null, errors)).Build();
                    var watch = Stopwatch.StartNew();
                    Report.Result($"{name}.{check}", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval(source, TimeSpan.FromSeconds(1)))));
                    Report.Detail(name, $"{check}: {watch.ElapsedMilliseconds} ms, {errors.Lines} error lines");
                    Report.Result($"{name}.{check}.after", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("1 + 1", TimeSpan.FromSeconds(2)))));
                }

                break;
            }

            case "rejection-again-timer":
            {
                // The self-renewing rejection reason from a timer callback: the loop's own turn, then a host call with a timeout.
                using var context = Timers();
                context.Eval("setTimeout(() => { const again = () => ({ get message() { Promise.reject(again()); return 'm'; } }); Promise.reject(again()); }, 0); 0");
                Thread.Sleep(300);
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("21 * 2", TimeSpan.FromSeconds(2)))));
                break;
            }

            case "rejection-flood":
            {
                // Rejections nobody handles, as fast as a loop makes them, inside a call with a 1 s timeout:
                // each is tracked in .NET, then described and written after the call — how long does the call take?
                var errors = new SynchronizedWriter();
                using var context = new Isolate().CreateContextBuilder().Install(new TimersApi(), new ConsoleApi(TextWriter.Null, errors)).Build();
                var watch = Stopwatch.StartNew();
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.ValueOutcome(name, () => context.Eval("for (;;) Promise.reject(0)", TimeSpan.FromSeconds(1)))));
                Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, {errors.Lines} error lines, working set {Report.WorkingSetMiB()} MiB");
                Report.Result(name + ".within-10s", watch.Elapsed < TimeSpan.FromSeconds(10) ? "ok" : $"took {watch.ElapsedMilliseconds} ms");
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            case "rejection-dispose":
            {
                // The UnhandledRejection handler disposes the context whose call is reporting.
                var context = Timers();
                context.UnhandledRejection += (_, _) => context.Dispose();
                Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("Promise.reject(new Error('a')); Promise.reject(new Error('b')); 5", TimeSpan.FromSeconds(2)))));
                Report.Result(name + ".alive", context.IsAlive ? "alive" : "disposed");
                break;
            }

            case "timer-throws":
            {
                // A timer callback throws a value whose description spins or re-throws from timers again; the host's next call still ends.
                var checks = new Dictionary<string, string>
                {
                    ["proxy-spin"] = "setTimeout(() => { throw new Proxy({}, { get() { for (;;) {} } }); }, 0); 0",
                    ["getter-schedules"] = "globalThis.reported = 0; const t = () => setTimeout(() => { throw { get message() { reported++; t(); t(); return 'm'; } }; }, 0); t(); 0",
                };
                foreach (var (check, source) in checks)
                {
                    using var context = Timers();
                    context.Eval(source);
                    Thread.Sleep(300);
                    Report.Result($"{name}.{check}", Report.Bounded(name, TimeSpan.FromSeconds(20), () => Report.ValueOutcome(name, () => context.Eval("21 * 2", TimeSpan.FromSeconds(2)))));
                }

                break;
            }

            default:
                throw new ArgumentException("unknown step " + step);
        }
    }

    /// <summary>The message of the exception <paramref name="action"/> throws ("" when it does not).</summary>
    private static string Message(Action action)
    {
        try
        {
            action();
            return "";
        }
        catch (Exception exception)
        {
            Report.Detail("probe10.message", exception.ToString());
            return exception.Message;
        }
    }

    /// <summary>Counts the lines written to it (the console's error stream) from any thread.</summary>
    private sealed class SynchronizedWriter : TextWriter
    {
        private int _lines;

        public int Lines => Volatile.Read(ref _lines);

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
                Interlocked.Increment(ref _lines);
        }
    }

    private static Context Timers() => new Isolate().CreateContextBuilder().Install(new TimersApi(), ConsoleApi.Discard).Build();

    private static void WithModules(Dictionary<string, string> files, Action<Context> body)
    {
        var root = Path.Combine(Path.GetTempPath(), "v8host-probe10-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(root, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }

            using var context = new Isolate().CreateContextBuilder().Install(new TimersApi(), ConsoleApi.Discard).UseModules(ModuleLoader.FromDirectory(root)).Build();
            body(context);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
