namespace V8Host.Tests.Values;

public sealed class ByteSink
{
    public byte[] Copy(byte[] bytes) => bytes;

    public double Sum(ReadOnlyMemory<byte> bytes)
    {
        var sum = 0L;
        foreach (var b in bytes.Span)
            sum += b;
        return sum;
    }

    public string Both(byte[] first, int between, Memory<byte> second) => $"{first.Length}:{between}:{second.Length}:{first.Sum(b => b)}:{second.ToArray().Sum(b => b)}";

    /// <summary>Reads its bytes only after a callback that passes other bytes through the same buffer.</summary>
    public byte[] After(Func<byte[], int> callback, byte[] bytes)
    {
        callback([9, 9, 9, 9, 9, 9, 9, 9]);
        return bytes;
    }

    public string Kind(object value) => value.GetType().Name;

    // Overloads choose by the argument's JS type, so these arguments cross as themselves.
    public string Take(byte[] bytes) => "bytes:" + string.Join(",", bytes);

    public string Take(string text) => "text:" + text;

    public string Mixed(byte[] bytes, object same) => $"{string.Join(",", bytes)}:{same.GetType().Name}";

    public int Maybe(byte[]? bytes = null) => bytes?.Length ?? -1;
}

/// <summary>
/// Uint8Array arguments of host calls are copied into the transfer buffer by the glue (first 4 KiB,
/// 4028 bytes of it for arguments) and read from there by byte[]/ReadOnlyMemory/Memory parameters;
/// larger, empty, detached or out-of-bounds arrays take the ordinary path. Both must be exact.
/// </summary>
public class ByteArgumentTransferTests
{
    private static Context CreateContext() => new Isolate(new IsolateOptions { MaxArrayBufferBytes = 512L << 20 }).CreateContextBuilder()
        .AddHostClass<ByteSink>()
        .AddHostFunction("copy", (byte[] bytes) => bytes)
        .SetGlobal("sink", new ByteSink())
        .Build();

    private static string Fill(string name, int length) =>
        $"const {name} = new Uint8Array({length}); for (let i = 0; i < {name}.length; i++) {name}[i] = (i * 31 + (i >> 8)) & 255;";

    private static byte[] Expected(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 31 + (i >> 8)) & 255)).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4027)]
    [InlineData(4028)]
    [InlineData(4029)]
    [InlineData(64 << 20)]
    public void Byte_arguments_are_exact_at_every_size(int length)
    {
        using var context = CreateContext();
        context.Eval(Fill("data", length));

        Assert.Equal(Expected(length), context.Eval<byte[]>("sink.copy(data)"));
        Assert.Equal(Expected(length), context.Eval<byte[]>("copy(data)"));
        Assert.Equal(Expected(length).Sum(b => (long)b), context.Eval<long>("sink.sum(data)"));
    }

    [Fact]
    public void Several_byte_arguments_and_views_into_larger_buffers_keep_their_own_bytes()
    {
        using var context = CreateContext();
        context.Eval(Fill("data", 300));

        Assert.Equal("100:7:50:" + Expected(300).Skip(10).Take(100).Sum(b => b) + ":" + Expected(300).Skip(200).Take(50).Sum(b => b),
            context.Eval<string>("sink.both(data.subarray(10, 110), 7, new Uint8Array(data.buffer, 200, 50))"));
    }

    [Fact]
    public void A_callback_that_passes_other_bytes_does_not_change_an_argument_already_read()
    {
        using var context = CreateContext();
        context.Eval(Fill("data", 32));

        Assert.Equal(Expected(32), context.Eval<byte[]>("sink.after(other => sink.sum(other), data)"));
    }

    [Fact]
    public void Tampered_typed_array_getters_do_not_run_in_the_glue()
    {
        using var context = CreateContext();
        context.Eval(Fill("data", 40));

        Assert.Equal(Expected(40), context.Eval<byte[]>("""
            let ran = false;
            const spy = () => { ran = true; return 1e9; };
            const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
            Object.defineProperty(TypedArray, 'length', { get: spy, configurable: true });
            Object.defineProperty(TypedArray, Symbol.toStringTag, { get: spy, configurable: true });
            const copied = sink.copy(data);
            if (ran) throw new Error('a tampered getter ran');
            copied
            """));
    }

    [Fact]
    public void A_parameter_that_is_not_a_byte_buffer_still_gets_the_array_itself()
    {
        using var context = CreateContext();

        Assert.Equal("JsTypedArray", context.Eval<string>("sink.kind(new Uint8Array([1, 2, 3]))"));
    }

    [Fact]
    public void Overloads_still_choose_by_the_arguments_type()
    {
        using var context = CreateContext();

        Assert.Equal("bytes:1,2,3", context.Eval<string>("sink.take(new Uint8Array([1, 2, 3]))"));
        Assert.Equal("text:abc", context.Eval<string>("sink.take('abc')"));
    }

    [Fact]
    public void The_bytes_go_to_the_byte_parameter_and_the_array_itself_to_an_object_parameter()
    {
        using var context = CreateContext();

        Assert.Equal("4,5,6:JsTypedArray", context.Eval<string>("const m = new Uint8Array([4, 5, 6]); sink.mixed(m, m)"));
    }

    [Fact]
    public void An_optional_byte_parameter_tells_an_omitted_argument_from_bytes()
    {
        using var context = CreateContext();

        Assert.Equal(-1, context.Eval<int>("sink.maybe()"));
        Assert.Equal(-1, context.Eval<int>("sink.maybe(null)"));
        Assert.Equal(2, context.Eval<int>("sink.maybe(new Uint8Array(2))"));
    }

    [Fact]
    public void Values_that_are_not_Uint8Arrays_take_the_ordinary_path_and_its_errors()
    {
        using var context = CreateContext();

        Assert.Equal(new byte[] { 7, 8 }, context.Eval<byte[]>("sink.copy(new Uint8Array([7, 8]).buffer)"));
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("sink.copy(2)"));
        Assert.Contains("'bytes'", error.Message);
    }

    [Fact]
    public void Detached_and_out_of_bounds_arrays_are_not_silently_empty()
    {
        using var context = CreateContext();
        context.Eval(Fill("data", 16));

        // Detached: no bytes are left, and the parameter says so rather than seeing an empty array.
        var detached = Assert.Throws<JavaScriptException>(() => context.Eval("const d = data.slice(); d.buffer.transfer(); sink.copy(d)"));
        Assert.Contains("copy", detached.Message);

        // A view past the end of a shrunk resizable buffer is out of bounds: the same.
        var shrunk = Assert.Throws<JavaScriptException>(() => context.Eval("const r = new ArrayBuffer(16, { maxByteLength: 32 }); const v = new Uint8Array(r, 8, 8); r.resize(4); sink.copy(v)"));
        Assert.Contains("copy", shrunk.Message);
    }

    [Fact]
    public void Concurrent_contexts_never_share_staged_bytes()
    {
        var failures = 0;
        Parallel.For(0, 4, worker =>
        {
            using var context = CreateContext();
            var copy = context.Eval<JsFunction>($"(n) => {{ const b = new Uint8Array(n).fill({worker + 1}); return sink.copy(b); }}");
            for (var i = 0; i < 300; i++)
            {
                var bytes = copy.Invoke<byte[]>(50 + i);
                if (bytes.Length != 50 + i || bytes.Any(b => b != worker + 1))
                    Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
