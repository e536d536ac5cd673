using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace V8Host.Debugging;

/// <summary>
/// Puts any number of DevTools protocol clients in front of the one inspector session ClearScript
/// allows per isolate. ClearScript accepts a single WebSocket client on its own loopback port; the
/// hub is that client, from the moment the isolate exists, and speaks to its own clients (in-process
/// sessions, DevTools and VS Code through <see cref="InspectorEndpoint"/>) as if each had V8 to itself:
/// <list type="bullet">
/// <item>request ids are remapped, so that two clients' id 1 stay apart and each response goes back to its sender;</item>
/// <item>an event goes to the clients that enabled its domain (or that wait on a request in it);</item>
/// <item>enabling a domain another client already enabled is answered by V8 without its usual
/// announcements, so the hub replays them to the newcomer: the execution contexts, the parsed
/// scripts and, if paused, the pause;</item>
/// <item>disabling a domain others still use is answered here, and a client that leaves takes its
/// breakpoints and domains with it without disturbing the rest.</item>
/// </list>
/// Settings V8 keeps once per session (pause on exceptions, skip all pauses, async stack depth)
/// are shared: the last client to set one wins. Blackbox patterns are the union of all clients'
/// plus the runtime's own glue, which is never stepped into.
/// </summary>
internal sealed class InspectorHub : IDisposable
{
    /// <summary>Scripts a debugger should not step into or pause in: V8Host's glue and ClearScript's own.</summary>
    private static readonly string[] s_runtimePatterns = ["^v8host:", "\\[internal\\]$"];

