using System.Text;

namespace V8Host;

/// <summary>
/// File descriptor 1 or 2 of a WASI program: bytes in, text out. A UTF-8 sequence split across two
/// <c>fd_write</c> calls is decoded whole (the decoder keeps the partial bytes); invalid bytes become
/// U+FFFD rather than vanishing.
/// </summary>
internal sealed class WasiOutput(TextWriter writer)
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[256];

    public bool IsClosed { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        var count = _decoder.GetChars(bytes, _chars, flush: false);
        writer.Write(_chars, 0, count);
    }

    /// <summary>Writes out a sequence left incomplete at the end (as U+FFFD) and flushes the writer.</summary>
    public void Flush()
    {
        var count = _decoder.GetChars(ReadOnlySpan<byte>.Empty, _chars, flush: true);
        if (count > 0)
            writer.Write(_chars, 0, count);
        writer.Flush();
    }

    public void Close()
    {
        Flush();
        IsClosed = true;
    }
}
