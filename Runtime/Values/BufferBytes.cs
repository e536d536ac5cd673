using System.Runtime.ExceptionServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host;

/// <summary>
/// The live bytes behind one <see cref="JsArrayBuffer"/> or <see cref="JsTypedArray"/>: every copy and
/// span works from the size the buffer or view has now, straight on V8's memory.
/// </summary>
/// <remarks>
/// ClearScript reads a size once and keeps it (<c>IArrayBuffer.Size</c>, <c>IArrayBufferView.Size</c>),
/// and its own copies trust it. Script can detach a buffer, which nulls its data pointer; shrink a
/// resizable one, where V8 decommits the pages past the new end, so a copy of the kept size crashes
/// the process; or grow one. A fixed-length buffer can only be detached, so its kept size holds while
/// the data pointer is not null, which the copy itself checks: no script runs. A resizable or growable
/// buffer, and any view of one, is asked for its size (<c>BufferState.js</c>) on every access.
/// Every member runs with the context held, so no script runs between reading the size and using it.
/// </remarks>
internal sealed unsafe class BufferBytes
{
    private const int Known = 4;

    private readonly string _typeName;
    private readonly bool _isView;
    private int _shape;

    public BufferBytes(string typeName, bool isView)
    {
        _typeName = typeName;
        _isView = isView;
    }

    private string Noun => _isView ? "view" : "ArrayBuffer";

    /// <summary>The byte length now; 0 once detached or out of bounds, as JS reports it.</summary>
    public long ByteLength(Context context, ScriptObject target)
    {
        var length = Probe(context, target, out var confirmed);
        if (length < 0)
            return 0;
        return confirmed || IsPresent(target) ? length : 0;
    }

    /// <summary>A view's element count now (bytes for a DataView); 0 once detached or out of bounds.</summary>
    public long ViewLength(Context context, ScriptObject target) => IsSteady(context, target)
        ? target is ITypedArray typed ? (long)typed.Length : (long)((IArrayBufferView)target).Size
        : BufferGlue.Of(context).ViewLength(target);

    /// <summary>A view's byte offset now; 0 once detached or out of bounds.</summary>
    public long ViewByteOffset(Context context, ScriptObject target) => IsSteady(context, target)
        ? (long)((IArrayBufferView)target).Offset
        : BufferGlue.Of(context).ViewByteOffset(target);

    public byte[] ToArray(Context context, ScriptObject target, string member)
    {
        var length = Require(context, target, member, out _);
        if (length > Array.MaxLength)
            throw new NotSupportedException($"{Name(member)}: the {Noun} holds {length:N0} bytes, more than a .NET array can (Array.MaxLength); copy it in parts with Read.");
        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        fixed (byte* to = bytes)
        {
            Access(target, member, length, (To: (nint)to, Count: length), static (pointer, copy) =>
            {
                Buffer.MemoryCopy((byte*)pointer, (byte*)copy.To, copy.Count, copy.Count);
                return 0;
            });
        }

        return bytes;
    }

    /// <summary>Copies up to <paramref name="count"/> bytes from <paramref name="offset"/> to <paramref name="destination"/>; returns how many.</summary>
    public int Read(Context context, ScriptObject target, string member, long offset, nint destination, int count)
    {
        var length = Require(context, target, member, out var confirmed);
        var copied = (int)Math.Min(count, Available(context, target, member, offset, length, confirmed));
        return Access(target, member, length, (Offset: offset, To: destination, Count: copied), static (pointer, copy) =>
        {
            Buffer.MemoryCopy((byte*)pointer + copy.Offset, (byte*)copy.To, copy.Count, copy.Count);
            return copy.Count;
        });
    }

    /// <summary>Copies up to <paramref name="count"/> bytes from <paramref name="source"/> in at <paramref name="offset"/>; returns how many.</summary>
    public int Write(Context context, ScriptObject target, string member, long offset, nint source, int count)
    {
        var length = Require(context, target, member, out var confirmed);
        var copied = (int)Math.Min(count, Available(context, target, member, offset, length, confirmed));
        return Access(target, member, length, (Offset: offset, From: source, Count: copied), static (pointer, copy) =>
        {
            Buffer.MemoryCopy((byte*)copy.From, (byte*)pointer + copy.Offset, copy.Count, copy.Count);
            return copy.Count;
        });
    }

    /// <summary>Calls <paramref name="func"/> with a span over the live bytes; calls into the context are refused meanwhile.</summary>
    public TResult WithSpan<TResult>(Context context, ScriptObject target, string member, SpanFunc<TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        var length = Require(context, target, member, out _);
        if (length > int.MaxValue)
            throw new NotSupportedException($"{Name(member)}: the {Noun} holds {length:N0} bytes, more than a Span<byte> covers (2,147,483,647); use Read and Write with offsets.");
        return context.WithReentryRefused(Name(member), () =>
            Access(target, member, length, (Func: func, Length: (int)length), static (pointer, call) => call.Func(new Span<byte>((void*)pointer, call.Length))));
    }

