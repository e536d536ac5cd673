using System.Net.Sockets;
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

    // Linux's TCP_QUICKACK: IPPROTO_TCP (6), option 12.
    private const int IpProtocolTcp = 6;
    private const int TcpQuickAck = 12;

    private readonly ClientWebSocket _socket;
    private readonly Socket? _transport;
    private readonly object _sendGate = new();
    private readonly CancellationTokenSource _stop = new();
    private int _disposed;

    private InspectorUpstream(ClientWebSocket socket, Socket? transport)
    {
        _socket = socket;
        _transport = transport;
    }

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
                // Our own socket, so that acknowledgements can be made immediate (see QuickAck).
                Socket? transport = null;
                using var handler = new SocketsHttpHandler
                {
                    ConnectCallback = async (connection, cancellationToken) =>
                    {
                        transport = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        await transport.ConnectAsync(connection.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                        return new NetworkStream(transport, ownsSocket: true);
                    },
                };
                var socket = new ClientWebSocket();
                using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
                await socket.ConnectAsync(new Uri(url), invoker, timeout.Token).ConfigureAwait(false);
                return new InspectorUpstream(socket, transport);
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
                    QuickAck();
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
                QuickAck();
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>
    /// ClearScript writes a WebSocket frame's header, length and payload in separate writes on a
    /// socket with Nagle's algorithm on, so the rest of a message waits until the header is
    /// acknowledged; a receiver that delays acknowledgements (40 ms on Linux, which does so after
    /// each send) made every message take 44 ms. Asking for immediate acknowledgement after each
    /// send and receive (Linux resets the flag as it goes) brings a round trip under a millisecond.
    /// </summary>
    private void QuickAck()
    {
        if (_transport is null || !OperatingSystem.IsLinux())
            return;
        try
        {
            _transport.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, s_one);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    private static readonly byte[] s_one = BitConverter.GetBytes(1);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _stop.Cancel();
        lock (_sendGate)
            _socket.Dispose();
    }
}
