using System.Diagnostics;
using System.Net;

namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// What ends a fetch other than a response: an abort before or during the request, the per-request
/// timeout, a body over the size limit, a refused connection, and disposing the context.
/// </summary>
public sealed class FetchLifetimeTests : FetchContext
{
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Answers /slow with headers at once and then a byte every 50 ms until the client goes away;
    // /huge with `size` bytes, declared or chunked.
    private async Task Slow(HttpListenerContext http)
    {
        var path = http.Request.Url!.AbsolutePath;
        var response = http.Response;
        if (path == "/huge")
        {
            var size = int.Parse(http.Request.QueryString["size"]!, System.Globalization.CultureInfo.InvariantCulture);
            if (http.Request.QueryString["chunked"] == "1")
                response.SendChunked = true;
            else
                response.ContentLength64 = size;
            var block = new byte[64 * 1024];
            for (var sent = 0; sent < size; sent += block.Length)
                await response.OutputStream.WriteAsync(block.AsMemory(0, Math.Min(block.Length, size - sent)));
            return;
        }

        if (path == "/delay")
            await Task.Delay(TimeSpan.FromSeconds(30), Server.Stopping);
        response.SendChunked = true;
        await response.OutputStream.FlushAsync();
        try
        {
            for (var i = 0; i < 600; i++)
            {
                await response.OutputStream.WriteAsync(new byte[] { 0x2E });
                await response.OutputStream.FlushAsync();
                await Task.Delay(50, Server.Stopping);
            }
        }
        catch (Exception) when (!Server.Stopping.IsCancellationRequested)
        {
            _clientGone.TrySetResult();
            throw;
        }
    }

    [Fact]
    public async Task AnAlreadyAbortedSignalRejectsAtOnceWithItsReasonAndSendsNothing()
    {
        Serve(Slow);
        var result = await Run($$"""
            const out = [];
            for (const reason of [undefined, 'custom', { why: 1 }]) {
                const c = new AbortController();
                c.abort(reason);
                try { await fetch('{{Server.Root}}slow', { signal: c.signal }); out.push('resolved'); }
                catch (e) { out.push(e === c.signal.reason, e instanceof DOMException ? e.name : JSON.stringify(e)); }
            }
            return out.join('|')
            """);
        Assert.Equal("true|AbortError|true|\"custom\"|true|{\"why\":1}", result);
        Assert.Empty(Server.Seen);
        Assert.Empty(Allowed);
    }

    [Fact]
    public async Task AnAbortDuringTheResponseRejectsWithTheReasonAndCancelsTheRequest()
    {
        Serve(Slow);
        var watch = Stopwatch.StartNew();
        var result = await Run($$"""
            const c = new AbortController();
            setTimeout(() => c.abort(), 200);
            try { await fetch('{{Server.Root}}delay', { signal: c.signal }); return 'resolved'; }
            catch (e) { return (e === c.signal.reason) + '|' + e.name; }
            """);
        Assert.Equal("true|AbortError", result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"The abort took {watch.Elapsed}.");
    }

    [Fact]
    public async Task AnAbortAfterTheResponseChangesNothing()
    {
        Serve(async http => await LocalHttpServer.Write(http, "done"));
        var result = await Run($$"""
            const c = new AbortController();
            const r = await fetch('{{Server.Root}}', { signal: c.signal });
            c.abort();
            return await r.text() + '|' + r.status;
            """);
        Assert.Equal("done|200", result);
    }

    [Fact]
    public async Task ARequestsSignalFollowsTheInputRequestsSignal()
    {
        Serve(Slow);
        var result = await Run($$"""
            const c = new AbortController();
            const request = new Request('{{Server.Root}}delay', { signal: c.signal });
            const p = fetch(request);
            c.abort('stop');
            try { await p; return 'resolved'; } catch (e) { return e + '|' + request.signal.aborted + '|' + request.signal.reason; }
            """);
        Assert.Equal("stop|true|stop", result);
    }

