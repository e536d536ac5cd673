using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// One context's side of fetch: loads the glue (Headers, Body, Request, Response, Fetch) and sends
/// each hop the glue asks for. A hop is checked against the host's allow callback on the context's
/// thread, sent on the thread pool, and its outcome posted back to the event loop as one call of the
/// glue's <c>settle</c>: the status, the reason phrase, the headers as one string and the body as one
/// Uint8Array, or a negative status and a message. Disposing the context (which owns the session)
/// cancels every hop in flight.
/// </summary>
internal sealed class FetchSession : IDisposable
{
    // settle()'s statuses for a hop that produced no response.
    private const int NetworkError = -1;
    private const int TimedOut = -2;
    private const int Cancelled = -3;

    private static readonly ConditionalWeakTable<Context, FetchSession> Sessions = new();
    private static readonly string UserAgent = "V8Host/" + typeof(FetchSession).Assembly.GetName().Version!.ToString(3);

    private readonly Context _context;
    private readonly Lazy<HttpClient> _client;
    private readonly Func<Uri, bool>? _allow;
    private readonly TimeSpan _timeout;
    private readonly long _maxResponseBytes;
    private readonly CancellationTokenSource _closing = new();
    private readonly Dictionary<int, CancellationTokenSource> _inFlight = new();
    private ScriptObject? _settle;

    private FetchSession(Context context, Lazy<HttpClient> client, Func<Uri, bool>? allow, TimeSpan timeout, long maxResponseBytes)
    {
        _context = context;
        _client = client;
        _allow = allow;
        _timeout = timeout;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <summary>Installs fetch into the context of <paramref name="web"/>; call inside <see cref="Context.Run{T}"/>.</summary>
    /// <exception cref="InvalidOperationException">A FetchApi is already installed in this context.</exception>
    public static void Install(WebGlue web, Lazy<HttpClient> client, Func<Uri, bool>? allow, TimeSpan timeout, long maxResponseBytes, Uri? baseUrl)
    {
        var context = web.Context;
        var session = new FetchSession(context, client, allow, timeout, maxResponseBytes);
        if (!Sessions.TryAdd(context, session))
            throw new InvalidOperationException("A FetchApi is already installed in this context; install one per context.");
        var send = new V8FastHostFunction("send", (bool _, in V8FastArgs args, in V8FastResult _) =>
        {
            var body = args.IsNull(4) || args.IsUndefined(4) ? null : (args.Get<object>(4) as IArrayBufferView
                ?? throw new ArgumentException("send: the body is not a Uint8Array.")).GetBytes();
            session.Send(args.GetInt32(0), args.GetString(1), args.GetString(2), args.GetString(3), body);
        });
        var cancel = new V8FastHostFunction("cancel", (bool _, in V8FastArgs args, in V8FastResult _) =>
            session.Cancel(args.GetInt32(0)));
        web.Run("Headers");
        web.Run("Body");
        web.Run("FetchUrl", baseUrl?.AbsoluteUri ?? "");
        web.Run("Request");
        web.Run("Response");
        session._settle = context.Bridge.Pick(web.Load("Fetch", send, cancel), "settle");
        context.Own(session);
    }

    public void Dispose()
    {
        _closing.Cancel();
        lock (_inFlight)
            _inFlight.Clear();
    }

    // Under the lock, so that a hop cannot be disposed between being found and being cancelled.
    private void Cancel(int id)
    {
        lock (_inFlight)
        {
            if (_inFlight.Remove(id, out var hop))
                hop.Cancel();
        }
    }

    private void Send(int id, string method, string url, string headers, byte[]? body)
    {
        _context.EventLoop.BeginExternalWork();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Post(id, Outcome.Failure(NetworkError, $"fetch: {url} is not a URL HttpClient can send to."));
            return;
        }

        bool allowed;
        try
        {
            allowed = _allow is not null && _allow(uri);
        }
        catch (Exception exception)
        {
            Post(id, Outcome.Failure(NetworkError, $"fetch: the host's allow callback failed for {url}: {exception.Message}"));
            return;
        }

        if (!allowed)
        {
            Post(id, Outcome.Failure(NetworkError, $"fetch: {url} is not allowed by the host."));
            return;
        }

        var hop = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        lock (_inFlight)
            _inFlight[id] = hop;
        _ = RunAsync(id, method, uri, url, headers, body, hop);
    }

