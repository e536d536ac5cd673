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

    /// <summary>The sources behind user scripts' resource names, for <see cref="JavaScriptException.SourceLine"/>.</summary>
    internal ScriptSources Sources { get; } = new();

    private Exception TranslateEngineException(Exception exception, Watchdog? watchdog, string operation)
    {
        var engineException = (IScriptEngineException)exception;
        if (engineException.Message.Contains(HeapLimitMessage, StringComparison.Ordinal))
            return HeapLimitExceeded(operation, exception);

        if (watchdog?.Fired == true || exception is ScriptInterruptedException || _disposed)
            return Terminated(operation, watchdog, exception);

        // ClearScript's own check at a nested entry: no JS value, only text.
        if (engineException.ScriptExceptionAsObject is null && IsStackOverflowText(engineException.Message))
            return new JavaScriptException(HostCallSupport.StackOverflowMessage, "RangeError");

        // A module's evaluation promise rejects with what the call throws: the host sees it as this exception.
        if (engineException.ScriptExceptionAsObject is { } thrown)
            ClaimRejectionReason(thrown);

        try
        {
            return CreateJavaScriptException(engineException.ScriptExceptionAsObject, engineException.ErrorDetails, exception);
        }
        catch (ScriptInterruptedException interrupted)
        {
            // Describing the value runs script (a Proxy's traps): a timeout or termination that stopped it ends the call as one.
            return Terminated(operation, watchdog, interrupted);
        }
    }

    /// <summary>Marks the context spent: a heap past its limit is not given back to scripts.</summary>
    private ScriptResourceException HeapLimitExceeded(string operation, Exception? inner)
    {
        var limit = Options.MaxHeapBytes is { } bytes ? $" of {bytes:N0} bytes" : string.Empty;
        _spentReason = $"the isolate exceeded its heap limit{limit}.";
        return new ScriptResourceException(
            $"{operation}: script exceeded the isolate's heap limit{limit}. The process is safe, but this context can no longer run script: dispose it.",
            inner);
    }

    /// <summary>
    /// Builds a <see cref="JavaScriptException"/> from a thrown JS value (error object or anything else).
    /// ClearScript's own exception is not kept as the inner exception: its text names V8Host's internal
    /// documents, and everything it says is in the new exception.
    /// </summary>
    internal JavaScriptException CreateJavaScriptException(object? thrown, string? details = null, Exception? engineException = null)
    {
        object?[] description;
        try
        {
            description = Bridge.DescribeError(thrown);
        }
        catch (Exception failure) when (engineException is not null && failure is not ScriptInterruptedException)
        {
            // The engine cannot run script (out of stack, terminating): keep what ClearScript said.
            var (errorName, text) = SplitErrorName(engineException.Message);
            return new JavaScriptException(text, errorName, location: ParseLocation(details), innerException: HostExceptionOf(engineException));
        }

        var name = description[0] as string;
        var message = description[1] as string ?? string.Empty;
        var stack = description[2] as string;
        var frames = ReadFrames(description[3], out var topResource);
        var original = description[4] is int hostErrorId ? HostCalls.TakeException(hostErrorId) : null;
        var location = frames.Count > 0 ? LocationOf(frames, Sources.LineOf(topResource, frames[0].Line)) : ParseLocation(details);
        var exception = new JavaScriptException(message, name, stack, frames, location, original ?? HostExceptionOf(engineException))
        {
            ThrownValue = Values.ToHost(description[5]),
            EngineValue = description[5],
            Origin = this,
        };
        CopyData(description[6], exception.Data);
        return exception;
    }

    /// <summary>A .NET exception ClearScript attached (a host object of its own failed), not its own engine exception.</summary>
    private static Exception? HostExceptionOf(Exception? engineException) =>
        engineException?.InnerException is { } inner and not IScriptEngineException ? inner : null;

    /// <summary>The glue's [key, value …] copy of the thrown object's own data properties (primitives only, bounded there).</summary>
    private void CopyData(object? data, System.Collections.IDictionary target)
    {
        if (data is not IList<object> list)
            return;
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            if (list[i] is string key)
                target[key] = Values.ToHost(list[i + 1]);
        }
    }

    /// <summary>At most this many frames are read back: a deep stack gains nothing from more.</summary>
    private const int MaxFrames = 200;

    /// <summary>
    /// The glue's frame records, checked: they come from V8's call sites through a WeakMap no script can
    /// write, but a record that is not the expected shape is dropped rather than trusted.
    /// </summary>
    /// <param name="frames">The glue's frame records.</param>
    /// <param name="topResource">The resource name V8 has for the first frame's script, to find its source text.</param>
    private static IReadOnlyList<JsStackFrame> ReadFrames(object? frames, out string? topResource)
    {
        topResource = null;
        if (frames is not IList<object> list)
            return Array.Empty<JsStackFrame>();
        var count = Math.Min(list.Count, MaxFrames);
        var result = new List<JsStackFrame>(count);
        for (var i = 0; i < count; i++)
        {
            if (list[i] is not IList<object> { Count: 9 } frame)
                continue;
            if (result.Count == 0)
                topResource = frame[7] as string;
            result.Add(new JsStackFrame(
                frame[0] as string,
                frame[1] as string,
                AsInt(frame[2]),
                AsInt(frame[3]),
                frame[4] is true,
                frame[5] is true,
                frame[6] is true)
            {
                WasmFunctionIndex = frame[6] is true ? AsInt(frame[8]) : null,
            });
        }

        return result;
    }

    private static int? AsInt(object? value) => value switch
    {
        int i => i,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        _ => null,
    };

    /// <summary>"RangeError: Maximum call stack size exceeded" → ("RangeError", "Maximum …"); ClearScript's own stack check says so in other words.</summary>
    private static (string? Name, string Message) SplitErrorName(string message)
    {
        if (IsStackOverflowText(message))
            return ("RangeError", HostCallSupport.StackOverflowMessage);
        var match = s_errorPrefix.Match(message);
        return match.Success ? (match.Groups["name"].Value, match.Groups["message"].Value) : (null, message);
    }

    /// <summary>ClearScript's words for a stack overflow it detected itself, or could not describe.</summary>
    private static bool IsStackOverflowText(string message) =>
        message.Contains("exceeded its stack usage limit", StringComparison.Ordinal) ||
        message.Contains("potential stack overflow detected", StringComparison.Ordinal);

    private static readonly Regex s_errorPrefix = new(@"^(?<name>[A-Z][A-Za-z]*Error): (?<message>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static JsSourceLocation? ParseLocation(string? details)
    {
        if (details is null)
            return null;
        var match = s_messageLocation.Match(details);
        if (!match.Success)
            return null;
        // A location in V8Host's own glue is not the user's: no location beats a misleading one.
        var file = match.Groups["file"].Value;
        if (EngineCore.IsInternal(file))
            return null;
        var line = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var column = int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return new JsSourceLocation(EngineCore.DisplayName(file), line, column - 1, null, match.Groups["source"].Value);
    }

    private static JsSourceLocation LocationOf(IReadOnlyList<JsStackFrame> frames, string? sourceLine) =>
        new(frames[0].ScriptName, frames[0].Line, frames[0].Column - 1, null, sourceLine);
}
