using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host;

/// <summary>A JavaScript typed array (<c>Uint8Array</c>, <c>Float64Array</c> …) or <c>DataView</c>. Bytes are copied in and out.</summary>
public sealed class JsTypedArray : JsHandle
{
    internal JsTypedArray(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>The constructor name: <c>"Uint8Array"</c>, <c>"Float64Array"</c>, <c>"DataView"</c> ….</summary>
    public string ArrayType => Use("ArrayType", target => Context.Bridge.TypedArrayName(target));

    /// <summary>Number of elements (for a DataView: bytes).</summary>
    public long Length => Use("Length", target => target is ITypedArray typed ? (long)typed.Length : (long)((IArrayBufferView)target).Size);

    /// <summary>Size of the view in bytes.</summary>
    public long ByteLength => Use("ByteLength", target => (long)((IArrayBufferView)target).Size);

    /// <summary>Offset of the view into its buffer, in bytes.</summary>
    public long ByteOffset => Use("ByteOffset", target => (long)((IArrayBufferView)target).Offset);

    /// <summary>The underlying buffer.</summary>
    public JsArrayBuffer Buffer => Use("Buffer", target => (JsArrayBuffer)Context.Values.Wrap((ScriptObject)((IArrayBufferView)target).ArrayBuffer));

    /// <summary>Copies the bytes the view covers into a new array.</summary>
    public byte[] ToArray() => Use("ToArray", target => ((IArrayBufferView)target).GetBytes());

    /// <summary>Copies <paramref name="source"/> into the view starting at byte <paramref name="offset"/>; returns how many bytes were written.</summary>
    public int Write(long offset, ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var bytes = source.ToArray();
        return Use("Write", target => (int)((IArrayBufferView)target).WriteBytes(bytes, 0, (ulong)bytes.Length, (ulong)offset));
    }
}
