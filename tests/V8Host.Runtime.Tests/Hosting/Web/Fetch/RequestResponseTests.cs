namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// Request and Response without the network: constructor checks and defaults, the Body mixin
/// (each read once, bodyUsed, clone), Response.error/redirect/json, brand checks, hostile inits and
/// tampered built-ins.
/// </summary>
public sealed class RequestResponseTests : FetchContext
{
    public RequestResponseTests() => Build(new FetchApi());

    private async Task<string> Rejection(string code) =>
        await Run($"try {{ await ({code}); return 'resolved'; }} catch (e) {{ return e.name + ': ' + e.message; }}");

    private string Throws(string code) =>
        Eval($"try {{ {code}; 'no error' }} catch (e) {{ e.name + ': ' + e.message }}");

    [Fact]
    public void RequestDefaults()
    {
        Assert.Equal("GET|https://example.com/a?b#c|cors|same-origin|default|follow|about:client||||false|false|half|false|false|0", Eval("""
            const r = new Request('https://EXAMPLE.com/a?b#c');
            [r.method, r.url, r.mode, r.credentials, r.cache, r.redirect, r.referrer, r.referrerPolicy, r.integrity, r.destination,
             r.keepalive, r.bodyUsed, r.duplex, r.isReloadNavigation, r.signal.aborted, [...r.headers].length].join('|')
            """));
    }

    [Fact]
    public void MethodsAreNormalizedOnlyForTheKnownSix()
    {
        Assert.Equal("DELETE|GET|HEAD|OPTIONS|POST|PUT|patch|Custom", Eval("""
            ['delete', 'get', 'head', 'options', 'post', 'Put', 'patch', 'Custom'].map(m => new Request('http://a/', { method: m }).method).join('|')
            """));
    }

    [Theory]
    [InlineData("new Request()", "TypeError: Failed to construct 'Request': 1 argument required, but only 0 present.")]
    [InlineData("new Request('http://a/', { method: 'connect' })", "TypeError: Failed to construct 'Request': 'connect' HTTP method is unsupported.")]
    [InlineData("new Request('http://a/', { method: 'track' })", "TypeError: Failed to construct 'Request': 'track' HTTP method is unsupported.")]
    [InlineData("new Request('http://a/', { method: 'bad method' })", "TypeError: Failed to construct 'Request': 'bad method' is not a valid HTTP method.")]
    [InlineData("new Request('http://a/', { method: 'HEAD', body: '' })", "TypeError: Failed to construct 'Request': Request with GET/HEAD method cannot have body.")]
    [InlineData("new Request('http://a/', { mode: 'navigate' })", "TypeError: Failed to construct 'Request': Cannot construct a Request with a RequestInit whose mode member is set as 'navigate'.")]
    [InlineData("new Request('http://a/', { cache: 'only-if-cached' })", "TypeError: Failed to construct 'Request': 'only-if-cached' can be set only with 'same-origin' mode.")]
    [InlineData("new Request('http://a/', { window: 1 })", "TypeError: Failed to construct 'Request': RequestInit.window can only be null.")]
    [InlineData("new Request('http://a/', { credentials: 'all' })", "TypeError: Failed to construct 'Request': The provided value 'all' of RequestInit.credentials is not a valid enum value of type RequestCredentials.")]
    [InlineData("new Request('http://a/', { referrer: 'not a url' })", "TypeError: Failed to construct 'Request': The referrer 'not a url' is not a valid URL.")]
    [InlineData("new Request('/relative')", "TypeError: Failed to construct 'Request': Invalid URL '/relative'.")]
    [InlineData("new Request('http://a/', 5)", "TypeError: Failed to construct 'Request': The provided value is not of type 'object'.")]
    [InlineData("Object.getOwnPropertyDescriptor(Request.prototype, 'url').get.call({})", "TypeError: Failed to read the 'url' property from 'Request': Illegal invocation")]
    [InlineData("new Response(null, { status: 199 })", "RangeError: Failed to construct 'Response': The status provided (199) is outside the range [200, 599].")]
    [InlineData("new Response(null, { status: 600 })", "RangeError: Failed to construct 'Response': The status provided (600) is outside the range [200, 599].")]
    [InlineData("new Response(null, { statusText: 'a\\nb' })", "TypeError: Failed to construct 'Response': Invalid statusText.")]
    [InlineData("new Response('x', { status: 204 })", "TypeError: Failed to construct 'Response': Response with null body status (204) cannot have body.")]
    [InlineData("new Response(null, { headers: [['a']] })", "TypeError: Failed to construct 'Response': The header pair at index 0 has 1 items; a pair is [name, value].")]
    [InlineData("Response.redirect('http://a/', 200)", "RangeError: Failed to execute 'redirect' on 'Response': Invalid status code 200.")]
    [InlineData("Response.redirect('nope')", "TypeError: Failed to execute 'redirect' on 'Response': Invalid URL 'nope'.")]
    [InlineData("Response.json(undefined)", "TypeError: Failed to execute 'json' on 'Response': The data is not JSON-serializable.")]
    [InlineData("Response.json(1n)", "TypeError: Do not know how to serialize a BigInt")]
    [InlineData("Response.prototype.clone.call(new Request('http://a/'))", "TypeError: Failed to execute 'clone' on 'Response': Illegal invocation")]
    public void BadInputThrowsNamingWhatFailed(string code, string expected)
    {
        Assert.Equal(expected, Throws(code));
    }

