namespace V8Host;

/// <summary>One frame of a JavaScript stack trace, captured structurally from V8 (not parsed from text).</summary>
/// <param name="FunctionName">The function's name, or <see langword="null"/> for top-level code and anonymous functions.</param>
/// <param name="ScriptName">The script or module name given when it was compiled (for example <c>"&lt;script&gt;"</c>).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
/// <param name="IsEval">Whether the frame runs code created by <c>eval</c>.</param>
/// <param name="IsConstructor">Whether the frame is a constructor call (<c>new</c>).</param>
/// <param name="IsWasm">Whether the frame is WebAssembly.</param>
public sealed record JsStackFrame(
    string? FunctionName,
    string? ScriptName,
    int? Line,
    int? Column,
    bool IsEval,
    bool IsConstructor,
    bool IsWasm)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var location = $"{ScriptName ?? "<anonymous>"}:{Line}:{Column}";
        return FunctionName is null ? location : $"{FunctionName} ({location})";
    }
}
