namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>
/// EventTarget's dispatch for a target without a parent: listener order, options, snapshots, reported
/// (not rethrown) listener errors, hostile listeners and options, tampered intrinsics, many listeners.
/// </summary>
public sealed class EventTargetTests : WebEventsContext
{
    [Fact]
    public void CaptureListenersRunFirstBothAtTarget()
    {
        Assert.Equal("capture:2,bubble:2|0|null", Eval("""
            const t = new EventTarget();
            const log = [];
            t.addEventListener('x', (e) => log.push('bubble:' + e.eventPhase));
            t.addEventListener('x', (e) => log.push('capture:' + e.eventPhase), true);
            const e = new Event('x');
            t.dispatchEvent(e);
            [log.join(), e.eventPhase, String(e.currentTarget)].join('|')
            """));
    }

    [Fact]
    public void ListenersAreDeduplicatedByTypeCallbackAndCapture()
    {
        Assert.Equal("3", Eval("""
            const t = new EventTarget();
            let n = 0;
            const f = () => n++;
            t.addEventListener('x', f);
            t.addEventListener('x', f, false);
            t.addEventListener('x', f, { capture: false, once: true });
            t.addEventListener('x', f, true);
            t.addEventListener('x', f, { capture: true });
            t.dispatchEvent(new Event('x'));
            t.removeEventListener('x', f, true);
            t.dispatchEvent(new Event('x'));
            String(n)
            """));
    }

    [Fact]
    public void ListenersAddedOrRemovedDuringDispatchFollowTheSnapshot()
    {
        Assert.Equal("a,c|a,c,d", Eval("""
            const t = new EventTarget();
            const log = [];
            const b = () => log.push('b');
            t.addEventListener('x', () => { log.push('a'); t.removeEventListener('x', b); t.addEventListener('x', () => log.push('d')); });
            t.addEventListener('x', b);
            t.addEventListener('x', () => log.push('c'));
            t.dispatchEvent(new Event('x'));
            const first = log.join();
            log.length = 0;
            t.removeEventListener('x', b);
            t.dispatchEvent(new Event('x'));
            first + '|' + log.join()
            """));
    }

