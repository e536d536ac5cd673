using System.Text;

namespace V8Host.Engine;

/// <summary>
/// A bounds-checked cursor over a wasm binary. Every read checks what is left first, so hostile or
/// truncated bytes end in <see cref="WasmFormatException"/>, never an out-of-range access; offsets are
/// absolute (in the whole binary) for the error text.
/// </summary>
internal ref struct WasmReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _end;
    private int _position;

    public WasmReader(ReadOnlySpan<byte> bytes)
        : this(bytes, 0, bytes.Length)
    {
    }

    private WasmReader(ReadOnlySpan<byte> bytes, int start, int end)
    {
        _bytes = bytes;
        _position = start;
        _end = end;
    }

    public readonly int Position => _position;

    public readonly bool AtEnd => _position >= _end;

    /// <summary>A reader over the next <paramref name="length"/> bytes; this one moves past them.</summary>
    public WasmReader Slice(uint length, string what)
    {
        Need(length, what);
        var start = _position;
        _position += (int)length;
        return new WasmReader(_bytes, start, _position);
    }

    public byte Byte(string what)
    {
        Need(1, what);
        return _bytes[_position++];
    }

    public readonly byte Peek(string what)
    {
        if (_position >= _end)
            throw Fail($"unexpected end of {what}");
        return _bytes[_position];
    }

    public void Skip(uint count, string what)
    {
        Need(count, what);
        _position += (int)count;
    }

    public ReadOnlySpan<byte> Bytes(uint count, string what)
    {
        Need(count, what);
        var span = _bytes.Slice(_position, (int)count);
        _position += (int)count;
        return span;
    }

    /// <summary>An unsigned LEB128 of at most 32 bits.</summary>
    public uint U32(string what)
    {
        var start = _position;
        var value = ULeb(what, 5);
        if (value > uint.MaxValue)
            throw new WasmFormatException($"{what}: value does not fit in 32 bits", start);
        return (uint)value;
    }

    /// <summary>An unsigned LEB128 of at most 64 bits.</summary>
    public ulong U64(string what) => ULeb(what, 10);

    /// <summary>Skips a signed LEB128 of at most <paramref name="maxBytes"/> bytes (constant expressions).</summary>
    public void SkipLeb(string what, int maxBytes)
    {
        for (var i = 0; i < maxBytes; i++)
        {
            if ((Byte(what) & 0x80) == 0)
                return;
        }

        throw Fail($"{what}: LEB128 too long");
    }

    /// <summary>A length-prefixed UTF-8 name.</summary>
    public string Name(string what)
    {
        var length = U32(what);
        var start = _position;
        var bytes = Bytes(length, what);
        try
        {
            return s_utf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new WasmFormatException($"{what}: invalid UTF-8", start);
        }
    }

    public readonly WasmFormatException Fail(string message) => new(message, _position);

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private ulong ULeb(string what, int maxBytes)
    {
        ulong value = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            var b = Byte(what);
            var bits = (ulong)(b & 0x7f);
            // The last allowed byte may only carry the bits that are left.
            if (i == 9 && bits > 1)
                throw Fail($"{what}: value does not fit in 64 bits");
            value |= bits << (7 * i);
            if ((b & 0x80) == 0)
                return value;
        }

        throw Fail($"{what}: LEB128 too long");
    }

    private readonly void Need(uint count, string what)
    {
        if (count > (uint)(_end - _position))
            throw Fail($"unexpected end of {what}");
    }
}
