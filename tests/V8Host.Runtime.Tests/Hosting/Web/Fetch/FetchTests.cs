using System.Net;

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
        using var reader = new StreamReader(request.InputStream, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = string.Join(";", request.Headers.AllKeys.Where(k => k!.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || k == "Content-Type" || k == "User-Agent" || k == "Accept")
            .OrderBy(k => k, StringComparer.Ordinal).Select(k => $"{k!.ToLowerInvariant()}={request.Headers[k]}"));
        http.Response.Headers.Add("X-Reply", "yes");
        http.Response.Headers.Add("Set-Cookie", "a=1");
        http.Response.Headers.Add("Set-Cookie", "b=2");
        await LocalHttpServer.Write(http, $"{request.HttpMethod} {request.Url!.PathAndQuery} [{headers}] {body}", status: 200);
    }

    [Fact]
    public async Task GetReturnsStatusHeadersAndBody()
    {
        Serve(Echo);
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}hello?x=1#frag');
            return [r.status, r.ok, r.statusText, r.type, r.url, r.redirected, r.headers.get('x-reply'), r.headers.get('content-type'),
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
            return await r.text()
            """);
        Assert.Equal("POST /post [accept=*/*;content-type=text/plain;charset=UTF-8;user-agent=" + UserAgent + ";x-one=1;x-two=a] héllo", result);
    }

    private static async Task Routes(HttpListenerContext http)
    {
        var path = http.Request.Url!.AbsolutePath;
        var response = http.Response;
        switch (path)
        {
            case "/bytes":
                using (var buffer = new MemoryStream())
                {
                    await http.Request.InputStream.CopyToAsync(buffer);
                    var received = buffer.ToArray();
                    response.ContentType = "application/octet-stream";
                    response.Headers.Add("X-Received", $"{received.Length}:{Convert.ToHexString(received)}:{http.Request.ContentType}");
                    Array.Reverse(received);
                    response.ContentLength64 = received.Length;
                    await response.OutputStream.WriteAsync(received);
                }
                break;
            case "/status":
                var code = int.Parse(http.Request.QueryString["code"]!, System.Globalization.CultureInfo.InvariantCulture);
                response.StatusCode = code;
                if (code != 204 && code != 304)
                    await LocalHttpServer.Write(http, "status body", status: code);
                break;
            case "/json":
                await LocalHttpServer.Write(http, "\uFEFF{\"a\":[1,2,{\"b\":\"ü\"}]}", "application/json");
                break;
            case "/redirect":
                // /redirect?to=URL&code=N
                response.StatusCode = int.Parse(http.Request.QueryString["code"] ?? "302", System.Globalization.CultureInfo.InvariantCulture);
                response.RedirectLocation = http.Request.QueryString["to"];
                break;
            case "/loop":
                response.StatusCode = 302;
                response.RedirectLocation = "/loop";
                break;
            case "/method":
                using (var reader = new StreamReader(http.Request.InputStream))
                    await LocalHttpServer.Write(http, $"{http.Request.HttpMethod}:{await reader.ReadToEndAsync()}:{http.Request.ContentType}:{http.Request.Headers["Authorization"]}");
                break;
            default:
                await LocalHttpServer.Write(http, "not found", status: 404);
                break;
        }
    }

    [Fact]
    public async Task BinaryBodiesGoBothWays()
    {
        Serve(Routes);
        var result = await Run($$"""
            const url = '{{Server.Root}}bytes';
            const out = [];
            for (const body of [new Uint8Array([1, 2, 255]), new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4).buffer.slice(1, 4), new DataView(new Uint8Array([7, 8]).buffer),
                                new Blob(['ab'], { type: 'Text/X' }), new URLSearchParams('a=1&b=é')]) {
                const r = await fetch(url, { method: 'PUT', body });
                const bytes = await r.bytes();
                out.push(r.headers.get('x-received') + '>' + Array.from(bytes).join(','));
            }
            const r = await fetch(url, { method: 'POST', body: new Uint8Array([5, 6]) });
            const ab = await r.clone().arrayBuffer();
            const blob = await r.blob();
            out.push(ab instanceof ArrayBuffer, ab.byteLength, blob.type, blob.size);
            return out.join('|')
            """);
        Assert.Equal("3:0102FF:>255,2,1|3:010203:>3,2,1|2:0708:>8,7|2:6162:text/x>98,97|"
            + "12:613D3126623D254333254139:application/x-www-form-urlencoded;charset=UTF-8>57,65,37,51,67,37,61,98,38,49,61,97|"
            + "true|2|application/octet-stream|2", result);
    }

    [Fact]
    public async Task StatusCodesAndNullBodies()
    {
        Serve(Routes);
        var result = await Run($$"""
            const out = [];
            for (const code of [404, 500, 204, 201]) {
                const r = await fetch('{{Server.Root}}status?code=' + code);
                out.push(code + ':' + r.status + ':' + r.ok + ':' + r.statusText + ':' + JSON.stringify(await r.text()));
            }
            const head = await fetch('{{Server.Root}}status?code=200', { method: 'HEAD' });
            out.push('head:' + JSON.stringify(await head.text()) + ':' + head.bodyUsed);
            return out.join('|')
            """);
        Assert.Equal("404:404:false:Not Found:\"status body\"|500:500:false:Internal Server Error:\"status body\"|204:204:true:No Content:\"\"|201:201:true:Created:\"status body\"|head:\"\":false", result);
    }

    [Fact]
    public async Task JsonDropsTheBomAndParsesUtf8()
    {
        Serve(Routes);
        Assert.Equal("ü|3", await Run($$"""
            const r = await fetch('{{Server.Root}}json');
            const j = await r.json();
            return j.a[2].b + '|' + j.a.length
            """));
    }

    [Fact]
    public async Task RedirectsAreFollowedAndEveryHopIsChecked()
    {
        Serve(Routes);
        var root = Server.Root;
        var final = $"{root}method";
        var middle = $"{root}redirect?code=301&to={Uri.EscapeDataString(final)}";
        var first = $"{root}redirect?code=302&to={Uri.EscapeDataString(middle)}";
        var result = await Run($$"""
            const r = await fetch('{{first}}#keep');
            return [r.status, r.redirected, r.url, await r.text()].join('|')
            """);
        Assert.Equal($"200|true|{final}|GET:::", result);
        Assert.Equal(new[] { first, middle, final }, Allowed);
    }

    [Fact]
    public async Task RedirectsRewriteMethodsAsTheStandardSays()
    {
        Serve(Routes);
        var root = Server.Root;
        var result = await Run($$"""
            const out = [];
            for (const [code, method] of [[301, 'POST'], [302, 'POST'], [303, 'PUT'], [307, 'POST'], [308, 'PATCH'], [303, 'HEAD']]) {
                const url = '{{root}}redirect?code=' + code + '&to=%2Fmethod';
                const r = await fetch(url, { method, body: method === 'HEAD' ? null : 'data', headers: { authorization: 'secret' } });
                out.push(code + method + '>' + await r.text());
            }
            return out.join('|')
            """);
        Assert.Equal("301POST>GET:::secret|302POST>GET:::secret|303PUT>GET:::secret|307POST>POST:data:text/plain;charset=UTF-8:secret|308PATCH>PATCH:data:text/plain;charset=UTF-8:secret|303HEAD>", result);
    }

    [Fact]
    public async Task ARedirectToAnotherOriginDropsAuthorizationAndIsCheckedByAllow()
    {
        using var other = new LocalHttpServer(Routes);
        Serve(Routes, allow: uri => uri.Host == "127.0.0.1");
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}redirect?code=307&to={{Uri.EscapeDataString(other.Root + "method")}}', { method: 'POST', body: 'x', headers: { Authorization: 'secret' } });
            return await r.text()
            """);
        Assert.Equal("POST:x:text/plain;charset=UTF-8:", result);
    }

    [Fact]
    public async Task ARefusedRedirectRejectsAndIsNeverSent()
    {
        using var other = new LocalHttpServer(Routes);
        Serve(Routes);
        var target = other.Root + "method";
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}redirect?to={{Uri.EscapeDataString(target)}}'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {target} is not allowed by the host.", result);
        Assert.Empty(other.Seen);
    }

    [Fact]
    public async Task RedirectModesErrorAndManual()
    {
        Serve(Routes);
        var result = await Run($$"""
            const url = '{{Server.Root}}redirect?to=%2Fmethod';
            let error;
            try { await fetch(url, { redirect: 'error' }); } catch (e) { error = e.name + ':' + e.message.includes("redirect mode is 'error'"); }
            const manual = await fetch(url, { redirect: 'manual' });
            return [error, manual.type, manual.status, manual.statusText, [...manual.headers].length, manual.url === url, await manual.text()].join('|')
            """);
        Assert.Equal("TypeError:true|opaqueredirect|0||0|true|", result);
        Assert.Equal(2, Server.Seen.Count);
    }

    [Fact]
    public async Task ARedirectLoopStopsAfterTwentyHops()
    {
        Serve(Routes);
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}loop'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {Server.Root}loop redirected more than 20 times.", result);
        Assert.Equal(21, Server.Seen.Count);
    }

    [Fact]
    public async Task ARedirectToAnotherSchemeIsANetworkError()
    {
        Serve(Routes);
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}redirect?to=file%3A%2F%2F%2Fetc%2Fpasswd'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {Server.Root}redirect?to=file%3A%2F%2F%2Fetc%2Fpasswd redirected to file:///etc/passwd, whose scheme is not http or https.", result);
    }

    [Fact]
    public async Task TheHostRefusesAndNothingIsSent()
    {
        Serve(Routes, allow: _ => false);
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}method'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {Server.Root}method is not allowed by the host.", result);
        Assert.Empty(Server.Seen);
    }

    [Fact]
    public async Task WithoutAnAllowCallbackNothingIsReachable()
    {
        using var server = new LocalHttpServer(Routes);
        Build(new FetchApi());
        var result = await Run($$"""
            try { await fetch('{{server.Root}}method'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {server.Root}method is not allowed by the host.", result);
        Assert.Empty(server.Seen);
    }

    [Fact]
    public async Task AnAllowCallbackThatThrowsRejectsTheFetch()
    {
        Serve(Routes, allow: _ => throw new InvalidOperationException("policy store offline"));
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}method'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: the host's allow callback failed for {Server.Root}method: policy store offline", result);
    }

    [Theory]
    [InlineData("ftp://example.com/", "ftp")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("data:text/plain,hi", "data")]
    [InlineData("javascript:1", "javascript")]
    public async Task OnlyHttpAndHttpsAreFetched(string url, string scheme)
    {
        Serve(Routes, allow: _ => true);
        var result = await Run($$"""
            try { await fetch('{{url}}'); return 'resolved' } catch (e) { return e.name + ': ' + e.message }
            """);
        Assert.Equal($"TypeError: fetch: {url}: the scheme '{scheme}' is not supported (only http and https).", result);
        Assert.Empty(Allowed);
    }

    [Fact]
    public async Task BadArgumentsRejectRatherThanThrow()
    {
        Serve(Routes);
        var result = await Run("""
            const out = [];
            for (const args of [[], ['relative/path'], ['http://u:p@127.0.0.1/'], ['http://127.0.0.1/', { method: 'TRACE' }],
                                ['http://127.0.0.1/', { headers: { 'bad name': 'x' } }], ['http://127.0.0.1/', { headers: { a: 'x\ny' } }],
                                ['http://127.0.0.1/', { body: 'x' }], ['http://127.0.0.1/', { redirect: 'sometimes' }], ['http://127.0.0.1/', { signal: {} }]]) {
                const p = fetch(...args);
                out.push(p instanceof Promise);
                try { await p; out.push('resolved'); } catch (e) { out.push(e.name + ': ' + e.message); }
            }
            return out.join('\n')
            """);
        Assert.Equal("""
            true
            TypeError: fetch: 1 argument required, but only 0 present.
            true
            TypeError: Failed to construct 'Request': Invalid URL 'relative/path'.
            true
            TypeError: Failed to construct 'Request': Request cannot be constructed from a URL that includes credentials: 'http://u:p@127.0.0.1/'.
            true
            TypeError: Failed to construct 'Request': 'TRACE' HTTP method is unsupported.
            true
            TypeError: Failed to construct 'Request': 'bad name' is not a valid HTTP header name.
            true
            TypeError: Failed to construct 'Request': 'x
            y' is not a valid value for the HTTP header 'a'.
            true
            TypeError: Failed to construct 'Request': Request with GET/HEAD method cannot have body.
            true
            TypeError: Failed to construct 'Request': The provided value 'sometimes' of RequestInit.redirect is not a valid enum value of type RequestRedirect.
            true
            TypeError: Failed to construct 'Request': Member RequestInit.signal is not of type AbortSignal.
            """.ReplaceLineEndings("\n"), result);
        Assert.Empty(Server.Seen);
    }

    [Fact]
    public async Task ResponseHeadersAreImmutableAndBodiesReadOnce()
    {
        Serve(Routes);
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}method');
            let set;
            try { r.headers.set('x', '1'); } catch (e) { set = e.name + ': ' + e.message; }
            const copy = r.clone();
            await r.text();
            let again;
            try { await r.text(); } catch (e) { again = e.name + ': ' + e.message; }
            let clone;
            try { r.clone(); } catch (e) { clone = e.name; }
            return [set, again, clone, await copy.text(), copy.headers.has('content-type')].join('|')
            """);
        Assert.Equal("TypeError: Failed to execute 'set' on 'Headers': Headers are immutable.|TypeError: Failed to execute 'text' on 'Response': The body has already been read.|TypeError|GET:::|true", result);
    }

    [Fact]
    public async Task TamperedBuiltInsDoNotChangeFetch()
    {
        Serve(Routes);
        var result = await Run($$"""
            const then = Promise.prototype.then;
            Promise.prototype.then = function (f, r) { globalThis.thenCalls = (globalThis.thenCalls || 0) + 1; return then.call(this, f, r); };
            Array.prototype.push = function () { throw new Error('push'); };
            Array.prototype.join = function () { throw new Error('join'); };
            Array.prototype[Symbol.iterator] = function () { throw new Error('iterator'); };
            String.prototype.split = function () { throw new Error('split'); };
            String.prototype[Symbol.split] = function () { throw new Error('Symbol.split'); };
            Array.prototype[0] = undefined;
            Object.defineProperty(Array.prototype, '1', { set() { throw new Error('setter'); }, configurable: true });
            String.prototype.indexOf = function () { throw new Error('indexOf'); };
            Map.prototype.get = function () { throw new Error('map get'); };
            Map.prototype.set = function () { throw new Error('map set'); };
            JSON.parse = function () { return { hijacked: true }; };
            Uint8Array.prototype.set = function () { throw new Error('set'); };
            Object.defineProperty = function () { throw new Error('defineProperty'); };
            globalThis.URL = function () { throw new Error('URL'); };
            globalThis.Request = function () { throw new Error('Request'); };
            globalThis.Headers = function () { throw new Error('Headers'); };
            const r = await fetch('{{Server.Root}}json', { method: 'POST', body: 'x', headers: { 'X-A': '1' } });
            const j = await r.json();
            return j.a[2].b + '|' + r.status + '|' + r.headers.get('content-type') + '|' + (globalThis.thenCalls || 0);
            """);
        Assert.Equal("ü|200|application/json|0", result);
    }

    [Fact]
    public async Task TheConnectionsOwnHeadersAreRefused()
    {
        Serve(Routes);
        var result = await Run($$"""
            const out = [];
            for (const headers of [{ Host: 'admin.internal' }, { 'Transfer-Encoding': 'chunked' }, { Connection: 'upgrade' }, { 'Content-Length': '5' }]) {
                try { await fetch('{{Server.Root}}method', { method: 'POST', body: 'abc', headers }); out.push('sent'); }
                catch (e) { out.push(e.name + ': ' + e.message); }
            }
            const r = await fetch('{{Server.Root}}method', { method: 'POST', body: 'abc', headers: { 'Content-Length': '3' } });
            out.push(await r.text());
            return out.join('\n');
            """);
        Assert.Equal("""
            TypeError: fetch: the 'host' header is set by the connection, not by scripts.
            TypeError: fetch: the 'transfer-encoding' header is set by the connection, not by scripts.
            TypeError: fetch: the 'connection' header is set by the connection, not by scripts.
            TypeError: fetch: the 'content-length' header (5) does not match the body's 3 bytes.
            POST:abc:text/plain;charset=UTF-8:
            """, result);
        Assert.Single(Server.Seen);
    }

    [Fact]
    public async Task RelativeUrlsResolveAgainstTheBaseUrl()
    {
        using var server = new LocalHttpServer(Routes);
        Build(new FetchApi(allow: uri => uri.Port == server.Port) { BaseUrl = new Uri(server.Root + "app/page?q#f") });
        var result = await Run("""
            const r = await fetch('../method?x=1');
            const request = new Request('');
            return [r.url, await r.text(), request.url, Response.redirect('/elsewhere').headers.get('location'), new Request('sub').url].join('|');
            """);
        Assert.Equal($"{server.Root}method?x=1|GET:::|{server.Root}app/page?q|{server.Root}elsewhere|{server.Root}app/sub", result);
        Assert.Throws<ArgumentException>(() => new FetchApi { BaseUrl = new Uri("file:///tmp/") });
    }

    [Fact]
    public async Task HeaderValuesAreBytesBothWays()
    {
        Serve(http =>
        {
            var raw = http.Request.Headers["X-Latin"]!;
            http.Response.Headers.Add("X-Echo", raw);
            http.Response.Headers.Add("X-Codes", string.Join(",", raw.Select(c => (int)c)));
            return Task.CompletedTask;
        });
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}', { headers: { 'X-Latin': 'caf\u00e9 \u00ff' } });
            return r.headers.get('x-codes') + '|' + [...r.headers.get('x-echo')].map(c => c.charCodeAt(0)).join(',');
            """);
        // The request's bytes arrive as sent; HttpListener writes the echo in UTF-8, and its bytes come
        // back one character each (é is C3 A9), as Fetch's byte strings are.
        Assert.Equal("99,97,102,233,32,255|99,97,102,195,169,32,195,191", result);
    }
}
