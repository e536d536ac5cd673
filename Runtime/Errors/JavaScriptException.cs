namespace V8Host;

/// <summary>A JavaScript exception (a thrown value, or a syntax error) that crossed into .NET.</summary>
/// <remarks>
/// Frames are captured structurally from V8; script names are the ones the user gave, and frames of
/// V8Host's own JavaScript are left out. When a .NET exception thrown by a host function went
/// through JavaScript and back, it is the <see cref="Exception.InnerException"/>.
/// <para>
/// <see cref="Exception.Data"/> holds a copy of the thrown object's own enumerable data properties,
/// taken when the exception was created: <c>throw Object.assign(new Error('x'), { code: 'E42' })</c>
/// gives <c>Data["code"] == "E42"</c>. Only string keys with primitive values are copied (converted
/// as <see cref="ThrownValue"/> is); accessors are never run, and objects, functions, symbols,
/// strings over 4,096 characters and bigints beyond ±2^4096 are left out, as are entries past the
/// first 64 (or past the first 1,024 own keys). The full value is <see cref="ThrownValue"/>.
/// </para>
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

    /// <summary>
    /// The source text of the offending line: for a syntax error the line V8 reports, for a run-time
    /// error the line of the first frame (<c>Frames[0]</c>). <see langword="null"/> when that source is
    /// not known: code created by <c>eval</c> inside a script, V8Host setup scripts, a module specifier
    /// compiled again with other text, or one of many one-shot scripts long since forgotten (V8Host
    /// keeps the sources of the most recent 1,024 of them, up to 16 Mi characters; a
    /// <see cref="Script"/> is remembered again each time it runs).
    /// </summary>
    public string? SourceLine { get; }

    /// <summary>The name of the script or module where the exception was raised.</summary>
    public string? ScriptResourceName { get; }

    /// <summary>
    /// The value the script threw, converted as untyped results are (api.md §3): <c>throw 42</c> gives
    /// <c>42</c>, <c>throw "x"</c> gives <c>"x"</c>, and an object (an <c>Error</c> or anything else) a
    /// <see cref="JsObject"/> handle on that very object, usable while its context lives. A thrown
    /// instance of a host class is the .NET object. <see langword="null"/> for exceptions whose value
    /// V8 did not hand over (a stack overflow it detected itself) and ones created with the public constructor.
    /// </summary>
    public object? ThrownValue { get; internal init; }

    /// <summary>The thrown JS value (engine side), so that the same value is rethrown if this exception goes back into JavaScript (<see cref="Origin"/>).</summary>
    internal object? EngineValue { get; init; }

    internal Context? Origin { get; init; }

    /// <summary>
    /// The exception as .NET prints exceptions, with the JavaScript frames (as V8 prints them) between
    /// the message and the inner exception: <c>V8Host.JavaScriptException: TypeError: boom (at app.js:2:9)</c>,
    /// then <c>    at inner (app.js:2:9)</c> per frame, then the .NET stack trace.
    /// </summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(GetType().ToString()).Append(": ").Append(Message);
        foreach (var frame in Frames)
            text.AppendLine().Append("    at ").Append(frame);
        if (InnerException is { } inner)
            text.AppendLine().Append(" ---> ").Append(inner).AppendLine().Append("   --- End of inner exception stack trace ---");
        if (StackTrace is { } trace)
            text.AppendLine().Append(trace);
        return text.ToString();
    }

    private static string FormatMessage(string jsMessage, string? errorName, JsSourceLocation? location)
    {
        var head = errorName is null ? jsMessage : $"{errorName}: {jsMessage}";
        return location?.Line is { } line ? $"{head} (at {location.ScriptName ?? "<anonymous>"}:{line}:{location.StartColumn + 1})" : head;
    }
}

/// <summary>Where in the source a JavaScript exception was raised.</summary>
/// <param name="ScriptName">Script or module name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="StartColumn">0-based start column.</param>
/// <param name="EndColumn">0-based end column, when known.</param>
/// <param name="SourceLine">The text of the line.</param>
public sealed record JsSourceLocation(string? ScriptName, int? Line, int? StartColumn, int? EndColumn, string? SourceLine);
