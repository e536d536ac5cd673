namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>performance: the Performance interface, now() on a monotonic clock, timeOrigin, toJSON, brand checks, User Timing.</summary>
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

    [Fact]
    public void MarksAndMeasuresAreBufferedInStartTimeOrder()
    {
        Assert.Equal("b,m,a|1|true|5|7", Eval("""
            const a = performance.mark('a');
            performance.mark('b', { startTime: 1 });
            const m = performance.measure('m', 'b', 'a');
            const d = performance.measure('d', { start: 'b', duration: 5, detail: 7 });
            [performance.getEntries().filter((e) => e.name !== 'd').map((e) => e.name).join(), m.startTime, m.duration === a.startTime - 1, d.duration, d.detail].join('|')
            """));
    }

    [Fact]
    public void DetailIsAStructuredCloneAndUncloneableDetailIsADataCloneError()
    {
        Assert.Equal("false|1|DataCloneError", Eval("""
            const detail = { list: [1] };
            const mark = performance.mark('x', { detail });
            let name;
            try { performance.mark('y', { detail: () => 0 }); } catch (e) { name = e.name; }
            [mark.detail === detail, mark.detail.list[0], name].join('|')
            """));
    }

    [Fact]
    public void MeasureChecksItsArguments()
    {
        Assert.Equal("SyntaxError|TypeError|TypeError|TypeError", Eval("""
            const r = [];
            try { performance.measure('m', 'no such mark'); } catch (e) { r.push(e.name); }
            try { performance.measure('m', { duration: 1 }); } catch (e) { r.push(e.name); }
            try { performance.measure('m', { start: 0 }, 'end'); } catch (e) { r.push(e.name); }
            try { performance.mark('m', { startTime: -1 }); } catch (e) { r.push(e.name); }
            r.join('|')
            """));
    }

    [Fact]
    public void ClearMarksAndMeasuresByName()
    {
        Assert.Equal("2|1|0", Eval("""
            performance.mark('a'); performance.mark('b'); performance.measure('m');
            performance.clearMarks('a');
            const afterOne = performance.getEntries().length;
            performance.clearMarks();
            const afterMarks = performance.getEntries().length;
            performance.clearMeasures();
            [afterOne, afterMarks, performance.getEntries().length].join('|')
            """));
    }

    [Fact]
    public void EntriesHaveNoPublicConstructorExceptMarks()
    {
        Assert.Equal("TypeError|TypeError|mark", Eval("""
            const r = [];
            try { new PerformanceEntry(); } catch (e) { r.push(e.name); }
            try { new PerformanceMeasure(); } catch (e) { r.push(e.name); }
            r.push(new PerformanceMark('x').entryType);
            r.join('|')
            """));
    }
}
