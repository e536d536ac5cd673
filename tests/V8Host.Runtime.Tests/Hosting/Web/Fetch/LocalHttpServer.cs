using System.Net;
using System.Net.Sockets;

namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 with a free port, for fetch tests that must never touch the
/// network: each request goes to <see cref="Handle"/>, and the requests seen are recorded.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<string> _seen = new();
    private readonly CancellationTokenSource _stopping = new();

    public LocalHttpServer(Func<HttpListenerContext, Task> handle)
    {
        Handle = handle;
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Prefixes.Clear();
            }
        }

        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Root => $"http://127.0.0.1:{Port}/";

    public Func<HttpListenerContext, Task> Handle { get; }

    /// <summary>"METHOD /path" of each request received, in order.</summary>
    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
                return _seen.ToArray();
        }
    }

    /// <summary>Cancelled when the server stops: slow handlers wait on it.</summary>
    public CancellationToken Stopping => _stopping.Token;

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening || _stopping.IsCancellationRequested)
            {
                return;
            }

            lock (_seen)
                _seen.Add($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery}");
            _ = Task.Run(async () =>
            {
                try
                {
                    await Handle(context);
                    context.Response.Close();
                }
                catch (Exception)
                {
                    // The client went away (an aborted or timed-out fetch): nothing to answer.
                    try
                    {
                        context.Response.Abort();
                    }
                    catch (ObjectDisposedException)
                    {
                    }
                }
            });
        }
    }

    public static async Task Write(HttpListenerContext http, string text, string contentType = "text/plain; charset=utf-8", int status = 200)
    {
        var response = http.Response;
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        // HttpListener refuses a body for HEAD; the length stays as for GET.
        if (response.StatusCode != 204 && http.Request.HttpMethod != "HEAD")
            await response.OutputStream.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        _listener.Close();
    }
}
