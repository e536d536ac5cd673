namespace V8Host;

/// <summary>A JavaScript exception (a thrown value, or a syntax error) that crossed into .NET.</summary>
/// <remarks>
/// Frames are captured structurally from V8. When a .NET exception thrown by a host function went
/// through JavaScript and back, it is the <see cref="Exception.InnerException"/>.
/// </remarks>
public class JavaScriptException : Exception
{
    /// <summary>Creates an exception from its parts; the runtime fills every property it can.</summary>
    public JavaScriptException(
        string jsMessage,
        string? errorName = null,
        string? stack = null,
        IReadOnlyList<JsStackFrame>? frames = null,
        JsSourceLocation? location = null,
        Exception? innerException = null)
        : base(FormatMessage(jsMessage, errorName, location), innerException)
    {
        JsMessage = jsMessage;
        ErrorName = errorName;
        Stack = stack;
        Frames = frames ?? Array.Empty<JsStackFrame>();
        LineNumber = location?.Line;
        StartColumn = location?.StartColumn;
        EndColumn = location?.EndColumn;
        SourceLine = location?.SourceLine;
        ScriptResourceName = location?.ScriptName;
    }

    /// <summary>The JavaScript message (<c>error.message</c>, or the thrown value as a string).</summary>
    public string JsMessage { get; }

    /// <summary>The error's <c>name</c> (<c>"TypeError"</c>, <c>"SyntaxError"</c> …), or <see langword="null"/> when a non-error value was thrown.</summary>
    public string? ErrorName { get; }

    /// <summary>The JavaScript <c>stack</c> string, when the thrown value had one.</summary>
    public string? Stack { get; }

    /// <summary>The structured stack frames, innermost first; empty when none were captured (for example syntax errors).</summary>
    public IReadOnlyList<JsStackFrame> Frames { get; }

    /// <summary>1-based line where the exception was thrown or the syntax error found.</summary>
    public int? LineNumber { get; }

    /// <summary>0-based start column of the offending code on <see cref="LineNumber"/>.</summary>
    public int? StartColumn { get; }

    /// <summary>0-based end column when the engine reports one, otherwise <see langword="null"/>.</summary>
    public int? EndColumn { get; }

    /// <summary>The source text of the offending line.</summary>
    public string? SourceLine { get; }

    /// <summary>The name of the script or module where the exception was raised.</summary>
    public string? ScriptResourceName { get; }

    /// <summary>The thrown JS value (engine side) and its context, so that the same value is rethrown if this exception goes back into JavaScript.</summary>
    internal object? ThrownValue { get; init; }

    internal Context? Origin { get; init; }

    private static string FormatMessage(string jsMessage, string? errorName, JsSourceLocation? location)
    {
        var head = errorName is null ? jsMessage : $"{errorName}: {jsMessage}";
        return location?.Line is { } line ? $"{head} (at {location.ScriptName}:{line}:{location.StartColumn + 1})" : head;
    }
}

/// <summary>Where in the source a JavaScript exception was raised.</summary>
/// <param name="ScriptName">Script or module name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="StartColumn">0-based start column.</param>
/// <param name="EndColumn">0-based end column, when known.</param>
/// <param name="SourceLine">The text of the line.</param>
public sealed record JsSourceLocation(string? ScriptName, int? Line, int? StartColumn, int? EndColumn, string? SourceLine);