    /// <summary>As deep as <see cref="CdpMessage"/> reads: a request it accepted must not fail when re-read here.</summary>
    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 1024 };

    private readonly object _gate = new();
    private readonly InspectorUpstream _upstream;
    private readonly List<InspectorClient> _clients = new();
    private readonly Dictionary<long, Pending> _pending = new();
    private readonly Dictionary<string, int> _domainUsers = new(StringComparer.Ordinal);

    // What V8 announces once per enable, kept while the domain is enabled, to replay to a client
    // that enables it later (see the class summary).
    private readonly Dictionary<long, byte[]> _executionContexts = new();
    private readonly LinkedList<(string Id, byte[] Utf8)> _scripts = new();
    // V8 announces a compiled script again each time it runs (ClearScript binds it to the context
    // anew): one entry per script id, or the cache would grow with every run.
    // V8 announces every script compiled (each eval, each new Function) and says nothing when one
    // is collected, so the cache is bounded too: the oldest announcements go first, and a script
    // announced again (run again) becomes the newest.
    private readonly Dictionary<string, LinkedListNode<(string Id, byte[] Utf8)>> _scriptIndex = new(StringComparer.Ordinal);
    private long _scriptBytes;

    /// <summary>How many bytes of script announcements the replay cache keeps.</summary>
    internal const long MaxReplayedScriptBytes = 8L * 1024 * 1024;
    private byte[]? _paused;

    private InspectorProfiler? _profiler;
    private readonly ManualResetEventSlim _runRequested = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly object _waitGate = new();
    private CancellationTokenSource _waitCancel = new();
    private int _startPauseScheduled;
    private string? _startBreakpoint;
    private bool _swallowResumed;
    private int _waiters;
    private long _lastId;
    private bool _disposed;

    private InspectorHub(InspectorUpstream upstream, bool waitForDebugger)
    {
        _upstream = upstream;
        WaitsForDebugger = waitForDebugger;
        if (!waitForDebugger)
            _runRequested.Set();
        _upstream.Start(OnUpstreamMessage, OnUpstreamClosed);
    }

    /// <summary>Connects to ClearScript's debug agent on <paramref name="agentPort"/> (loopback).</summary>
    public static InspectorHub Connect(int agentPort, bool waitForDebugger) =>
        new(InspectorUpstream.Connect(agentPort), waitForDebugger);

    /// <summary>Whether the first user script waits for a debugger (<see cref="IsolateOptions.WaitForDebugger"/>).</summary>
    public bool WaitsForDebugger { get; }

    /// <summary>Whether V8 is paused in the debugger right now.</summary>
    public bool IsPaused
    {
        get
        {
            lock (_gate)
                return _paused is not null;
        }
    }

    /// <summary>How many clients are attached.</summary>
    public int ClientCount
    {
        get
        {
            lock (_gate)
                return _clients.Count;
        }
    }

    /// <summary>Serves Profiler.start/stop through the context's profile (see <see cref="InspectorProfiler"/>).</summary>
    public void UseProfiler(InspectorProfiler profiler) => _profiler = profiler;

    public void Attach(InspectorClient client)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _clients.Add(client);
        }
    }

    /// <summary>Removes a client, undoing what only it asked for: its breakpoints, then the domains nobody else uses.</summary>
    public void Detach(InspectorClient client)
    {
        lock (_gate)
        {
            if (!_clients.Remove(client))
                return;

            var debuggerStays = client.EnabledDomains.Contains("Debugger") && _domainUsers.GetValueOrDefault("Debugger") > 1;
            if (debuggerStays)
                RemoveBreakpoints(client);

            foreach (var domain in client.EnabledDomains)
            {
                if (Release(domain))
                    SendInternal(domain + ".disable");
            }

            client.EnabledDomains.Clear();
            client.Breakpoints.Clear();
            if (debuggerStays && client.BlackboxPatterns.Count > 0)
            {
                client.BlackboxPatterns = Array.Empty<string>();
                SendBlackboxPatterns(id: NextId(), client: null, original: null);
            }

            client.PendingByDomain.Clear();
            foreach (var (id, pending) in _pending.Where(entry => entry.Value.Client == client).ToArray())
                _pending[id] = pending with { Client = null, Orphaned = true };
        }
    }

    /// <summary>Handles one message from <paramref name="client"/>: answers it here or passes it to V8 under a fresh id.</summary>
    public void Receive(InspectorClient client, byte[] utf8)
    {
        if (!CdpMessage.TryParse(utf8, out var message, out var problem) || message.Id is not { } id || message.Method is not { } method)
        {
            var knownId = problem is null ? message.Id : null;
            client.Deliver(CdpMessage.Error(knownId, -32600, problem ?? "a DevTools protocol request needs an integer \"id\" and a string \"method\""));
            return;
        }

        lock (_gate)
        {
            if (_disposed || !_clients.Contains(client))
                return;

            var domain = message.Domain ?? method;
            switch (method)
            {
                case "Runtime.runIfWaitingForDebugger":
                    // V8 would only tell ClearScript to leave a message loop; the hub holds the wait itself.
                    _runRequested.Set();
                    client.Deliver(CdpMessage.EmptyResult(id));
                    return;

                case "Profiler.start" or "Profiler.stop" or "Profiler.setSamplingInterval" when _profiler is not null:
                    _profiler.TryHandle(method, id, utf8, response => Reply(client, response));
                    return;

                case "Debugger.setBlackboxPatterns":
                    var previous = client.BlackboxPatterns;
                    var patterns = ReadPatterns(utf8);
                    client.BlackboxPatterns = patterns;
                    SendBlackboxPatterns(NextId(), client, (id, message), onResponse: response =>
                    {
                        // V8 kept the patterns it had (an invalid regular expression, say): so does the
                        // client, or every later union would carry the rejected pattern and fail too.
                        if (!response.IsError)
                            return;
                        lock (_gate)
                        {
                            if (ReferenceEquals(client.BlackboxPatterns, patterns))
                                client.BlackboxPatterns = previous;
                        }
                    });
                    return;
            }

            if (method.EndsWith(".enable", StringComparison.Ordinal))
            {
                if (client.EnabledDomains.Add(domain) && Acquire(domain) > 1)
                    Replay(domain, client);
            }
            else if (method.EndsWith(".disable", StringComparison.Ordinal) && !client.EnabledDomains.Contains(domain) && _domainUsers.ContainsKey(domain))
            {
                // The client never enabled the domain, so it has nothing to turn off; passed on, the
                // disable would turn the domain off under the clients that did.
                client.Deliver(CdpMessage.EmptyResult(id));
                return;
            }
            else if (method.EndsWith(".disable", StringComparison.Ordinal) && client.EnabledDomains.Remove(domain))
            {
                if (!Release(domain))
                {
                    // Others still use the domain: V8 must not turn it off under them, but what this
                    // client set up goes, as a disable would have removed it.
                    if (domain == "Debugger")
                        RemoveBreakpoints(client);
                    client.Deliver(CdpMessage.EmptyResult(id));
                    return;
                }
            }
            else if (method == "Debugger.removeBreakpoint" && ReadString(utf8, "params", "breakpointId") is { } removed)
            {
                client.Breakpoints.Remove(removed);
            }

            var hubId = NextId();
            _pending[hubId] = new Pending(client, id, method, domain, null);
            client.PendingByDomain[domain] = client.PendingByDomain.GetValueOrDefault(domain) + 1;
            _upstream.Send(message.WithId(hubId));
            if (method == "Debugger.enable" && _domainUsers.GetValueOrDefault("Debugger") == 1 && client.EnabledDomains.Contains("Debugger"))
                SendBlackboxPatterns(NextId(), client: null, original: null);
        }
    }

    /// <summary>
    /// Holds the first user script of a <see cref="IsolateOptions.WaitForDebugger"/> isolate until a
    /// client sends <c>Runtime.runIfWaitingForDebugger</c> (as DevTools and VS Code do once they
    /// have set their breakpoints), then asks V8 to pause on the script's first statement.
    /// </summary>
    /// <param name="cancellationToken">The caller's own token (EvalAsync's): cancelling it ends the wait as <see cref="CancelWait"/> does.</param>
    public DebuggerWait WaitForDebugger(CancellationToken cancellationToken = default)
    {
        if (!_runRequested.IsSet)
        {
            CancellationToken cancel;
            lock (_waitGate)
            {
                // Counted and given the current token together, so CancelWait cannot fall between.
                _waiters++;
                cancel = _waitCancel.Token;
            }

            try
            {
                using var any = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closing.Token, cancellationToken);
                _runRequested.Wait(any.Token);
            }
            catch (OperationCanceledException)
            {
                return _closing.IsCancellationRequested ? DebuggerWait.Closed : DebuggerWait.Cancelled;
            }
            finally
            {
                lock (_waitGate)
                    _waiters--;
            }
        }

        if (WaitsForDebugger && Interlocked.Exchange(ref _startPauseScheduled, 1) == 0)
        {
            // Not Debugger.pause: V8 keeps "pause on the next call" in per-thread state that its
            // Locker swaps when the script's thread takes the isolate, and ClearScript may carry the
            // request out on another thread. An instrumentation breakpoint is the session's: V8
            // stops before the next script runs, at its first statement; it goes once hit.
            using var answered = new ManualResetEventSlim();
            lock (_gate)
            {
                SendInternal(
                    "Debugger.setInstrumentationBreakpoint",
                    writer => writer.WriteString("instrumentation", "beforeScriptExecution"),
                    onResponse: response =>
                    {
                        lock (_gate)
                            _startBreakpoint = response.IsError ? null : ReadString(response.Utf8, "result", "breakpointId");
                        answered.Set();
                    });
            }

            try
            {
                answered.Wait(TimeSpan.FromSeconds(10), _closing.Token);
            }
            catch (OperationCanceledException)
            {
                return DebuggerWait.Closed;
            }
        }

        return DebuggerWait.Released;
    }

    /// <summary>Stops the calls blocked in <see cref="WaitForDebugger"/> (they return <see cref="DebuggerWait.Cancelled"/>); returns whether any was waiting.</summary>
    public bool CancelWait()
    {
        CancellationTokenSource cancelled;
        lock (_waitGate)
        {
            if (_waiters == 0)
                return false;
            cancelled = _waitCancel;
            _waitCancel = new CancellationTokenSource();
        }

        cancelled.Cancel();
        return true;
    }

    /// <summary>
    /// Resumes a paused script so that a termination can reach it: V8 checks for termination only
    /// while running, and a script paused at a breakpoint waits in the inspector's message loop.
    /// </summary>
    public void ResumeForTermination()
    {
        lock (_gate)
        {
            if (_paused is not null && !_disposed)
                SendInternal("Debugger.resume");
        }
    }

    public void Dispose()
    {
        InspectorClient[] clients;
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            clients = _clients.ToArray();
            _clients.Clear();
            _pending.Clear();
        }

        _closing.Cancel();
        foreach (var client in clients)
            client.Close("target_closed");
        _upstream.Dispose();
    }

    /// <summary>Delivers an answer made outside V8 to a client that may have left meanwhile.</summary>
    private void Reply(InspectorClient client, byte[] response)
    {
        lock (_gate)
        {
            if (_clients.Contains(client))
                client.Deliver(response);
        }
    }

    private void OnUpstreamMessage(byte[] utf8)
    {
        if (!CdpMessage.TryParse(utf8, out var message, out _))
            return;

        Action<CdpMessage>? internalResponse = null;
        lock (_gate)
        {
            if (_disposed)
                return;
            if (message.Id is { } hubId)
            {
                if (!_pending.Remove(hubId, out var pending))
                    return;
                if (pending.Client is { } client)
                {
                    var count = client.PendingByDomain.GetValueOrDefault(pending.Domain) - 1;
                    if (count > 0)
                        client.PendingByDomain[pending.Domain] = count;
                    else
                        client.PendingByDomain.Remove(pending.Domain);
                    if (!message.IsError)
                        Remember(client, pending.Method, utf8);
                    client.Deliver(message.WithId(pending.ClientId));
                }
                else if (!message.IsError && pending.Orphaned && IsBreakpointSetter(pending.Method) && ReadString(utf8, "result", "breakpointId") is { } orphan)
                {
                    // Its client left before V8 answered: the breakpoint belongs to nobody.
                    SendInternal("Debugger.removeBreakpoint", writer => writer.WriteString("breakpointId", orphan));
                }

                internalResponse = pending.OnResponse;
            }
            else if (message.Method is { } method)
            {
                if (method == "Debugger.paused" && _startBreakpoint is not null)
                {
                    if (AsBreakOnStart(utf8) is not { } shown)
                        return;
                    utf8 = shown;
                }
                else if (method == "Debugger.resumed" && _swallowResumed)
                {
                    _swallowResumed = false;
                    return;
                }

                Track(method, utf8);
                if (method == "Runtime.consoleAPICalled")
                    utf8 = WithoutRuntimeFrames(utf8);
                Broadcast(message.Domain ?? method, utf8);
            }

            foreach (var stalled in _clients.Where(client => client.Overflowed).ToArray())
            {
                Detach(stalled);
                stalled.Close("message_queue_full");
            }
        }

        internalResponse?.Invoke(message);
    }

    private void OnUpstreamClosed()
    {
        // ClearScript dropped the connection: the engine is going away. Clients learn it as from V8.
        InspectorClient[] clients;
        lock (_gate)
        {
            clients = _clients.ToArray();
            _clients.Clear();
        }

        foreach (var client in clients)
            client.Close("target_closed");
        _closing.Cancel();
    }

    private void Broadcast(string domain, byte[] utf8)
    {
        var delivered = false;
        foreach (var client in _clients)
        {
            if (client.EnabledDomains.Contains(domain) || client.PendingByDomain.ContainsKey(domain))
            {
                client.Deliver(utf8);
                delivered = true;
            }
        }

        // An event of a domain nobody enabled (Inspector.detached, say) concerns everyone.
        if (!delivered)
        {
            foreach (var client in _clients)
                client.Deliver(utf8);
        }
    }

    /// <summary>Keeps what V8 announces only once per enable (see the class summary).</summary>
    private void Track(string method, byte[] utf8)
    {
        switch (method)
        {
            case "Runtime.executionContextCreated":
                if (ReadLong(utf8, "params", "context", "id") is { } created)
                    _executionContexts[created] = utf8;
                break;
            case "Runtime.executionContextDestroyed":
                if (ReadLong(utf8, "params", "executionContextId") is { } destroyed)
                    _executionContexts.Remove(destroyed);
                break;
            case "Runtime.executionContextsCleared":
                _executionContexts.Clear();
                break;
            case "Debugger.scriptParsed":
            case "Debugger.scriptFailedToParse":
                if (ReadString(utf8, "params", "scriptId") is not { } scriptId)
                    break;
                if (_scriptIndex.Remove(scriptId, out var known))
                {
                    _scripts.Remove(known);
                    _scriptBytes -= known.Value.Utf8.Length;
                }

                _scriptIndex[scriptId] = _scripts.AddLast((scriptId, utf8));
                _scriptBytes += utf8.Length;
                while (_scriptBytes > MaxReplayedScriptBytes && _scripts.First is { } oldest)
                {
                    _scripts.RemoveFirst();
                    _scriptIndex.Remove(oldest.Value.Id);
                    _scriptBytes -= oldest.Value.Utf8.Length;
                }

                break;
            case "Debugger.paused":
                _paused = utf8;
                break;
            case "Debugger.resumed":
                _paused = null;
                break;
        }
    }

    private void Replay(string domain, InspectorClient client)
    {
        switch (domain)
        {
            case "Runtime":
                foreach (var created in _executionContexts.Values)
                    client.Deliver(created);
                break;
            case "Debugger":
                foreach (var script in _scripts)
                    client.Deliver(script.Utf8);
                if (_paused is { } paused)
                    client.Deliver(paused);
                break;
        }
    }

    /// <summary>Records a breakpoint V8 set for the client, which it takes away when it leaves.</summary>
    private static void Remember(InspectorClient client, string method, byte[] utf8)
    {
        if (IsBreakpointSetter(method) && ReadString(utf8, "result", "breakpointId") is { } breakpoint)
            client.Breakpoints.Add(breakpoint);
    }

    private void RemoveBreakpoints(InspectorClient client)
    {
        foreach (var breakpoint in client.Breakpoints)
            SendInternal("Debugger.removeBreakpoint", writer => writer.WriteString("breakpointId", breakpoint));
        client.Breakpoints.Clear();
    }

    private static bool IsBreakpointSetter(string method) => method is
        "Debugger.setBreakpointByUrl" or "Debugger.setBreakpoint" or "Debugger.setBreakpointOnFunctionCall" or "Debugger.setInstrumentationBreakpoint";

    private int Acquire(string domain) => _domainUsers[domain] = _domainUsers.GetValueOrDefault(domain) + 1;

    /// <summary>One client less for <paramref name="domain"/>; true when it was the last, so V8 should disable it.</summary>
    private bool Release(string domain)
    {
        var users = _domainUsers.GetValueOrDefault(domain) - 1;
        if (users > 0)
        {
            _domainUsers[domain] = users;
            return false;
        }

        _domainUsers.Remove(domain);
        switch (domain)
        {
            case "Runtime":
                _executionContexts.Clear();
                break;
            case "Debugger":
                _scripts.Clear();
                _scriptIndex.Clear();
                _scriptBytes = 0;
                _paused = null;
                // V8 drops every breakpoint with the domain, the break-on-start one included.
                _startBreakpoint = null;
                _swallowResumed = false;
                break;
        }

        return true;
    }

    private long NextId() => ++_lastId;

    private void SendInternal(string method, Action<Utf8JsonWriter>? writeParams = null, Action<CdpMessage>? onResponse = null)
    {
        var id = NextId();
        _pending[id] = new Pending(null, 0, method, "", onResponse);
        _upstream.Send(CdpMessage.Request(id, method, writeParams));
    }

    /// <summary>Sends the union of every client's blackbox patterns and the runtime's own; <paramref name="original"/> is the client request it answers, if any.</summary>
    private void SendBlackboxPatterns(long id, InspectorClient? client, (long Id, CdpMessage Message)? original, Action<CdpMessage>? onResponse = null)
    {
        var patterns = new List<string>(s_runtimePatterns);
        foreach (var each in _clients)
        {
            foreach (var pattern in each.BlackboxPatterns)
            {
                if (!patterns.Contains(pattern))
                    patterns.Add(pattern);
            }
        }

        JsonObject parameters = new();
        if (original is { } request && JsonNode.Parse(request.Message.Utf8, documentOptions: s_json)?["params"] is JsonObject given)
            parameters = (JsonObject)given.DeepClone();
        parameters["patterns"] = new JsonArray(patterns.Select(pattern => (JsonNode?)JsonValue.Create(pattern)).ToArray());

        var message = new JsonObject { ["id"] = id, ["method"] = "Debugger.setBlackboxPatterns", ["params"] = parameters };
        _pending[id] = client is not null && original is { } answer
            ? new Pending(client, answer.Id, "Debugger.setBlackboxPatterns", "Debugger", onResponse)
            : new Pending(null, 0, "Debugger.setBlackboxPatterns", "", null);
        if (client is not null)
            client.PendingByDomain["Debugger"] = client.PendingByDomain.GetValueOrDefault("Debugger") + 1;
        _upstream.Send(Encoding.UTF8.GetBytes(message.ToJsonString()));
    }

    private static IReadOnlyList<string> ReadPatterns(byte[] utf8)
    {
        try
        {
            if (JsonNode.Parse(utf8, documentOptions: s_json)?["params"]?["patterns"] is JsonArray array)
                return array.Select(item => item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : null).OfType<string>().ToArray();
        }
        catch (JsonException)
        {
        }

        return Array.Empty<string>();
    }

    /// <summary>
    /// The pause at the break-on-start breakpoint (see <see cref="WaitForDebugger"/>) is reported
    /// as Node reports <c>--inspect-brk</c>'s, and the breakpoint goes: it was the hub's, not a
    /// client's. A pause before one of the runtime's own scripts is not the user's start: it is
    /// resumed unseen (null), and the breakpoint waits for the next script.
    /// </summary>
    private byte[]? AsBreakOnStart(byte[] utf8)
    {
        try
        {
            var root = JsonNode.Parse(utf8);
            if (root?["params"] is not JsonObject parameters || parameters["reason"]?.GetValue<string>() != "instrumentation")
                return utf8;
            var url = parameters["data"]?["url"]?.GetValue<string>() ?? string.Empty;
            if (url.Length == 0 || url.StartsWith("v8host:", StringComparison.Ordinal) || url.EndsWith("[internal]", StringComparison.Ordinal))
            {
                _swallowResumed = true;
                SendInternal("Debugger.resume");
                return null;
            }

            var breakpoint = _startBreakpoint!;
            _startBreakpoint = null;
            SendInternal("Debugger.removeBreakpoint", writer => writer.WriteString("breakpointId", breakpoint));
            parameters["reason"] = "Break on start";
            parameters.Remove("data");
            if (parameters["hitBreakpoints"] is JsonArray hit)
            {
                foreach (var id in hit.Where(id => id?.GetValue<string>() == breakpoint).ToArray())
                    hit.Remove(id);
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return utf8;
        }
    }

    /// <summary>
    /// A console call goes through V8Host's console glue before it reaches V8's console, so V8
    /// records the glue as the call's top frames; the debugger should show the script's line.
    /// </summary>
    private static byte[] WithoutRuntimeFrames(byte[] utf8)
    {
        if (utf8.AsSpan().IndexOf("v8host:"u8) < 0)
            return utf8;
        try
        {
            var root = JsonNode.Parse(utf8);
            if (root?["params"]?["stackTrace"]?["callFrames"] is not JsonArray frames)
                return utf8;
            while (frames.Count > 1 && frames[0]?["url"]?.GetValue<string>() is { } url && url.StartsWith("v8host:", StringComparison.Ordinal))
                frames.RemoveAt(0);
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return utf8;
        }
    }

    private static string? ReadString(byte[] utf8, params string[] path) =>
        Read(utf8, path) is { ValueKind: JsonValueKind.String } element ? element.GetString() : null;

    private static long? ReadLong(byte[] utf8, params string[] path) =>
        Read(utf8, path) is { ValueKind: JsonValueKind.Number } element && element.TryGetInt64(out var value) ? value : null;

    private static JsonElement? Read(byte[] utf8, string[] path)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8, s_json);
            var element = document.RootElement;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                    return null;
            }

            return element.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How a wait for the debugger ended.</summary>
    internal enum DebuggerWait
    {
        /// <summary>A debugger asked the script to run (or none was awaited).</summary>
        Released,

        /// <summary>The host terminated the waiting call.</summary>
        Cancelled,

        /// <summary>The isolate is going away.</summary>
        Closed,
    }

    /// <summary>A request V8 has yet to answer: whose it is and under which id the client sent it (no client: the hub's own).</summary>
    private sealed record Pending(InspectorClient? Client, long ClientId, string Method, string Domain, Action<CdpMessage>? OnResponse, bool Orphaned = false);
}
