using System.Buffers.Binary;

namespace V8Host;

/// <summary>
/// The little-endian reads and writes WASI calls make in the program's memory. Pointers arrive as
/// wasm i32 values (.NET <c>int</c>) and are unsigned addresses; a range outside the memory is the
/// program's fault and becomes <see cref="WasiErrno.Fault"/>, never an exception that ends the host.
/// </summary>
internal readonly struct WasiMemory(WasmMemory memory)
{
    public uint ReadUInt32(int address)
    {
        Span<byte> bytes = stackalloc byte[4];
        memory.Read((uint)address, bytes);
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
    }

    public void WriteUInt32(int address, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        memory.Write((uint)address, bytes);
    }

    public void WriteUInt64(int address, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        memory.Write((uint)address, bytes);
    }

    public void Read(long address, Span<byte> destination) => memory.Read(address, destination);

    public void Write(long address, ReadOnlySpan<byte> source) => memory.Write(address, source);

    /// <summary>The (buffer, length) pairs of an iovec array of <paramref name="count"/> entries at <paramref name="address"/>.</summary>
    public (uint Buffer, uint Length)[] ReadIovecs(int address, int count)
    {
        if (count < 0 || count > Wasi.MaxIovecs)
            throw new ArgumentOutOfRangeException(nameof(count), $"An iovec array of {(uint)count} entries is more than WASI allows ({Wasi.MaxIovecs}).");
        var bytes = new byte[count * 8];
        memory.Read((uint)address, bytes);
        var iovecs = new (uint, uint)[count];
        for (var i = 0; i < count; i++)
            iovecs[i] = (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 8)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 8 + 4)));
        return iovecs;
    }
}