    private async Task RunAsync(int id, string method, Uri uri, string url, string headers, byte[]? body, CancellationTokenSource hop)
    {
        Outcome outcome;
        using (hop)
        using (var timeout = new CancellationTokenSource(_timeout))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(hop.Token, timeout.Token))
        {
            try
            {
                outcome = await SendAsync(method, uri, url, headers, body, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (hop.IsCancellationRequested)
            {
                outcome = Outcome.Failure(Cancelled, "cancelled");
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                outcome = Outcome.Failure(TimedOut, $"fetch: {url} did not complete within {Describe(_timeout)}.");
            }
            catch (FetchFailure failure)
            {
                outcome = Outcome.Failure(NetworkError, failure.Message);
            }
            catch (Exception exception)
            {
                outcome = Outcome.Failure(NetworkError, $"fetch: {url} failed: {Reason(exception)}");
            }

            lock (_inFlight)
                _inFlight.Remove(id);
        }

        Post(id, outcome);
    }

    private async Task<Outcome> SendAsync(string method, Uri uri, string url, string headers, byte[]? body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        if (body is not null)
            request.Content = new ByteArrayContent(body);
        AddHeaders(request, headers, url);

        using var response = await _client.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        var responseHeaders = JoinHeaders(response, url);
        var declared = response.Content.Headers.ContentLength;
        if (declared > _maxResponseBytes)
            throw new FetchFailure($"fetch: the response body of {url} exceeds the host's limit of {_maxResponseBytes} bytes (it declares {declared}).");

        var stream = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var bytes = new MemoryStream(declared is long length ? (int)length : 0);
            var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
                {
                    if (bytes.Length + read > _maxResponseBytes)
                        throw new FetchFailure($"fetch: the response body of {url} exceeds the host's limit of {_maxResponseBytes} bytes.");
                    bytes.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return new Outcome((int)response.StatusCode, response.ReasonPhrase ?? "", responseHeaders, new ArraySegment<byte>(bytes.GetBuffer(), 0, (int)bytes.Length));
        }
    }

    // The glue's header list, "name\nvalue\n…" with lowercase names and checked values (the glue
    // has refused the connection's own headers, and a Content-Length other than the body's).
    // Content headers go on the content; Content-Length is HttpClient's to send.
    private static void AddHeaders(HttpRequestMessage request, string joined, string url)
    {
        var hasAccept = false;
        var hasUserAgent = false;
        if (joined.Length > 0)
        {
            var parts = joined.Split('\n');
            for (var i = 0; i + 1 < parts.Length; i += 2)
            {
                var (name, value) = (parts[i], parts[i + 1]);
                hasAccept |= name == "accept";
                hasUserAgent |= name == "user-agent";
                if (name == "content-length")
                    continue;
                if (request.Headers.TryAddWithoutValidation(name, value))
                    continue;
                request.Content ??= new ByteArrayContent([]);
                if (!request.Content.Headers.TryAddWithoutValidation(name, value))
                    throw new FetchFailure($"fetch: the header '{name}' cannot be sent to {url}.");
            }
        }

        if (!hasAccept)
            request.Headers.TryAddWithoutValidation("accept", "*/*");
        if (!hasUserAgent)
            request.Headers.TryAddWithoutValidation("user-agent", UserAgent);
    }

    // The response's headers as the glue reads them, values as received. A header the Fetch
    // standard cannot hold (CR, LF or NUL, or a character above U+00FF) makes the response a
    // network error rather than being dropped or altered.
    private static string JoinHeaders(HttpResponseMessage response, string url)
    {
        var text = new StringBuilder();
        Append(response.Headers.NonValidated);
        Append(response.Content.Headers.NonValidated);
        return text.Length == 0 ? "" : text.ToString(0, text.Length - 1);

        void Append(System.Net.Http.Headers.HttpHeadersNonValidated headers)
        {
            foreach (var (name, values) in headers)
            {
                foreach (var value in values)
                {
                    if (!IsByteString(name) || !IsByteString(value))
                        throw new FetchFailure($"fetch: {url} sent the header '{name}' with a value fetch cannot represent.");
                    text.Append(name).Append('\n').Append(value).Append('\n');
                }
            }
        }
    }

    private static bool IsByteString(string value)
    {
        foreach (var c in value)
        {
            if (c is '\n' or '\r' or '\0' || c > '\u00FF')
                return false;
        }

        return true;
    }

    private void Post(int id, Outcome outcome) => _context.EventLoop.Post(() =>
    {
        _context.EventLoop.EndExternalWork();
        var body = outcome.Body.Array is null ? (object)Undefined.Value : _context.Bridge.NewUint8Array(outcome.Body);
        _settle!.Invoke(false, id, outcome.Status, outcome.Text, outcome.Headers, body);
    });

    private static string Reason(Exception exception)
    {
        var reason = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
            reason += " (" + inner.Message + ")";
        return reason;
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.###} s" : $"{timeout.TotalMilliseconds:0.###} ms";

    /// <summary>What one hop produced: a response, or a negative status and a message in <see cref="Text"/>.</summary>
    private readonly record struct Outcome(int Status, string Text, string Headers, ArraySegment<byte> Body)
    {
        public static Outcome Failure(int status, string message) => new(status, message, "", default);
    }

    /// <summary>A hop that cannot give a response; its message is the TypeError's.</summary>
    private sealed class FetchFailure(string message) : Exception(message);
}
