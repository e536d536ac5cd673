namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>Event, CustomEvent, ErrorEvent and PromiseRejectionEvent: WebIDL shape and conversions, hostile dictionaries.</summary>
public sealed class EventTests : WebEventsContext
{
    [Fact]
    public void IsTrustedIsAnOwnUnforgeableAccessorSharedByAllEvents()
    {
        Assert.Equal("true|false|true|false|false", Eval("""
            const a = Object.getOwnPropertyDescriptor(new Event('a'), 'isTrusted');
            const b = Object.getOwnPropertyDescriptor(new CustomEvent('b'), 'isTrusted');
            [a.get === b.get, a.configurable, a.enumerable, 'isTrusted' in Event.prototype, new Event('x').isTrusted].join('|')
            """));
    }

    [Fact]
    public void DictionaryMembersAreReadOnceInWebIdlOrder()
    {
        Assert.Equal("bubbles,cancelable,composed,detail|true|7", Eval("""
            const read = [];
            const init = new Proxy({}, { get(_, key) { read.push(String(key)); return key === 'detail' ? 7 : true; } });
            const e = new CustomEvent('x', init);
            [read.join(), e.composed, e.detail].join('|')
            """));
        Assert.Equal("bubbles,cancelable,composed,colno,error,filename,lineno,message", Eval("""
            const order = [];
            new ErrorEvent('e', new Proxy({}, { get(_, key) { order.push(String(key)); return undefined; } }));
            order.join()
            """));
    }

    [Fact]
    public void AThrowingGetterOrToStringPropagatesUnchanged()
    {
        Assert.Equal("boom|type", Eval("""
            const results = [];
            try { new Event('x', { get bubbles() { throw new Error('boom'); } }); } catch (e) { results.push(e.message); }
            try { new Event({ toString() { throw 'type'; } }); } catch (e) { results.push(e); }
            results.join('|')
            """));
    }

    [Fact]
    public void ARevokedProxyAsDictionaryIsATypeErrorNotACrash()
    {
        Assert.Equal("TypeError", Eval("""
            const { proxy, revoke } = Proxy.revocable({}, {});
            revoke();
            try { new Event('x', proxy); 'no error' } catch (e) { e.name }
            """));
    }

    [Fact]
    public void ErrorsNameTheInterfaceAndMember()
    {
        Assert.Equal(
            "Failed to construct 'Event': 1 argument required, but only 0 present.|" +
            "Failed to read the 'type' property from 'Event': Illegal invocation|" +
            "Failed to construct 'CustomEvent': The provided value is not of type 'object'.|" +
            "Failed to construct 'PromiseRejectionEvent': Failed to read the 'promise' property from 'PromiseRejectionEventInit': Required member is undefined.",
            Eval("""
            const m = [];
            try { new Event(); } catch (e) { m.push(e.message); }
            try { Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}); } catch (e) { m.push(e.message); }
            try { new CustomEvent('x', 5); } catch (e) { m.push(e.message); }
            try { new PromiseRejectionEvent('x', {}); } catch (e) { m.push(e.message); }
            m.join('|')
            """));
    }

    [Fact]
    public void ReturnValueCancelBubbleAndPreventDefaultFollowTheFlags()
    {
        Assert.Equal("true|false|true|false|true|false", Eval("""
            const plain = new Event('x');
            plain.preventDefault();
            const cancelable = new Event('x', { cancelable: true });
            cancelable.returnValue = false;
            cancelable.returnValue = true;
            const bubble = new Event('x');
            bubble.cancelBubble = true;
            bubble.cancelBubble = false;
            [plain.returnValue, plain.defaultPrevented, cancelable.defaultPrevented, cancelable.returnValue, bubble.cancelBubble, new Event('y').cancelBubble].join('|')
            """));
    }

    [Fact]
    public void InitEventReinitializesButNotWhileDispatching()
    {
        Assert.Equal("a|false|b|true|false", Eval("""
            const t = new EventTarget();
            const e = new Event('a', { cancelable: true });
            let seen;
            t.addEventListener('a', () => { e.initEvent('changed', true, true); seen = e.type + '|' + e.bubbles; e.preventDefault(); });
            t.dispatchEvent(e);
            e.initEvent('b', true);
            [seen, e.type, e.bubbles, e.defaultPrevented].join('|')
            """));
    }

    [Fact]
    public void TimeStampIsOnThePerformanceClock()
    {
        Assert.Equal("true", Eval("const before = performance.now(); const e = new Event('x'); String(e.timeStamp >= before && e.timeStamp <= performance.now())"));
    }

    [Fact]
    public void SubclassesKeepTheirBrandAndTaggedToString()
    {
        Assert.Equal("[object CustomEvent]|[object ErrorEvent]|[object PromiseRejectionEvent]|true|3", Eval("""
            class Mine extends CustomEvent { constructor() { super('mine', { detail: 3 }); } }
            const p = Promise.resolve();
            [String(new CustomEvent('c')), String(new ErrorEvent('e')), String(new PromiseRejectionEvent('r', { promise: p })),
             new Mine() instanceof Event, new Mine().detail].join('|')
            """));
    }

    [Fact]
    public void ErrorEventConvertsItsMembers()
    {
        Assert.Equal("m|f|4294967295|0|null|err", Eval("""
            const e = new ErrorEvent('error', { message: 'm', filename: 'f', lineno: -1, colno: 'x' });
            [e.message, e.filename, e.lineno, e.colno, String(new ErrorEvent('e').error), new ErrorEvent('e', { error: 'err' }).error].join('|')
            """));
    }

    [Fact]
    public void AHugeTypeIsKept()
    {
        Assert.Equal("67108864", Eval("String(new Event('x'.repeat(64 * 1024 * 1024)).type.length)"));
    }
}