    [Fact]
    public void ResponseDefaultsAndStatics()
    {
        Assert.Equal("default|200|true||0|false|;error|0|false|true;302|http://b/x%20y|true;201|application/json", Eval("""
            const r = new Response();
            const e = Response.error();
            const redirect = Response.redirect('http://b/x y');
            let immutable = false;
            try { e.headers.set('a', 'b'); } catch { immutable = true; }
            const json = Response.json({ a: [1] }, { status: 201 });
            [[r.type, r.status, r.ok, r.statusText, [...r.headers].length, r.redirected, r.url].join('|'),
             [e.type, e.status, e.ok, immutable].join('|'),
             [redirect.status, redirect.headers.get('location'), (() => { try { redirect.headers.set('a', 'b'); return false; } catch { return true; } })()].join('|'),
             [json.status, json.headers.get('content-type')].join('|')].join(';')
            """));
    }

    [Fact]
    public async Task BodiesAndTheirContentTypes()
    {
        var result = await Run("""
            const out = [];
            const cases = [['text', 'héllo'], ['bytes', new Uint8Array([1, 2])], ['params', new URLSearchParams({ q: 'a b' })],
                           ['blob', new Blob(['xy'], { type: 'image/PNG' })], ['typeless', new Blob(['z'])], ['number', 42]];
            for (const [name, body] of cases) {
                const r = new Response(body);
                out.push(name + ':' + r.headers.get('content-type') + ':' + Array.from(await r.bytes()).join(','));
            }
            const json = Response.json({ a: 1 });
            out.push((await json.json()).a);
            const blob = await new Response('abc', { headers: { 'Content-Type': 'Text/Plain; Charset=UTF-8' } }).blob();
            out.push(blob.type + ':' + blob.size + ':' + await blob.text());
            const ab = await new Response(new Uint8Array([9, 8, 7]).subarray(1)).arrayBuffer();
            out.push(ab.byteLength + ':' + new Uint8Array(ab).join(','));
            out.push(JSON.stringify(await new Response(new Uint8Array([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x61, 0xFF])).text()));
            return out.join('|');
            """);
        Assert.Equal("text:text/plain;charset=UTF-8:104,195,169,108,108,111|bytes:null:1,2|params:application/x-www-form-urlencoded;charset=UTF-8:113,61,97,43,98"
            + "|blob:image/png:120,121|typeless:null:122|number:text/plain;charset=UTF-8:52,50|1|text/plain; charset=utf-8:3:abc|2:8,7|\"\\uFEFFa\\uFFFD\"".Replace("\\uFEFF", "\uFEFF").Replace("\\uFFFD", "\uFFFD"), result);
    }

    [Fact]
    public async Task EachBodyIsReadOnceAndCloneCopiesIt()
    {
        var result = await Run("""
            const r = new Response('data');
            const c = r.clone();
            const first = await r.text();
            const used = r.bodyUsed;
            let second, json, clone;
            try { await r.arrayBuffer(); } catch (e) { second = e.message; }
            try { await r.json(); } catch (e) { json = e.name; }
            try { r.clone(); } catch (e) { clone = e.message; }
            const empty = new Response(null);
            const emptyTwice = (await empty.text()) + (await empty.text()) + empty.bodyUsed;
            return [first, used, second, json, clone, await c.text(), emptyTwice].join('|');
            """);
        Assert.Equal("data|true|Failed to execute 'arrayBuffer' on 'Response': The body has already been read.|TypeError|Failed to execute 'clone' on 'Response': Response body is already used.|data|false", result);
    }

