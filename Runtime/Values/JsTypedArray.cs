using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host;

/// <summary>
/// A JavaScript typed array (<c>Uint8Array</c>, <c>Float64Array</c> …) or <c>DataView</c>. Bytes are
/// copied in and out, or reached in place inside <see cref="WithSpan(SpanAction)"/>; offsets count bytes
/// from the start of the view, and only the view's own bytes are ever reached.
/// </summary>
/// <remarks>
/// Script can detach the view's buffer (<c>ArrayBuffer.prototype.transfer</c>, <c>structuredClone</c>
/// with a transfer list); a resizable buffer can shrink below a fixed-length view's end, leaving the
/// view out of bounds, or resize a length-tracking view. Sizes are read as they are now: the size
/// properties then report 0, as JS does, and the other members throw <see cref="InvalidOperationException"/>.
/// A view of a resizable or growable buffer costs one more call into the engine per access.
/// </remarks>
public sealed class JsTypedArray : JsHandle
{
    private readonly BufferBytes _bytes = new(nameof(JsTypedArray), isView: true);

    internal JsTypedArray(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>The constructor name: <c>"Uint8Array"</c>, <c>"Float64Array"</c>, <c>"DataView"</c> ….</summary>
    public string ArrayType => Use("ArrayType", target => Context.Bridge.TypedArrayName(target));

    /// <summary>Number of elements now (for a DataView: bytes); 0 once detached or out of bounds.</summary>
    public long Length => Use("Length", target => _bytes.ViewLength(Context, target));

    /// <summary>Size of the view in bytes now; 0 once detached or out of bounds.</summary>
    public long ByteLength => Use("ByteLength", target => _bytes.ByteLength(Context, target));

    /// <summary>Offset of the view into its buffer, in bytes; 0 once detached or out of bounds, as JS reports it.</summary>
    public long ByteOffset => Use("ByteOffset", target => _bytes.ViewByteOffset(Context, target));

    /// <summary>The underlying buffer.</summary>
    public JsArrayBuffer Buffer => Use("Buffer", target => (JsArrayBuffer)Context.Values.Wrap((ScriptObject)((IArrayBufferView)target).ArrayBuffer));

    /// <summary>Copies the bytes the view covers into a new array.</summary>
    /// <exception cref="InvalidOperationException">The buffer is detached, or the view is out of bounds.</exception>
    /// <exception cref="NotSupportedException">The view is larger than a .NET array can be (<see cref="Array.MaxLength"/>).</exception>
    public byte[] ToArray() => Use("ToArray", target => _bytes.ToArray(Context, target, "ToArray"));

    /// <summary>
    /// Copies the view's bytes starting at byte <paramref name="offset"/> of the view into
    /// <paramref name="destination"/>, straight from the buffer's memory; returns how many were copied:
    /// fewer than <paramref name="destination"/> holds when the view ends first, 0 at its end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end of the view.</exception>
    /// <exception cref="InvalidOperationException">The buffer is detached, or the view is out of bounds.</exception>
    public unsafe int Read(long offset, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        fixed (byte* to = destination)
        {
            var (pointer, count) = ((nint)to, destination.Length);
            return Use("Read", target => _bytes.Read(Context, target, "Read", offset, pointer, count));
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> into the view starting at byte <paramref name="offset"/> of the
    /// view, straight into the buffer's memory; returns how many bytes were written: fewer than
    /// <paramref name="source"/> holds when the view ends first (the rest is not written).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end of the view.</exception>
    /// <exception cref="InvalidOperationException">The buffer is detached, or the view is out of bounds.</exception>
    public unsafe int Write(long offset, ReadOnlySpan<byte> source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        fixed (byte* from = source)
        {
            var (pointer, count) = ((nint)from, source.Length);
            return Use("Write", target => _bytes.Write(Context, target, "Write", offset, pointer, count));
        }
    }

    /// <summary>
    /// Calls <paramref name="action"/> with a span over the view's bytes themselves (no copy; from the
    /// view's byte offset, <see cref="ByteLength"/> long): what it writes, script sees.
    /// </summary>
    /// <remarks>
    /// The span is valid only while <paramref name="action"/> runs; keeping its address for later (unsafe
    /// code) reads freed memory. Meanwhile the context is held: other threads wait for it, and a call
    /// into the context from the callback (an <c>Eval</c>, another handle's member, this view's own
    /// members) throws <see cref="InvalidOperationException"/>, because script could detach or shrink the
    /// buffer under the span. Disposing a handle there is allowed and takes effect as usual. What the
    /// callback throws propagates unchanged.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The buffer is detached, or the view is out of bounds (the callback is not called).</exception>
    /// <exception cref="NotSupportedException">The view is larger than a span covers (2 GiB); use <see cref="Read"/> and <see cref="Write"/>.</exception>
    public void WithSpan(SpanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        WithSpan<object?>(bytes =>
        {
            action(bytes);
            return null;
        });
    }

    /// <summary>
    /// Calls <paramref name="func"/> with a span over the view's bytes themselves (no copy) and returns
    /// its result. The rules of <see cref="WithSpan(SpanAction)"/> apply.
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer is detached, or the view is out of bounds (the callback is not called).</exception>
    /// <exception cref="NotSupportedException">The view is larger than a span covers (2 GiB); use <see cref="Read"/> and <see cref="Write"/>.</exception>
    public TResult WithSpan<TResult>(SpanFunc<TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Use("WithSpan", target => _bytes.WithSpan(Context, target, "WithSpan", func));
    }
}
