using System.Text;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host;

/// <summary>
/// A WebAssembly linear memory (<see cref="WasmInstance.GetMemory"/>, <see cref="Context.CreateWasmMemory"/>).
/// Reads and writes go straight to the memory's bytes (no copy of the whole memory), each through the
/// memory's current buffer: growth, from .NET or from inside wasm, replaces V8's buffer, so none is kept.
/// </summary>
public sealed class WasmMemory : IDisposable
{
    /// <summary>The size of a WebAssembly page: 64 KiB.</summary>
    public const int PageSize = 65536;

    internal WasmMemory(Context context, JsObject memory, string name)
    {
        Context = context;
        Handle = memory;
        Name = name;
    }

    /// <summary>The context the memory lives in.</summary>
    public Context Context { get; }

    /// <summary>The export or import name the memory was obtained under (for error messages).</summary>
    public string Name { get; }

    /// <summary>Whether the memory and its context are alive.</summary>
    public bool IsAlive => Handle.IsAlive;

    internal JsObject Handle { get; }

    /// <summary>The current size in bytes (a multiple of <see cref="PageSize"/>).</summary>
    public long Length => Use("Length", buffer => (long)buffer.Size);

    /// <summary>The current size in pages of 64 KiB.</summary>
    public int Pages => (int)(Length / PageSize);

    /// <summary>
    /// Grows the memory by <paramref name="pages"/> pages (zero-filled) and returns its previous size in
    /// pages, as <c>memory.grow</c> does.
    /// </summary>
    /// <exception cref="ScriptResourceException">The memory would exceed <see cref="IsolateOptions.MaxWasmMemoryBytes"/>; it keeps its size.</exception>
    /// <exception cref="JavaScriptException">V8 refused: beyond the memory's own maximum (a <c>RangeError</c>), or beyond <see cref="IsolateOptions.MaxArrayBufferBytes"/>.</exception>
    public int Grow(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        const string operation = "WasmMemory.Grow";
        return Context.Run(operation, _ =>
        {
            var target = Context.Resolve(Handle, operation);
            if (Context.Options.MaxWasmMemoryBytes is { } limit)
            {
                var current = CurrentLength(target);
                if (current + (long)pages * PageSize > limit)
                    throw new ScriptResourceException(
                        $"{operation}: growing memory '{Name}' from {current / PageSize} by {pages} pages would exceed the isolate's WebAssembly memory limit (IsolateOptions.MaxWasmMemoryBytes = {limit:N0} bytes, {limit / PageSize} pages). The memory keeps its size.");
            }

            return Convert.ToInt32(Context.Bridge.Wasm.MemoryGrow(target, pages), System.Globalization.CultureInfo.InvariantCulture);
        });
    }

    /// <summary>Copies <paramref name="destination"/>.Length bytes starting at <paramref name="offset"/> out of the memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public unsafe void Read(long offset, Span<byte> destination)
    {
        fixed (byte* pointer = destination)
        {
            var target = (nint)pointer;
            var count = destination.Length;
            Access("Read", offset, count, memory => Buffer.MemoryCopy((byte*)memory, (byte*)target, count, count));
        }
    }

    /// <summary>Copies <paramref name="source"/> into the memory at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public unsafe void Write(long offset, ReadOnlySpan<byte> source)
    {
        fixed (byte* pointer = source)
        {
            var origin = (nint)pointer;
            var count = source.Length;
            Access("Write", offset, count, memory => Buffer.MemoryCopy((byte*)origin, (byte*)memory, count, count));
        }
    }

    /// <summary>Decodes <paramref name="length"/> bytes at <paramref name="offset"/> as UTF-8 (invalid sequences become U+FFFD).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public unsafe string ReadString(long offset, int length)
    {
        string text = string.Empty;
        Access("ReadString", offset, length, memory => text = length == 0 ? string.Empty : Encoding.UTF8.GetString((byte*)memory, length));
        return text;
    }

    /// <summary>Releases the .NET handle on the memory; the memory lives on while wasm or JS uses it.</summary>
    public void Dispose() => Handle.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"WasmMemory '{Name}'";

    private long CurrentLength(ScriptObject memory) => WithBuffer(memory, static buffer => (long)buffer.Size);

    private T WithBuffer<T>(ScriptObject memory, Func<IArrayBuffer, T> action)
    {
        var buffer = Context.Bridge.Wasm.MemoryBuffer(memory);
        try
        {
            // A shared memory's buffer is a SharedArrayBuffer, which ClearScript offers no direct access to.
            return action(buffer as IArrayBuffer ?? throw new NotSupportedException($"WasmMemory: memory '{Name}' is shared; WasmMemory reads and writes only unshared memories."));
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private T Use<T>(string member, Func<IArrayBuffer, T> action)
    {
        var operation = $"WasmMemory.{member}";
        return Context.Run(operation, _ => WithBuffer(Context.Resolve(Handle, operation), action));
    }

    /// <summary>Runs <paramref name="action"/> with a pointer to byte <paramref name="offset"/> of the memory, after checking the range.</summary>
    private void Access(string member, long offset, int count, Action<nint> action)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Use<object?>(member, buffer =>
        {
            var size = (long)buffer.Size;
            if (offset > size || count > size - offset)
                throw new ArgumentOutOfRangeException(nameof(offset), offset, $"WasmMemory.{member}: bytes {offset}..{offset + count} are outside memory '{Name}' ({size:N0} bytes).");
            if (count == 0)
                return null;
            buffer.InvokeWithDirectAccess(memory => action(memory + (nint)offset));
            return null;
        });
    }
}
