namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>performance: the Performance interface, now() on a monotonic clock, timeOrigin, toJSON, brand checks.</summary>
public sealed class PerformanceTests : WebEventsContext
{
    [Fact]
    public void PerformanceIsAnEventTargetWithoutAConstructor()
    {
        Assert.Equal("true|true|TypeError|[object Performance]", Eval("""
            let name;
            try { new Performance(); } catch (e) { name = e.name; }
            [performance instanceof Performance, performance instanceof EventTarget, name, String(performance)].join('|')
            """));
    }

    [Fact]
    public void TimeOriginIsTheContextsCreationInUnixMilliseconds()
    {
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        var origin = Context.Eval<double>("performance.timeOrigin");
        Assert.InRange(origin, now - 60_000, now + 1);
        var sum = Context.Eval<double>("performance.timeOrigin + performance.now()");
        Assert.InRange(sum, now - 5_000, (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds + 5_000);
    }

    [Fact]
    public void NowIsMonotonicWithSubMillisecondResolution()
    {
        Assert.Equal("true|true", Eval("""
            let last = performance.now(), monotonic = true, fractional = false;
            for (let i = 0; i < 100000; i++) {
                const t = performance.now();
                if (t < last) monotonic = false;
                if (t % 1 !== 0) fractional = true;
                last = t;
            }
            monotonic + '|' + fractional
            """));
    }

    [Fact]
    public void ToJsonHasTheTimeOrigin()
    {
        Assert.Equal("true", Eval("String(JSON.parse(JSON.stringify(performance)).timeOrigin === performance.timeOrigin)"));
    }

    [Fact]
    public void MembersCheckTheirReceiver()
    {
        Assert.Equal("Failed to execute 'now' on 'Performance': Illegal invocation", Eval("try { performance.now.call({}); } catch (e) { e.message }"));
    }

    [Fact]
    public void ReplacingTheGlobalDoesNotChangeEventTimeStamps()
    {
        Assert.Equal("true", Eval("globalThis.performance = { now: () => -1 }; String(new Event('x').timeStamp > 0)"));
    }
}
