using System.Net;
using V8Host.Hosting.Web;

namespace V8Host;

/// <summary>
/// <c>fetch</c>, <c>Request</c>, <c>Response</c> and <c>Headers</c> (WHATWG Fetch, without streams) over
/// one <see cref="HttpClient"/> per <see cref="FetchApi"/>. Nothing is reachable unless
/// <c>allow</c> says so: every URL a fetch would send to, each redirect hop included, is passed to it
/// first, and a refused one rejects with a <c>TypeError</c> before anything is sent.
/// </summary>
/// <remarks>
/// <para>
/// Installing FetchApi installs <see cref="WebApis"/> too (once per context), since Request and
/// Response are built on URL, TextEncoder, Blob and AbortSignal. Redirects are followed by the glue,
/// hop by hop, so that <c>allow</c> sees each URL; a handler that follows redirects
/// itself (<see cref="HttpClientHandler.AllowAutoRedirect"/>) would bypass that check, so turn it off.
/// </para>
/// <para>
/// Without a handler, FetchApi uses its own <see cref="SocketsHttpHandler"/> (no automatic redirects,
/// no cookie container, automatic decompression, header values as Latin-1 bytes), kept for the
/// FetchApi's lifetime. A handler you pass
/// stays yours: FetchApi never disposes it. Disposing a context cancels its outstanding requests.
/// docs/web-apis/fetch.md lists what deviates from the standard.
/// </para>
/// </remarks>
public sealed class FetchApi : IHostApi
{
    private readonly Func<Uri, bool>? _allow;
    private readonly Lazy<HttpClient> _client;
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(100);
    private readonly long _maxResponseBytes = 64L * 1024 * 1024;
    private readonly Uri? _baseUrl;

    /// <summary>Creates the API.</summary>
    /// <param name="handler">
    /// Sends the requests (for tests, proxies, custom TLS); null for FetchApi's own handler. It is not
    /// disposed by FetchApi.
    /// </param>
    /// <param name="allow">
    /// Decides, for each absolute http or https URL (fragment removed), whether it may be sent to; null
    /// allows nothing. It runs on the context's thread, before each request and each redirect hop.
    /// </param>
    public FetchApi(HttpMessageHandler? handler = null, Func<Uri, bool>? allow = null)
    {
        _allow = allow;
        _client = new Lazy<HttpClient>(() => handler is null
            ? new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                // Header values are byte strings in Fetch: each character is one byte, both ways.
                RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.Latin1,
                ResponseHeaderEncodingSelector = (_, _) => System.Text.Encoding.Latin1,
            }, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan });
    }

    /// <summary>
    /// How long one request (one redirect hop) may take, from sending to the last byte of the body;
    /// past it, the fetch rejects with a <c>TimeoutError</c> DOMException. Default 100 seconds;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (and not infinite).</exception>
    public TimeSpan Timeout
    {
        get => _timeout;
        init => _timeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Timeout), value, "The timeout must be positive or infinite.");
    }

    /// <summary>
    /// The largest response body a fetch accepts, in bytes; a bigger one rejects the fetch with a
    /// <c>TypeError</c> ("… response body exceeds …") as soon as it is known to be bigger. Default 64 MiB;
    /// at most <see cref="Array.MaxLength"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above <see cref="Array.MaxLength"/>.</exception>
    public long MaxResponseBytes
    {
        get => _maxResponseBytes;
        init => _maxResponseBytes = value >= 0 && value <= Array.MaxLength
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxResponseBytes), value, $"The limit must be between 0 and {Array.MaxLength}.");
    }

    /// <summary>
    /// The base for relative URLs in <c>fetch</c>, <c>new Request</c> and <c>Response.redirect</c>, as a
    /// document's URL is in a browser (<c>fetch('/api/items')</c>); null (the default) makes a relative
    /// URL a <c>TypeError</c>. It does not widen what <c>allow</c> permits.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URL.</exception>
    public Uri? BaseUrl
    {
        get => _baseUrl;
        init => _baseUrl = value is null || (value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps))
            ? value
            : throw new ArgumentException("The base URL must be an absolute http or https URL.", nameof(BaseUrl));
    }

    /// <inheritdoc/>
    public void Register(HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.AddInstaller(Install);
    }

    private void Install(Context context)
    {
        var web = WebGlue.Install(context);
        context.Run<object?>("FetchApi", _ =>
        {
            FetchSession.Install(web, _client, _allow, _timeout, _maxResponseBytes, _baseUrl);
            return null;
        });
    }
}
