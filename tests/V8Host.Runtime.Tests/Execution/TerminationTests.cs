namespace V8Host.Tests.Execution;

public class TerminationTests
{
    [Fact]
    public void Timeout_stops_an_infinite_loop_and_the_context_stays_usable()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<ScriptTerminatedException>(() => context.Eval("while (true) {}", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("timed out", error.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.Equal(3, context.Eval<int>("1 + 2"));
    }

    [Fact]
    public async Task TerminateExecution_from_another_thread_stops_running_script()
    {
        using var started = new ManualResetEventSlim();
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("started", new Action(() => started.Set()))
            .Build();
        Assert.False(context.TerminateExecution()); // nothing running

        var running = Task.Run(() => context.Eval("globalThis.spins = 0; started(); while (true) { spins++; }"));
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        Assert.True(context.TerminateExecution());

        Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(30))));
        var error = await Assert.ThrowsAsync<ScriptTerminatedException>(() => running);
        Assert.Contains("terminated", error.Message);
        Assert.True(context.Eval<double>("spins") >= 0);
    }

    [Fact]
    public void Cancellation_token_of_EvalAsync_terminates_the_script()
    {
        using var context = new Isolate().CreateContext();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var task = context.EvalAsync("while (true) {}", cancellation.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => task.GetAwaiter().GetResult());
        Assert.Equal(1, context.Eval<int>("1"));
    }

    [Fact]
    public void Deep_recursion_is_a_catchable_RangeError()
    {
        using var context = new Isolate(new IsolateOptions { MaxStackBytes = 256 * 1024 }).CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("function f() { return f() + 1; } f()"));

        Assert.Equal("RangeError", error.ErrorName);
        Assert.Equal(1, context.Eval<int>("1"));
    }

    [Fact]
    public void Calls_from_many_threads_are_serialized_safely()
    {
        using var context = new Isolate().CreateContext();
        context.Eval("globalThis.counter = 0");

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => context.Eval("counter = counter + 1"));

        Assert.Equal(400, context.Eval<int>("counter"));
    }

    [Fact]
    public void A_finished_call_with_a_timeout_never_interrupts_later_calls()
    {
        using var context = new Isolate().CreateContext();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                context.Eval($"{i}", TimeSpan.FromMilliseconds(1 + (i % 3)));
            }
            catch (ScriptTerminatedException)
            {
                // A 1 ms budget may legitimately run out on a busy machine; what matters is what follows.
            }
        }

        Assert.Equal(42, context.Eval<int>("let s = 0; for (let i = 0; i < 2e6; i++) s += i % 2; s > 0 ? 42 : 0"));
    }

    [Fact]
    public void Non_positive_timeouts_are_rejected()
    {
        using var context = new Isolate().CreateContext();

        Assert.Throws<ArgumentOutOfRangeException>(() => context.Eval("1", TimeSpan.Zero));
    }

    [Fact]
    public async Task Termination_requested_as_a_call_starts_still_stops_it()
    {
        using var context = new Isolate().CreateContext();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var running = Task.Run(() => context.Eval("for (;;) {}"));
            // Ask as early as possible: possibly before the script is on the stack.
            SpinWait.SpinUntil(() => context.TerminateExecution(), TimeSpan.FromSeconds(30));
            Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(30))));
            await Assert.ThrowsAsync<ScriptTerminatedException>(() => running);
        }

        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void ArrayBuffer_memory_is_limited_separately_from_the_heap()
    {
        using var context = new Isolate(new IsolateOptions { MaxArrayBufferBytes = 1024 * 1024 }).CreateContext();

        Assert.Equal(512 * 1024, context.Eval<int>("new Uint8Array(512 * 1024).length"));
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("const keep = []; for (let i = 0; i < 8; i++) keep.push(new ArrayBuffer(512 * 1024));"));
        Assert.Equal("RangeError", error.ErrorName);
        Assert.Equal(1, context.Eval<int>("1"));
    }
}
