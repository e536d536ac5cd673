namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>
/// AbortController and AbortSignal: reasons, onabort, timeout on the event loop, AbortSignal.any's
/// dependent signals (flat, ordered, collected when unobserved, kept while observed), hostile inputs.
/// </summary>
public sealed class AbortSignalTests : WebEventsContext
{
    [Fact]
    public void AbortSignalHasNoConstructor()
    {
        Assert.Equal("TypeError|Failed to construct 'AbortSignal': Illegal constructor", Eval("try { new AbortSignal(); } catch (e) { e.name + '|' + e.message }"));
    }

    [Fact]
    public void OnAbortKeepsItsPlaceAmongListenersAndNonObjectsClearIt()
    {
        Assert.Equal("handler,listener|null|listener", Eval("""
            const log = [];
            let c = new AbortController();
            c.signal.onabort = () => log.push('handler');
            c.signal.addEventListener('abort', () => log.push('listener'));
            c.signal.onabort = () => log.push('handler');
            c.abort();
            const first = log.join();
            log.length = 0;
            c = new AbortController();
            c.signal.onabort = () => log.push('handler');
            c.signal.addEventListener('abort', () => log.push('listener'));
            c.signal.onabort = 5;
            const cleared = String(c.signal.onabort);
            c.abort();
            [first, cleared, log.join()].join('|')
            """));
    }

    [Fact]
    public void AnOnAbortHandlerReturningFalseCancels()
    {
        Assert.Equal("true", Eval("""
            const c = new AbortController();
            let e;
            c.signal.onabort = (event) => { e = event; return false; };
            c.abort();
            String(e.defaultPrevented === false && e.cancelable === false)
            """));
    }

    [Fact]
    public async Task TimeoutAbortsWithATimeoutErrorOnTheEventLoop()
    {
        Assert.Equal("false", Eval("globalThis.s = AbortSignal.timeout(5); globalThis.order = []; s.onabort = () => order.push(s.reason.name + ':' + s.reason.code); String(s.aborted)"));
        await Idle();
        Assert.Equal("TimeoutError:23", Eval("order.join()"));
    }

    [Fact]
    public void TimeoutEnforcesItsRange()
    {
        Assert.Equal("TypeError|TypeError|false", Eval("""
            const r = [];
            try { AbortSignal.timeout(-1); } catch (e) { r.push(e.name); }
            try { AbortSignal.timeout(Infinity); } catch (e) { r.push(e.name); }
            r.push(AbortSignal.timeout(Number.MAX_SAFE_INTEGER).aborted);
            r.join('|')
            """));
    }

    [Fact]
    public void ATimeoutPastTheTimerRangeDoesNotFireEarly()
    {
        // 2^32 ms would wrap to 0 as a WebIDL long; the signal re-arms instead.
        Assert.Equal("0", Eval("globalThis.s = AbortSignal.timeout(2 ** 32); String(0)"));
        Context.RunUntilIdle();
        Assert.Equal("false", Eval("String(s.aborted)"));
    }

    [Fact]
    public void AnyIsFlatAndFiresInCreationOrder()
    {
        Assert.Equal("0123|x|x", Eval("""
            const c = new AbortController();
            const a = AbortSignal.any([c.signal]);
            const b = AbortSignal.any([a, a, c.signal]);
            const d = AbortSignal.any([b]);
            let order = '';
            [c.signal, a, b, d].forEach((s, i) => s.addEventListener('abort', () => { order += i; }));
            c.abort('x');
            [order, b.reason, d.reason].join('|')
            """));
    }

    [Fact]
    public void AnyRejectsWhatIsNotASignal()
    {
        Assert.Equal("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.|TypeError", Eval("""
            const r = [];
            try { AbortSignal.any([new AbortController().signal, {}]); } catch (e) { r.push(e.message); }
            try { AbortSignal.any(5); } catch (e) { r.push(e.name); }
            r.join('|')
            """));
    }

    [Fact]
    public void AnyOverAHostileIterableReportsItsError()
    {
        Assert.Equal("iterator says no", Eval("""
            const iterable = { [Symbol.iterator]() { return { next() { throw new Error('iterator says no'); } }; } };
            try { AbortSignal.any(iterable); } catch (e) { e.message }
            """));
    }

    [Fact]
    public void ADependentWithAListenerSurvivesCollectionAndFires()
    {
        Eval("""
            globalThis.c = new AbortController();
            globalThis.fired = 0;
            (() => { AbortSignal.any([c.signal]).addEventListener('abort', () => fired++); })();
            0
            """);
        Context.CollectGarbage();
        Assert.Equal("1", Eval("c.abort(); String(fired)"));
    }

    [Fact]
    public void UnobservedDependentsAreCollected()
    {
        Assert.Equal("true", Eval("""
            globalThis.c = new AbortController();
            globalThis.refs = [];
            for (let i = 0; i < 1000; i++) refs.push(new WeakRef(AbortSignal.any([c.signal])));
            'true'
            """));
        Context.CollectGarbage();
        Assert.Equal("true", Eval("String(refs.filter((r) => r.deref() !== undefined).length < 1000)"));
    }

    [Fact]
    public void ManySignalsAndDeepCompositionStayFlat()
    {
        Assert.Equal("true|true|r", Eval("""
            const controllers = Array.from({ length: 100000 }, () => new AbortController());
            const all = AbortSignal.any(controllers.map((c) => c.signal));
            let s = AbortSignal.any([controllers[5].signal]);
            for (let i = 0; i < 10000; i++) s = AbortSignal.any([s]);
            controllers[5].abort('r');
            [all.aborted, s.aborted, s.reason].join('|')
            """));
    }

    [Fact]
    public void AListenerThatThrowsDoesNotStopTheAbort()
    {
        Assert.Equal("true|true", Eval("""
            const c = new AbortController();
            let second = false;
            c.signal.addEventListener('abort', () => { throw new Error('first listener'); });
            c.signal.addEventListener('abort', () => { second = true; });
            c.abort();
            [c.signal.aborted, second].join('|')
            """));
        Assert.StartsWith("Uncaught Error: first listener", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfAbortedAndBrandChecks()
    {
        Assert.Equal("r|Failed to read the 'aborted' property from 'AbortSignal': Illegal invocation|Failed to execute 'abort' on 'AbortController': Illegal invocation", Eval("""
            const r = [];
            try { AbortSignal.abort('r').throwIfAborted(); } catch (e) { r.push(e); }
            try { Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call(new EventTarget()); } catch (e) { r.push(e.message); }
            try { AbortController.prototype.abort.call(AbortSignal.abort()); } catch (e) { r.push(e.message); }
            r.join('|')
            """));
    }
}
