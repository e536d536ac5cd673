using System.Text.RegularExpressions;
using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    // ClearScript's error details start with the V8 message location: "    at [fn (]name:line:col[)] -> source line".
    private static readonly Regex s_messageLocation = new(
        @"^\s*at (?:.*? \()?(?<file>.*?):(?<line>\d+):(?<col>\d+)\)? -> (?<source>.*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private const string HeapLimitMessage = "exceeded its memory limit";

    private Exception TranslateEngineException(Exception exception, Watchdog? watchdog, string operation)
    {
        var engineException = (IScriptEngineException)exception;
        if (engineException.Message.Contains(HeapLimitMessage, StringComparison.Ordinal))
        {
            var limit = Options.MaxHeapBytes is { } bytes ? $" of {bytes:N0} bytes" : string.Empty;
            _spentReason = $"the isolate exceeded its heap limit{limit}.";
            return new ScriptResourceException(
                $"{operation}: script exceeded the isolate's heap limit{limit}. The process is safe, but this context can no longer run script: dispose it.",
                exception);
        }

        if (watchdog?.Fired == true)
            return new ScriptTerminatedException($"{operation} timed out after {watchdog.Timeout.TotalMilliseconds:0.###} ms.", exception);
        if (exception is ScriptInterruptedException || _disposed)
            return new ScriptTerminatedException($"{operation} was terminated.", exception);

        return CreateJavaScriptException(engineException.ScriptExceptionAsObject, engineException.ErrorDetails, exception);
    }

    /// <summary>Builds a <see cref="JavaScriptException"/> from a thrown JS value (error object or anything else).</summary>
    internal JavaScriptException CreateJavaScriptException(object? thrown, string? details = null, Exception? engineException = null)
    {
        object?[] description;
        try
        {
            description = Bridge.DescribeError(thrown);
        }
        catch (Exception) when (engineException is not null)
        {
            // The engine cannot run script (for example while terminating): keep what ClearScript said.
            return new JavaScriptException(engineException.Message, location: ParseLocation(details), innerException: engineException);
        }

        var name = description[0] as string;
        var message = description[1] as string ?? string.Empty;
        var stack = description[2] as string;
        var frames = ReadFrames(description[3]);
        var original = description[4] is int hostErrorId ? HostCalls.TakeException(hostErrorId) : null;
        var location = frames.Count > 0 ? LocationOf(frames) : ParseLocation(details);
        return new JavaScriptException(message, name, stack, frames, location, original ?? engineException?.InnerException)
        {
            ThrownValue = thrown,
            Origin = this,
        };
    }

    private static IReadOnlyList<JsStackFrame> ReadFrames(object? frames)
    {
        if (frames is not IList<object> list)
            return Array.Empty<JsStackFrame>();
        var result = new JsStackFrame[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var frame = (IList<object>)list[i];
            result[i] = new JsStackFrame(
                frame[0] as string,
                frame[1] as string,
                frame[2] as int?,
                frame[3] as int?,
                frame[4] is true,
                frame[5] is true,
                frame[6] is true);
        }

        return result;
    }

    private static JsSourceLocation? ParseLocation(string? details)
    {
        if (details is null)
            return null;
        var match = s_messageLocation.Match(details);
        if (!match.Success)
            return null;
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new JsSourceLocation(EngineCore.DisplayName(match.Groups["file"].Value), line, column - 1, null, match.Groups["source"].Value);
    }

    private static JsSourceLocation? LocationOf(IReadOnlyList<JsStackFrame> frames) =>
        frames.Count == 0 ? null : new JsSourceLocation(frames[0].ScriptName, frames[0].Line, frames[0].Column - 1, null, null);
}
