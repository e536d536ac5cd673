using System.Net.WebSockets;
using System.Text.Json;

namespace V8Host.Debugging;

/// <summary>
/// The hub's connection to ClearScript's debug agent: the single WebSocket client ClearScript
/// allows, on the loopback port V8Host chose for it. Sends may come from any thread; messages
/// arrive on one reader task, in V8's order.
/// </summary>
internal sealed class InspectorUpstream : IDisposable
{
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly object _sendGate = new();
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    private InspectorUpstream(ClientWebSocket socket) => _socket = socket;

    /// <summary>Finds the agent's target on <paramref name="port"/> and connects to it.</summary>
    /// <exception cref="InvalidOperationException">The agent did not answer (its port was taken by another process, say).</exception>
    public static InspectorUpstream Connect(int port)
    {
        // Off the caller's synchronization context: the isolate may be created on a UI thread.
        return Task.Run(async () =>
        {
            using var timeout = new CancellationTokenSource(s_connectTimeout);
            try
            {
                using var http = new HttpClient();
                var list = await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", timeout.Token).ConfigureAwait(false);
                using var targets = JsonDocument.Parse(list);
                var url = targets.RootElement[0].GetProperty("webSocketDebuggerUrl").GetString()!;
                var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(url), timeout.Token).ConfigureAwait(false);
                return new InspectorUpstream(socket);
            }
            catch (Exception exception) when (exception is HttpRequestException or WebSocketException or JsonException or OperationCanceledException or KeyNotFoundException or IndexOutOfRangeException)
            {
                throw new InvalidOperationException($"The V8 inspector did not start on loopback port {port}: {exception.Message}", exception);
            }
        }).GetAwaiter().GetResult();
    }

    /// <summary>Starts reading: <paramref name="onMessage"/> gets each message, <paramref name="onClosed"/> runs once when the connection ends.</summary>
    public void Start(Action<byte[]> onMessage, Action onClosed)
    {
        _ = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                        break;
                    message.Write(buffer, 0, received.Count);
                    if (!received.EndOfMessage)
                        continue;
                    onMessage(message.ToArray());
                    message.SetLength(0);
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
            finally
            {
                onClosed();
            }
        });
    }

    /// <summary>Sends one message; after the connection ended, nothing is sent (the engine is gone).</summary>
    public void Send(byte[] utf8)
    {
        lock (_sendGate)
        {
            if (Volatile.Read(ref _disposed) != 0 || _socket.State != WebSocketState.Open)
                return;
            try
            {
                _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _stop.Token).GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _stop.Cancel();
        lock (_sendGate)
            _socket.Dispose();
    }
}
