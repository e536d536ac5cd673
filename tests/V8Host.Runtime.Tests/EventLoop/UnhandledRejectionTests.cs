namespace V8Host.Tests.EventLoop;

/// <summary>api.md §6: rejections nobody handled by the end of their task raise Context.UnhandledRejection.</summary>
public sealed class UnhandledRejectionTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly Context _context = new Isolate().CreateContextBuilder().Install(new TimersApi()).Build();
    private readonly List<JavaScriptException> _raised = new();
    private readonly List<string> _errors = new();

    public UnhandledRejectionTests()
    {
        _context.ErrorOutput = text =>
        {
            lock (_errors)
                _errors.Add(text);
        };
    }

    public void Dispose() => _context.Dispose();

    private void Listen() => _context.UnhandledRejection += (_, e) =>
    {
        lock (_raised)
            _raised.Add(e.Exception);
    };

    [Fact]
    public void ARejectionNobodyHandles_IsRaised_WithTheReason()
    {
        Listen();
        _context.Eval("Promise.reject(new TypeError('nobody cares')); 0");
        var exception = Assert.Single(_raised);
        Assert.Equal("TypeError", exception.ErrorName);
        Assert.Equal("nobody cares", exception.JsMessage);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AHandlerAddedInTheSameTask_KeepsItHandled()
    {
        Listen();
        _context.Eval("const p = Promise.reject(1); Promise.resolve().then(() => p.catch(() => {})); 0");
        Assert.Empty(_raised);
    }

    [Fact]
    public void APromiseHandedToDotNet_IsTheHostsToObserve()
    {
        Listen();
        using var promise = _context.Eval<JsPromise>("Promise.reject(new Error('mine'))");
        Assert.Empty(_raised);
        var exception = Assert.Throws<JavaScriptException>(() => promise.Wait(Generous));
        Assert.Equal("mine", exception.JsMessage);
    }

    [Fact]
    public void APromiseHandedToDotNet_AndReleasedUnobserved_IsReportedByTheNextCall()
    {
        Listen();
        _context.Eval<JsPromise>("Promise.reject(new Error('dropped'))").Dispose();
        _context.Eval("0");
        Assert.Equal("dropped", Assert.Single(_raised).JsMessage);
    }

    [Fact]
    public void APromiseHandedToDotNet_NeverObserved_IsWrittenOutWhenTheContextIsDisposed()
    {
        var context = new Isolate().CreateContext();
        var errors = new List<string>();
        context.ErrorOutput = errors.Add;
        context.Eval("Promise.reject(new Error('ignored result'))");
        Assert.Empty(errors);
        context.Dispose();
        Assert.StartsWith("Uncaught (in promise) Error: ignored result", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectionInATimerCallback_IsRaisedFromTheLoop()
    {
        Listen();
        using var promise = _context.Eval<JsPromise>("new Promise(r => setTimeout(() => { Promise.reject(new RangeError('later')); setTimeout(r, 5); }, 1))");
        await promise.AsTask().WaitAsync(Generous);
        lock (_raised)
            Assert.Equal("later", Assert.Single(_raised).JsMessage);
    }

    [Fact]
    public void WithoutAHandler_TheRejectionIsWrittenToTheErrorOutput()
    {
        _context.Eval("(async function failing() { throw new Error('unseen'); })(); 0");
        var text = Assert.Single(_errors);
        Assert.StartsWith("Uncaught (in promise) Error: unseen", text, StringComparison.Ordinal);
        Assert.Contains("failing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AHandlerThatThrows_IsReported_AndTheCallStillReturns()
    {
        _context.UnhandledRejection += (_, _) => throw new InvalidOperationException("handler bug");
        Assert.Equal(5, _context.Eval<int>("Promise.reject(0); 5"));
        Assert.Contains(_errors, e => e.Contains("handler bug", StringComparison.Ordinal));
    }

    [Fact]
    public void AHandler_MayCallIntoTheContext()
    {
        _context.UnhandledRejection += (_, e) => _context.Eval("globalThis.seen = " + System.Text.Json.JsonSerializer.Serialize(e.Exception.JsMessage));
        _context.Eval("Promise.reject(new Error('reentrant')); 0");
        Assert.Equal("reentrant", _context.Eval("seen"));
    }

    [Fact]
    public void AModuleThatThrowsWhileEvaluating_ThrowsOnce_AndIsNotAlsoUnhandled()
    {
        Listen();
        var module = _context.CompileModule("throw new RangeError('at load');", "throws");
        module.Instantiate();
        Assert.Throws<JavaScriptException>(() => module.Evaluate());
        Assert.Empty(_raised);
        Assert.Empty(_errors);
    }
}
