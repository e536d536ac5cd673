using System.Diagnostics;
using System.Text.Json.Nodes;
using V8Host;

namespace ScriptServer;

/// <summary>
/// Runs one request's script: rents a context (or makes one), runs the script with a time limit,
/// captures its console, converts its completion value to JSON, and turns every way a script can
/// fail into a <see cref="RunError"/>. Nothing a script does escapes as an exception.
/// </summary>
public sealed class ScriptRunner(ContextPool pool, ScriptServerOptions options, ILogger<ScriptRunner> logger)
{
    public async Task<RunResponse> RunAsync(string script, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var capture = new ConsoleCapture(options.MaxConsoleEntries, options.MaxConsoleCharacters);
        RunResponse response;
        if (options.ContextPerRequest)
        {
            // No pool, so no MaxRentDuration backstop: Eval's timeout is the limit.
            using var context = ScriptContexts.Create(options);
            response = Run(context, script, capture);
        }
        else
        {
            // Disposing the lease resets the context's globals for the next renter, or replaces the
            // context when a reset cannot undo what the script did (docs/servers.md).
            await using var lease = await pool.RentAsync(cancellationToken);
            response = Run(lease.Context, script, capture);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.Error is { } error)
            logger.LogInformation("Script failed after {Elapsed:F1} ms: {ErrorName}: {ErrorMessage}", elapsed, error.Name, error.Message);
        else
            logger.LogDebug("Script ran in {Elapsed:F1} ms", elapsed);
        return response;
    }

    private RunResponse Run(Context context, string script, ConsoleCapture capture)
    {
        // Set on this thread for the synchronous Eval below, cleared before the thread goes back to
        // the pool (a synchronous method does not restore an AsyncLocal by itself).
        ConsoleCapture.Current = capture;
        try
        {
            object? value;
            try
            {
                value = context.Eval(script, options.Timeout);
            }
            catch (Exception exception) when (Describe(exception, "The script") is { } error)
            {
                return new RunResponse(null, capture.Seal(), error);
            }

            try
            {
                return new RunResponse(ConvertResult(context, value), capture.Seal(), null);
            }
            catch (ResultException exception)
            {
                return RunResponse.Failed("ResultError", exception.Message, console: capture.Seal());
            }
            catch (Exception exception) when (Describe(exception, "Reading the result") is { } error)
            {
                // A getter or a proxy trap of the result looped, blew the heap or threw.
                return error.Name is "TimeoutError" or "HeapLimitError"
                    ? new RunResponse(null, capture.Seal(), error)
                    : RunResponse.Failed("ResultError", $"Reading the result threw {error.Name}: {error.Message}", error.Line, capture.Seal());
            }
        }
        finally
        {
            ConsoleCapture.Current = null;
        }
    }

    /// <summary>
    /// Converting the result reads its properties, which runs getters and proxy traps: script, with no
    /// timeout of its own. A watchdog terminates it after the same time a script gets.
    /// </summary>
    private JsonNode? ConvertResult(Context context, object? value)
    {
        var gate = new object();
        var converting = true;
        // Repeats: a termination only reaches script that is running at that moment, and the watchdog
        // must never fire once the conversion is over, when the context may already run someone else's script.
        using var watchdog = new Timer(_ =>
        {
            lock (gate)
            {
                if (converting)
                    context.TerminateExecution();
            }
        }, null, options.Timeout, TimeSpan.FromMilliseconds(10));
        try
        {
            return new ResultConverter(options.MaxResultCharacters, options.MaxResultDepth).Convert(value);
        }
        finally
        {
            lock (gate)
                converting = false;
        }
    }

    /// <summary>The error object for an exception a script caused; null for anything else (a bug: it propagates).</summary>
    private RunError? Describe(Exception exception, string what) => exception switch
    {
        ScriptTerminatedException => new RunError("TimeoutError", $"{what} ran longer than {options.TimeoutMilliseconds} ms and was stopped.", null),
        ScriptResourceException resource => new RunError("HeapLimitError", $"{what} ran out of memory (the limit is {options.MaxHeapMegabytes} MiB): {resource.Message}", null),
        // throw 42, throw "x", throw { … }: not an Error, so no name; the message is the value as text.
        JavaScriptException { ErrorName: null } thrown => new RunError("ThrownValue", $"{what} threw a value that is not an Error: {thrown.JsMessage}", thrown.LineNumber),
        JavaScriptException error => new RunError(error.ErrorName!, error.JsMessage, error.LineNumber),
        _ => null,
    };
}
