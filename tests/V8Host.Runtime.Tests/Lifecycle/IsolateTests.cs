namespace V8Host.Tests.Lifecycle;

public class IsolateTests
{
    [Fact]
    public void CreateContext_consumes_the_isolate()
    {
        var isolate = new Isolate();
        using var context = isolate.CreateContext();

        Assert.False(isolate.IsAlive);
        var error = Assert.Throws<InvalidOperationException>(() => isolate.CreateContext());
        Assert.Contains("already consumed by CreateContext()", error.Message);
        Assert.Throws<InvalidOperationException>(() => isolate.CreateContextBuilder());
        Assert.Throws<InvalidOperationException>(() => isolate.CreateScope());
        Assert.Throws<InvalidOperationException>(() => isolate.GetHeapStatistics());
        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void Every_factory_consumes_and_names_the_first_consumer()
    {
        var isolate = new Isolate();
        using var builder = isolate.CreateContextBuilder();
        var error = Assert.Throws<InvalidOperationException>(() => isolate.CreateContext());
        Assert.Contains("CreateContextBuilder()", error.Message);

        var scoped = new Isolate();
        using var scope = scoped.CreateScope();
        Assert.Contains("CreateScope()", Assert.Throws<InvalidOperationException>(() => scoped.CreateContextBuilder()).Message);
    }

    [Fact]
    public void Disposed_isolate_throws_ObjectDisposedException_and_dispose_is_idempotent()
    {
        var isolate = new Isolate();
        isolate.Dispose();
        isolate.Dispose();

        Assert.False(isolate.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => isolate.CreateContext());
        Assert.Throws<ObjectDisposedException>(() => isolate.GetHeapStatistics());
    }

    [Fact]
    public void Disposing_a_consumed_isolate_leaves_its_context_alive()
    {
        var isolate = new Isolate();
        using var context = isolate.CreateContext();
        isolate.Dispose();

        Assert.True(context.IsAlive);
        Assert.Equal("ok", context.Eval<string>("'ok'"));
    }

    [Fact]
    public void Heap_statistics_and_garbage_collection_work_before_consumption()
    {
        using var isolate = new Isolate();
        var stats = isolate.GetHeapStatistics();
        isolate.CollectGarbage();
        isolate.LowMemoryNotification();

        Assert.True(stats.UsedHeapSize > 0);
        Assert.True(stats.HeapSizeLimit >= stats.TotalHeapSize);
    }

    [Fact]
    public void Context_heap_statistics_see_allocations()
    {
        using var context = new Isolate().CreateContext();
        var before = context.GetHeapStatistics().UsedHeapSize;
        context.Eval("globalThis.big = Array.from({ length: 200000 }, (_, i) => ({ i }))");
        var after = context.GetHeapStatistics().UsedHeapSize;

        Assert.True(after > before + 1_000_000, $"used heap grew from {before} to {after}");
    }

    [Theory]
    [InlineData(-1L, null)]
    [InlineData(null, 0L)]
    public void Invalid_options_are_rejected(long? maxHeap, long? maxStack)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Isolate(new IsolateOptions { MaxHeapBytes = maxHeap, MaxStackBytes = maxStack }));
        Assert.Contains(maxHeap is not null ? "MaxHeapBytes" : "MaxStackBytes", error.Message);
    }

    [Fact]
    public void Process_wide_settings_cannot_change_once_an_isolate_exists()
    {
        using var isolate = new Isolate();

        var error = Assert.Throws<InvalidOperationException>(() => V8HostSettings.DisableJitCompilation = !V8HostSettings.DisableJitCompilation);
        Assert.Contains("before the first Isolate", error.Message);
        V8HostSettings.DisableJitCompilation = V8HostSettings.DisableJitCompilation; // unchanged: fine
    }
}
