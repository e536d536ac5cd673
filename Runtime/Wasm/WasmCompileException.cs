using System.Globalization;
using System.Text.RegularExpressions;

namespace V8Host;

/// <summary>
/// The bytes given to <see cref="Context.CompileWasm"/> are not a valid WebAssembly module.
/// <see cref="EngineMessage"/> is V8's reason; <see cref="Offset"/> the byte offset V8 reported.
/// </summary>
public sealed class WasmCompileException : Exception
{
    // V8 ends its decoder errors with the offset: "… expected magic word 00 61 73 6d, found 01 02 03 04 @+0".
    private static readonly Regex s_offset = new(@"\s*@\+(?<offset>\d+)\s*$", RegexOptions.CultureInvariant);

    /// <summary>Creates the exception from the engine's message; the offset is read from its <c>@+N</c> suffix when present.</summary>
    public WasmCompileException(string engineMessage, Exception? innerException = null)
        : this(engineMessage, ParseOffset(engineMessage), innerException)
    {
    }

    private WasmCompileException(string engineMessage, long? offset, Exception? innerException)
        : base(offset is { } at
            ? $"Invalid WebAssembly module at byte {at}: {Reason(engineMessage)}"
            : $"Invalid WebAssembly module: {Reason(engineMessage)}", innerException)
    {
        EngineMessage = engineMessage;
        Offset = offset;
    }

    /// <summary>V8's message, as it gave it (for example <c>WebAssembly.Module(): expected magic word 00 61 73 6d, found 01 02 03 04 @+0</c>).</summary>
    public string EngineMessage { get; }

    /// <summary>The byte offset in the module where V8 found the error, when it reported one.</summary>
    public long? Offset { get; }

    private static long? ParseOffset(string message)
    {
        var match = s_offset.Match(message);
        return match.Success && long.TryParse(match.Groups["offset"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
    }

    /// <summary>V8's message without its API prefix and offset suffix.</summary>
    private static string Reason(string message)
    {
        var text = s_offset.Replace(message, string.Empty);
        const string prefix = "WebAssembly.Module(): ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }
}
