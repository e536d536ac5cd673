namespace V8Host.Tests.Debugging;

/// <summary>api.md §8: IsolateOptions.WaitForDebugger holds the first script until a debugger lets it run, paused on its first statement.</summary>
public sealed class WaitForDebuggerTests : IDisposable
{
    private readonly Context _context = new Isolate(new IsolateOptions { EnableInspector = true, WaitForDebugger = true }).CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void ASessionReleasesTheWaitAndTheScriptPausesOnItsFirstLine()
    {
        var run = Task.Run(() => _context.Compile("const first = 1;\nfirst + 1", "startup.js").Run());
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            // Nothing runs before the debugger says so, however long it takes to set up.
            Assert.False(run.Wait(TimeSpan.FromMilliseconds(200)));
            cdp.Call("Runtime.runIfWaitingForDebugger");

            var paused = cdp.WaitForEvent("Debugger.paused");
            Assert.Equal("Break on start", paused.GetProperty("reason").GetString());
            Assert.Empty(paused.GetProperty("hitBreakpoints").EnumerateArray());
            var location = paused.GetProperty("callFrames")[0].GetProperty("location");
            Assert.Equal("startup.js", cdp.UrlOf(location.GetProperty("scriptId").GetString()!));
            Assert.Equal(0, location.GetProperty("lineNumber").GetInt32());

            cdp.Call("Debugger.resume");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal(2, Convert.ToInt32(run.Result));
        }

        // Only the first script waits.
        Assert.Equal(3, _context.Eval<int>("1 + 2"));
    }

    [Fact]
    public void ABreakpointSetWhileWaitingBindsBeforeTheScriptRuns()
    {
        var run = Task.Run(() => _context.Compile("let total = 0;\nfor (const n of [1, 2, 3]) total += n;\ntotal", "sum.js").Run());
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            cdp.Call("Debugger.setBreakpointByUrl", new { url = "sum.js", lineNumber = 2 });
            cdp.Call("Runtime.runIfWaitingForDebugger");

            // Break on start first, then the breakpoint.
            Assert.Equal(0, cdp.WaitForEvent("Debugger.paused").GetProperty("callFrames")[0].GetProperty("location").GetProperty("lineNumber").GetInt32());
            cdp.Call("Debugger.resume");
            var hit = cdp.WaitForEvent("Debugger.paused");
            Assert.Equal(2, hit.GetProperty("callFrames")[0].GetProperty("location").GetProperty("lineNumber").GetInt32());
            Assert.NotEmpty(hit.GetProperty("hitBreakpoints").EnumerateArray());
            cdp.Call("Debugger.resume");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal(6, Convert.ToInt32(run.Result));
        }
    }

    [Fact]
    public void TerminateExecutionEndsTheWait()
    {
        var run = Task.Run(() => _context.Eval("'never'"));
        var deadline = DateTime.UtcNow + CdpProbe.Timeout;
        while (!_context.TerminateExecution())
        {
            Assert.True(DateTime.UtcNow < deadline, "The script never started waiting.");
            Thread.Sleep(5);
        }

        var error = Assert.Throws<AggregateException>(() => run.Wait(CdpProbe.Timeout)).InnerException;
        Assert.IsType<ScriptTerminatedException>(error);
        Assert.Contains("waited for a debugger", error.Message);
    }

    [Fact]
    public void DisposingTheContextEndsTheWait()
    {
        var context = new Isolate(new IsolateOptions { EnableInspector = true, WaitForDebugger = true }).CreateContext();
        var waiting = new ManualResetEventSlim();
        var run = Task.Run(() =>
        {
            waiting.Set();
            return context.Eval("1");
        });
        waiting.Wait();
        Thread.Sleep(50);
        context.Dispose();
        Assert.IsType<ObjectDisposedException>(Assert.Throws<AggregateException>(() => run.Wait(CdpProbe.Timeout)).InnerException);
    }
}
