namespace V8Host.Engine;

/// <summary>The C# reader of wasm binaries found bytes it cannot read; <see cref="Offset"/> is where.</summary>
internal sealed class WasmFormatException : Exception
{
    public WasmFormatException(string message, long offset)
        : base($"{message} @+{offset}")
    {
        Reason = message;
        Offset = offset;
    }

    public string Reason { get; }

    public long Offset { get; }
}
