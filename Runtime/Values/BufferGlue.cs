using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

/// <summary>
/// <c>BufferState.js</c>, loaded into a context the first time one of its buffers needs a live size
/// (most contexts never touch a buffer from .NET). Every member is called with the context held.
/// </summary>
internal sealed class BufferGlue
{
    /// <summary>A size code: the buffer is detached.</summary>
    public const long Detached = -1;

    /// <summary>A size code: the view lies (partly) past the end of its shrunk resizable buffer.</summary>
    public const long OutOfBounds = -2;

    /// <summary>A shape flag: the size can change other than by detaching.</summary>
    public const int Variable = 1;

    /// <summary>A shape flag: a SharedArrayBuffer or a view of one (never detached).</summary>
    public const int Shared = 2;

    private static readonly ConditionalWeakTable<Context, BufferGlue> s_loaded = new();

    private readonly ScriptObject _shapeOf;
    private readonly ScriptObject _bufferLength;
    private readonly ScriptObject _viewByteLength;
    private readonly ScriptObject _viewLength;
    private readonly ScriptObject _viewByteOffset;

    private BufferGlue(Bridge bridge)
    {
        var table = bridge.LoadGlue("BufferState");
        _shapeOf = bridge.Pick(table, "shapeOf");
        _bufferLength = bridge.Pick(table, "bufferLength");
        _viewByteLength = bridge.Pick(table, "viewByteLength");
        _viewLength = bridge.Pick(table, "viewLength");
        _viewByteOffset = bridge.Pick(table, "viewByteOffset");
    }

    public static BufferGlue Of(Context context) => s_loaded.GetValue(context, static context => new BufferGlue(context.Bridge));

    /// <summary><see cref="Variable"/> and <see cref="Shared"/> flags of a buffer or view.</summary>
    public int ShapeOf(ScriptObject value) => (int)Number(_shapeOf.Invoke(false, value));

    /// <summary>The live byte length of an ArrayBuffer or SharedArrayBuffer, or <see cref="Detached"/>.</summary>
    public long BufferLength(ScriptObject buffer, bool shared) => Number(_bufferLength.Invoke(false, buffer, shared));

    /// <summary>The live byte length of a view, <see cref="Detached"/> or <see cref="OutOfBounds"/>.</summary>
    public long ViewByteLength(ScriptObject view, bool shared) => Number(_viewByteLength.Invoke(false, view, shared));

    /// <summary>The view's element count as JS reports it (0 once detached or out of bounds; bytes for a DataView).</summary>
    public long ViewLength(ScriptObject view) => Number(_viewLength.Invoke(false, view));

    /// <summary>The view's byte offset as JS reports it (0 once detached or out of bounds).</summary>
    public long ViewByteOffset(ScriptObject view) => Number(_viewByteOffset.Invoke(false, view));

    // ClearScript hands small integers back as int and larger ones as double.
    private static long Number(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
