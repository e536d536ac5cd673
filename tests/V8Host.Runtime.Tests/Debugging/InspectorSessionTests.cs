using System.Text.Json;

namespace V8Host.Tests.Debugging;

/// <summary>api.md §8: an in-process inspector session speaking the Chrome DevTools Protocol to V8.</summary>
public sealed class InspectorSessionTests : IDisposable
{
    private readonly Context _context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void RuntimeEvaluateRoundTrips()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            var result = cdp.Call("Runtime.evaluate", new { expression = "6*7" });
            Assert.Equal("number", result.GetProperty("result").GetProperty("type").GetString());
            Assert.Equal(42, result.GetProperty("result").GetProperty("value").GetInt32());
        }
    }

    [Fact]
    public void EvaluateSeesTheContextsGlobals()
    {
        _context.Eval("globalThis.answer = { value: 41 + 1 }");
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            var result = cdp.Call("Runtime.evaluate", new { expression = "answer.value", returnByValue = true });
            Assert.Equal(42, result.GetProperty("result").GetProperty("value").GetInt32());
        }
    }

    [Fact]
    public void ABreakpointByUrlPausesTheScriptThreadUntilResume()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            var set = cdp.Call("Debugger.setBreakpointByUrl", new { url = "rules/discount.js", lineNumber = 2 });
            var breakpointId = set.GetProperty("breakpointId").GetString();

            var script = _context.Compile("function discount(total) {\n  const rate = total > 100 ? 0.1 : 0;\n  return total * (1 - rate);\n}\ndiscount(200);", "rules/discount.js");
            var run = Task.Run(() => script.Run());

            var paused = cdp.WaitForEvent("Debugger.paused");
            var top = paused.GetProperty("callFrames")[0];
            Assert.Equal("discount", top.GetProperty("functionName").GetString());
            Assert.Equal(2, top.GetProperty("location").GetProperty("lineNumber").GetInt32());
            Assert.Equal("rules/discount.js", cdp.UrlOf(top.GetProperty("location").GetProperty("scriptId").GetString()!));
            Assert.Contains(breakpointId, paused.GetProperty("hitBreakpoints").EnumerateArray().Select(id => id.GetString()));

            // The script's thread waits inside V8 while the session inspects the paused frame.
            Assert.False(run.IsCompleted);
            var rate = cdp.Call("Debugger.evaluateOnCallFrame", new { callFrameId = top.GetProperty("callFrameId").GetString(), expression = "rate", returnByValue = true });
            Assert.Equal(0.1, rate.GetProperty("result").GetProperty("value").GetDouble());

            cdp.Call("Debugger.resume");
            cdp.WaitForEvent("Debugger.resumed");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal(180.0, Convert.ToDouble(run.Result));
        }
    }

    [Fact]
    public void ABreakpointSetBeforeAScriptIsCompiledBindsWhenItIs()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            // As VS Code sets them for files not loaded yet: by a regex over the url.
            cdp.Call("Debugger.setBreakpointByUrl", new { urlRegex = @"app\.js$", lineNumber = 1 });
            var run = Task.Run(() => _context.Compile("let a = 1;\nlet b = a + 1;\nb * 10", "/home/dev/project/app.js").Run());

            var paused = cdp.WaitForEvent("Debugger.paused");
            Assert.Equal(1, paused.GetProperty("callFrames")[0].GetProperty("location").GetProperty("lineNumber").GetInt32());
            cdp.Call("Debugger.resume");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal(20, Convert.ToInt32(run.Result));
        }
    }

    [Fact]
    public void ScriptsAppearUnderTheNamesTheHostGaveThem()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            _context.Compile("1", "lib/one.js").Run();
            _context.CompileFunction("return 2", filename: "lib/two.js").Invoke();
            var module = _context.CompileModule("export const three = 3;", "lib/three.mjs");
            module.Instantiate();
            module.Evaluate();
            _context.Compile("4", "name with spaces.js").Run();

            var urls = new[] { "lib/one.js", "lib/two.js", "lib/three.mjs", "name%20with%20spaces.js" }
                .Select(url => cdp.WaitForEvent("Debugger.scriptParsed", script => script.GetProperty("url").GetString() == url))
                .ToArray();
            Assert.Equal(4, urls.Length);
            Assert.True(urls[2].GetProperty("isModule").GetBoolean());
        }
    }

    [Fact]
    public void ErrorsStillNameTheScriptAndShowItsLine()
    {
        var error = Assert.Throws<JavaScriptException>(() => _context.Compile("let x = 1;\nthrow new Error('boom');", "thrower.js").Run());
        Assert.Equal("thrower.js", error.Frames[0].ScriptName);
        Assert.Equal(2, error.Frames[0].Line);
        Assert.Equal("throw new Error('boom');", error.SourceLine);
    }

    [Fact]
    public void SourceMapUrlsReachTheDebugger()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            _context.Compile("var compiled = 1;", "bundle.js", sourceMapUrl: "bundle.js.map").Run();
            _context.Compile("var inline = 2;\n//# sourceMappingURL=data:application/json;base64,e30=", "inline.js").Run();

            var bundle = cdp.WaitForEvent("Debugger.scriptParsed", script => script.GetProperty("url").GetString() == "bundle.js");
            Assert.Equal("bundle.js.map", bundle.GetProperty("sourceMapURL").GetString());
            var inline = cdp.WaitForEvent("Debugger.scriptParsed", script => script.GetProperty("url").GetString() == "inline.js");
            Assert.Equal("data:application/json;base64,e30=", inline.GetProperty("sourceMapURL").GetString());
        }
    }

    [Fact]
    public void ConsoleCallsReachTheSessionWithTheScriptsFrame()
    {
        // Discarded output: the debugger gets the call all the same.
        using var quiet = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContextBuilder().Install(ConsoleApi.Discard).Build();
        var (cdp, session) = CdpProbe.Connect(quiet);
        using (session)
        {
            cdp.Call("Runtime.enable");
            quiet.Compile("const order = { id: 7 };\nconsole.warn('order', order.id, order);", "orders.js").Run();

            var call = cdp.WaitForEvent("Runtime.consoleAPICalled");
            Assert.Equal("warning", call.GetProperty("type").GetString());
            var args = call.GetProperty("args");
            Assert.Equal("order", args[0].GetProperty("value").GetString());
            Assert.Equal(7, args[1].GetProperty("value").GetInt32());
            Assert.Equal("object", args[2].GetProperty("type").GetString());
            var frame = call.GetProperty("stackTrace").GetProperty("callFrames")[0];
            Assert.Equal("orders.js", frame.GetProperty("url").GetString());
            Assert.Equal(1, frame.GetProperty("lineNumber").GetInt32());
        }
    }

    [Fact]
    public void TheConsoleStillWritesToItsSinkWithTheInspectorOn()
    {
        var output = new StringWriter();
        using var context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContextBuilder().Install(new ConsoleApi(output)).Build();
        context.Eval("console.log('to the sink', 1 + 1); console.count(); console.count()");
        Assert.Equal("to the sink 2\ndefault: 1\ndefault: 2\n", output.ToString().Replace("\r\n", "\n"));
    }

    // Profiler.start is carried out on a thread-pool thread and the script runs on another: the
    // profile follows the script's thread (Runtime/Profiling/CpuProfileRecorder.cs).
    [Fact]
    public void TheProfilerDomainProfilesTheScriptsTheHostRuns()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            // As in DevTools: start, let the host run its workload (on a thread of its own), stop.
            cdp.Call("Profiler.enable");
            cdp.Call("Profiler.setSamplingInterval", new { interval = 200 });
            cdp.Call("Profiler.start");
            // The thread that ran script outlives the profile (docs/profiling.md, "Threads").
            using var ran = new ManualResetEventSlim();
            using var profileStopped = new ManualResetEventSlim();
            var workload = new Thread(() =>
            {
                _context.Eval("""
                    function hotFunction(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) % 7; return s; }
                    const until = Date.now() + 300;
                    while (Date.now() < until) hotFunction(5000);
                    """);
                ran.Set();
                profileStopped.Wait();
            });
            workload.Start();
            Assert.True(ran.Wait(CdpProbe.Timeout));
            var profile = cdp.Call("Profiler.stop").GetProperty("profile");
            profileStopped.Set();
            Assert.True(workload.Join(CdpProbe.Timeout));

            var hot = profile.GetProperty("nodes").EnumerateArray().Where(node => node.GetProperty("callFrame").GetProperty("functionName").GetString() == "hotFunction").ToArray();
            Assert.NotEmpty(hot);
            Assert.Contains(hot, node => node.GetProperty("hitCount").GetInt32() > 0);

            var refused = cdp.CallRaw("Profiler.setSamplingInterval", new { interval = -5 });
            Assert.Contains("positive integer", refused.GetProperty("error").GetProperty("message").GetString());
        }
    }

    [Fact]
    public void ADebuggersProfileAndTheHostsDoNotOverlap()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            _context.StartCpuProfile("host");
            var refused = cdp.CallRaw("Profiler.start");
            Assert.Contains("still being recorded", refused.GetProperty("error").GetProperty("message").GetString());
            _context.StopCpuProfile();
            cdp.Call("Profiler.start");
            Assert.Throws<InvalidOperationException>(() => _context.StartCpuProfile());
            cdp.Call("Profiler.stop");
        }
    }

    [Fact]
    public void WithoutACallbackMessagesQueueForTakeMessages()
    {
        using var session = _context.Inspector.Connect();
        session.Send("""{"id":1,"method":"Runtime.evaluate","params":{"expression":"'queued'"}}""");
        var deadline = DateTime.UtcNow + CdpProbe.Timeout;
        var messages = new List<string>();
        while (messages.Count == 0 && DateTime.UtcNow < deadline)
        {
            messages.AddRange(session.TakeMessages());
            Thread.Sleep(10);
        }

        using var response = JsonDocument.Parse(Assert.Single(messages));
        Assert.Equal(1, response.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("queued", response.RootElement.GetProperty("result").GetProperty("result").GetProperty("value").GetString());
        Assert.Empty(session.TakeMessages());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{"method":"Runtime.evaluate"}""")]
    [InlineData("""{"id":"one","method":"Runtime.evaluate"}""")]
    [InlineData("""{"id":1}""")]
    [InlineData("""{"id":1,"method":"Runtime.evaluate"} trailing""")]
    public void SendRejectsWhatIsNotARequest(string json)
    {
        using var session = _context.Inspector.Connect();
        var error = Assert.Throws<ArgumentException>(() => session.Send(json));
        Assert.Equal("json", error.ParamName);
    }

    [Fact]
    public void AnUnknownMethodIsAnsweredWithV8sError()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            var response = cdp.CallRaw("Nonsense.method");
            Assert.Contains("wasn't found", response.GetProperty("error").GetProperty("message").GetString());
        }
    }

    [Fact]
    public void ACallbackThatThrowsIsReportedByTheNextSend()
    {
        using var session = _context.Inspector.Connect(_ => throw new FormatException("bad handler"));
        session.Send("""{"id":1,"method":"Runtime.evaluate","params":{"expression":"1"}}""");
        var deadline = DateTime.UtcNow + CdpProbe.Timeout;
        InvalidOperationException? error = null;
        while (error is null && DateTime.UtcNow < deadline)
        {
            try
            {
                session.Send("""{"id":2,"method":"Runtime.evaluate","params":{"expression":"2"}}""");
                Thread.Sleep(10);
            }
            catch (InvalidOperationException thrown)
            {
                error = thrown;
            }
        }

        Assert.NotNull(error);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void DisposingTheContextEndsTheSession()
    {
        var context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();
        var (cdp, session) = CdpProbe.Connect(context);
        cdp.Call("Runtime.enable");
        context.Dispose();

        Assert.Equal("target_closed", cdp.WaitForEvent("Inspector.detached").GetProperty("reason").GetString());
        Assert.False(session.IsConnected);
        Assert.Throws<ObjectDisposedException>(() => session.Send("""{"id":9,"method":"Runtime.enable"}"""));
        session.Dispose();
    }

    [Fact]
    public void DisposingASessionLeftPausedResumesTheScript()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        cdp.Call("Debugger.enable");
        var run = Task.Run(() => _context.Eval("debugger; 'resumed'"));
        cdp.WaitForEvent("Debugger.paused");
        Assert.True(_context.Inspector.IsPaused);

        session.Dispose();
        Assert.True(run.Wait(CdpProbe.Timeout));
        Assert.Equal("resumed", run.Result);
        Assert.False(_context.Inspector.IsPaused);
    }

    [Fact]
    public void TerminateExecutionStopsAPausedScript()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            var run = Task.Run(() => _context.Eval("debugger; 'not reached'"));
            cdp.WaitForEvent("Debugger.paused");
            Assert.True(_context.TerminateExecution());
            Assert.IsType<ScriptTerminatedException>(Assert.Throws<AggregateException>(() => run.Wait(CdpProbe.Timeout)).InnerException);

            // The context goes on, and the debugger with it.
            Assert.Equal(2, _context.Eval<int>("1 + 1"));
            var again = Task.Run(() => _context.Eval<int>("debugger; 3"));
            cdp.WaitForEvent("Debugger.paused");
            cdp.Call("Debugger.resume");
            Assert.True(again.Wait(CdpProbe.Timeout));
            Assert.Equal(3, again.Result);
        }
    }

    [Fact]
    public void ATimeoutStopsAScriptLeftPaused()
    {
        var (cdp, session) = CdpProbe.Connect(_context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            Assert.Throws<ScriptTerminatedException>(() => _context.Eval("debugger; 'not reached'", TimeSpan.FromMilliseconds(300)));
            cdp.WaitForEvent("Debugger.paused");
            cdp.WaitForEvent("Debugger.resumed");
        }
    }

    [Fact]
    public void DisposingAContextWhileItIsPausedEndsTheScript()
    {
        var context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();
        var (cdp, session) = CdpProbe.Connect(context);
        cdp.Call("Debugger.enable");
        var run = Task.Run(() => context.Eval("debugger; 'not reached'"));
        cdp.WaitForEvent("Debugger.paused");
        context.Dispose();
        Assert.IsAssignableFrom<Exception>(Assert.Throws<AggregateException>(() => run.Wait(CdpProbe.Timeout)).InnerException);
        Assert.False(context.IsAlive);
        session.Dispose();
    }

    [Fact]
    public void ADebuggerStatementWithNoDebuggerAttachedDoesNotStop()
    {
        Assert.Equal(3, _context.Eval<int>("debugger; 1 + 2"));
        using (var session = _context.Inspector.Connect())
        {
        }

        Assert.Equal(3, _context.Eval<int>("debugger; 1 + 2"));
    }
}
