using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace V8Host.Tests.Debugging;

/// <summary>
/// A DevTools protocol client for tests, over an <see cref="InspectorSession"/> or any transport
/// that sends a string: requests with fresh ids, answers awaited by id, events awaited by method.
/// Every wait has a generous timeout, so a broken inspector fails a test instead of hanging it.
/// </summary>
internal sealed class CdpProbe
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Action<string> _send;
    private readonly BlockingCollection<JsonElement> _incoming = new();
    private readonly List<JsonElement> _seen = new();
    private readonly object _seenGate = new();
    private int _lastId;

    public CdpProbe(Action<string> send) => _send = send;

    /// <summary>A probe on a new in-process session of <paramref name="context"/>.</summary>
    public static (CdpProbe Probe, InspectorSession Session) Connect(Context context)
    {
        CdpProbe? probe = null;
        var session = context.Inspector.Connect(message => probe!.OnMessage(message));
        probe = new CdpProbe(session.Send);
        return (probe, session);
    }

    public void OnMessage(string message)
    {
        using var document = JsonDocument.Parse(message);
        _incoming.Add(document.RootElement.Clone());
    }

    /// <summary>Every message received so far, in order.</summary>
    public IReadOnlyList<JsonElement> Seen
    {
        get
        {
            Drain();
            lock (_seenGate)
                return _seen.ToArray();
        }
    }

    /// <summary>Sends a request and returns its <c>result</c>; an error response fails the test.</summary>
    public JsonElement Call(string method, object? parameters = null)
    {
        var response = CallRaw(method, parameters);
        if (response.TryGetProperty("error", out var error))
            Assert.Fail($"{method} failed: {error}");
        return response.GetProperty("result");
    }

    /// <summary>Sends a request and returns the whole response.</summary>
    public JsonElement CallRaw(string method, object? parameters = null)
    {
        var id = Send(method, parameters);
        return WaitFor(message => message.TryGetProperty("id", out var answered) && answered.GetInt32() == id, $"the response to {method}");
    }

    /// <summary>Sends a request without waiting; returns its id.</summary>
    public int Send(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _lastId);
        var request = new JsonObject { ["id"] = id, ["method"] = method };
        if (parameters is not null)
            request["params"] = JsonSerializer.SerializeToNode(parameters);
        _send(request.ToJsonString());
        return id;
    }

    /// <summary>The <c>params</c> of the next event named <paramref name="method"/> (events seen earlier count once).</summary>
    public JsonElement WaitForEvent(string method, Func<JsonElement, bool>? where = null) =>
        WaitFor(message => message.TryGetProperty("method", out var name) && name.GetString() == method && (where?.Invoke(message.GetProperty("params")) ?? true), method)
            .GetProperty("params");

    private readonly HashSet<int> _consumed = new();

    private JsonElement WaitFor(Func<JsonElement, bool> match, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_seenGate)
            {
                for (var i = 0; i < _seen.Count; i++)
                {
                    if (!_consumed.Contains(i) && match(_seen[i]))
                    {
                        _consumed.Add(i);
                        return _seen[i];
                    }
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_incoming.TryTake(out var next, left))
                throw new TimeoutException($"No {what} within {Timeout.TotalSeconds} s.");
            lock (_seenGate)
                _seen.Add(next);
        }
    }

    private void Drain()
    {
        while (_incoming.TryTake(out var next))
        {
            lock (_seenGate)
                _seen.Add(next);
        }
    }

    /// <summary>The url V8 announced for <paramref name="scriptId"/> (Debugger.scriptParsed).</summary>
    public string? UrlOf(string scriptId) =>
        Seen.Where(message => message.TryGetProperty("method", out var method) && method.GetString() == "Debugger.scriptParsed")
            .Select(message => message.GetProperty("params"))
            .Where(script => script.GetProperty("scriptId").GetString() == scriptId)
            .Select(script => script.GetProperty("url").GetString())
            .LastOrDefault();
}

/// <summary>A <see cref="CdpProbe"/> over a real WebSocket, as DevTools and VS Code connect.</summary>
internal sealed class WebSocketCdp : IDisposable
{
    private readonly System.Net.WebSockets.ClientWebSocket _socket = new();
    private readonly object _sendGate = new();

    private WebSocketCdp(string url)
    {
        _socket.ConnectAsync(new Uri(url), CancellationToken.None).Wait(CdpProbe.Timeout);
        Probe = new CdpProbe(Send);
        _ = Task.Run(ReadAsync);
    }

    public CdpProbe Probe { get; }

    public System.Net.WebSockets.WebSocketState State => _socket.State;

    public static WebSocketCdp Connect(string url) => new(url);

    private void Send(string message)
    {
        lock (_sendGate)
            _socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None).Wait(CdpProbe.Timeout);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                    return;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                Probe.OnMessage(System.Text.Encoding.UTF8.GetString(message.ToArray()));
                message.SetLength(0);
            }
        }
        catch (System.Net.WebSockets.WebSocketException)
        {
        }
    }

    public void Dispose()
    {
        try
        {
            _socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Wait(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is AggregateException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
        }

        _socket.Dispose();
    }
}
