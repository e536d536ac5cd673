namespace V8Host.Tests.Values;

/// <summary>api.md §3: <see cref="JsPromise"/> is awaitable and waitable; host tasks become promises.</summary>
public sealed class JsPromiseTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private JsPromise Promise(string source) => (JsPromise)_context.Eval(source)!;

    [Fact]
    public async Task Await_ResolvedPromise_GivesValue()
    {
        using var promise = Promise("Promise.resolve('forty-two')");
        Assert.Equal("forty-two", await promise);
    }

    [Fact]
    public async Task Await_IntegralNumber_IsInt()
    {
        // api.md §3: an integral number in Int32 range is an int, however it reaches .NET.
        using var promise = Promise("Promise.resolve(42)");
        Assert.Equal(42, Assert.IsType<int>(await promise));
        using var fractional = Promise("Promise.resolve(1.5)");
        Assert.Equal(1.5, Assert.IsType<double>(await fractional));
    }

    [Fact]
    public async Task Await_ResolvedWithObject_GivesHandle()
    {
        using var promise = Promise("Promise.resolve({ k: 'v' })");
        using var obj = Assert.IsType<JsObject>(await promise);
        Assert.Equal("v", obj["k"]);
    }

    [Fact]
    public async Task Await_AsyncFunctionResult()
    {
        using var promise = Promise("(async () => { await null; return 'done'; })()");
        Assert.Equal("done", await promise);
    }

    [Fact]
    public async Task Await_RejectedPromise_ThrowsJavaScriptException()
    {
        using var promise = Promise("Promise.reject(new TypeError('went wrong'))");
        var exception = await Assert.ThrowsAsync<JavaScriptException>(async () => await promise);
        Assert.Equal("TypeError", exception.ErrorName);
        Assert.Equal("went wrong", exception.JsMessage);
    }

    [Fact]
    public async Task AsTask_RejectedWithNonError()
    {
        using var promise = Promise("Promise.reject(7)");
        var exception = await Assert.ThrowsAsync<JavaScriptException>(() => promise.AsTask());
        Assert.Equal("7", exception.JsMessage);
    }

    [Fact]
    public void Wait_ReturnsValue()
    {
        using var promise = Promise("Promise.resolve('waited')");
        Assert.Equal("waited", promise.Wait());
    }

    [Fact]
    public void Wait_Rejected_ThrowsJavaScriptException()
    {
        using var promise = Promise("Promise.reject(new RangeError('r'))");
        var exception = Assert.Throws<JavaScriptException>(() => promise.Wait());
        Assert.Equal("RangeError", exception.ErrorName);
        Assert.Equal("r", exception.JsMessage);
    }

    [Fact]
    public void Wait_NeverSettling_NoTimeout_ThrowsInvalidOperation()
    {
        using var promise = Promise("new Promise(() => {})");
        Assert.Throws<InvalidOperationException>(() => promise.Wait());
    }

    [Fact]
    public void Wait_NeverSettling_WithTimeout_ThrowsTimeout()
    {
        using var promise = Promise("new Promise(() => {})");
        Assert.Throws<TimeoutException>(() => promise.Wait(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void Wait_PromiseResolvedLaterByJs()
    {
        using var promise = Promise("globalThis.later = new Promise(r => globalThis.resolveLater = r); later");
        _context.Eval("resolveLater('five')");
        Assert.Equal("five", promise.Wait());
    }

    [Fact]
    public async Task HostFunctionReturningTask_ResolvesThroughEvalAsync()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("hostAsync", new Func<Task<int>>(async () =>
            {
                await Task.Delay(20);
                return 21;
            }))
            .Build();
        Assert.Equal("v=42", await context.EvalAsync("hostAsync().then(v => 'v=' + v * 2)"));
    }

    [Fact]
    public async Task HostFunctionReturningTask_CompletedFromAnotherThread()
    {
        var source = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("hostAsync", new Func<Task<int>>(() => source.Task))
            .Build();
        var completer = Task.Run(async () =>
        {
            await Task.Delay(30);
            source.SetResult(10);
        });
        Assert.Equal("v=20", await context.EvalAsync("hostAsync().then(v => 'v=' + v * 2)"));
        await completer;
    }

    [Fact]
    public void HostFunctionReturningTask_IsAPromiseInJs()
    {
        var source = new TaskCompletionSource<int>();
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("hostAsync", new Func<Task<int>>(() => source.Task))
            .Build();
        Assert.True(context.Eval<bool>("hostAsync() instanceof Promise"));
        using var promise = (JsPromise)context.Eval("hostAsync().then(v => typeof v + ':' + (v + 1))")!;
        source.SetResult(1);
        Assert.Equal("number:2", promise.Wait(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task HostFunctionReturningFaultedTask_RejectsWithErrorAndInnerException()
    {
        var failure = new InvalidOperationException("task failed");
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("hostAsync", new Func<Task<int>>(async () =>
            {
                await Task.Delay(10);
                throw failure;
            }))
            .Build();
        Assert.Equal("Error: task failed", await context.EvalAsync("hostAsync().then(() => 'no', e => e.name + ': ' + e.message)"));
        var exception = await Assert.ThrowsAsync<JavaScriptException>(() => context.EvalAsync("hostAsync()"));
        Assert.Equal("task failed", exception.JsMessage);
        Assert.Same(failure, exception.InnerException);
    }

    [Fact]
    public async Task EvalAsync_IntegralPromiseResult_IsInt()
    {
        var result = await _context.EvalAsync("Promise.resolve(6 * 7)");
        Assert.Equal(42, Assert.IsType<int>(result));
    }

    [Fact]
    public async Task EvalAsync_NonPromise_ReturnsValue() =>
        Assert.Equal(3, await _context.EvalAsync("1 + 2"));

    [Fact]
    public async Task EvalAsync_NeverSettling_ThrowsInvalidOperation() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => _context.EvalAsync("new Promise(() => {})"));
}
