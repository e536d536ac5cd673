using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `probe12 &lt;step&gt;`: red-team probes of issue 12's inspector (the hub that multiplexes
/// ClearScript's single debug client, the WebSocket endpoint, in-process sessions, WaitForDebugger)
/// and of CPU profiles. Each step prints `RESULT probe12.&lt;step&gt; &lt;outcome&gt;` lines;
/// Issue12ProbeTests states the correct outcome.
/// </summary>
internal static class Issue12Probes
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public static void Run(string[] args)
    {
        var step = args[0];
        var name = "probe12." + step;
        Action<string> probe = step switch
        {
            "foreign-disable" => ForeignDisable,
            "bad-blackbox" => BadBlackbox,
            "deep-blackbox" => DeepBlackbox,
            "profile-steal" => ProfileSteal,
            "stalled-leak" => StalledLeak,
            "parked-spent" => ParkedSpent,
            "profile-race" => ProfileRace,
            "dispose-profiling" => DisposeProfiling,
            "cancelled-wait" => CancelledWait,
            "script-cache" => ScriptCache,
            "many-clients" => ManyClients,
            "big-pipeline" => BigPipeline,
            "paused-disconnect" => PausedDisconnect,
            "escaped-id" => EscapedId,
            "concurrent-dispose" => ConcurrentDispose,
            _ => throw new ArgumentException("unknown probe12 step " + step),
        };
        Report.Bounded(name, TimeSpan.FromSeconds(110), () => probe(name));
    }

    private static Context NewContext(IsolateOptions? options = null) =>
        new Isolate(options ?? new IsolateOptions { EnableInspector = true }).CreateContextBuilder().Install(ConsoleApi.Discard).Build();

    /// <summary>A session whose responses (messages with an id) are kept, and its events when <paramref name="events"/>.</summary>
    private sealed class Debugger : IDisposable
    {
        private readonly ConcurrentDictionary<long, string> _responses = new();
        public readonly ConcurrentQueue<string> Events = new();
        public readonly InspectorSession Session;

        public Debugger(Context context, bool events = false)
        {
            Session = context.Inspector.Connect(message =>
            {
                using var json = JsonDocument.Parse(message);
                if (json.RootElement.TryGetProperty("id", out var id))
                    _responses[id.GetInt64()] = message;
                else if (events)
                    Events.Enqueue(message);
            });
        }

        public string Call(long id, string method, object? parameters = null)
        {
            Session.Send(parameters is null ? JsonSerializer.Serialize(new { id, method }) : JsonSerializer.Serialize(new { id, method, @params = parameters }));
            return Response(id);
        }

        public string Response(long id)
        {
            WaitUntil(() => _responses.ContainsKey(id));
            return _responses[id];
        }

        public bool TryResponse(long id, TimeSpan wait, out string? response)
        {
            var deadline = DateTime.UtcNow + wait;
            while (!_responses.TryGetValue(id, out response))
            {
                if (DateTime.UtcNow > deadline)
                    return false;
                Thread.Sleep(10);
            }

            return true;
        }

        public void Dispose() => Session.Dispose();
    }

    private static string ErrorOrOk(string response) => response.Contains("\"error\"", StringComparison.Ordinal) ? "error" : "ok";

    /// <summary>A client that never enabled Debugger sends Debugger.disable: the other client's `debugger;` must still pause.</summary>
    private static void ForeignDisable(string name)
    {
        using var context = NewContext();
        using var owner = new Debugger(context);
        using var stranger = new Debugger(context);
        owner.Call(1, "Debugger.enable");
        Report.Result(name + ".disable", ErrorOrOk(stranger.Call(1, "Debugger.disable")));
        var run = Task.Run(() => context.Eval("debugger; 'done'"));
        var paused = SpinUntil(() => context.Inspector.IsPaused || run.IsCompleted, TimeSpan.FromSeconds(10)) && context.Inspector.IsPaused;
        Report.Result(name, paused ? "paused" : "not-paused");
        if (paused)
            owner.Call(2, "Debugger.resume");
        Report.Result(name + ".run", Report.ValueOutcome(name, () => run.GetAwaiter().GetResult()));
    }

    /// <summary>A client sets an invalid blackbox pattern: another client's valid patterns must still be accepted.</summary>
    private static void BadBlackbox(string name)
    {
        using var context = NewContext();
        using var good = new Debugger(context);
        using var bad = new Debugger(context);
        good.Call(1, "Debugger.enable");
        bad.Call(1, "Debugger.enable");
        Report.Result(name + ".bad", ErrorOrOk(bad.Call(2, "Debugger.setBlackboxPatterns", new { patterns = new[] { "(" } })));
        var response = good.Call(2, "Debugger.setBlackboxPatterns", new { patterns = new[] { "^vendor/" } });
        Report.Detail(name, response);
        Report.Result(name, ErrorOrOk(response));
    }

    /// <summary>Debugger.setBlackboxPatterns whose params nest 100 deep (valid JSON, and V8 parses it): Send must not throw JsonException.</summary>
    private static void DeepBlackbox(string name)
    {
        using var context = NewContext();
        using var session = new Debugger(context);
        session.Call(1, "Debugger.enable");
        var deep = new string('[', 100) + new string(']', 100);
        Report.Result(name, Report.Outcome(name, () => session.Session.Send("{\"id\":2,\"method\":\"Debugger.setBlackboxPatterns\",\"params\":{\"patterns\":[\"^x\"],\"extra\":" + deep + "}}")));
        Report.Result(name + ".after", Report.Outcome(name, () => session.Call(3, "Runtime.evaluate", new { expression = "6*7" })));
    }

    /// <summary>While the host records a CPU profile, a debugger's Profiler.stop must not take it.</summary>
    private static void ProfileSteal(string name)
    {
        using var context = NewContext();
        using var session = new Debugger(context);
        session.Call(1, "Profiler.enable");
        context.StartCpuProfile("host's");
        context.Eval("let s = 0; for (let i = 0; i < 1e6; i++) s += i; s");
        Report.Result(name + ".debugger", ErrorOrOk(session.Call(2, "Profiler.stop")));
        Report.Result(name + ".host", Report.Outcome(name + ".host", () => context.StopCpuProfile()));
    }

    /// <summary>
    /// Three raw WebSocket clients in turn enable Runtime and then never read; after each, the script
    /// logs about 80 MiB. Each is disconnected at its 64 MiB bound; the memory it held must go with it.
    /// </summary>
    private static void StalledLeak(string name)
    {
        using var context = NewContext();
        context.Eval("globalThis.line = 'x'.repeat(1000); globalThis.flood = () => { for (let i = 0; i < 80000; i++) console.log(line, i); };");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var stalled = new List<Socket>();
        for (var i = 0; i < 3; i++)
        {
            var socket = RawWebSocket(context, receiveBuffer: 4096);
            SendFrame(socket, "{\"id\":1,\"method\":\"Runtime.enable\"}");
            Thread.Sleep(300);
            stalled.Add(socket);
            context.Eval("flood()");
        }

        // A disconnected client may take a few seconds to let go; wait up to 30 s for it.
        long retained = 0;
        SpinUntil(() =>
        {
            Thread.Sleep(500);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            retained = (GC.GetTotalMemory(forceFullCollection: true) - before) >> 20;
            return retained < 64;
        }, TimeSpan.FromSeconds(30));
        Report.Detail(name, $"managed heap grew by {retained} MiB with 3 stalled clients disconnected");
        Report.Result(name, retained < 64 ? "bounded" : "retained");
        foreach (var socket in stalled)
            socket.Dispose();
    }

    /// <summary>
    /// A CPU profile is recorded when a script exceeds the heap limit (the context is spent); the
    /// profile's parking thread then enters the context, which throws: the process must not crash.
    /// </summary>
    private static void ParkedSpent(string name)
    {
        var context = new Isolate(new IsolateOptions { MaxHeapBytes = 16L << 20 }).CreateContext();
        context.StartCpuProfile();
        Report.Result(name + ".bomb", Report.Outcome(name, () => context.Eval("const a = []; for (;;) a.push({ x: [1, 2, 3] });")));
        Thread.Sleep(1000);
        Report.Result(name, "alive");
        Report.Result(name + ".stop", Report.Outcome(name + ".stop", () => context.StopCpuProfile()));
        // Not disposed: disposing a context whose profile is still open crashes on its own (dispose-profiling).
    }

    /// <summary>
    /// A context disposed while it records a CPU profile (never stopped, as a spent context's cannot
    /// be): ClearScript disposes V8's CpuProfiler after the isolate's logger, which segfaults unless the profile was ended first.
    /// </summary>
    private static void DisposeProfiling(string name)
    {
        var context = new Isolate().CreateContext();
        context.StartCpuProfile();
        context.Eval("let s = 0; for (let i = 0; i < 1e6; i++) s += i; s");
        context.Dispose();
        Report.Result(name, "disposed");
    }

    /// <summary>One thread runs short calls while another starts and stops profiles: no call may fail.</summary>
    private static void ProfileRace(string name)
    {
        using var context = new Isolate().CreateContext();
        var failures = new ConcurrentQueue<string>();
        var stop = DateTime.UtcNow + TimeSpan.FromSeconds(8);
        var callers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                try
                {
                    context.Eval("1");
                }
                catch (Exception exception)
                {
                    failures.Enqueue(exception.GetType().Name + ": " + exception.Message);
                }
            }
        })).ToArray();
        var profiler = Task.Run(() =>
        {
            var count = 0;
            while (DateTime.UtcNow < stop)
            {
                try
                {
                    context.StartCpuProfile();
                    context.StopCpuProfile();
                    count++;
                }
                catch (Exception exception)
                {
                    failures.Enqueue("profiler " + exception.GetType().Name + ": " + exception.Message);
                }
            }

            return count;
        });
        Task.WaitAll(callers);
        Report.Detail(name, $"{profiler.Result} profiles, {failures.Count} failures: {string.Join(" | ", failures.Distinct().Take(3))}");
        Report.Result(name, failures.IsEmpty ? "none" : failures.First().Split(':')[0]);
    }

    /// <summary>With WaitForDebugger and no debugger, EvalAsync with a token that is already cancelled must end, not wait forever.</summary>
    private static void CancelledWait(string name)
    {
        using var context = NewContext(new IsolateOptions { EnableInspector = true, WaitForDebugger = true });
        var call = Task.Run(() => context.EvalAsync("1", new CancellationToken(canceled: true)));
        // Not Wait(): it throws for a cancelled task, which is one of the right outcomes.
        Report.Result(name, ((IAsyncResult)call).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10))
            ? Report.Outcome(name, () => call.GetAwaiter().GetResult())
            : "hung");
        if (!call.IsCompleted)
            Environment.Exit(0);
    }

    /// <summary>
    /// A script compiles 50,000 distinct functions with a debugger attached: V8 announces each
    /// (scriptParsed); the hub's replay cache must not keep them all.
    /// </summary>
    private static void ScriptCache(string name)
    {
        using var context = NewContext();
        using var session = new Debugger(context);
        session.Call(1, "Debugger.enable");
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        context.Eval("for (let i = 0; i < 50000; i++) new Function('return ' + i);");
        session.Call(2, "Runtime.evaluate", new { expression = "1" });
        context.CollectGarbage();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var grown = (GC.GetTotalMemory(forceFullCollection: true) - before) >> 20;
        Report.Detail(name, $"managed heap grew by {grown} MiB after 50,000 scripts");
        Report.Result(name, grown < 16 ? "bounded" : "grows");
    }

    /// <summary>40 WebSocket upgrades at once: at most 16 debuggers may be attached.</summary>
    private static void ManyClients(string name)
    {
        using var context = NewContext();
        var sockets = new ConcurrentBag<ClientWebSocket>();
        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 40 }, _ =>
        {
            var socket = new ClientWebSocket();
            try
            {
                socket.ConnectAsync(new Uri(context.Inspector.WebSocketUrl), CancellationToken.None).Wait(s_wait);
                if (socket.State == WebSocketState.Open)
                    sockets.Add(socket);
            }
            catch (AggregateException)
            {
            }
        });
        Report.Detail(name, $"{sockets.Count} upgrades accepted");
        Report.Result(name, sockets.Count <= 16 ? "bounded" : "over");
        foreach (var socket in sockets)
            socket.Dispose();
    }

    /// <summary>
    /// Several threads pipeline Runtime.evaluate requests of 4 MB expressions (big requests, big
    /// responses): each must be answered, not deadlock the hub and ClearScript's socket.
    /// </summary>
    private static void BigPipeline(string name)
    {
        using var context = NewContext();
        var sessions = Enumerable.Range(0, 4).Select(_ => new Debugger(context)).ToArray();
        var expression = "'" + new string('a', 4 << 20) + "'";
        var senders = sessions.Select(session => Task.Run(() =>
        {
            for (var id = 1; id <= 12; id++)
                session.Session.Send(JsonSerializer.Serialize(new { id, method = "Runtime.evaluate", @params = new { expression, returnByValue = true } }));
        })).ToArray();
        var done = Task.WaitAll(senders, TimeSpan.FromSeconds(60));
        var answered = done && sessions.All(session => Enumerable.Range(1, 12).All(id => session.TryResponse(id, TimeSpan.FromSeconds(30), out _)));
        Report.Result(name, answered ? "answered" : "stuck");
        if (!answered)
            Environment.Exit(0);
        foreach (var session in sessions)
            session.Dispose();
    }

    /// <summary>A WebSocket debugger pauses the script at `debugger;` and its socket is cut: the script must resume.</summary>
    private static void PausedDisconnect(string name)
    {
        using var context = NewContext();
        var socket = RawWebSocket(context, receiveBuffer: 1 << 20);
        SendFrame(socket, "{\"id\":1,\"method\":\"Debugger.enable\"}");
        Thread.Sleep(500);
        var run = Task.Run(() => context.Eval("debugger; 'resumed'"));
        Report.Result(name + ".paused", SpinUntil(() => context.Inspector.IsPaused, TimeSpan.FromSeconds(10)) ? "yes" : "no");
        socket.Close(0);
        Report.Result(name, run.Wait(TimeSpan.FromSeconds(20)) ? Report.ValueOutcome(name, () => run.Result) : "hung");
        if (!run.IsCompleted)
            Environment.Exit(0);
    }

    /// <summary>
    /// A request with a second, escaped "id" key (`"\u0069d"`): the hub reads one id, V8 may read the
    /// other. Another session's pending request must still get its own answer, not the forger's.
    /// </summary>
    private static void EscapedId(string name)
    {
        using var context = NewContext();
        using var victim = new Debugger(context);
        using var forger = new Debugger(context);
        victim.Call(1, "Runtime.evaluate", new { expression = "1" });
        // Hub ids go up by one per request; the forger aims at the next few.
        var outcome = Report.Outcome(name + ".send", () => forger.Session.Send("{\"id\":1,\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"'forged'\"},\"\\u0069d\":7}"));
        Report.Result(name + ".send", outcome);
        var answered = forger.TryResponse(1, TimeSpan.FromSeconds(5), out var response);
        Report.Detail(name, response ?? "no response to the forger");
        Report.Result(name, answered ? (response!.Contains("forged", StringComparison.Ordinal) ? "own-answer" : "error") : "no-answer");
    }

    /// <summary>Sessions created, used and disposed on many threads while the context is disposed: only ObjectDisposedException.</summary>
    private static void ConcurrentDispose(string name)
    {
        var wrong = new ConcurrentQueue<string>();
        for (var round = 0; round < 10; round++)
        {
            var context = NewContext();
            var go = new ManualResetEventSlim();
            var workers = Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            {
                go.Wait();
                for (var j = 0; j < 50; j++)
                {
                    try
                    {
                        using var session = context.Inspector.Connect(i % 2 == 0 ? null : _ => { });
                        session.Send("{\"id\":1,\"method\":\"Debugger.enable\"}");
                        session.Send("{\"id\":2,\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\"1\"}}");
                        session.TakeMessages();
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                    catch (Exception exception)
                    {
                        wrong.Enqueue(exception.GetType().Name + ": " + exception.Message);
                    }
                }
            })).ToArray();
            go.Set();
            Thread.Sleep(20 * round);
            context.Dispose();
            if (!Task.WaitAll(workers, TimeSpan.FromSeconds(30)))
            {
                Report.Result(name, "hung");
                Environment.Exit(0);
            }
        }

        Report.Detail(name, string.Join(" | ", wrong.Distinct().Take(3)));
        Report.Result(name, wrong.IsEmpty ? "clean" : wrong.First().Split(':')[0]);
    }

    // ---- Raw WebSocket ---------------------------------------------------------------------------

    private static Socket RawWebSocket(Context context, int receiveBuffer)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = receiveBuffer };
        socket.Connect("127.0.0.1", context.Inspector.Port);
        var path = new Uri(context.Inspector.WebSocketUrl).AbsolutePath;
        socket.Send(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
        // Read the 101 head only (byte by byte), then stop reading for good.
        var head = new List<byte>();
        var one = new byte[1];
        while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (socket.Receive(one) == 0)
                throw new IOException("closed during the handshake");
            head.Add(one[0]);
        }

        return socket;
    }

    private static void SendFrame(Socket socket, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new List<byte> { 0x81 };
        if (payload.Length < 126)
        {
            frame.Add((byte)(0x80 | payload.Length));
        }
        else
        {
            frame.Add(0x80 | 126);
            frame.Add((byte)(payload.Length >> 8));
            frame.Add((byte)payload.Length);
        }

        byte[] mask = [1, 2, 3, 4];
        frame.AddRange(mask);
        for (var i = 0; i < payload.Length; i++)
            frame.Add((byte)(payload[i] ^ mask[i % 4]));
        socket.Send(frame.ToArray());
    }

    private static bool SpinUntil(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                return false;
            Thread.Sleep(10);
        }

        return true;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        if (!SpinUntil(condition, s_wait))
            throw new TimeoutException("The condition did not hold within 30 s.");
    }
}
