using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using Microsoft.Extensions.Logging;

namespace V8Host;

/// <summary>
/// The <c>console</c> namespace (<c>log</c>, <c>info</c>, <c>debug</c>, <c>warn</c>, <c>error</c>,
/// <c>trace</c>, <c>assert</c>, <c>count</c>, <c>countReset</c>, <c>time</c>, <c>timeLog</c>,
/// <c>timeEnd</c>, <c>group</c>, <c>groupCollapsed</c>, <c>groupEnd</c>, <c>table</c>, <c>dir</c>,
/// <c>dirxml</c>) with Node's semantics and Node's <c>util.format</c>/<c>util.inspect</c> formatting,
/// replacing V8's built-in console, which writes nowhere.
/// </summary>
/// <remarks>
/// A context without a <see cref="ConsoleApi"/> gets one writing to the process's standard output
/// and error (read at each write, so <see cref="System.Console.SetOut"/> redirects it); install
/// <see cref="Discard"/> to silence a context. The API also becomes the context's error output:
/// errors no script handled (timer callbacks, unhandled rejections) go where <c>console.error</c> goes.
/// Writes are synchronous and in call order; a sink that throws makes the console call throw a JS
/// <c>Error</c> naming the method. See docs/console.md for formatting rules and differences from Node.
/// </remarks>
public sealed class ConsoleApi : IHostApi
{
    // Glue shared by every console installed into one context: the proxy registry (it replaces the
    // global Proxy once), stack reading and the formatter.
    private static readonly ConditionalWeakTable<Context, Formatter> s_formatters = new();

    private readonly ConsoleSink _sink;

    /// <summary>A console writing to <paramref name="output"/> (log, info, debug, dir, table, …) and <paramref name="error"/> (warn, error, trace, assert and warnings).</summary>
    /// <param name="output">Receives the standard-output methods, one line per call ending in <c>'\n'</c>.</param>
    /// <param name="error">Receives the standard-error methods; <see langword="null"/> means <paramref name="output"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    public ConsoleApi(TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var errorWriter = error ?? output;
        _sink = new TextWriterSink(() => output, () => errorWriter);
    }

    /// <summary>
    /// A console logging to <paramref name="logger"/>: one entry per call, at the level of the
    /// method (log, info, dir, dirxml, table, count, timeLog, timeEnd, group → Information; debug
    /// and trace → Debug; warn and Node's warnings → Warning; error and assert → Error), with
    /// structured state <c>Message</c>, <c>Method</c>, <c>ScriptName</c>, <c>Line</c>,
    /// <c>Column</c>, <c>Label</c> and <c>Group</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="logger"/> is null.</exception>
    public ConsoleApi(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _sink = new LoggerSink(logger);
    }

    private ConsoleApi(ConsoleSink sink) => _sink = sink;

    /// <summary>A console that writes nothing, and makes the context's unhandled errors write nothing either.</summary>
    public static ConsoleApi Discard { get; } = new(new DiscardSink());

    /// <inheritdoc />
    public void Register(HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.AddInstaller(context => Install(context, _sink));
    }

    /// <summary>Installs the console that writes to the process's standard output and error (a context's default).</summary>
    internal static void InstallDefault(Context context) =>
        Install(context, new TextWriterSink(static () => System.Console.Out, static () => System.Console.Error));

    private static void Install(Context context, ConsoleSink sink)
    {
        context.Run<object?>("ConsoleApi.Install", _ =>
        {
            var bridge = context.Bridge;
            var formatter = s_formatters.GetValue(context, _ =>
            {
                var proxies = bridge.LoadGlue("ConsoleProxies");
                var stacks = bridge.LoadGlue("ConsoleStack", bridge.DisplayName);
                return new Formatter(bridge.LoadGlue("Inspect", proxies, stacks, bridge.HostClassOf), stacks);
            });
            var console = bridge.LoadGlue("Console", formatter.Inspect, formatter.Stacks, WriteFunction(sink), s_now, sink.WantsLocation, context.HasInspector);
            context.AddRentResetter(bridge.Pick(console, "reset"));
            return null;
        });
        context.HasConsole = true;
        context.ErrorOutput = sink.WriteUncaught;
    }

    /// <summary>Milliseconds on a monotonic clock, for console.time (scripts cannot replace it).</summary>
    private static readonly V8FastHostFunction s_now = new("now", static (bool _, in V8FastArgs _, in V8FastResult result) =>
        result.Set(Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency));

    /// <summary>
    /// The one call a console method makes into .NET (see Console.js for the arguments). A sink
    /// failure is returned as text for the JS side to throw as an Error naming the method.
    /// </summary>
    private static V8FastHostFunction WriteFunction(ConsoleSink sink) => new("write", (bool _, in V8FastArgs args, in V8FastResult result) =>
    {
        var method = (ConsoleMethod)args.GetInt32(0);
        var hasLocation = args.Count > 6;
        var entry = new ConsoleEntry(
            method,
            args.GetBoolean(1),
            args.GetString(2),
            args.IsUndefined(3) ? null : args.GetString(3),
            args.GetInt32(4),
            args.IsUndefined(5) ? null : args.GetString(5),
            hasLocation && !args.IsNull(6) ? args.GetString(6) : null,
            hasLocation && !args.IsNull(7) ? args.GetInt32(7) : null,
            hasLocation && !args.IsNull(8) ? args.GetInt32(8) : null);
        try
        {
            sink.Write(entry);
        }
        catch (Exception exception)
        {
            result.Set($"the console's sink threw {exception.GetType().Name}: {exception.Message}");
        }
    });

    private sealed record Formatter(ScriptObject Inspect, ScriptObject Stacks);
}
