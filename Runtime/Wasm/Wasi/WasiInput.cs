using System.Text;

namespace V8Host;

/// <summary>
/// File descriptor 0 of a WASI program: text in, UTF-8 bytes out, in pieces as large as the program
/// asks for. Characters read but not yet taken wait for the next <c>fd_read</c>, so nothing is lost
/// between calls; a surrogate pair split across two reads of the reader is encoded whole.
/// </summary>
internal sealed class WasiInput(TextReader? reader)
{
    private readonly Encoder _encoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetEncoder();
    private readonly char[] _chars = new char[4096];
    private byte[] _pending = new byte[3 * 4096 + 4];
    private int _pendingStart;
    private int _pendingEnd;
    private bool _ended = reader is null;

    public bool IsClosed { get; private set; }

    /// <summary>Fills <paramref name="destination"/> from the reader; 0 at end of input.</summary>
    public int Read(Span<byte> destination)
    {
        if (_pendingStart == _pendingEnd && !Refill())
            return 0;
        var count = Math.Min(destination.Length, _pendingEnd - _pendingStart);
        _pending.AsSpan(_pendingStart, count).CopyTo(destination);
        _pendingStart += count;
        return count;
    }

    public void Close() => IsClosed = true;

    private bool Refill()
    {
        while (!_ended)
        {
            var read = reader!.Read(_chars, 0, _chars.Length);
            _ended = read == 0;
            var needed = _encoder.GetByteCount(_chars.AsSpan(0, read), flush: _ended);
            if (needed > _pending.Length)
                _pending = new byte[needed];
            _pendingStart = 0;
            _pendingEnd = _encoder.GetBytes(_chars.AsSpan(0, read), _pending, flush: _ended);
            if (_pendingEnd > 0)
                return true;
        }

        return false;
    }
}
