using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace V8Host.Debugging;

/// <summary>
/// V8Host's own debugging port, the one DevTools, chrome://inspect and VS Code attach to: the HTTP
/// discovery endpoints Node serves (<c>/json</c>, <c>/json/list</c>, <c>/json/version</c>) and a
/// WebSocket per client, each a <see cref="DevToolsConnection"/> of the hub.
/// </summary>
/// <remarks>
/// As in Node, the WebSocket path is an unguessable id, and discovery answers only requests whose
/// Host header is an IP address or <c>localhost</c>: a web page cannot learn the id through DNS
/// rebinding and so cannot connect.
/// </remarks>
internal sealed class InspectorEndpoint : IDisposable
{
    private const int MaxHeaderBytes = 16 * 1024;
    private const int MaxClients = 16;
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener _listener;
    private readonly InspectorHub _hub;
    private readonly string _title;
    private readonly CancellationTokenSource _stop = new();

    public InspectorEndpoint(InspectorHub hub, int port, bool allowRemote, string title)
    {
        _hub = hub;
        _title = title;
        TargetId = Guid.NewGuid().ToString();
        _listener = new TcpListener(allowRemote ? IPAddress.Any : IPAddress.Loopback, port);
        try
        {
            _listener.Start();
        }
        catch (SocketException exception)
        {
            throw new InvalidOperationException($"IsolateOptions.InspectorPort {port}: the inspector cannot listen there ({exception.SocketErrorCode}: {exception.Message}). Use another port, or 0 for a free one.", exception);
        }

        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The target's id, the path of its WebSocket.</summary>
    public string TargetId { get; }

    public string WebSocketUrl => $"ws://127.0.0.1:{Port}/{TargetId}";

    public string DevToolsUrl => $"devtools://devtools/bundled/js_app.html?ws=127.0.0.1:{Port}/{TargetId}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        // Messages are small and back to back (a burst of events); none should wait for an acknowledgement.
        socket.NoDelay = true;
        var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(s_requestTimeout);
            var request = await HttpRequestHead.ReadAsync(stream, MaxHeaderBytes, timeout.Token).ConfigureAwait(false);
            if (request is null)
            {
                await RespondAsync(stream, 400, "text/plain", "Bad request.\n").ConfigureAwait(false);
                return;
            }

            if (!IsLocalHost(request.Header("Host")))
            {
                await RespondAsync(stream, 400, "text/plain", "Host header is not an IP address or localhost.\n").ConfigureAwait(false);
                return;
            }

            if (request.IsWebSocketUpgrade)
            {
                if (request.Path != "/" + TargetId)
                {
                    await RespondAsync(stream, 404, "text/plain", "No such target.\n").ConfigureAwait(false);
                    return;
                }

                if (_hub.ClientCount >= MaxClients)
                {
                    await RespondAsync(stream, 503, "text/plain", $"{MaxClients} debuggers are already attached.\n").ConfigureAwait(false);
                    return;
                }

                await AcceptWebSocketAsync(stream, request, socket.RemoteEndPoint).ConfigureAwait(false);
                stream = null!;
                return;
            }

            switch (request.Path)
            {
                case "/json":
                case "/json/list":
                    await RespondAsync(stream, 200, "application/json", TargetList(request.Header("Host")!)).ConfigureAwait(false);
                    break;
                case "/json/version":
                    await RespondAsync(stream, 200, "application/json", Version()).ConfigureAwait(false);
                    break;
                default:
                    await RespondAsync(stream, 404, "text/plain", "Not found.\n").ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            if (stream is not null)
                await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task AcceptWebSocketAsync(NetworkStream stream, HttpRequestHead request, EndPoint? remote)
    {
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(request.Header("Sec-WebSocket-Key") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        var response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token).ConfigureAwait(false);
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.FromSeconds(30) });
        var connection = new DevToolsConnection(_hub, socket, remote?.ToString() ?? "unknown");
        connection.Start();
    }

    private string TargetList(string host)
    {
        // The address the client used, so a list fetched through a forwarded port stays usable.
        var authority = host.Contains(':', StringComparison.Ordinal) ? host : $"{host}:{Port}";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("description", "V8Host context");
            writer.WriteString("devtoolsFrontendUrl", $"devtools://devtools/bundled/js_app.html?ws={authority}/{TargetId}");
            writer.WriteString("devtoolsFrontendUrlCompat", $"devtools://devtools/bundled/inspector.html?ws={authority}/{TargetId}");
            writer.WriteString("id", TargetId);
            writer.WriteString("title", _title);
            writer.WriteString("type", "node");
            writer.WriteString("url", new Uri(Environment.ProcessPath ?? AppContext.BaseDirectory).AbsoluteUri);
            writer.WriteString("webSocketDebuggerUrl", $"ws://{authority}/{TargetId}");
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Version() =>
        $"{{\n  \"Browser\": \"V8Host/{typeof(InspectorEndpoint).Assembly.GetName().Version?.ToString(3)}\",\n  \"Protocol-Version\": \"1.1\"\n}}";

    /// <summary>Whether a Host header names this machine by address or as localhost (not a DNS name a page could rebind).</summary>
    internal static bool IsLocalHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
            return false;
        var name = host;
        if (name.StartsWith('['))
        {
            var close = name.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                return false;
            name = name[1..close];
        }
        else if (name.LastIndexOf(':') is var colon and > 0)
        {
            name = name[..colon];
        }

        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(name, out _);
    }

    private static async Task RespondAsync(Stream stream, int status, string contentType, string body)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var reason = status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 503 => "Service Unavailable", _ => "Error" };
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}; charset=UTF-8\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head)).ConfigureAwait(false);
        await stream.WriteAsync(content).ConfigureAwait(false);
    }
}
