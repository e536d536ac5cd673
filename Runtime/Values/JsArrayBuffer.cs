using Microsoft.ClearScript.JavaScript;

namespace V8Host;

/// <summary>A JavaScript ArrayBuffer. Bytes are copied in and out.</summary>
public sealed class JsArrayBuffer : JsHandle
{
    internal JsArrayBuffer(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>The buffer's size in bytes.</summary>
    public long ByteLength => Use("ByteLength", target => (long)((IArrayBuffer)target).Size);

    /// <summary>Copies the buffer's contents into a new array.</summary>
    public byte[] ToArray() => Use("ToArray", target => ((IArrayBuffer)target).GetBytes());

    /// <summary>Copies bytes starting at <paramref name="offset"/> into <paramref name="destination"/>; returns how many were copied.</summary>
    public int Read(long offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var buffer = new byte[destination.Length];
        var count = Use("Read", target => (int)((IArrayBuffer)target).ReadBytes((ulong)offset, (ulong)buffer.Length, buffer, 0));
        buffer.AsSpan(0, count).CopyTo(destination);
        return count;
    }

    /// <summary>Copies <paramref name="source"/> into the buffer at <paramref name="offset"/>; returns how many bytes were written.</summary>
    public int Write(long offset, ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var bytes = source.ToArray();
        return Use("Write", target => (int)((IArrayBuffer)target).WriteBytes(bytes, 0, (ulong)bytes.Length, (ulong)offset));
    }
}
