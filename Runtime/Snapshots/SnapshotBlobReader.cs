using System.Buffers.Binary;
using System.Text;

namespace V8Host;

/// <summary>
/// Reads what <see cref="BinaryWriter"/> wrote into a <see cref="StartupData"/> blob, straight from the
/// bytes. BinaryReader decodes long strings 128 characters at a time through a StringBuilder, which
/// made loading the 9 MB TypeScript compiler's blob take longer than starting a context from it.
/// Overruns throw <see cref="FormatException"/>; invalid UTF-8 throws <see cref="DecoderFallbackException"/>
/// (the writer never produces it, so such a blob was crafted, not damaged).
/// </summary>
internal ref struct SnapshotBlobReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _bytes;

    public SnapshotBlobReader(ReadOnlySpan<byte> bytes, int position)
    {
        _bytes = bytes;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _bytes.Length - Position;

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    /// <summary>A count read from the blob, at most <paramref name="limit"/> (each counted item takes at least a byte).</summary>
    public int ReadCount(int limit)
    {
        var count = ReadInt32();
        return count >= 0 && count <= limit ? count : throw new FormatException();
    }

    public string ReadString() => s_strictUtf8.GetString(Take(Read7BitLength()));

    public byte[] ReadBytes(int count) => Take(count).ToArray();

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw new FormatException();
        var span = _bytes.Slice(Position, count);
        Position += count;
        return span;
    }

    /// <summary>BinaryWriter's string length: 7 bits per byte, low groups first, at most five bytes.</summary>
    private int Read7BitLength()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var part = Take(1)[0];
            result |= (uint)(part & 0x7F) << shift;
            if ((part & 0x80) == 0)
                return result <= int.MaxValue ? (int)result : throw new FormatException();
        }

        throw new FormatException();
    }
}
