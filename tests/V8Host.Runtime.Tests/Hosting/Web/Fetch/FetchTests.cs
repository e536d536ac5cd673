using System.Net;
using System.Text;

namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// fetch() against a real local HTTP server: bodies and headers both ways, status codes, redirects
/// checked hop by hop, refusal by the host, abort, timeout, the response size limit and disposal.
/// </summary>
public sealed class FetchTests : FetchContext
{
    private static async Task Echo(HttpListenerContext http)
    {
        var request = http.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = string.Join(";", request.Headers.AllKeys.Where(k => k!.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || k == "Content-Type" || k == "User-Agent" || k == "Accept")
            .OrderBy(k => k, StringComparer.Ordinal).Select(k => $"{k!.ToLowerInvariant()}={request.Headers[k]}"));
        http.Response.Headers.Add("X-Reply", "yes");
        http.Response.Headers.Add("Set-Cookie", "a=1");
        http.Response.Headers.Add("Set-Cookie", "b=2");
        await LocalHttpServer.Write(http.Response, $"{request.HttpMethod} {request.Url!.PathAndQuery} [{headers}] {body}", status: 200);
    }

    [Fact]
    public async Task GetReturnsStatusHeadersAndBody()
    {
        Serve(Echo);
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}hello?x=1#frag');
            [r.status, r.ok, r.statusText, r.type, r.url, r.redirected, r.headers.get('x-reply'), r.headers.get('content-type'),
             JSON.stringify(r.headers.getSetCookie()), r.bodyUsed, await r.text(), r.bodyUsed].join('|')
            """);
        Assert.Equal($"200|true|OK|basic|{Server.Root}hello?x=1|false|yes|text/plain; charset=utf-8|[\"a=1\",\"b=2\"]|false|GET /hello?x=1 [accept=*/*;user-agent={UserAgent}] |true", result);
    }

    private static string UserAgent => "V8Host/" + typeof(FetchApi).Assembly.GetName().Version!.ToString(3);

    [Fact]
    public async Task PostSendsStringBodyAndHeaders()
    {
        Serve(Echo);
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}post', { method: 'post', headers: { 'X-One': ' 1 ', 'x-two': 'a' }, body: 'héllo' });
            await r.text()
            """);
        Assert.Equal("POST /post [accept=*/*;content-type=text/plain;charset=UTF-8;user-agent=" + UserAgent + ";x-one=1;x-two=a] héllo", result);
    }
}
