namespace V8Host.Tests.EventLoop;

/// <summary>
/// api.md §6 TimersApi: HTML timer semantics on the automatic event loop. Each test records what ran,
/// in order, in a global array, and awaits a promise the script resolves when it is done, so that no
/// test depends on how fast the machine is.
/// </summary>
public sealed class TimersTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly List<string> _errors = new();
    private readonly Context _context;

    public TimersTests()
    {
        _context = new Isolate().CreateContextBuilder().Install(new TimersApi()).Build();
        _context.ErrorOutput = text =>
        {
            lock (_errors)
                _errors.Add(text);
        };
    }

    public void Dispose() => _context.Dispose();

    private async Task<string> Run(string setup)
    {
        // `done()` resolves the awaited promise with the log.
        using var promise = _context.Eval<JsPromise>(
            "globalThis.log = []; new Promise(resolve => { globalThis.done = () => resolve(log.join(',')); " + setup + " })");
        return (string)(await promise.AsTask().WaitAsync(Generous))!;
    }

    [Fact]
    public async Task Timers_RunInDueTimeOrder()
    {
        var log = await Run("""
            setTimeout(() => log.push('30'), 30);
            setTimeout(() => log.push('10'), 10);
            setTimeout(() => log.push('20'), 20);
            setTimeout(() => { log.push('40'); done(); }, 40);
            """);
        Assert.Equal("10,20,30,40", log);
    }

    [Fact]
    public async Task Timers_WithEqualDueTimes_RunInTheOrderTheyWereSet()
    {
        // Set from inside one timer callback, they share the task's time (Node's cached loop time).
        var log = await Run("""
            setTimeout(() => {
                for (let i = 0; i < 20; i++) setTimeout(() => log.push(i), 5);
                setTimeout(done, 5);
            }, 0);
            """);
        Assert.Equal(string.Join(",", Enumerable.Range(0, 20)), log);
    }

    [Fact]
    public async Task NestingClamp_FromTheSixthLevel_ZeroDelayWaitsAsLongAsFourMilliseconds()
    {
        // At each level a 3 ms timer is set before a 0 ms one. Unclamped, the 0 ms timer runs first;
        // clamped to 4 ms both are due 4 ms after the same task time, so they run in the order set.
        var log = await Run("""
            function level(n) {
                if (n > 8) { setTimeout(done, 20); return; }
                setTimeout(() => log.push(n + 'three'), 3);
                setTimeout(() => log.push(n + 'zero'), 0);
                setTimeout(() => level(n + 1), 10);
            }
            setTimeout(() => level(1), 0);
            """);
        var order = log.Split(',');
        for (var n = 1; n <= 8; n++)
        {
            var zeroFirst = Array.IndexOf(order, n + "zero") < Array.IndexOf(order, n + "three");
            // level(n) runs in a task at nesting level n; HTML clamps timers set at a level above 5.
            Assert.True(zeroFirst == (n <= 5), $"level {n}: {log}");
        }
    }

    [Fact]
    public async Task ClearedTimers_NeverRun_EvenWhenAlreadyDue()
    {
        var log = await Run("""
            const a = setTimeout(() => log.push('a'), 5);
            clearTimeout(a);
            // b and c are due in the same wake-up; b clears c after c was queued as a task.
            let c;
            setTimeout(() => { log.push('b'); clearTimeout(c); }, 10);
            c = setTimeout(() => log.push('c'), 10);
            const i = setInterval(() => log.push('i'), 1);
            clearInterval(i);
            setTimeout(done, 40);
            """);
        Assert.Equal("b", log);
    }

    [Fact]
    public async Task ExtraArguments_ArePassedOn_AndThisIsTheGlobal()
    {
        var log = await Run("""
            setTimeout(function (a, b, c) { log.push(a, b, typeof c, this === globalThis); done(); }, 0, 'x', 2);
            """);
        Assert.Equal("x,2,undefined,true", log);
    }

    [Fact]
    public async Task Interval_Repeats_UntilClearedFromItsOwnCallback()
    {
        var log = await Run("""
            let n = 0;
            const id = setInterval(() => { log.push(++n); if (n === 5) { clearInterval(id); setTimeout(done, 20); } }, 1);
            """);
        Assert.Equal("1,2,3,4,5", log);
        Assert.Equal(0, _context.EventLoop.Timers.ActiveCount);
    }

    [Fact]
    public async Task ClearTimeout_AndClearInterval_ShareIds()
    {
        var log = await Run("""
            const t = setTimeout(() => log.push('t'), 1);
            const i = setInterval(() => log.push('i'), 1);
            clearInterval(t);
            clearTimeout(i);
            setTimeout(done, 20);
            """);
        Assert.Equal(string.Empty, log);
    }

    [Fact]
    public async Task QueueMicrotask_RunsBeforeTimers_AndAfterTheCurrentTask()
    {
        var log = await Run("""
            setTimeout(() => { log.push('timer'); done(); }, 0);
            queueMicrotask(() => log.push('micro'));
            log.push('sync');
            """);
        Assert.Equal("sync,micro,timer", log);
    }

    [Fact]
    public async Task ErrorInACallback_IsReported_AndLaterTimersStillRun()
    {
        var log = await Run("""
            setTimeout(() => { throw new RangeError('bad timer'); }, 0);
            queueMicrotask(() => { throw new TypeError('bad microtask'); });
            setTimeout(() => { log.push('after'); done(); }, 5);
            """);
        Assert.Equal("after", log);
        lock (_errors)
        {
            Assert.Contains(_errors, e => e.StartsWith("Uncaught RangeError: bad timer", StringComparison.Ordinal) && e.Contains("<eval>:", StringComparison.Ordinal));
            Assert.Contains(_errors, e => e.StartsWith("Uncaught TypeError: bad microtask", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("setTimeout('globalThis.ran = 1', 0)", "setTimeout: the callback must be a function (strings are not evaluated).")]
    [InlineData("setInterval(42)", "setInterval: the callback must be a function.")]
    [InlineData("queueMicrotask({})", "queueMicrotask: the callback must be a function.")]
    public void NonFunctionCallback_IsATypeError(string source, string message)
    {
        var exception = Assert.Throws<JavaScriptException>(() => _context.Eval(source));
        Assert.Equal("TypeError", exception.ErrorName);
        Assert.Equal(message, exception.JsMessage);
        Assert.Equal(0, _context.EventLoop.Timers.ActiveCount);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("'abc'")]
    [InlineData("2 ** 32")]
    [InlineData("{ valueOf() { return 0; } }")]
    public async Task Delays_ConvertAsWebIdlLong_NegativeAndInvalidMeanZero(string delay)
    {
        var log = await Run($"setTimeout(() => {{ log.push('ran'); done(); }}, {delay});");
        Assert.Equal("ran", log);
    }

    [Fact]
    public async Task TamperedBuiltins_DoNotChangeTimers()
    {
        var log = await Run("""
            Map.prototype.get = () => { throw new Error('tampered'); };
            Map.prototype.set = () => { throw new Error('tampered'); };
            Reflect.apply = () => { throw new Error('tampered'); };
            Function.prototype.apply = () => { throw new Error('tampered'); };
            Promise.prototype.then = () => { throw new Error('tampered'); };
            queueMicrotask(() => log.push('micro'));
            setTimeout((a) => { log.push(a); done(); }, 1, 'timer');
            """);
        Assert.Equal("micro,timer", log);
    }

    [Fact]
    public async Task ScriptsMayReplaceTheGlobals_WithoutBreakingTheLoop()
    {
        var log = await Run("""
            const original = setTimeout;
            globalThis.setTimeout = () => { throw new Error('replaced'); };
            original(() => { log.push(typeof clearTimeout); done(); }, 1);
            """);
        Assert.Equal("function", log);
    }

    [Fact]
    public void Timers_AreNotDefinedWithoutTheApi()
    {
        using var plain = new Isolate().CreateContext();
        Assert.Equal("undefined", plain.Eval("typeof setTimeout"));
        Assert.Equal("undefined", plain.Eval("typeof setInterval"));
    }

    [Fact]
    public async Task Interval_IsBoundedByTheCallersCancellation()
    {
        _context.Eval("globalThis.ticks = 0; setInterval(() => ticks++, 1); 0");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _context.RunUntilIdleAsync(cancel.Token));
        Assert.True(_context.Eval<int>("ticks") > 0);
        Assert.Equal(1, _context.EventLoop.Timers.ActiveCount);
    }

    [Fact]
    public async Task ARunawayCallback_IsStoppedByTheTaskTimeout_AndTheContextStaysUsable()
    {
        using var context = new Isolate(new IsolateOptions { EventLoopTaskTimeout = TimeSpan.FromMilliseconds(100) })
            .CreateContextBuilder().Install(new TimersApi()).Build();
        var errors = new List<string>();
        context.ErrorOutput = text =>
        {
            lock (errors)
                errors.Add(text);
        };
        using var promise = context.Eval<JsPromise>("setTimeout(() => { for (;;); }, 0); new Promise(r => setTimeout(() => r('next'), 5))");
        Assert.Equal("next", await promise.AsTask().WaitAsync(Generous));
        Assert.Equal(2, context.Eval<int>("1 + 1"));
        lock (errors)
            Assert.Contains(errors, e => e.Contains("ScriptTerminatedException", StringComparison.Ordinal) && e.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFloodOfZeroDelayTimers_DoesNotStarveTheHost()
    {
        _context.Eval("setInterval(() => {}, 0); setInterval(() => {}, 0); 0");
        for (var i = 0; i < 200; i++)
            Assert.Equal(i, await Task.Run(() => _context.Eval<int>(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).WaitAsync(Generous));
    }

    [Fact]
    public void TooManyTimers_IsARangeError()
    {
        using var context = new Isolate().CreateContextBuilder().Install(new TimersApi()).Build();
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("for (let i = 0; i <= 1000000; i++) setTimeout(() => {}, 1e9)"));
        Assert.Equal("RangeError", exception.ErrorName);
        Assert.Contains("too many active timers", exception.JsMessage, StringComparison.Ordinal);
        Assert.Equal(V8Host.Engine.TimerQueue.MaxActiveTimers, context.EventLoop.Timers.ActiveCount);
    }
}
