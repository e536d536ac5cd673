using System.Net.WebSockets;
using System.Threading.Channels;

namespace V8Host.Debugging;

/// <summary>
/// One debugger attached over the inspector endpoint's WebSocket (Chrome DevTools, VS Code, any
/// CDP client): what it sends goes to the hub, and what the hub delivers is written by a task of
/// its own, so that a slow debugger never holds up V8 or the other clients.
/// </summary>
internal sealed class DevToolsConnection : InspectorClient
{
    /// <summary>Larger than any request a debugger sends (a whole script for Debugger.setScriptSource).</summary>
    private const int MaxMessageBytes = 256 * 1024 * 1024;

    /// <summary>How long a closed connection may take to send what was queued before it is aborted.</summary>
    private static readonly TimeSpan s_closeGrace = TimeSpan.FromSeconds(5);

    private readonly InspectorHub _hub;
    private readonly WebSocket _socket;
    private readonly string _remote;
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private string? _closeReason;

    public DevToolsConnection(InspectorHub hub, WebSocket socket, string remote)
    {
        _hub = hub;
        _socket = socket;
        _remote = remote;
    }

    public override string Description => $"debugger at {_remote}";

    public void Start()
    {
        _hub.Attach(this);
        _ = WriteAsync();
        _ = ReadAsync();
    }

    public override void Deliver(byte[] utf8)
    {
        if (TryReserve(utf8.Length))
            _outgoing.Writer.TryWrite(utf8);
    }

    public override void Close(string reason)
    {
        _closeReason = reason;
        _outgoing.Writer.TryWrite(CdpMessage.Detached(reason));
        _outgoing.Writer.TryComplete();

        // A debugger that stopped reading (the queue overflowed, say) leaves the writer blocked in a
        // send for ever, holding the socket and everything still queued: give the rest a moment to
        // go out, then abort the connection.
        _stop.CancelAfter(s_closeGrace);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
                if (message.Length + received.Count > MaxMessageBytes)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {MaxMessageBytes} bytes.", CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                    continue;
                _hub.Receive(this, message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _hub.Detach(this);
            _outgoing.Writer.TryComplete();
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var utf8 in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await _socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
                Release(utf8.Length);
            }
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, _closeReason ?? "detached", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _stop.Cancel();
            _socket.Dispose();
        }
    }
}