    [Fact]
    public async Task ARequestTakesItsInputsBodyOver()
    {
        var result = await Run("""
            const a = new Request('http://a/', { method: 'POST', body: 'x', headers: { 'X-H': '1' } });
            const b = new Request(a);
            const out = [a.bodyUsed, b.bodyUsed, b.method, b.headers.get('x-h'), b.headers.get('content-type')];
            let again;
            try { new Request(a); } catch (e) { again = e.message; }
            out.push(again, await b.text());
            const c = new Request(new Request('http://a/', { method: 'PUT', body: 'y' }), { method: 'POST', body: 'z', headers: new Headers({ k: 'v' }) });
            const clone = c.clone();
            out.push(c.method, await c.text(), [...c.headers].join());
            out.push(clone.bodyUsed, clone.method, await clone.text());
            return out.join('|');
            """);
        Assert.Equal("true|false|POST|1|text/plain;charset=UTF-8|Failed to construct 'Request': Cannot construct a Request with a Request object that has already been used.|x|POST|z|content-type,text/plain;charset=UTF-8,k,v|false|POST|z", result);
    }

    [Fact]
    public async Task BodyMethodsOnTheWrongObjectRejectRatherThanThrow()
    {
        Assert.Equal("TypeError: Failed to execute 'text' on 'Request': Illegal invocation", await Rejection("Request.prototype.text.call(new Response('x'))"));
        Assert.Equal("TypeError: Failed to execute 'json' on 'Response': Illegal invocation", await Rejection("Response.prototype.json.call({})"));
        Assert.Equal("SyntaxError", (await Rejection("new Response('{').json()")).Split(':')[0]);
    }

    [Fact]
    public void InitMembersAreReadOnceInLexicographicOrder()
    {
        Assert.Equal("body,cache,credentials,duplex,headers,integrity,keepalive,method,mode,priority,redirect,referrer,referrerPolicy,signal,window|headers,status,statusText", Eval("""
            const read = [];
            const init = new Proxy({}, { get(t, k) { if (typeof k === 'string') read.push(k); return undefined; } });
            new Request('http://a/', init);
            const request = read.join();
            read.length = 0;
            new Response(null, init);
            request + '|' + read.join()
            """));
    }

    [Fact]
    public void TamperedBuiltInsDoNotChangeRequestsAndResponses()
    {
        Assert.Equal("POST|http://a/x|text/plain;charset=UTF-8|404|true", Eval("""
            Array.prototype.push = function () { throw new Error('push'); };
            Array.prototype.indexOf = function () { return -1; };
            Array.prototype[Symbol.iterator] = function () { throw new Error('iterator'); };
            String.prototype.indexOf = function () { return 0; };
            String.prototype.slice = function () { return 'hijacked'; };
            Object.defineProperty = function () { throw new Error('defineProperty'); };
            JSON.stringify = function () { return '"hijacked"'; };
            Object.prototype.get = function () { throw new Error('get'); };
            const r = new Request('http://a/x#f', { method: 'post', body: 'b' });
            const res = new Response(null, { status: 404 });
            const json = Response.json({ a: 1 });
            [r.method, r.url.split('#')[0], r.headers.get('content-type'), res.status, json.headers.get('content-type') === 'application/json'].join('|')
            """));
    }

    [Fact]
    public void BothArgumentsAreConvertedBeforeTheUrlIsParsed()
    {
        Assert.Equal("TypeError: Failed to construct 'Request': The provided value 'x' of RequestInit.mode is not a valid enum value of type RequestMode.",
            Throws("new Request('not a url', { mode: 'x' })"));
    }

    [Fact]
    public void HeadersRequestsAndResponsesAreNotSerializable()
    {
        Assert.Equal("DataCloneError:Headers|DataCloneError:Request|DataCloneError:Response", Eval("""
            [new Headers(), new Request('http://a/'), new Response()].map(v => {
                try { structuredClone(v); return 'cloned'; } catch (e) { return e.name + ':' + e.message.split(' ')[0]; }
            }).join('|')
            """));
    }
}
