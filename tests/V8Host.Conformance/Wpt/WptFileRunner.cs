using System.Text;
using System.Text.Json;

namespace V8Host.Conformance.Wpt;

/// <summary>
/// Runs one WPT test file in a fresh V8Host context with the Web platform installed, the way
/// wpt/RUNNER.md describes the host loop: define <c>__wpt_host</c>, evaluate the prelude, testharness.js,
/// the report hook, the META scripts and the test as separate classic scripts inside ONE call (no
/// microtask checkpoint may fall between them, or the harness finishes after the first subtest), then let
/// the event loop run until the harness reports completion or the file's time limit passes.
/// </summary>
public static class WptFileRunner
{
    private static readonly string[] HostScripts = ["runner/wpt-prelude.js", "resources/testharness.js", "runner/wpt-report.js"];

    /// <summary>Runs <paramref name="file"/>; never throws for what the test or the runtime does.</summary>
    public static WptFileResult Run(WptSuite suite, WptTestFile file, double timeoutScale = 1)
    {
        var limit = file.Limit * timeoutScale;
        var paths = HostScripts.Concat(file.Scripts).Append(file.Path).ToArray();
        var sources = paths.Select(suite.ReadText).ToArray();
        var collector = new ResultCollector();
        var evaluated = 0;
        Context? context = null;

        bool Evaluate(int index)
        {
            try
            {
                if (sources[index] is not { } source)
                {
                    collector.Error($"script not found: {paths[index]}");
                    return false;
                }
                using var script = context!.Compile(source, paths[index]);
                script.Run();
                return true;
            }
            catch (JavaScriptException error)
            {
                // Like a failing <script> element: recorded, and the next script still runs.
                collector.Error($"{paths[index]}: {error.Message}");
                return false;
            }
            finally
            {
                evaluated = index + 1;
            }
        }

        void Report(string json)
        {
            if (collector.Add(json) && evaluated < paths.Length)
                collector.Error($"the harness completed before the last script ran (after {paths[Math.Max(evaluated - 1, 0)]}): a microtask checkpoint fell between the scripts");
        }

        using var isolate = new Isolate();
        using var uncaught = new UncaughtErrorWriter(collector);
        try
        {
            context = isolate.CreateContextBuilder()
                .Install(new ConsoleApi(TextWriter.Null, uncaught))
                .UseWebPlatform()
                // Tests read Blobs through `new Response(blob)`; without an allow callback no URL is reachable.
                .Install(new FetchApi())
                .AddHostFunction("__wpt_report", (Action<string>)Report)
                .AddHostFunction("__wpt_read_text", (Func<string, string?>)suite.ReadText)
                .AddHostFunction("__wpt_evaluate", (Func<int, bool>)Evaluate)
                .Build();

            // With a global EventTarget, testharness.js listens for 'error' and 'unhandledrejection' itself and
            // its harness status is authoritative; otherwise the host records what goes uncaught, as Node's runner does.
            var globalIsEventTarget = context.Eval("typeof addEventListener === 'function'") is true;
            uncaught.Enabled = !globalIsEventTarget;
            if (!globalIsEventTarget)
                context.UnhandledRejection += (_, args) => collector.Error("unhandledrejection: " + args.Exception.Message);

            var meta = ParseTitle(sources[^1] ?? "");
            context.Eval($$"""
                globalThis.__wpt_host = {
                    testPath: {{JsonSerializer.Serialize(file.Path)}}, search: "", title: {{JsonSerializer.Serialize(meta)}},
                    fetchLocal: {{(file.FetchLocal ? "true" : "false")}},
                    report: __wpt_report, readText: __wpt_read_text,
                };
                """);
            context.Eval($"for (let i = 0; i < {paths.Length}; i++) __wpt_evaluate(i);", limit);
            collector.Completed.Wait(limit);
        }
        catch (Exception failure) when (failure is ScriptTerminatedException or JavaScriptException or InvalidOperationException)
        {
            collector.Error($"host: {failure.GetType().Name}: {failure.Message}");
        }
        finally
        {
            context?.Dispose();
        }
        return collector.Result(file);
    }

    private static string ParseTitle(string source)
    {
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("// META: title=", StringComparison.Ordinal))
                return trimmed["// META: title=".Length..].Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith("//", StringComparison.Ordinal))
                break;
        }
        return "";
    }

    /// <summary>The console's error stream: lines starting with "Uncaught" are errors nothing handled.</summary>
    private sealed class UncaughtErrorWriter(ResultCollector collector) : TextWriter
    {
        private readonly StringBuilder _line = new();

        public bool Enabled { get; set; }

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value != '\n')
            {
                _line.Append(value);
                return;
            }
            var line = _line.ToString();
            _line.Clear();
            if (Enabled && line.StartsWith("Uncaught", StringComparison.Ordinal))
                collector.Error(line);
        }
    }
}
