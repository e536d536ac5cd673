using System.Runtime.InteropServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host.Engine;

/// <summary>
/// A context's glue-private ArrayBuffer that .NET writes through its memory address, so that data
/// reaches the glue with the call that uses it instead of with calls of its own (Bootstrap.js, "transfer").
/// </summary>
/// <remarks>
/// The buffer is created by the glue with <c>new ArrayBuffer(n)</c>: its backing store is allocated
/// outside V8's heap and never moves, and no script can reach the buffer to detach or resize it, so
/// its address stays valid while .NET holds the buffer. .NET writes it only inside a call into the
/// context, right before the glue reads it, and no script runs in between; a larger need replaces
/// the buffer (the old one is let go with its address).
/// </remarks>
internal sealed unsafe class TransferBuffer
{
    /// <summary>The first buffer: room for 510 host objects, or about 4 KB of byte[] arguments or results.</summary>
    private const int InitialBytes = 4096;

    /// <summary>The slot of the instance id of a host-class method call (Bootstrap.js instanceSlot): after the count and 8 (index, length) pairs.</summary>
    private const int InstanceSlot = 1 + 2 * 8;

    /// <summary>Where staged argument bytes start (Bootstrap.js stagedBytesStart).</summary>
    private const int StagedBytesStart = 4 * (InstanceSlot + 1);

    /// <summary>Past this a payload takes the slower engine-call path instead of a larger buffer.</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>Whether <paramref name="length"/> bytes and their header fit the largest buffer.</summary>
    public static bool Fits(long length) => length <= MaxBytes - 4;

    private readonly ScriptObject _resize;
    private readonly int* _signals;
    private int* _data;
    private int _length;

    /// <param name="resize">Bootstrap.js transferBuffer(byteLength).</param>
    /// <param name="signals">The glue's 8-byte signals buffer (resultKind, transferredArguments), which it keeps for the context's lifetime.</param>
    public TransferBuffer(ScriptObject resize, ScriptObject signals)
    {
        _resize = resize;
        _signals = (int*)((IArrayBuffer)signals).InvokeWithDirectAccess(static address => address);
    }

    /// <summary>
    /// What a host call's <c>undefined</c> result stands for (Bootstrap.js fromHost): set by the call
    /// last thing, after its payload is in the buffer; cleared as every host call starts and whenever
    /// one fails, so that a plain <c>undefined</c> never reads a stale payload.
    /// </summary>
    public ResultKind Result
    {
        set => _signals[0] = (int)value;
    }

    /// <summary>
    /// How many arguments of the guarded call about to be made are in the buffer (Bootstrap.js
    /// bindCall): set right before every such call, so that a count a failed call never read does not
    /// reach the next one.
    /// </summary>
    public int TransferredArguments
    {
        set => _signals[1] = value;
    }

    /// <summary>The first <paramref name="count"/> Int32 slots, valid until the next call of this method.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is over <see cref="MaxBytes"/> / 4.</exception>
    public Span<int> Int32s(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxBytes / 4);
        if (count > _length)
            Grow(count);
        return new Span<int>(_data, count);
    }

    /// <summary>
    /// Room for <paramref name="length"/> bytes after a one-Int32 header holding the length (what the
    /// glue's <c>bytesMarker</c> reads), valid until the next call of <see cref="Int32s"/> or this method.
    /// </summary>
    public Span<byte> Bytes(int length)
    {
        var slots = Int32s(1 + (int)((length + 3L) / 4));
        slots[0] = length;
        return MemoryMarshal.AsBytes(slots).Slice(4, length);
    }

    /// <summary>
    /// Room for <paramref name="count"/> doubles after a header slot holding the count (what the glue's
    /// resultNumbers reads, from byte 8), valid until the next call of <see cref="Int32s"/>.
    /// </summary>
    public Span<double> Numbers(int count)
    {
        var slots = Int32s(2 + 2 * count);
        slots[0] = count;
        return MemoryMarshal.Cast<int, double>(slots[2..]);
    }

    /// <summary>
    /// The bytes of the Uint8Array arguments the glue staged for the host call being made
    /// (Bootstrap.js stageBytes), by argument index, or null when it staged none. Read first thing in
    /// the call, before any conversion can run script that stages bytes of its own.
    /// </summary>
    public byte[]?[]? TakeStagedBytes(int argumentCount)
    {
        var count = _data is null ? 0 : -_data[0];
        if (count <= 0)
            return null;
        _data[0] = 0;
        var staged = new byte[]?[argumentCount];
        var offset = StagedBytesStart;
        for (var i = 0; i < count; i++)
        {
            var (index, length) = (_data[1 + 2 * i], _data[2 + 2 * i]);
            if ((uint)index >= (uint)argumentCount || length < 0 || offset + (long)length > 4L * _length)
                throw new InvalidOperationException("The transfer buffer holds a staged argument the call does not have.");
            staged[index] = new ReadOnlySpan<byte>((byte*)_data + offset, length).ToArray();
            offset += length;
        }

        return staged;
    }

    /// <summary>
    /// The id of the instance whose method is being called, which the glue writes instead of passing
    /// it as an argument (copying the arguments to put it first costs more than the call). Read first
    /// thing in the call, like the staged bytes.
    /// </summary>
    public int TakeInstanceId()
    {
        var id = _data[InstanceSlot];
        _data[InstanceSlot] = 0;
        return id;
    }

    private void Grow(int count)
    {
        // A multiple of 8: the glue views the buffer as doubles too (TransferBuffer.Numbers).
        var bytes = Math.Max(InitialBytes, (int)Math.Min(MaxBytes, (Math.Max(4L * count, 8L * _length) + 7) & ~7L));
        var buffer = (ScriptObject)_resize.Invoke(false, bytes);
        // The glue keeps the buffer alive (and this address valid) until it is asked for a larger one.
        _data = (int*)((IArrayBuffer)buffer).InvokeWithDirectAccess(static address => address);
        _length = bytes / 4;
    }
}

/// <summary>What a host call's result stands for (Bootstrap.js resultHostObject …): <c>undefined</c> for most kinds.</summary>
internal enum ResultKind
{
    /// <summary><c>undefined</c> itself.</summary>
    None = 0,

    /// <summary>The host object in transfer slots 1–2.</summary>
    HostObject = 1,

    /// <summary>A new Array of the host objects in the transfer buffer (slot 0 counts them).</summary>
    HostObjects = 2,

    /// <summary>A new Uint8Array of the transfer buffer's bytes (<see cref="TransferBuffer.Bytes"/>).</summary>
    Bytes = 3,

    /// <summary>A new Array of the transfer buffer's numbers (<see cref="TransferBuffer.Numbers"/>).</summary>
    Numbers = 4,

    /// <summary>The call's string result is bulk JSON text of one plain-data item (BulkData.js decode, mode 1).</summary>
    JsonItem = 5,

    /// <summary>The call's string result is bulk JSON text of a collection's items (BulkData.js decode, mode 0).</summary>
    JsonItems = 6,
}
