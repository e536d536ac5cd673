namespace V8Host.Tests.Values;

/// <summary>
/// A host call returning byte[], ReadOnlyMemory&lt;byte&gt; or Memory&lt;byte&gt; crosses through the
/// context's transfer buffer (first 512 bytes: 508 of payload after the length) and becomes a new
/// Uint8Array; past 16 MiB it takes the engine-call path. Both must be exact.
/// </summary>
public class ByteResultTransferTests
{
    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
            bytes[i] = (byte)(i * 31 + seed * 7 + (i >> 8));
        return bytes;
    }

    private static Context CreateContext() => new Isolate(new IsolateOptions { MaxArrayBufferBytes = 512L << 20 }).CreateContextBuilder()
        .AddHostFunction("bytes", (int length, int seed) => Pattern(length, seed))
        .AddHostFunction("memory", (int length, int seed) => new ReadOnlyMemory<byte>(Pattern(length + 3, seed), 3, length))
        .AddHostFunction("writable", (int length, int seed) => new Memory<byte>(Pattern(length + 1, seed), 1, length))
        .AddHostFunction("nested", (Func<int, byte[]> inner, int length) =>
        {
            var before = inner(length * 2);
            return Pattern(length, before.Length);
        })
        .AddHostFunction("quiet", (Func<int, byte[]> inner) => { inner(8); })
        .AddHostFunction("failsAfter", (Func<int, byte[]> inner) =>
        {
            inner(8);
            throw new InvalidOperationException("failed after bytes");
        })
        .AddHostFunction("nothing", () => { })
        .Build();

    [Fact]
    public void An_undefined_result_stays_undefined_after_bytes_crossed_in_a_nested_call_or_before_a_failure()
    {
        using var context = CreateContext();

        // The nested call's bytes mark the buffer; the outer void call's undefined must not read them.
        Assert.Equal("undefined", context.Eval<string>("typeof quiet(n => bytes(n, 1))"));
        Assert.Equal("undefined", context.Eval<string>("try { failsAfter(n => bytes(n, 1)); } catch { } typeof nothing()"));
        Assert.Equal("undefined", context.Eval<string>("bytes(4, 1); typeof nothing()"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(507)]
    [InlineData(508)]
    [InlineData(509)]
    [InlineData(100_000)]
    [InlineData((16 << 20) - 4)]
    [InlineData((16 << 20) - 3)]
    [InlineData(64 << 20)]
    public void Returned_bytes_are_exact_at_every_size(int length)
    {
        using var context = CreateContext();

        foreach (var function in new[] { "bytes", "memory", "writable" })
        {
            var seed = length % 251 + function.Length;
            var bytes = context.Eval<JsFunction>($"n => {{ const b = {function}(n, {seed}); if (!(b instanceof Uint8Array) || b.length !== n) throw new Error('not a Uint8Array of ' + n); return b; }}").Invoke<byte[]>(length);
            Assert.True(bytes.AsSpan().SequenceEqual(function == "memory" ? Pattern(length + 3, seed).AsSpan(3) : function == "writable" ? Pattern(length + 1, seed).AsSpan(1) : Pattern(length, seed)), $"{function}({length})");
        }
    }

    [Fact]
    public void Each_call_gets_its_own_array()
    {
        using var context = CreateContext();

        Assert.True(context.Eval<bool>("""
            const a = bytes(64, 1), b = bytes(64, 2);
            a !== b && a.buffer !== b.buffer && a[0] !== b[0] && a.byteOffset === 0 && a.buffer.byteLength === 64
            """));
        Assert.Equal(0, context.Eval<int>("const c = bytes(16, 1); c.fill(0); bytes(16, 1)[0] === c[0] ? 1 : 0"));
    }

    [Fact]
    public void A_tampered_Uint8Array_prototype_is_not_consulted()
    {
        using var context = CreateContext();

        Assert.Equal("16:true:false", context.Eval<string>("""
            let ran = false;
            const spy = function () { ran = true; throw new Error('user code ran'); };
            const TypedArray = Object.getPrototypeOf(Uint8Array.prototype);
            Object.defineProperty(Uint8Array.prototype, 'constructor', { get: spy, configurable: true });
            Object.defineProperty(Uint8Array, Symbol.species, { get: spy, configurable: true });
            Object.defineProperty(TypedArray, 'buffer', { get: spy, configurable: true });
            Object.defineProperty(TypedArray, 'set', { value: spy, configurable: true });
            Object.defineProperty(TypedArray, 'subarray', { value: spy, configurable: true });
            const b = bytes(16, 0);
            b.length + ':' + (b[1] === 31) + ':' + ran
            """));
    }

    [Fact]
    public void Bytes_returned_inside_a_nested_call_do_not_disturb_the_outer_result()
    {
        using var context = CreateContext();

        var outer = context.Eval<byte[]>("nested(n => { const inner = bytes(n, 9); return inner; }, 600)");
        Assert.Equal(Pattern(600, 1200), outer);
    }

    [Fact]
    public void Concurrent_contexts_never_share_bytes()
    {
        var failures = 0;
        Parallel.For(0, 4, worker =>
        {
            using var context = CreateContext();
            var read = context.Eval<JsFunction>("(n, seed) => bytes(n, seed)");
            for (var i = 0; i < 300; i++)
            {
                var length = 100 + worker * 200 + i;
                if (!read.Invoke<byte[]>(length, worker).AsSpan().SequenceEqual(Pattern(length, worker)))
                    Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
