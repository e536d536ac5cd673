namespace V8Host.Tests.Values;

/// <summary>api.md §3: <see cref="JsArrayBuffer"/> and <see cref="JsTypedArray"/> copy bytes in and out.</summary>
public sealed class BufferTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void NewArrayBuffer_RoundTrip()
    {
        var bytes = new byte[] { 1, 2, 3, 250 };
        using var buffer = _context.NewArrayBuffer(bytes);
        bytes[0] = 99; // copied in
        Assert.Equal(4, buffer.ByteLength);
        Assert.Equal(new byte[] { 1, 2, 3, 250 }, buffer.ToArray());
        _context.SetGlobal("buf", buffer);
        Assert.True(_context.Eval<bool>("buf instanceof ArrayBuffer"));
        Assert.Equal("1,2,3,250", _context.Eval<string>("Array.from(new Uint8Array(buf)).join(',')"));
    }

    [Fact]
    public void NewArrayBuffer_Empty()
    {
        using var buffer = _context.NewArrayBuffer(ReadOnlySpan<byte>.Empty);
        Assert.Equal(0, buffer.ByteLength);
        Assert.Empty(buffer.ToArray());
    }

    [Fact]
    public void ArrayBuffer_ToArray_IsACopy()
    {
        using var buffer = (JsArrayBuffer)_context.Eval("globalThis.b = new Uint8Array([5, 6, 7]).buffer; b")!;
        var copy = buffer.ToArray();
        copy[0] = 0;
        Assert.Equal(5, _context.Eval<int>("new Uint8Array(b)[0]"));
    }

    [Fact]
    public void ArrayBuffer_Read()
    {
        using var buffer = (JsArrayBuffer)_context.Eval("new Uint8Array([10, 20, 30, 40, 50]).buffer")!;
        var destination = new byte[3];
        Assert.Equal(3, buffer.Read(1, destination));
        Assert.Equal(new byte[] { 20, 30, 40 }, destination);

        var tail = new byte[10];
        var count = buffer.Read(3, tail);
        Assert.Equal(2, count);
        Assert.Equal(new byte[] { 40, 50 }, tail[..2]);
    }

    [Fact]
    public void ArrayBuffer_Write_IsVisibleToJs()
    {
        using var buffer = (JsArrayBuffer)_context.Eval("globalThis.b = new ArrayBuffer(4); b")!;
        Assert.Equal(2, buffer.Write(1, new byte[] { 7, 8 }));
        Assert.Equal("0,7,8,0", _context.Eval<string>("Array.from(new Uint8Array(b)).join(',')"));
    }

    [Fact]
    public void ArrayBuffer_NegativeOffset_Throws()
    {
        using var buffer = _context.NewArrayBuffer(new byte[4]);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Read(-1, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Write(-1, new byte[1]));
    }

    [Fact]
    public void Uint8Array_Properties()
    {
        using var view = (JsTypedArray)_context.Eval("new Uint8Array([1, 2, 3])")!;
        Assert.Equal("Uint8Array", view.ArrayType);
        Assert.Equal(3, view.Length);
        Assert.Equal(3, view.ByteLength);
        Assert.Equal(0, view.ByteOffset);
        Assert.Equal(new byte[] { 1, 2, 3 }, view.ToArray());
    }

    [Fact]
    public void Float64Array_LengthIsElementsAndByteLengthIsBytes()
    {
        using var view = (JsTypedArray)_context.Eval("new Float64Array([1.5, -2])")!;
        Assert.Equal("Float64Array", view.ArrayType);
        Assert.Equal(2, view.Length);
        Assert.Equal(16, view.ByteLength);
        var bytes = view.ToArray();
        Assert.Equal(16, bytes.Length);
        Assert.Equal(1.5, BitConverter.ToDouble(bytes, 0));
        Assert.Equal(-2.0, BitConverter.ToDouble(bytes, 8));
    }

    [Fact]
    public void View_WithOffset_CoversOnlyItsWindow()
    {
        using var view = (JsTypedArray)_context.Eval(
            "globalThis.whole = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]); new Uint16Array(whole.buffer, 2, 2)")!;
        Assert.Equal("Uint16Array", view.ArrayType);
        Assert.Equal(2, view.Length);
        Assert.Equal(4, view.ByteLength);
        Assert.Equal(2, view.ByteOffset);
        Assert.Equal(new byte[] { 2, 3, 4, 5 }, view.ToArray());

        using var buffer = view.Buffer;
        Assert.Equal(8, buffer.ByteLength);
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 }, buffer.ToArray());
    }

    [Fact]
    public void TypedArray_Write_IsRelativeToViewAndVisibleToJs()
    {
        using var view = (JsTypedArray)_context.Eval(
            "globalThis.whole = new Uint8Array(6); whole.subarray(2)")!;
        Assert.Equal(2, view.Write(1, new byte[] { 9, 8 }));
        Assert.Equal("0,0,0,9,8,0", _context.Eval<string>("Array.from(whole).join(',')"));
    }

    [Fact]
    public void TypedArray_Buffer_IsTheSameArrayBuffer()
    {
        using var view = (JsTypedArray)_context.Eval("globalThis.u = new Uint8Array(4); u")!;
        using var buffer = view.Buffer;
        _context.SetGlobal("bufFromDotNet", buffer);
        Assert.True(_context.Eval<bool>("bufFromDotNet === u.buffer"));
        buffer.Write(0, new byte[] { 42 });
        Assert.Equal(42, _context.Eval<int>("u[0]"));
    }

    [Fact]
    public void DataView_Properties()
    {
        using var view = (JsTypedArray)_context.Eval("new DataView(new ArrayBuffer(10), 3, 5)")!;
        Assert.Equal("DataView", view.ArrayType);
        Assert.Equal(5, view.Length);
        Assert.Equal(5, view.ByteLength);
        Assert.Equal(3, view.ByteOffset);
        Assert.Equal(new byte[5], view.ToArray());
    }

    [Fact]
    public void ByteArray_PassedToJs_BecomesUint8ArrayCopy()
    {
        var bytes = new byte[] { 1, 2, 3 };
        _context.SetGlobal("bytes", bytes);
        bytes[0] = 100;
        Assert.True(_context.Eval<bool>("bytes instanceof Uint8Array && bytes[0] === 1 && bytes.length === 3"));
        using var view = Assert.IsType<JsTypedArray>(_context.GetGlobal("bytes"));
        Assert.Equal(new byte[] { 1, 2, 3 }, view.ToArray());
    }
}
