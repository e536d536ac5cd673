namespace V8Host.Tests.Values;

/// <summary>Handles are released when disposed: the context's handle table does not grow.</summary>
public sealed class HandleLeakTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void ManyEvals_DisposedHandles_ReturnToStartingCount()
    {
        var start = _context.LiveHandleCount;
        for (var i = 0; i < 500; i++)
        {
            using var obj = (JsObject)_context.Eval($"({{ i: {i}, nested: {{}} }})")!;
            using var array = (JsArray)_context.Eval("[1, 2, 3]")!;
            using var fn = (JsFunction)_context.Eval("(x => x)")!;
            Assert.Equal(i, obj["i"]);
        }

        Assert.Equal(start, _context.LiveHandleCount);
    }

    [Fact]
    public void LiveHandles_AreCounted_UntilDisposed()
    {
        var start = _context.LiveHandleCount;
        var handles = Enumerable.Range(0, 10).Select(_ => (JsHandle)_context.Eval("({})")!).ToList();
        Assert.Equal(start + 10, _context.LiveHandleCount);
        foreach (var handle in handles)
            handle.Dispose();
        Assert.Equal(start, _context.LiveHandleCount);
    }

    [Fact]
    public void A_called_function_is_bound_once_and_its_binding_goes_with_the_handle()
    {
        var start = _context.LiveGuardedCallCount;
        var functions = Enumerable.Range(0, 20).Select(i => (JsFunction)_context.Eval($"(x => x + {i})")!).ToList();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < functions.Count; i++)
                Assert.Equal(i + 1, functions[i].Invoke<int>(1));
        }

        Assert.Equal(start + 20, _context.LiveGuardedCallCount);
        foreach (var function in functions)
            function.Dispose();
        Assert.Equal(start, _context.LiveGuardedCallCount);
        Assert.Throws<ObjectDisposedException>(() => functions[0].Invoke(1));
    }

    [Fact]
    public void A_called_function_that_is_collected_releases_its_binding()
    {
        var start = _context.LiveGuardedCallCount;
        CallAndDrop(_context);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        // The finalizer only queues; the next operation applies the release.
        _context.Eval("0");
        Assert.Equal(start, _context.LiveGuardedCallCount);

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        static void CallAndDrop(Context context) => Assert.Equal(2, ((JsFunction)context.Eval("(x => x * 2)")!).Invoke<int>(1));
    }

    [Fact]
    public void NestedHandles_DisposedByCaller_DoNotLeak()
    {
        using var outer = (JsObject)_context.Eval("globalThis.o = { a: { b: [1, { c: 2 }] } }; o")!;
        var start = _context.LiveHandleCount;
        for (var i = 0; i < 100; i++)
        {
            using var a = (JsObject)outer["a"]!;
            using var b = (JsArray)a["b"]!;
            using var c = (JsObject)b[1]!;
            Assert.Equal(2, c.Get<int>("c"));
        }

        Assert.Equal(start, _context.LiveHandleCount);
    }

    [Fact]
    public void TypedReadsAndCalls_DoNotLeak()
    {
        using var fn = (JsFunction)_context.Eval("(o, arr) => ({ sum: arr.reduce((x, y) => x + y, 0), o })")!;
        using var obj = (JsObject)_context.Eval("({ list: [1, 2, 3], map: { a: 1 } })")!;
        var start = _context.LiveHandleCount;
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(3, obj.Get<List<int>>("list").Count);
            Assert.Single(obj.Get<Dictionary<string, int>>("map"));
            Assert.Equal(6, _context.Eval<int[]>("[1, 2, 3]").Sum());
            _context.Eval<bool>("true");
            _context.SetGlobal("x", new List<int> { 1, 2 });
            Assert.Equal(1, _context.Serialize(obj).Length > 0 ? 1 : 0);
            using var result = (JsObject)fn.Invoke(obj, new[] { 1, 2, 3 })!;
            Assert.Equal(6, result["sum"]);
        }

        Assert.Equal(start, _context.LiveHandleCount);
    }

    [Fact]
    public void ArraySearch_DoesNotLeakElementHandles()
    {
        using var array = (JsArray)_context.Eval("[{}, {}, 'needle', {}, []]")!;
        var start = _context.LiveHandleCount;
        Assert.Equal(2, array.IndexOf("needle"));
        Assert.True(((ICollection<object?>)array).Contains("needle")); // the list's own Contains, not an enumeration
        Assert.Equal(-1, array.IndexOf("missing"));
        Assert.Equal(start, _context.LiveHandleCount);
    }

    [Fact]
    public void HostFunctionHandleParameters_DoNotLeak()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("count", new Func<JsObject, int>(obj =>
            {
                using (obj)
                    return obj.Count;
            }))
            .Build();
        var start = context.LiveHandleCount;
        Assert.Equal(100, context.Eval<int>("let n = 0; for (let i = 0; i < 100; i++) n += count({ a: 1 }); n"));
        Assert.Equal(start, context.LiveHandleCount);
    }

    [Fact]
    public void DisposingContext_InvalidatesAllHandles()
    {
        var context = new Isolate().CreateContext();
        var handles = Enumerable.Range(0, 5).Select(_ => (JsHandle)context.Eval("({})")!).ToList();
        context.Dispose();
        Assert.All(handles, handle => Assert.False(handle.IsAlive));
        foreach (var handle in handles)
            handle.Dispose();
    }
}
