namespace V8Host.Tests.Values;

/// <summary>
/// api.md JsArrayBuffer / JsTypedArray: Read, Write and WithSpan reach V8's bytes in place, exactly,
/// and only the bytes the buffer or view has now. Cases where a wrong size would touch decommitted
/// memory (a resizable buffer shrunk by pages, script run inside a callback) are in
/// V8Host.Security.Tests/BufferSpanAttackTests, in a child process; the shrinks here stay within one
/// page, so a stale size reads zeros instead of crashing and the counts tell.
/// </summary>
public sealed class BufferSpanTests : IDisposable
{
    private const int Seed = 7;
    private const int OtherSeed = 91;

    private readonly Context _context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    public BufferSpanTests()
    {
        _context.Eval("""
            globalThis.fill = (u8, seed) => { for (let i = 0; i < u8.length; i++) u8[i] = (i * 31 + seed) & 255; return u8; };
            globalThis.mismatch = (u8, seed) => { for (let i = 0; i < u8.length; i++) if (u8[i] !== ((i * 31 + seed) & 255)) return i; return -1; };
            """);
    }

    public void Dispose() => _context.Dispose();

    public static TheoryData<int> Sizes => new() { 0, 1, 4095, 4096, 4097, 64 << 20 };

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
            bytes[i] = (byte)((i * 31) + seed);
        return bytes;
    }

    private JsArrayBuffer Buffer(string script) => Assert.IsType<JsArrayBuffer>(_context.Eval(script));

    private JsTypedArray View(string script) => Assert.IsType<JsTypedArray>(_context.Eval(script));

    // ---- Exact bytes, every size ------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Sizes))]
    public void ArrayBuffer_ReadWriteWithSpan_AreExact(int size)
    {
        using var buffer = Buffer($"globalThis.b = fill(new Uint8Array({size}), {Seed}).buffer; b");
        Assert.Equal(size, buffer.ByteLength);

        var read = new byte[size];
        Assert.Equal(size, buffer.Read(0, read));
        Assert.True(Pattern(size, Seed).AsSpan().SequenceEqual(read), "Read differs from the JS bytes.");
        Assert.True(Pattern(size, Seed).AsSpan().SequenceEqual(buffer.ToArray()), "ToArray differs from the JS bytes.");

        Assert.Equal(size, buffer.Write(0, Pattern(size, OtherSeed)));
        Assert.Equal(-1, _context.Eval<int>($"mismatch(new Uint8Array(b), {OtherSeed})"));

        var seen = buffer.WithSpan(bytes =>
        {
            var same = bytes.SequenceEqual(Pattern(size, OtherSeed));
            for (var i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)((i * 31) + Seed);
            return (same, bytes.Length);
        });
        Assert.Equal((true, size), seen);
        Assert.Equal(-1, _context.Eval<int>($"mismatch(new Uint8Array(b), {Seed})"));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TypedArray_WithAnOffset_ReadWriteWithSpan_AreExactAndStayInTheView(int size)
    {
        // 3 guard bytes on each side of the view.
        using var view = View($"globalThis.whole = new Uint8Array({size} + 6).fill(0xEE); globalThis.v = fill(whole.subarray(3, 3 + {size}), {Seed}); v");
        Assert.Equal(3, view.ByteOffset);
        Assert.Equal(size, view.ByteLength);

        var read = new byte[size];
        Assert.Equal(size, view.Read(0, read));
        Assert.True(Pattern(size, Seed).AsSpan().SequenceEqual(read), "Read differs from the JS bytes.");
        Assert.True(Pattern(size, Seed).AsSpan().SequenceEqual(view.ToArray()), "ToArray differs from the JS bytes.");

        Assert.Equal(size, view.Write(0, Pattern(size, OtherSeed)));
        Assert.Equal(-1, _context.Eval<int>($"mismatch(v, {OtherSeed})"));

        Assert.Equal(size, view.WithSpan(bytes =>
        {
            bytes.Fill(0x11);
            return bytes.Length;
        }));
        Assert.True(_context.Eval<bool>($"v.every(x => x === 0x11) && [0, 1, 2, {size} + 3, {size} + 4, {size} + 5].every(i => whole[i] === 0xEE)"));
    }

    [Fact]
    public void Read_AndWrite_AtAnOffset_CoverTheRestOfTheBuffer()
    {
        using var buffer = Buffer("globalThis.b = new Uint8Array([10, 20, 30, 40, 50]).buffer; b");
        var tail = new byte[8];
        Assert.Equal(2, buffer.Read(3, tail));
        Assert.Equal(new byte[] { 40, 50 }, tail[..2]);
        Assert.Equal(0, buffer.Read(5, tail));

        Assert.Equal(2, buffer.Write(3, new byte[] { 1, 2, 3, 4 }));
        Assert.Equal("10,20,30,1,2", _context.Eval<string>("new Uint8Array(b).join()"));
        Assert.Equal(0, buffer.Write(5, new byte[] { 9 }));
    }

    [Fact]
    public void TypedArray_Read_IsRelativeToTheView()
    {
        using var view = View("new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).subarray(2, 6)");
        var destination = new byte[3];
        Assert.Equal(3, view.Read(1, destination));
        Assert.Equal(new byte[] { 3, 4, 5 }, destination);
        Assert.Equal(1, view.Read(3, destination));
        Assert.Equal(5, destination[0]);
    }

    [Fact]
    public void WiderElementTypes_AreSeenAsTheirBytes()
    {
        using var view = View("globalThis.f = new Float64Array([1.5, -2]); f");
        view.WithSpan(bytes =>
        {
            Assert.Equal(16, bytes.Length);
            Assert.Equal(1.5, BitConverter.ToDouble(bytes[..8]));
            BitConverter.TryWriteBytes(bytes[8..], 42.25);
        });
        Assert.Equal(42.25, _context.Eval<double>("f[1]"));
    }

    [Fact]
    public void DataView_ExposesOnlyItsRange()
    {
        using var view = View("globalThis.raw = new Uint8Array(10); globalThis.dv = new DataView(raw.buffer, 3, 5); dv");
        Assert.Equal("DataView", view.ArrayType);
        view.WithSpan(bytes =>
        {
            Assert.Equal(5, bytes.Length);
            bytes.Fill(7);
        });
        Assert.Equal("0,0,0,7,7,7,7,7,0,0", _context.Eval<string>("raw.join()"));

        Assert.Equal(2, view.Write(3, new byte[] { 1, 2, 3 }));
        var read = new byte[5];
        Assert.Equal(5, view.Read(0, read));
        Assert.Equal(new byte[] { 7, 7, 7, 1, 2 }, read);
        Assert.Equal(2, _context.Eval<int>("dv.getUint8(4)"));
    }

    [Fact]
    public void EmptyBuffersAndViews_GiveAnEmptySpan()
    {
        using var buffer = Buffer("new ArrayBuffer(0)");
        using var view = View("new Uint8Array(new ArrayBuffer(8), 8)");
        Assert.Equal(-1, buffer.WithSpan(bytes => bytes.Length - 1));
        Assert.Equal(-1, view.WithSpan(bytes => bytes.Length - 1));
        Assert.Equal(0, buffer.Read(0, new byte[4]));
        Assert.Equal(0, view.Write(0, new byte[4]));
        Assert.Empty(buffer.ToArray());
    }

    // ---- Arguments -----------------------------------------------------------------------------------

    [Fact]
    public void OffsetsOutsideTheBuffer_NameTheParameter()
    {
        using var buffer = Buffer("new ArrayBuffer(4)");
        using var view = View("new Uint8Array(8).subarray(2, 4)");
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Read(-1, new byte[1])).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Write(-1, new byte[1])).ParamName);
        var past = Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Read(5, new byte[1]));
        Assert.Equal("offset", past.ParamName);
        Assert.Contains("JsArrayBuffer.Read", past.Message);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Write(5, new byte[1])).ParamName);
        var pastView = Assert.Throws<ArgumentOutOfRangeException>(() => view.Read(3, new byte[1]));
        Assert.Equal("offset", pastView.ParamName);
        Assert.Contains("JsTypedArray.Read", pastView.Message);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => view.Write(long.MaxValue, new byte[1])).ParamName);
    }

    [Fact]
    public void NullCallbacks_AreRefused()
    {
        using var buffer = Buffer("new ArrayBuffer(4)");
        using var view = View("new Uint8Array(4)");
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => buffer.WithSpan((SpanAction)null!)).ParamName);
        Assert.Equal("func", Assert.Throws<ArgumentNullException>(() => view.WithSpan((SpanFunc<int>)null!)).ParamName);
    }

    // ---- Detached buffers --------------------------------------------------------------------------

    [Theory]
    [InlineData("b.transfer()")]
    [InlineData("structuredClone(b, { transfer: [b] })")]
    [InlineData("b.transferToFixedLength(2)")]
    public void DetachedBuffer_GivesACleanErrorEverywhereAndByteLengthZero(string detach)
    {
        using var buffer = Buffer("globalThis.b = new ArrayBuffer(64); b");
        using var view = View("globalThis.u = new Uint8Array(b, 8, 16); u");
        Assert.Equal(64, buffer.ByteLength);
        Assert.Equal(16, view.ByteLength);
        _context.Eval(detach);

        Assert.Equal(0, buffer.ByteLength);
        Assert.Equal(0, view.ByteLength);
        Assert.Equal(0, view.Length);
        Assert.Equal(0, view.ByteOffset);
        var called = false;
        AssertDetached("JsArrayBuffer.Read", () => buffer.Read(0, new byte[4]));
        AssertDetached("JsArrayBuffer.Read", () => buffer.Read(0, Span<byte>.Empty));
        AssertDetached("JsArrayBuffer.Read", () => buffer.Read(1000, new byte[4]));
        AssertDetached("JsArrayBuffer.Write", () => buffer.Write(0, new byte[4]));
        AssertDetached("JsArrayBuffer.ToArray", () => buffer.ToArray());
        AssertDetached("JsArrayBuffer.WithSpan", () => buffer.WithSpan(_ => called = true));
        AssertDetached("JsTypedArray.Read", () => view.Read(0, new byte[4]));
        AssertDetached("JsTypedArray.Write", () => view.Write(0, new byte[4]));
        AssertDetached("JsTypedArray.ToArray", () => view.ToArray());
        AssertDetached("JsTypedArray.WithSpan", () => view.WithSpan(_ => called = true));
        Assert.False(called, "A callback ran over a detached buffer.");
    }

    [Fact]
    public void HandlesTakenAfterDetaching_AndEmptyDetachedBuffers_AreDetachedToo()
    {
        _context.Eval("globalThis.gone = new ArrayBuffer(8); gone.transfer(); globalThis.empty = new ArrayBuffer(0); globalThis.ev = new Uint8Array(empty);");
        using var late = Buffer("gone");
        using var empty = Buffer("empty");
        using var emptyView = View("ev");
        _context.Eval("empty.transfer()");
        Assert.Equal(0, late.ByteLength);
        AssertDetached("JsArrayBuffer.Read", () => late.Read(0, new byte[1]));
        AssertDetached("JsArrayBuffer.WithSpan", () => empty.WithSpan(_ => { }));
        AssertDetached("JsTypedArray.ToArray", () => emptyView.ToArray());
    }

    private static void AssertDetached(string member, Action action)
    {
        var exception = Assert.Throws<InvalidOperationException>(action);
        Assert.StartsWith(member + ":", exception.Message);
        Assert.Contains("detached", exception.Message);
    }

    // ---- Resizable and growable buffers ------------------------------------------------------------

    [Fact]
    public void ResizableBuffer_ShrunkAndGrown_IsReadAtItsSizeNow()
    {
        using var buffer = Buffer("globalThis.r = new ArrayBuffer(100, { maxByteLength: 200 }); fill(new Uint8Array(r), 1); r");
        Assert.Equal(100, buffer.ByteLength);
        Assert.Equal(100, buffer.ToArray().Length);

        _context.Eval("r.resize(10)");
        Assert.Equal(10, buffer.ByteLength);
        Assert.Equal(10, buffer.Read(0, new byte[100]));
        Assert.Equal(Pattern(10, 1), buffer.ToArray());
        Assert.Equal(10, buffer.WithSpan(bytes => bytes.Length));
        Assert.Equal(10, buffer.Write(0, new byte[100]));
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Read(11, new byte[1])).ParamName);

        _context.Eval("r.resize(150); new Uint8Array(r).fill(3, 10)");
        Assert.Equal(150, buffer.ByteLength);
        Assert.Equal(140, buffer.Read(10, new byte[200]));
        Assert.Equal(150, buffer.WithSpan(bytes => bytes.Length));
    }

    [Fact]
    public void ViewsOfAResizableBuffer_TrackItOrGoOutOfBounds()
    {
        _context.Eval("globalThis.r = new ArrayBuffer(100, { maxByteLength: 200 }); globalThis.tracking = new Uint8Array(r, 4); globalThis.fixed = new Uint8Array(r, 4, 50); globalThis.dv = new DataView(r, 4, 50);");
        using var tracking = View("tracking");
        using var fixedView = View("fixed");
        using var dataView = View("dv");
        Assert.Equal(96, tracking.ByteLength);
        Assert.Equal(50, fixedView.ByteLength);
        Assert.Equal(50, dataView.ByteLength);

        _context.Eval("r.resize(20)");
        Assert.Equal(16, tracking.ByteLength);
        Assert.Equal(16, tracking.Length);
        Assert.Equal(16, tracking.Read(0, new byte[100]));
        Assert.Equal(16, tracking.WithSpan(bytes => bytes.Length));
        Assert.Equal(0, fixedView.ByteLength);
        Assert.Equal(0, fixedView.ByteOffset);
        Assert.Equal(0, dataView.ByteLength);
        Assert.Equal(0, dataView.Length);
        var called = false;
        AssertOutOfBounds("JsTypedArray.Read", () => fixedView.Read(0, new byte[4]));
        AssertOutOfBounds("JsTypedArray.WithSpan", () => fixedView.WithSpan(_ => called = true));
        AssertOutOfBounds("JsTypedArray.ToArray", () => dataView.ToArray());
        AssertOutOfBounds("JsTypedArray.Write", () => dataView.Write(0, new byte[4]));
        Assert.False(called, "A callback ran over a view out of bounds.");

        _context.Eval("r.resize(200)");
        Assert.Equal(50, fixedView.WithSpan(bytes => bytes.Length));
        Assert.Equal(4, dataView.ByteOffset);
        Assert.Equal(196, tracking.ByteLength);
    }

    private static void AssertOutOfBounds(string member, Action action)
    {
        var exception = Assert.Throws<InvalidOperationException>(action);
        Assert.StartsWith(member + ":", exception.Message);
        Assert.Contains("out of bounds", exception.Message);
    }

    [Fact]
    public void SharedArrayBuffers_FixedAndGrowable_AreReachedInPlace()
    {
        using var shared = Buffer("globalThis.s = new SharedArrayBuffer(8); s");
        using var growable = Buffer("globalThis.g = new SharedArrayBuffer(8, { maxByteLength: 64 }); g");
        using var view = View("new Uint8Array(g, 2)");
        shared.WithSpan(bytes => bytes.Fill(5));
        Assert.Equal("5,5,5,5,5,5,5,5", _context.Eval<string>("new Uint8Array(s).join()"));
        Assert.Equal(8, shared.Write(0, Pattern(8, Seed)));
        Assert.Equal(-1, _context.Eval<int>($"mismatch(new Uint8Array(s), {Seed})"));

        _context.Eval("g.grow(32); fill(new Uint8Array(g), 1)");
        Assert.Equal(32, growable.ByteLength);
        Assert.Equal(Pattern(32, 1), growable.ToArray());
        Assert.Equal(30, view.ByteLength);
        Assert.Equal(30, view.WithSpan(bytes => bytes.Length));
    }

    // ---- Tampered built-ins ------------------------------------------------------------------------

    [Fact]
    public void SizesComeFromTheIntrinsics_NotFromWhatScriptRedefined()
    {
        using var buffer = Buffer("globalThis.r = new ArrayBuffer(100, { maxByteLength: 200 }); r");
        using var view = View("new Uint8Array(r, 4, 20)");
        _context.Eval("""
            r.resize(50);
            for (const [target, name] of [[ArrayBuffer.prototype, 'byteLength'], [ArrayBuffer.prototype, 'detached'], [ArrayBuffer.prototype, 'resizable'],
                    [Object.getPrototypeOf(Uint8Array.prototype), 'byteLength'], [Object.getPrototypeOf(Uint8Array.prototype), 'buffer']])
                Object.defineProperty(target, name, { get() { return name === 'buffer' ? new ArrayBuffer(150) : name === 'byteLength' ? 150 : false; } });
            Object.defineProperty(r, 'byteLength', { value: 150 });
            """);
        Assert.Equal(50, buffer.ByteLength);
        Assert.Equal(50, buffer.Read(0, new byte[200]));
        Assert.Equal(50, buffer.WithSpan(bytes => bytes.Length));
        Assert.Equal(20, view.WithSpan(bytes => bytes.Length));
    }

    // ---- Inside the callback ------------------------------------------------------------------------

    [Fact]
    public void CallsIntoTheContext_FromInsideTheCallback_AreRefused()
    {
        using var buffer = Buffer("globalThis.b = new ArrayBuffer(16); b");
        using var other = Buffer("new ArrayBuffer(4)");
        var refusals = buffer.WithSpan(bytes =>
        {
            bytes[0] = 1;
            var messages = new List<string>();
            void Refused(Action call) => messages.Add(Assert.Throws<InvalidOperationException>(call).Message);
            Refused(() => _context.Eval("b.transfer()"));
            Refused(() => _context.Eval("1 + 1"));
            Refused(() => _ = buffer.ByteLength);
            Refused(() => other.Read(0, new byte[1]));
            Refused(() => other.WithSpan(_ => { }));
            return messages;
        });

        Assert.All(refusals, message => Assert.Contains("inside the callback of JsArrayBuffer.WithSpan", message));
        Assert.Equal(5, refusals.Count);
        Assert.Equal(16, buffer.ByteLength);
        Assert.Equal("16|1", _context.Eval<string>("b.byteLength + '|' + new Uint8Array(b)[0]"));
    }

    [Fact]
    public void WhatTheCallbackThrows_PropagatesUnchanged_AndTheContextStaysUsable()
    {
        using var view = View("new Uint8Array(4)");
        var thrown = new FormatException("mine");
        Assert.Same(thrown, Assert.Throws<FormatException>(() => view.WithSpan(_ => throw thrown)));
        Assert.Equal(2, _context.Eval<int>("1 + 1"));
        Assert.Equal(4, view.WithSpan(bytes => bytes.Length));
    }

    [Fact]
    public void DisposingHandles_InsideTheCallback_IsAllowed()
    {
        var buffer = Buffer("globalThis.b = new ArrayBuffer(8); b");
        var other = Buffer("new ArrayBuffer(8)");
        buffer.WithSpan(bytes =>
        {
            other.Dispose();
            buffer.Dispose();
            bytes.Fill(9);
        });
        Assert.False(buffer.IsAlive);
        Assert.Equal("9,9,9,9,9,9,9,9", _context.Eval<string>("new Uint8Array(b).join()"));
    }

    [Fact]
    public void OtherThreads_WaitForTheCallbackToReturn()
    {
        using var buffer = Buffer("globalThis.b = new ArrayBuffer(4); b");
        using var entered = new ManualResetEventSlim();
        Task<int>? other = null;
        buffer.WithSpan(bytes =>
        {
            other = Task.Run(() =>
            {
                entered.Set();
                return _context.Eval<int>("new Uint8Array(b)[0]");
            });
            Assert.True(entered.Wait(TimeSpan.FromSeconds(30)));
            Assert.False(other.Wait(TimeSpan.FromMilliseconds(200)), "Another thread ran script while the span was live.");
            bytes[0] = 77;
        });
        Assert.Equal(77, other!.Wait(TimeSpan.FromSeconds(30)) ? other.Result : -1);
    }
}
