namespace V8Host;

/// <summary>
/// A JavaScript ArrayBuffer or SharedArrayBuffer. Bytes are copied in and out, or reached in place
/// inside <see cref="WithSpan(SpanAction)"/>; every access works from the buffer's size as it is now.
/// </summary>
/// <remarks>
/// Script can detach a buffer (<c>ArrayBuffer.prototype.transfer</c>, <c>structuredClone</c> with a
/// transfer list, a WebAssembly memory's growth); every member but <see cref="ByteLength"/> then
/// throws <see cref="InvalidOperationException"/>. A resizable buffer may have shrunk or grown since
/// the last call: reads and writes cover the bytes it has now. A resizable or growable buffer costs one
/// more call into the engine per access, to read its size.
/// </remarks>
public sealed class JsArrayBuffer : JsHandle
{
    private readonly BufferBytes _bytes = new(nameof(JsArrayBuffer), isView: false);

    internal JsArrayBuffer(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>The buffer's size in bytes now; 0 once it is detached, as JS reports it.</summary>
    public long ByteLength => Use("ByteLength", target => _bytes.ByteLength(Context, target));

    /// <summary>Copies the buffer's contents into a new array.</summary>
    /// <exception cref="InvalidOperationException">The buffer is detached.</exception>
    /// <exception cref="NotSupportedException">The buffer is larger than a .NET array can be (<see cref="Array.MaxLength"/>).</exception>
    public byte[] ToArray() => Use("ToArray", target => _bytes.ToArray(Context, target, "ToArray"));

    /// <summary>
    /// Copies bytes starting at <paramref name="offset"/> into <paramref name="destination"/>, straight
    /// from the buffer's memory; returns how many were copied: fewer than <paramref name="destination"/>
    /// holds when the buffer ends first, 0 at its end.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end of the buffer.</exception>
    /// <exception cref="InvalidOperationException">The buffer is detached.</exception>
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
    /// Copies <paramref name="source"/> into the buffer at <paramref name="offset"/>, straight into its
    /// memory; returns how many bytes were written: fewer than <paramref name="source"/> holds when the
    /// buffer ends first (the rest is not written).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="offset"/> is negative or past the end of the buffer.</exception>
    /// <exception cref="InvalidOperationException">The buffer is detached.</exception>
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
    /// Calls <paramref name="action"/> with a span over the buffer's bytes themselves (no copy): what it
    /// writes, script sees.
    /// </summary>
    /// <remarks>
    /// The span is valid only while <paramref name="action"/> runs; keeping its address for later (unsafe
    /// code) reads freed memory. Meanwhile the context is held: other threads wait for it, and a call
    /// into the context from the callback (an <c>Eval</c>, another handle's member, this buffer's own
    /// members) throws <see cref="InvalidOperationException"/>, because script could detach or shrink the
    /// buffer under the span. Disposing a handle there is allowed and takes effect as usual. What the
    /// callback throws propagates unchanged.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The buffer is detached (the callback is not called).</exception>
    /// <exception cref="NotSupportedException">The buffer is larger than a span covers (2 GiB); use <see cref="Read"/> and <see cref="Write"/>.</exception>
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
    /// Calls <paramref name="func"/> with a span over the buffer's bytes themselves (no copy) and returns
    /// its result. The rules of <see cref="WithSpan(SpanAction)"/> apply.
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer is detached (the callback is not called).</exception>
    /// <exception cref="NotSupportedException">The buffer is larger than a span covers (2 GiB); use <see cref="Read"/> and <see cref="Write"/>.</exception>
    public TResult WithSpan<TResult>(SpanFunc<TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return Use("WithSpan", target => _bytes.WithSpan(Context, target, "WithSpan", func));
    }
}
