using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace V8Host.Tests.Debugging;

/// <summary>api.md §8: the debugging port DevTools, chrome://inspect and VS Code attach to, shared by any number of clients.</summary>
public sealed class InspectorEndpointTests : IDisposable
{
    private readonly Context _context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void TheUrlsNameTheLoopbackPortAndOneTarget()
    {
        var inspector = _context.Inspector;
        Assert.InRange(inspector.Port, 1, 65535);
        var id = inspector.WebSocketUrl[(inspector.WebSocketUrl.LastIndexOf('/') + 1)..];
        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal($"ws://127.0.0.1:{inspector.Port}/{id}", inspector.WebSocketUrl);
        Assert.Equal($"devtools://devtools/bundled/js_app.html?ws=127.0.0.1:{inspector.Port}/{id}", inspector.DevToolsUrl);
    }

    [Fact]
    public void DiscoveryListsTheTargetAsNodeDoes()
    {
        var (status, body) = Get("/json/list", $"127.0.0.1:{_context.Inspector.Port}");
        Assert.Equal(200, status);
        using var list = JsonDocument.Parse(body);
        var target = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("node", target.GetProperty("type").GetString());
        Assert.Equal(_context.Inspector.WebSocketUrl, target.GetProperty("webSocketDebuggerUrl").GetString());
        Assert.Equal(_context.Inspector.DevToolsUrl, target.GetProperty("devtoolsFrontendUrl").GetString());

        (status, body) = Get("/json/version", $"localhost:{_context.Inspector.Port}");
        Assert.Equal(200, status);
        using var version = JsonDocument.Parse(body);
        Assert.StartsWith("V8Host/", version.RootElement.GetProperty("Browser").GetString());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:9229")]
    [InlineData("")]
    public void DiscoveryRefusesHostNamesAPageCouldRebind(string host)
    {
        var (status, body) = Get("/json/list", host);
        Assert.Equal(400, status);
        Assert.DoesNotContain(_context.Inspector.WebSocketUrl[(_context.Inspector.WebSocketUrl.LastIndexOf('/') + 1)..], body);
    }

    [Fact]
    public void AWebSocketClientSpeaksTheProtocol()
    {
        using var devtools = WebSocketCdp.Connect(_context.Inspector.WebSocketUrl);
        var result = devtools.Probe.Call("Runtime.evaluate", new { expression = "6*7" });
        Assert.Equal(42, result.GetProperty("result").GetProperty("value").GetInt32());
    }

    [Fact]
    public void AWrongTargetIdIsRefused()
    {
        var url = $"ws://127.0.0.1:{_context.Inspector.Port}/{Guid.NewGuid()}";
        Assert.ThrowsAny<Exception>(() => WebSocketCdp.Connect(url).Probe.Call("Runtime.evaluate", new { expression = "1" }));
    }

    [Fact]
    public void TwoClientsKeepTheirOwnIdsAndEachGetsItsAnswers()
    {
        var (session, inProcess) = CdpProbe.Connect(_context);
        using (inProcess)
        using (var devtools = WebSocketCdp.Connect(_context.Inspector.WebSocketUrl))
        {
            // Both send id 1 first: each gets its own result.
            var fromSession = session.Call("Runtime.evaluate", new { expression = "'session'" });
            var fromDevTools = devtools.Probe.Call("Runtime.evaluate", new { expression = "'devtools'" });
            Assert.Equal("session", fromSession.GetProperty("result").GetProperty("value").GetString());
            Assert.Equal("devtools", fromDevTools.GetProperty("result").GetProperty("value").GetString());
        }
    }

    [Fact]
    public void AClientEnablingTheDebuggerLaterStillLearnsTheScriptsAndThePause()
    {
        var (first, firstSession) = CdpProbe.Connect(_context);
        using (firstSession)
        {
            first.Call("Runtime.enable");
            first.Call("Debugger.enable");
            _context.Compile("var loadedEarlier = 1;", "early.js").Run();
            var run = Task.Run(() => _context.Compile("debugger;\n'done'", "pauser.js").Run());
            first.WaitForEvent("Debugger.paused");

            using var devtools = WebSocketCdp.Connect(_context.Inspector.WebSocketUrl);
            var late = devtools.Probe;
            late.Call("Runtime.enable");
            late.WaitForEvent("Runtime.executionContextCreated");
            late.Call("Debugger.enable");
            late.WaitForEvent("Debugger.scriptParsed", script => script.GetProperty("url").GetString() == "early.js");
            var paused = late.WaitForEvent("Debugger.paused");
            Assert.Equal("pauser.js", late.UrlOf(paused.GetProperty("callFrames")[0].GetProperty("location").GetProperty("scriptId").GetString()!));

            // Either client may resume; both see it.
            late.Call("Debugger.resume");
            first.WaitForEvent("Debugger.resumed");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal("done", run.Result);
        }
    }

    [Fact]
    public void AScriptRunManyTimesIsReplayedOnce()
    {
        var (first, firstSession) = CdpProbe.Connect(_context);
        using (firstSession)
        {
            first.Call("Debugger.enable");
            var script = _context.Compile("var runs = (globalThis.runs ?? 0) + 1;", "repeated.js");
            for (var i = 0; i < 5; i++)
                script.Run();
            // V8 announces the script each time it runs.
            for (var i = 0; i < 5; i++)
                first.WaitForEvent("Debugger.scriptParsed", parsed => parsed.GetProperty("url").GetString() == "repeated.js");

            var (late, lateSession) = CdpProbe.Connect(_context);
            using (lateSession)
            {
                late.Call("Debugger.enable");
                late.Call("Runtime.evaluate", new { expression = "0" });
                var announced = late.Seen.Count(message => message.TryGetProperty("method", out var method) && method.GetString() == "Debugger.scriptParsed" &&
                    message.GetProperty("params").GetProperty("url").GetString() == "repeated.js");
                Assert.Equal(1, announced);
            }
        }
    }

    [Fact]
    public void AClientThatLeavesTakesOnlyItsOwnBreakpointsAndDomains()
    {
        var (stays, staysSession) = CdpProbe.Connect(_context);
        using (staysSession)
        {
            stays.Call("Debugger.enable");
            stays.Call("Debugger.setBreakpointByUrl", new { url = "shared.js", lineNumber = 1 });
            using (var leaves = WebSocketCdp.Connect(_context.Inspector.WebSocketUrl))
            {
                leaves.Probe.Call("Debugger.enable");
                leaves.Probe.Call("Debugger.setBreakpointByUrl", new { url = "shared.js", lineNumber = 0 });
                // Disabling what another client still uses is answered without turning it off.
                leaves.Probe.Call("Debugger.disable");
                leaves.Probe.Call("Debugger.enable");
                leaves.Probe.Call("Debugger.setBreakpointByUrl", new { url = "shared.js", lineNumber = 0 });
            }

            var run = Task.Run(() => _context.Compile("let x = 1;\nx + 1", "shared.js").Run());
            // Line 0 was the leaver's: the first pause is the remaining client's line 1.
            var paused = stays.WaitForEvent("Debugger.paused");
            Assert.Equal(1, paused.GetProperty("callFrames")[0].GetProperty("location").GetProperty("lineNumber").GetInt32());
            stays.Call("Debugger.resume");
            Assert.True(run.Wait(CdpProbe.Timeout));
        }
    }

    [Fact]
    public void DisposingTheContextDetachesDevTools()
    {
        var context = new Isolate(new IsolateOptions { EnableInspector = true }).CreateContext();
        using var devtools = WebSocketCdp.Connect(context.Inspector.WebSocketUrl);
        devtools.Probe.Call("Runtime.enable");
        context.Dispose();
        Assert.Equal("target_closed", devtools.Probe.WaitForEvent("Inspector.detached").GetProperty("reason").GetString());
    }

    [Fact]
    public void AFixedPortInUseIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Isolate(new IsolateOptions { EnableInspector = true, InspectorPort = _context.Inspector.Port }));
        Assert.Contains($"InspectorPort {_context.Inspector.Port}", error.Message);
    }

    [Theory]
    [InlineData(nameof(IsolateOptions.WaitForDebugger))]
    [InlineData(nameof(IsolateOptions.InspectorPort))]
    [InlineData(nameof(IsolateOptions.AllowRemoteInspector))]
    public void InspectorOptionsNeedTheInspector(string option)
    {
        var options = option switch
        {
            nameof(IsolateOptions.WaitForDebugger) => new IsolateOptions { WaitForDebugger = true },
            nameof(IsolateOptions.InspectorPort) => new IsolateOptions { InspectorPort = 9229 },
            _ => new IsolateOptions { AllowRemoteInspector = true },
        };
        var error = Assert.Throws<ArgumentException>(() => new Isolate(options));
        Assert.Equal(option, error.ParamName);
        Assert.Contains("EnableInspector", error.Message);
    }

    [Fact]
    public void AContextWithoutTheInspectorSaysHowToGetOne()
    {
        using var plain = new Isolate().CreateContext();
        var error = Assert.Throws<InvalidOperationException>(() => plain.Inspector);
        Assert.Contains("IsolateOptions.EnableInspector", error.Message);
    }

    private (int Status, string Body) Get(string path, string host)
    {
        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, _context.Inspector.Port);
        using var stream = client.GetStream();
        var hostLine = host.Length == 0 ? string.Empty : $"Host: {host}\r\n";
        var request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\n{hostLine}Connection: close\r\n\r\n");
        stream.Write(request);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        stream.ReadTimeout = (int)CdpProbe.Timeout.TotalMilliseconds;
        var response = reader.ReadToEnd();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }
}
