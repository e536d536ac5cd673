namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>
/// The global object as an EventTarget, reportError, and the one path every uncaught error and
/// unhandled rejection takes: the global error / unhandledrejection event first, the error output only
/// when no listener canceled it, and no recursion when a listener throws.
/// </summary>
public sealed class GlobalErrorEventTests : WebEventsContext
{
    [Fact]
    public void TheGlobalIsAnEventTargetAndKeepsItsConstructor()
    {
        Assert.Equal("true|true|1|1", Eval("""
            let n = 0, m = 0;
            addEventListener('ping', () => n++);
            EventTarget.prototype.addEventListener.call(undefined, 'pong', () => m++);
            dispatchEvent(new Event('ping'));
            globalThis.dispatchEvent(new Event('pong'));
            [globalThis instanceof EventTarget, globalThis.constructor === Object, n, m].join('|')
            """));
    }

    [Fact]
    public void ReportErrorDispatchesAnErrorEventWithTheErrorsLocation()
    {
        Assert.Equal("true|Uncaught TypeError: reported|<eval>|true|true", Eval("""
            let seen;
            addEventListener('error', (e) => { seen = e; });
            const error = new TypeError('reported'); reportError(error);
            const [, line, column] = error.stack.match(/<eval>:(\d+):(\d+)/);
            [seen.error === error, seen.message, seen.filename, `${seen.lineno}:${seen.colno}` === `${line}:${column}`, seen.isTrusted].join('|')
            """));
        Assert.StartsWith("Uncaught TypeError: reported", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ACanceledErrorEventIsNotWrittenOut()
    {
        Eval("addEventListener('error', (e) => e.preventDefault()); reportError(new Error('quiet')); 0");
        Assert.Empty(Errors);
    }

    [Fact]
    public void OnErrorGetsTheSpecialArgumentsAndTrueCancels()
    {
        Assert.Equal("Uncaught 42||0|0|42", Eval("""
            let args;
            onerror = function (message, filename, lineno, colno, error) { args = [...arguments]; return true; };
            reportError(42);
            args.join('|')
            """));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task TimerAndMicrotaskErrorsGoThroughTheErrorEvent()
    {
        Eval("""
            globalThis.caught = [];
            addEventListener('error', (e) => { caught.push(e.error.message); e.preventDefault(); });
            setTimeout(() => { throw new Error('timer'); }, 0);
            queueMicrotask(() => { throw new Error('microtask'); });
            0
            """);
        await Idle();
        Assert.Equal("microtask,timer", Eval("caught.join()"));
        Assert.Empty(Errors);
    }

    [Fact]
    public void AThrowingErrorListenerDoesNotRecurse()
    {
        Assert.Equal("1", Eval("""
            let calls = 0;
            addEventListener('error', () => { calls++; throw new Error('listener failed'); });
            reportError(new Error('original'));
            String(calls)
            """));
        var errors = Errors;
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Uncaught Error: listener failed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Uncaught Error: original", StringComparison.Ordinal));
    }

    [Fact]
    public void AnErrorListenerThatReportsAgainIsWrittenNotRedispatched()
    {
        Assert.Equal("1", Eval("""
            let calls = 0;
            addEventListener('error', (e) => { calls++; reportError(e.error); e.preventDefault(); });
            reportError(new Error('again'));
            String(calls)
            """));
        Assert.StartsWith("Uncaught Error: again", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnhandledRejectionDispatchesACancelableEvent()
    {
        Eval("""
            globalThis.seen = undefined;
            addEventListener('unhandledrejection', (e) => { seen = e; e.preventDefault(); });
            globalThis.reason = new Error('rejected');
            globalThis.p = Promise.reject(reason);
            0
            """);
        Assert.Equal("true|true|true|true", Eval("[seen instanceof PromiseRejectionEvent, seen.promise === p, seen.reason === reason, seen.isTrusted].join('|')"));
        Assert.Empty(Errors);
    }

    [Fact]
    public void AnUncanceledRejectionIsWrittenOut()
    {
        Eval("globalThis.n = 0; onunhandledrejection = () => { n++; }; Promise.reject(new Error('loud')); 0");
        Assert.Equal("1", Eval("String(n)"));
        Assert.StartsWith("Uncaught (in promise) Error: loud", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDotNetHandlerComesFirstAndThenNoEventIsDispatched()
    {
        var raised = new List<string>();
        Context.UnhandledRejection += (_, e) => raised.Add(e.Exception.JsMessage);
        Eval("globalThis.n = 0; addEventListener('unhandledrejection', () => n++); Promise.reject(new Error('host')); 0");
        Assert.Equal(["host"], raised);
        Assert.Equal("0", Eval("String(n)"));
        Assert.Empty(Errors);
    }

    [Fact]
    public void AThrowingRejectionListenerIsReportedOnce()
    {
        Eval("addEventListener('unhandledrejection', () => { throw new Error('rejection listener'); }); Promise.reject(1); 0");
        var errors = Errors;
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Uncaught Error: rejection listener", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Uncaught (in promise) 1", StringComparison.Ordinal));
    }

    [Fact]
    public void ReplacingTheGlobalsMethodsDoesNotStopTheEvent()
    {
        Assert.Equal("1", Eval("""
            let n = 0;
            addEventListener('error', (e) => { n++; e.preventDefault(); });
            EventTarget.prototype.dispatchEvent = () => { throw new Error('tampered'); };
            Object.setPrototypeOf(Object.getPrototypeOf(globalThis), null);
            reportError(new Error('still dispatched'));
            String(n)
            """));
        Assert.Empty(Errors);
    }

    [Fact]
    public void AHostileThrownValueIsDescribedSafely()
    {
        Assert.Equal("true", Eval("""
            let seen;
            addEventListener('error', (e) => { seen = e.error; e.preventDefault(); });
            const hostile = new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });
            reportError(hostile);
            String(seen === hostile)
            """));
    }

    [Fact]
    public void ReportErrorRequiresItsArgument()
    {
        Assert.Equal("Failed to execute 'reportError' on 'Window': 1 argument required, but only 0 present.", Eval("try { reportError(); } catch (e) { e.message }"));
    }

    [Fact]
    public async Task AFailedEventLoopTaskGoesThroughTheErrorEvent()
    {
        // Automatic mode: the loop's own drain runs the FinalizationRegistry task, and reports what it threw.
        using var context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();
        var written = new List<string>();
        context.ErrorOutput = text =>
        {
            lock (written)
                written.Add(text);
        };
        context.Eval("""
            globalThis.caught = [];
            addEventListener('error', (e) => { caught.push(e.error.message); e.preventDefault(); });
            globalThis.registry = new FinalizationRegistry(() => { throw new Error('cleanup failed'); });
            (() => { registry.register({}, 1); })();
            0
            """);
        var deadline = DateTime.UtcNow + Generous;
        while (context.Eval<string>("caught.join()") != "cleanup failed" && DateTime.UtcNow < deadline)
        {
            context.CollectGarbage();
            await Task.Delay(20);
        }

        Assert.Equal("cleanup failed", context.Eval<string>("caught.join()"));
        lock (written)
            Assert.Empty(written);
    }

    [Fact]
    public void TamperedIntrinsicsDoNotChangeTheErrorEvents()
    {
        Eval("""
            globalThis.log = [];
            const push = Array.prototype.push.bind(log);
            addEventListener('error', (e) => { push(e.message); e.preventDefault(); });
            addEventListener('unhandledrejection', (e) => { push('rejected ' + e.reason); e.preventDefault(); });
            Promise.prototype.then = function () { throw new Error('then tampered'); };
            String.prototype.slice = function () { throw new Error('slice tampered'); };
            String.prototype.toString = function () { throw new Error('toString tampered'); };
            RegExp.prototype.exec = function () { throw new Error('exec tampered'); };
            Array.prototype.push = function () { throw new Error('push tampered'); };
            Object.defineProperty = function () { throw new Error('defineProperty tampered'); };
            Function.prototype.call = function () { throw new Error('call tampered'); };
            reportError(new Error('e1'));
            Promise.reject(2);
            0
            """);
        Assert.Equal("Uncaught Error: e1,rejected 2", Eval("log.join()"));
        Assert.Empty(Errors);
    }

    [Fact]
    public void AnErrorWithoutAMessageIsNamedAlone()
    {
        Assert.Equal("Uncaught Error", Eval("let m; onerror = (message) => { m = message; return true; }; reportError(new Error()); m"));
    }
}