    [Fact]
    public async Task TheTimeoutRejectsWithATimeoutError()
    {
        Serve(Slow, timeout: TimeSpan.FromMilliseconds(300));
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}delay'); return 'resolved'; }
            catch (e) { return e.name + '|' + e.code + '|' + (e instanceof DOMException) + '|' + e.message; }
            """);
        Assert.Equal($"TimeoutError|23|true|fetch: {Server.Root}delay did not complete within 300 ms.", result);
    }

    [Fact]
    public async Task TheTimeoutCoversTheWholeBody()
    {
        Serve(Slow, timeout: TimeSpan.FromMilliseconds(500));
        var result = await Run($$"""
            try { await fetch('{{Server.Root}}slow'); return 'resolved'; } catch (e) { return e.name; }
            """);
        Assert.Equal("TimeoutError", result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyOverTheLimitIsATypeErrorNotAnOutOfMemory(bool chunked)
    {
        Serve(Slow, maxResponseBytes: 1024 * 1024);
        var result = await Run($$"""
            const out = [];
            const small = await fetch('{{Server.Root}}huge?size=1048576&chunked={{(chunked ? 1 : 0)}}');
            out.push((await small.arrayBuffer()).byteLength);
            try { await fetch('{{Server.Root}}huge?size=1048577&chunked={{(chunked ? 1 : 0)}}'); out.push('resolved'); }
            catch (e) { out.push(e.name + ': ' + e.message); }
            return out.join('|')
            """);
        var declared = chunked ? "." : " (it declares 1048577).";
        Assert.Equal($"1048576|TypeError: fetch: the response body of {Server.Root}huge?size=1048577&chunked={(chunked ? 1 : 0)} exceeds the host's limit of 1048576 bytes{declared}", result);
    }

    [Fact]
    public async Task ALargeBodyArrivesWhole()
    {
        Serve(Slow);
        var result = await Run($$"""
            const r = await fetch('{{Server.Root}}huge?size=33554432');
            const bytes = await r.bytes();
            return bytes.length + '|' + bytes.every(b => b === 0);
            """);
        Assert.Equal("33554432|true", result);
    }

    [Fact]
    public async Task ARefusedConnectionIsATypeErrorNamingTheUrlAndTheReason()
    {
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Build(new FetchApi(allow: _ => true));
        var result = await Run($$"""
            try { await fetch('http://127.0.0.1:{{port}}/x'); return 'resolved'; } catch (e) { return e.name + ': ' + e.message; }
            """);
        Assert.StartsWith($"TypeError: fetch: http://127.0.0.1:{port}/x failed: ", result);
        Assert.Contains("refused", result, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DisposingTheContextCancelsOutstandingRequests()
    {
        Serve(Slow);
        Eval($"globalThis.pending = fetch('{Server.Root}slow')");
        // Let the request reach the server, then dispose while the body is still coming.
        var deadline = DateTime.UtcNow + Generous;
        while (Server.Seen.Count == 0 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Single(Server.Seen);
        Context.Dispose();
        await _clientGone.Task.WaitAsync(Generous);
    }

    [Fact]
    public async Task ManyConcurrentFetchesAllSettle()
    {
        Serve(async http => await LocalHttpServer.Write(http, http.Request.Url!.Query));
        var result = await Run($$"""
            const all = [];
            for (let i = 0; i < 50; i++)
                all.push(fetch('{{Server.Root}}?' + i).then(r => r.text()));
            const texts = await Promise.all(all);
            return texts.join('') === Array.from({ length: 50 }, (_, i) => '?' + i).join('');
            """);
        Assert.Equal("True", result);
    }

    [Fact]
    public async Task ALongLivedSignalSharedByManyFetchesStillAborts()
    {
        Serve(async http => await LocalHttpServer.Write(http, "ok"));
        var result = await Run($$"""
            const c = new AbortController();
            for (let i = 0; i < 100; i++)
                await (await fetch('{{Server.Root}}', { signal: c.signal })).text();
            const requests = Array.from({ length: 1000 }, () => new Request('{{Server.Root}}', { signal: c.signal }));
            c.abort('done');
            let late;
            try { await fetch('{{Server.Root}}', { signal: c.signal }); } catch (e) { late = e; }
            return requests.every(r => r.signal.aborted && r.signal.reason === 'done') + '|' + late;
            """);
        Assert.Equal("true|done", result);
        Assert.Equal(100, Server.Seen.Count);
    }

    [Fact]
    public void OneFetchApiPerContext()
    {
        using var isolate = new Isolate();
        var error = Assert.Throws<InvalidOperationException>(() => isolate.CreateContextBuilder().Install(new FetchApi(), new FetchApi()).Build());
        Assert.Contains("already installed", error.Message);
    }

    [Fact]
    public async Task A64MiBRequestBodyIsSentWhole()
    {
        Serve(async http =>
        {
            long total = 0;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await http.Request.InputStream.ReadAsync(buffer)) > 0)
                total += read;
            await LocalHttpServer.Write(http, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        var result = await Run($$"""
            const bytes = new Uint8Array(64 * 1024 * 1024);
            const r = await fetch('{{Server.Root}}', { method: 'POST', body: bytes });
            const big = new Response('é'.repeat(32 * 1024 * 1024));
            return await r.text() + '|' + (await big.text()).length;
            """);
        Assert.Equal("67108864|33554432", result);
    }
}