    /// <summary>
    /// The size now, or <see cref="BufferGlue.Detached"/> / <see cref="BufferGlue.OutOfBounds"/>.
    /// <paramref name="confirmed"/> is false for a kept size that holds only if the buffer is not
    /// detached: the data pointer, null once detached, settles that (<see cref="Access"/>).
    /// </summary>
    private long Probe(Context context, ScriptObject target, out bool confirmed)
    {
        var shape = Shape(context, target);
        var shared = (shape & BufferGlue.Shared) != 0;
        if ((shape & BufferGlue.Variable) == 0)
        {
            var kept = KeptSize(target);

            // Empty, a detached buffer and an empty one both have a null data pointer: JS tells them apart.
            if (kept > 0 || shared)
            {
                confirmed = shared;
                return kept;
            }
        }

        confirmed = true;
        var glue = BufferGlue.Of(context);
        return _isView ? glue.ViewByteLength(target, shared) : glue.BufferLength(target, shared);
    }

    private long Require(Context context, ScriptObject target, string member, out bool confirmed)
    {
        var length = Probe(context, target, out confirmed);
        return length < 0 ? throw Gone(length, member) : length;
    }

    /// <summary>How many bytes follow <paramref name="offset"/>; an offset past the end is an error.</summary>
    private long Available(Context context, ScriptObject target, string member, long offset, long length, bool confirmed)
    {
        if (offset <= length)
            return length - offset;

        // A kept size may be that of a buffer since detached: then that, not the offset, is the error.
        if (!confirmed)
        {
            var live = _isView ? BufferGlue.Of(context).ViewByteLength(target, shared: false) : BufferGlue.Of(context).BufferLength(target, shared: false);
            if (live < 0)
                throw Gone(live, member);
        }

        throw new ArgumentOutOfRangeException("offset", offset, $"{Name(member)}: offset {offset} is past the end of the {Noun} ({length} bytes).");
    }

    /// <summary>Whether a fixed-length target's kept sizes hold: it is shared (never detached) or not detached.</summary>
    private bool IsSteady(Context context, ScriptObject target)
    {
        var shape = Shape(context, target);
        return (shape & BufferGlue.Variable) == 0 && ((shape & BufferGlue.Shared) != 0 || IsPresent(target));
    }

    private int Shape(Context context, ScriptObject target)
    {
        if (_shape == 0)
            _shape = Known | BufferGlue.Of(context).ShapeOf(target);
        return _shape;
    }

    private long KeptSize(ScriptObject target) => _isView ? (long)((IArrayBufferView)target).Size : (long)((IArrayBuffer)target).Size;

    private bool IsPresent(ScriptObject target) => _isView
        ? ((IArrayBufferView)target).InvokeWithDirectAccess(static pointer => pointer != 0)
        : ((IArrayBuffer)target).InvokeWithDirectAccess(static pointer => pointer != 0);

    /// <summary>
    /// Runs <paramref name="body"/> with a pointer to the first of <paramref name="length"/> live bytes
    /// (null when there are none), inside ClearScript's direct access, which keeps V8's backing store
    /// alive meanwhile. What the body throws is rethrown once ClearScript's native frame is left.
    /// </summary>
    private TResult Access<TArg, TResult>(ScriptObject target, string member, long length, TArg arg, Func<nint, TArg, TResult> body)
    {
        if (length == 0)
            return body(0, arg);
        var state = (Body: body, Arg: arg);
        var (present, result, failure) = _isView
            ? ((IArrayBufferView)target).InvokeWithDirectAccess(Enter, state)
            : ((IArrayBuffer)target).InvokeWithDirectAccess(Enter, state);
        failure?.Throw();
        return present ? result : throw Gone(BufferGlue.Detached, member);

        static (bool Present, TResult Result, ExceptionDispatchInfo? Failure) Enter(nint pointer, (Func<nint, TArg, TResult> Body, TArg Arg) state)
        {
            // Non-empty bytes with a null pointer: the buffer was detached after its size was kept.
            if (pointer == 0)
                return (false, default!, null);
            try
            {
                return (true, state.Body(pointer, state.Arg), null);
            }
            catch (Exception exception)
            {
                return (true, default!, ExceptionDispatchInfo.Capture(exception));
            }
        }
    }

    // An empty type name: the member is a whole description already ("Order.load: parameter 'bytes'").
    private string Name(string member) => _typeName.Length == 0 ? member : $"{_typeName}.{member}";

    private InvalidOperationException Gone(long code, string member) => new(code == BufferGlue.OutOfBounds
        ? $"{Name(member)}: the view is out of bounds: its resizable ArrayBuffer was shrunk below the view's end."
        : $"{Name(member)}: the {(_isView ? "view's ArrayBuffer" : "ArrayBuffer")} is detached (transferred with ArrayBuffer.prototype.transfer or structuredClone, or replaced as its WebAssembly memory grew); it has no bytes left.");
}
