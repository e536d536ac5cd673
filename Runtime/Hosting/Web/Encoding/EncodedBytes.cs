using System.Buffers;
using System.Text.Unicode;
using Microsoft.ClearScript.JavaScript;

namespace V8Host.Hosting.Web;

/// <summary>
/// TextEncoder.encode for long strings in two host calls: <see cref="Encode"/> writes the UTF-8 into
/// a buffer kept here and returns its length, the glue allocates a Uint8Array of exactly that length,
/// and <see cref="TakeInto"/> copies the bytes into it. That beats encoding into a worst-case
/// (3 bytes per code unit) array and copying the used part out in JS.
/// </summary>
internal sealed class EncodedBytes
{
    // Up to this size the buffer stays for the next call; a larger one goes back to the pool.
    private const int KeptSize = 4 << 20;

    private byte[] _buffer = [];
    private int _length;

    /// <summary>Encodes <paramref name="chars"/> (a well-formed string); returns the byte count.</summary>
    public int Encode(ReadOnlySpan<char> chars)
    {
        var needed = checked(chars.Length * 3);
        if (_buffer.Length < needed)
            _buffer = needed <= KeptSize ? new byte[Math.Max(needed, 64 << 10)] : ArrayPool<byte>.Shared.Rent(needed);
        Utf8.FromUtf16(chars, _buffer, out _, out _length, replaceInvalidSequences: true, isFinalBlock: true);
        return _length;
    }

    /// <summary>Copies the last result into <paramref name="target"/>, whose length is that result's.</summary>
    public void TakeInto(IArrayBufferView target)
    {
        target.WriteBytes(_buffer.AsSpan(0, _length), 0, (ulong)_length, 0);
        _length = 0;
        if (_buffer.Length > KeptSize)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
