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
    /// <summary>
    /// For a WebAssembly frame (<see cref="IsWasm"/>), the index of the function in the module's
    /// function index space (imported functions first), as V8 prints it in <c>wasm-function[3]</c>;
    /// <see langword="null"/> for other frames. <see cref="Column"/> is then the byte offset in the module plus one.
    /// </summary>
    public int? WasmFunctionIndex { get; init; }

    /// <summary>The frame as V8 prints it in a stack trace, without the leading <c>at</c>: <c>inner (app.js:2:9)</c>, <c>new Widget (app.js:1:20)</c>, <c>map (&lt;anonymous&gt;)</c>, or just <c>app.js:5:1</c> for top-level code.</summary>
    public override string ToString()
    {
        // V8's SerializeJSStackFrame: the location omits what is unknown; code without a function name
        // prints the bare location, except a constructor, which V8 names "<anonymous>".
        var location = ScriptName ?? "<anonymous>";
        if (IsWasm && WasmFunctionIndex is { } function)
        {
            // V8 prints a wasm location as the function index and the byte offset in the module.
            location += $":wasm-function[{function}]";
            if (Column is { } offset)
                location += $":0x{offset - 1:x}";
        }
        else if (Line is { } line)
            location += Column is { } column ? $":{line}:{column}" : $":{line}";
        var named = !string.IsNullOrEmpty(FunctionName);
        if (IsConstructor)
            return $"new {(named ? FunctionName : "<anonymous>")} ({location})";
        return named ? $"{FunctionName} ({location})" : location;
    }
}
