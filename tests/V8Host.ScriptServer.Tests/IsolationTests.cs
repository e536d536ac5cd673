using Microsoft.Extensions.DependencyInjection;
using ScriptServer;

namespace V8Host.ScriptServer.Tests;

/// <summary>
/// With one context for every request, what a script changes is gone for the next one: the pool resets
/// the globals or replaces the context. And the server's own work (the result's conversion) does not
/// go through anything a script can replace.
/// </summary>
public sealed class IsolationTests(SingleContextFactory factory) : IClassFixture<SingleContextFactory>
{
    private const string Probe = "[typeof leaked, typeof declared, typeof later, JSON.stringify([1]), typeof [].map, Object.prototype.polluted ?? 'clean', String(globalThis.console === undefined)]";
    private const string Clean = "[\"undefined\",\"undefined\",\"undefined\",\"[1]\",\"function\",\"clean\",\"false\"]";

    [Fact]
    public void TheServerRunsOneContext()
    {
        Assert.Equal(1, factory.Services.GetRequiredService<ScriptServerOptions>().PoolSize);
    }

    [Theory]
    [InlineData("globalThis.leaked = 'yes'; 1")]
    [InlineData("var declared = 1; function later() {} 1")]
    [InlineData("let leaked = 1; const declared = 2; 1")]
    [InlineData("JSON.stringify = () => 'pwned'; Array.prototype.map = null; 1")]
    [InlineData("Object.prototype.polluted = 'yes'; 1")]
    [InlineData("delete globalThis.console; 1")]
    [InlineData("Object.defineProperty(globalThis, 'leaked', { value: 1 }); 1")]
    public async Task WhatOneScriptLeavesTheNextDoesNotSee(string script)
    {
        using var client = factory.CreateClient();
        var before = await client.RunAsync(Probe);
        before.AssertSucceeded();
        Assert.Equal(Clean, before.Result.GetRawText());

        (await client.RunAsync(script)).AssertSucceeded();

        var after = await client.RunAsync(Probe);
        after.AssertSucceeded();
        Assert.Equal(Clean, after.Result.GetRawText());
    }

    [Fact]
    public async Task ReplacedBuiltInsDoNotChangeTheResultOrTheConsole()
    {
        using var client = factory.CreateClient();
        // A pooled context's built-ins are frozen: each attempt fails (silently, or with a TypeError).
        var reply = await client.RunAsync("""
            const attempts = [
                () => { JSON.stringify = () => '"pwned"'; },
                () => { Object.keys = () => ['pwned']; },
                () => { Array.prototype[Symbol.iterator] = function* () { yield 'pwned'; }; },
                () => { Object.prototype.toJSON = () => 'pwned'; },
                () => { Object.defineProperty(Object.prototype, 'injected', { get() { while (true) {} }, enumerable: true }); },
            ];
            for (const attempt of attempts) { try { attempt(); } catch (error) { if (!(error instanceof TypeError)) throw error; } }
            console.log([1, 2], { a: 1 });
            ({ list: [1, 2], text: 'kept' })
            """);

        reply.AssertSucceeded();
        Assert.Equal("{\"list\":[1,2],\"text\":\"kept\"}", reply.Result.GetRawText());
        Assert.Equal(["[ 1, 2 ] { a: 1 }"], reply.Console);
        await client.AssertNextWorksAsync();
    }
}

/// <summary>The server's second mode (ScriptServer:ContextPerRequest): the same answers from a context made per request.</summary>
public sealed class ContextPerRequestTests(ContextPerRequestFactory factory) : IClassFixture<ContextPerRequestFactory>
{
    [Fact]
    public async Task ScriptsRunWithTheirConsoleAndLeaveNothingBehind()
    {
        Assert.True(factory.Services.GetRequiredService<ScriptServerOptions>().ContextPerRequest);
        using var client = factory.CreateClient();

        var first = await client.RunAsync("console.log('one'); globalThis.leaked = 1; var declared = 2; [1, 2]");
        first.AssertSucceeded();
        Assert.Equal("[1,2]", first.Result.GetRawText());
        Assert.Equal(["one"], first.Console);

        var second = await client.RunAsync("[typeof leaked, typeof declared]");
        Assert.Equal("[\"undefined\",\"undefined\"]", second.Result.GetRawText());

        (await client.RunAsync("while (true) {}")).AssertError("TimeoutError");
        await client.AssertNextWorksAsync();
    }
}