    [Fact]
    public void AThrowingListenerIsReportedAndTheOthersStillRun()
    {
        Assert.Equal("a,c|true", Eval("""
            const t = new EventTarget();
            const log = [];
            t.addEventListener('x', () => log.push('a'));
            t.addEventListener('x', () => { throw new RangeError('listener failed'); });
            t.addEventListener('x', () => log.push('c'));
            const result = t.dispatchEvent(new Event('x'));
            log.join() + '|' + result
            """));
        var error = Assert.Single(Errors);
        Assert.StartsWith("Uncaught RangeError: listener failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void HandleEventIsLookedUpAtCallTime()
    {
        Assert.Equal("second|first", Eval("""
            const t = new EventTarget();
            const log = [];
            const listener = { handleEvent() { log.push('first'); } };
            t.addEventListener('x', listener);
            listener.handleEvent = function () { log.push(this === listener ? 'second' : 'wrong this'); };
            t.dispatchEvent(new Event('x'));
            listener.handleEvent = () => log.push('first');
            t.dispatchEvent(new Event('x'));
            log.join('|')
            """));
    }

    [Fact]
    public void ARevokedProxyListenerIsReportedAsATypeError()
    {
        Assert.Equal("after", Eval("""
            const t = new EventTarget();
            const { proxy, revoke } = Proxy.revocable({ handleEvent() {} }, {});
            t.addEventListener('x', proxy);
            revoke();
            let after = '';
            t.addEventListener('x', () => { after = 'after'; });
            t.dispatchEvent(new Event('x'));
            after
            """));
        Assert.StartsWith("Uncaught TypeError", Assert.Single(Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void PassiveListenersCannotCancelAndOnceListenersRunOnce()
    {
        Assert.Equal("true|false|1", Eval("""
            const t = new EventTarget();
            let n = 0;
            t.addEventListener('x', (e) => e.preventDefault(), { passive: true });
            const passive = t.dispatchEvent(new Event('x', { cancelable: true }));
            const u = new EventTarget();
            u.addEventListener('x', (e) => { n++; e.preventDefault(); }, { once: true });
            const canceled = u.dispatchEvent(new Event('x', { cancelable: true }));
            u.dispatchEvent(new Event('x', { cancelable: true }));
            [passive, canceled, n].join('|')
            """));
    }

    [Fact]
    public void StopImmediatePropagationStopsTheRest()
    {
        Assert.Equal("a|false", Eval("""
            const t = new EventTarget();
            const log = [];
            t.addEventListener('x', (e) => { log.push('a'); e.stopImmediatePropagation(); });
            t.addEventListener('x', () => log.push('b'));
            const e = new Event('x');
            t.dispatchEvent(e);
            log.join() + '|' + e.cancelBubble
            """));
    }

    [Fact]
    public void ASignalRemovesTheListener()
    {
        Assert.Equal("1|0", Eval("""
            const t = new EventTarget();
            let n = 0, m = 0;
            const c = new AbortController();
            t.addEventListener('x', () => n++, { signal: c.signal });
            t.dispatchEvent(new Event('x'));
            c.abort();
            t.dispatchEvent(new Event('x'));
            t.addEventListener('x', () => m++, { signal: AbortSignal.abort() });
            t.dispatchEvent(new Event('x'));
            n + '|' + m
            """));
        Assert.Equal("TypeError", Eval("try { new EventTarget().addEventListener('x', () => {}, { signal: {} }); 'added' } catch (e) { e.name }"));
    }

    [Fact]
    public void DispatchingAnEventTwiceAtOnceIsAnInvalidStateError()
    {
        Assert.Equal("InvalidStateError|11|true", Eval("""
            const t = new EventTarget();
            let caught;
            t.addEventListener('x', (e) => { try { t.dispatchEvent(e); } catch (error) { caught = error; } });
            const result = t.dispatchEvent(new Event('x'));
            [caught.name, caught.code, result].join('|')
            """));
    }

    [Fact]
    public void ComposedPathIsTheTargetOnlyWhileDispatching()
    {
        Assert.Equal("1|true|0", Eval("""
            const t = new EventTarget();
            let path;
            t.addEventListener('x', (e) => { path = e.composedPath(); });
            const e = new Event('x');
            t.dispatchEvent(e);
            [path.length, path[0] === t, e.composedPath().length].join('|')
            """));
    }

    [Fact]
    public void TypeConversionThatReentersStillDeduplicates()
    {
        Assert.Equal("1", Eval("""
            const t = new EventTarget();
            let n = 0;
            const f = () => n++;
            t.addEventListener({ toString() { t.addEventListener('x', f); return 'x'; } }, f);
            t.dispatchEvent(new Event('x'));
            String(n)
            """));
    }

    [Fact]
    public void ThrowingOptionGettersAddNothing()
    {
        Assert.Equal("boom|0", Eval("""
            const t = new EventTarget();
            let n = 0, message;
            try { t.addEventListener('x', () => n++, { get once() { throw new Error('boom'); } }); } catch (e) { message = e.message; }
            t.dispatchEvent(new Event('x'));
            message + '|' + n
            """));
    }

    [Fact]
    public void WrongReceiversAndArgumentsNameTheMember()
    {
        Assert.Equal(
            "Failed to execute 'addEventListener' on 'EventTarget': Illegal invocation|" +
            "Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1: The provided value is not of type 'Event'.|" +
            "Failed to execute 'addEventListener' on 'EventTarget': parameter 2: The provided value is not of type 'EventListener'.|" +
            "Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required, but only 1 present.",
            Eval("""
            const m = [];
            const t = new EventTarget();
            try { EventTarget.prototype.addEventListener.call({}, 'x', () => {}); } catch (e) { m.push(e.message); }
            try { t.dispatchEvent({ type: 'x' }); } catch (e) { m.push(e.message); }
            try { t.addEventListener('x', 5); } catch (e) { m.push(e.message); }
            try { t.removeEventListener('x'); } catch (e) { m.push(e.message); }
            m.join('|')
            """));
    }

    [Fact]
    public void TamperedIntrinsicsDoNotChangeDispatch()
    {
        Assert.Equal("a,b,c|false|1", Eval("""
            const log = [];
            const push = Array.prototype.push.bind(log);
            const c = new AbortController();
            const inputs = new Set([c.signal]);
            Array.prototype.push = function () { throw new Error('push tampered'); };
            Array.prototype[Symbol.iterator] = function () { throw new Error('iterator tampered'); };
            Function.prototype.call = function () { throw new Error('call tampered'); };
            Function.prototype.apply = function () { throw new Error('apply tampered'); };
            Map.prototype.get = function () { throw new Error('get tampered'); };
            Map.prototype.set = function () { throw new Error('set tampered'); };
            Object.defineProperty = function () { throw new Error('defineProperty tampered'); };
            Set.prototype.add = function () { throw new Error('add tampered'); };
            WeakRef.prototype.deref = function () { throw new Error('deref tampered'); };
            const t = new EventTarget();
            t.addEventListener('x', () => push('a'));
            t.addEventListener('x', { handleEvent: () => push('b') });
            const any = AbortSignal.any(inputs);
            let aborted = 0;
            any.onabort = () => aborted++;
            t.addEventListener('x', (e) => { push('c'); e.preventDefault(); }, { signal: c.signal });
            const result = t.dispatchEvent(new Event('x', { cancelable: true }));
            c.abort();
            [log.join(), result, aborted].join('|')
            """));
        Assert.Empty(Errors);
    }

    [Fact]
    public void ManyListenersAreDispatchedInOrder()
    {
        Assert.Equal("100000|true", Eval("""
            const t = new EventTarget();
            let n = 0, ordered = true;
            for (let i = 0; i < 100000; i++) t.addEventListener('x', () => { ordered = ordered && n === i; n++; });
            t.dispatchEvent(new Event('x'));
            n + '|' + ordered
            """));
    }

    [Fact]
    public void RecursiveDispatchEndsInOneReportedStackOverflow()
    {
        Assert.Equal("true", Eval("""
            const t = new EventTarget();
            let depth = 0;
            t.addEventListener('x', () => { depth++; t.dispatchEvent(new Event('x')); });
            t.dispatchEvent(new Event('x'));
            String(depth > 100)
            """));
        Assert.Contains("RangeError", Assert.Single(Errors), StringComparison.Ordinal);
    }
}
