namespace V8Host.Tests.Lifecycle;

public class HandleLifetimeTests
{
    [Fact]
    public void Disposing_the_context_invalidates_every_handle_with_a_named_error()
    {
        var context = new Isolate().CreateContext();
        var obj = context.Eval<JsObject>("({ a: 1 })");
        var array = context.Eval<JsArray>("[1, 2]");
        var function = context.Eval<JsFunction>("() => 1");

        context.Dispose();

        Assert.False(obj.IsAlive);
        Assert.False(context.IsAlive);
        var error = Assert.Throws<ObjectDisposedException>(() => obj["a"]);
        Assert.Contains("JsObject", error.Message);
        Assert.Contains("context was disposed", error.Message);
        Assert.Contains("JsArray.Count", Assert.Throws<ObjectDisposedException>(() => array.Count).Message);
        Assert.Contains("JsFunction.Invoke", Assert.Throws<ObjectDisposedException>(() => function.Invoke()).Message);
        Assert.Throws<ObjectDisposedException>(() => context.Eval("1"));
    }

    [Fact]
    public void Handles_can_be_disposed_in_any_order_relative_to_their_context()
    {
        var context = new Isolate().CreateContext();
        var first = context.Eval<JsObject>("({})");
        var second = context.Eval<JsObject>("({})");

        first.Dispose();
        context.Dispose();
        second.Dispose();
        second.Dispose();
        first.Dispose();
        context.Dispose();

        Assert.False(second.IsAlive);
    }

    [Fact]
    public void A_disposed_handle_throws_while_the_context_lives_on()
    {
        using var context = new Isolate().CreateContext();
        var obj = context.Eval<JsObject>("({ a: 1 })");
        obj.Dispose();

        Assert.False(obj.IsAlive);
        Assert.True(context.IsAlive);
        var error = Assert.Throws<ObjectDisposedException>(() => obj.Get<int>("a"));
        Assert.Contains("was disposed", error.Message);
        Assert.Equal(1, context.Eval<int>("1"));
    }

    [Fact]
    public void Handle_count_tracks_creation_and_disposal()
    {
        using var context = new Isolate().CreateContext();
        var baseline = context.LiveHandleCount;

        var handles = Enumerable.Range(0, 50).Select(i => context.Eval<JsObject>($"({{ i: {i} }})")).ToList();
        Assert.Equal(baseline + 50, context.LiveHandleCount);

        handles.ForEach(h => h.Dispose());
        Assert.Equal(baseline, context.LiveHandleCount);
    }

    [Fact]
    public void Finalized_handles_are_released_without_touching_the_engine_from_the_finalizer()
    {
        using var context = new Isolate().CreateContext();
        var baseline = context.LiveHandleCount;

        CreateGarbageHandles(context, 100);
        for (var attempt = 0; attempt < 10 && context.LiveHandleCount > baseline; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(baseline, context.LiveHandleCount);
        Assert.Equal(3, context.Eval<int>("1 + 2")); // applies the queued releases on the engine thread
    }

    [Fact]
    public void Finalizing_handles_after_their_context_is_disposed_is_harmless()
    {
        var context = new Isolate().CreateContext();
        CreateGarbageHandles(context, 100);
        context.Dispose();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(context.IsAlive);
    }

    [Fact]
    public void A_handle_from_another_context_is_rejected()
    {
        using var first = new Isolate().CreateContext();
        using var second = new Isolate().CreateContext();
        var obj = first.Eval<JsObject>("({})");

        var error = Assert.Throws<ArgumentException>(() => second.SetGlobal("x", obj));
        Assert.Contains("different context", error.Message);
    }

    [Fact]
    public void Disposing_the_context_from_inside_a_host_function_completes_after_the_call()
    {
        Context? context = null;
        context = new Isolate().CreateContextBuilder()
            .AddHostFunction("closeMe", new Action(() => context!.Dispose()))
            .Build();

        Assert.Throws<ScriptTerminatedException>(() => context.Eval("closeMe(); while (true) {}"));
        Assert.False(context.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => context.Eval("1"));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CreateGarbageHandles(Context context, int count)
    {
        for (var i = 0; i < count; i++)
            _ = context.Eval<JsObject>("({ garbage: true })");
    }
}
