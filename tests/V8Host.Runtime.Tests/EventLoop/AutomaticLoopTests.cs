namespace V8Host.Tests.EventLoop;

/// <summary>
/// api.md §6: in the default automatic mode, settled host tasks and due timers run without the host
/// pumping, also under a SynchronizationContext and for sync-over-async callers; manual mode runs
/// nothing until the host pumps.
/// </summary>
public sealed class AutomaticLoopTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private static Context NewContext(EventLoopMode mode = EventLoopMode.Automatic) =>
        new Isolate(new IsolateOptions { EventLoop = mode }).CreateContextBuilder()
            .Install(new TimersApi())
            .AddHostFunction("hostAsync", async (int x) =>
            {
                await Task.Delay(10).ConfigureAwait(false);
                return x * 2;
            })
            .Build();

    [Fact]
    public void AutomaticIsTheDefault() => Assert.Equal(EventLoopMode.Automatic, new IsolateOptions().EventLoop);

    [Fact]
    public async Task AwaitingAPromise_ThatWaitsOnAHostTaskAndATimer_CompletesWithoutPumping()
    {
        using var context = NewContext();
        using var promise = context.Eval<JsPromise>("hostAsync(20).then(v => new Promise(r => setTimeout(() => r(v + 2), 5)))");
        Assert.Equal(42, await promise.AsTask().WaitAsync(Generous));
    }

    [Fact]
    public async Task UnderASingleThreadedSynchronizationContext_AwaitResumesOnIt()
    {
        using var context = NewContext();
        using var ui = new SingleThreadSynchronizationContext();
        var (value, resumedOnUi) = await ui.Run(async () =>
        {
            using var promise = context.Eval<JsPromise>("new Promise(r => setTimeout(r, 5, 'ui'))");
            var result = await promise;
            return (result, ui.IsCurrentThread);
        }).WaitAsync(Generous);
        Assert.Equal("ui", value);
        Assert.True(resumedOnUi);
    }

    [Fact]
    public async Task SyncOverAsync_OnASynchronizationContextThread_DoesNotDeadlock()
    {
        using var context = NewContext();
        using var ui = new SingleThreadSynchronizationContext();
        var value = await ui.Run(() =>
        {
            using var promise = context.Eval<JsPromise>("hostAsync(4).then(v => new Promise(r => setTimeout(r, 5, v)))");
            // Blocking the only thread of the SynchronizationContext: the loop never needs it.
            return Task.FromResult(promise.AsTask().GetAwaiter().GetResult());
        }).WaitAsync(Generous);
        Assert.Equal(8, value);
    }

    [Fact]
    public void Wait_InsideAHostFunction_ExplainsWhyItCannotWork()
    {
        // Promise reactions run only after the calling script returns, so this wait could never end.
        using var context = new Isolate().CreateContextBuilder()
            .Install(new TimersApi())
            .AddHostFunction("waitFor", (JsPromise promise) => promise.Wait(Generous))
            .Build();
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("waitFor(new Promise(r => setTimeout(r, 5, 'inner')))"));
        Assert.Contains("cannot wait inside a call from this context's script", exception.JsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManualMode_RunsNothingUntilTheHostPumps()
    {
        using var context = NewContext(EventLoopMode.Manual);
        context.Eval("globalThis.fired = false; setTimeout(() => fired = true, 1); 0");
        await Task.Delay(100);
        Assert.False(context.Eval<bool>("fired"));
        await context.RunUntilIdleAsync().WaitAsync(Generous);
        Assert.True(context.Eval<bool>("fired"));
    }

    [Fact]
    public async Task ManualMode_RunEventLoopOnce_WaitsForTheNextDueTimer()
    {
        using var context = NewContext(EventLoopMode.Manual);
        context.Eval("globalThis.count = 0; setTimeout(() => count++, 20); 0");
        Assert.False(context.RunEventLoopOnce());
        Assert.True(await Task.Run(() => context.RunEventLoopOnce(Generous)));
        Assert.Equal(1, context.Eval<int>("count"));
    }

    [Fact]
    public void ManualMode_ATaskTheWaitRuns_IsBoundedByTheWaitsTimeout()
    {
        // The timer's callback spins; Wait runs it on this thread, so only the wait's own timeout can stop it.
        using var context = NewContext(EventLoopMode.Manual);
        using var promise = context.Eval<JsPromise>("new Promise(r => setTimeout(() => { for (;;); }, 5))");
        Assert.Throws<ScriptTerminatedException>(() => promise.Wait(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public async Task ManualMode_AwaitingAHostTask_PumpsInsideEvalAsync()
    {
        using var context = NewContext(EventLoopMode.Manual);
        Assert.Equal(6, await context.EvalAsync("hostAsync(3)").WaitAsync(Generous));
    }

    [Fact]
    public async Task ManualMode_EvalAsync_WithNothingLeftToSettleThePromise_SaysSo()
    {
        using var context = NewContext(EventLoopMode.Manual);
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.EvalAsync("new Promise(() => {})"));
        Assert.Contains("nothing left that could settle it", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutomaticMode_APromiseSettledLaterFromDotNet_IsAwaited()
    {
        using var context = NewContext();
        using var promise = context.Eval<JsPromise>("new Promise(r => globalThis.settle = r)");
        var pending = promise.AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        context.Eval("settle('from .NET'); 0");
        Assert.Equal("from .NET", await pending.WaitAsync(Generous));
    }

    [Fact]
    public async Task AutomaticMode_EvalAsync_WithNothingLeftToSettleThePromise_SaysSo()
    {
        using var context = NewContext();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => context.EvalAsync("new Promise(r => setTimeout(() => {}, 5))").WaitAsync(Generous));
        Assert.Contains("nothing left that could settle it", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidMode_IsRejected()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Isolate(new IsolateOptions { EventLoop = (EventLoopMode)7 }));
        Assert.Equal("EventLoop", exception.ParamName);
    }

    [Fact]
    public async Task DisposingTheContext_WithTimersPending_StopsThemQuietly()
    {
        var context = NewContext();
        context.Eval("setInterval(() => {}, 1); setTimeout(() => {}, 5); 0");
        await Task.Delay(20);
        context.Dispose();
        await Task.Delay(20);
        Assert.False(context.IsAlive);
    }

    [Fact]
    public void DisposingTheContext_WhileATimerTaskRuns_StopsItWithoutReportingAFailure()
    {
        using var running = new ManualResetEventSlim();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var context = new Isolate().CreateContextBuilder()
            .Install(new TimersApi())
            .AddHostFunction("started", () => running.Set())
            .Build();
        context.ErrorOutput = errors.Enqueue;
        context.Eval("setTimeout(() => { started(); for (;;) {} }, 1); 0");
        Assert.True(running.Wait(Generous));

        context.Dispose();

        // The drain reports what its task threw before it marks the task finished.
        Assert.True(SpinWait.SpinUntil(() => !context.EventLoop.IsDrainRunningTask, Generous));
        Assert.True(errors.IsEmpty, string.Join("\n", errors));
    }

    /// <summary>A UI-like SynchronizationContext: one thread runs everything posted to it.</summary>
    private sealed class SingleThreadSynchronizationContext : SynchronizationContext, IDisposable
    {
        private readonly System.Collections.Concurrent.BlockingCollection<(SendOrPostCallback, object?)> _queue = new();
        private readonly Thread _thread;

        public SingleThreadSynchronizationContext()
        {
            _thread = new Thread(() =>
            {
                SetSynchronizationContext(this);
                foreach (var (callback, state) in _queue.GetConsumingEnumerable())
                    callback(state);
            }) { IsBackground = true };
            _thread.Start();
        }

        public bool IsCurrentThread => Thread.CurrentThread == _thread;

        public override void Post(SendOrPostCallback d, object? state) => _queue.Add((d, state));

        public Task<T> Run<T>(Func<Task<T>> action)
        {
            var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            Post(async _ =>
            {
                try
                {
                    result.SetResult(await action());
                }
                catch (Exception exception)
                {
                    result.SetException(exception);
                }
            }, null);
            return result.Task;
        }

        public void Dispose() => _queue.CompleteAdding();
    }
}
