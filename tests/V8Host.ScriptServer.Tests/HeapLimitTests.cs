using System.Text.Json;

namespace V8Host.ScriptServer.Tests;

/// <summary>
/// Scripts that allocate until the heap limit, against the server in its own process: each ends in a
/// clean HeapLimitError, the process stays up, and the next script runs. (With V8's JIT on, the
/// push-loop bombs run past the limit and every termination, docs/runtime.md "Known gap": the sample
/// turns the JIT off, and these tests would fail, not crash the test host, if it did not.)
/// </summary>
public sealed class HeapLimitTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    // Bombs that reach 64 MiB in well under the script's second, even on a busy machine.
    [Theory]
    [InlineData("let a = []; while (true) a.push(new Array(1e6).fill(1))")]
    [InlineData("let a = []; while (true) a.push(new Array(1000).fill(0))")]
    public async Task AHeapBombIsAHeapLimitErrorAndTheServerLivesOn(string script)
    {
        using var client = server.CreateClient();
        var reply = await client.RunAsync("console.log('allocating'); " + script);

        Assert.True(server.IsRunning, $"The server process died:\n{server.Output}");
        reply.AssertError("HeapLimitError");
        Assert.Contains("64 MiB", reply.ErrorMessage);
        Assert.Equal(["allocating"], reply.Console);
        await client.AssertNextWorksAsync();
    }

    // Bombs that allocate slowly enough that the time limit may come first: either way a clean error.
    [Theory]
    [InlineData("const keep = []; while (true) keep.push({ n: keep.length, text: 'x' + keep.length })")]
    [InlineData("let s = 'ab'; const parts = []; while (true) { parts.push(s); s = s + s.length; }")]
    [InlineData("new Array(5e7).fill(0).map(x => ({ x }))")]
    [InlineData("new Array(3e7).fill(1.5)")]
    [InlineData("const keep = []; while (true) keep.push('x'.repeat(1 << 20) + keep.length)")]
    public async Task ASlowHeapBombEndsAtTheHeapOrTheTimeLimit(string script)
    {
        using var client = server.CreateClient();
        var reply = await client.RunAsync(script);

        Assert.True(server.IsRunning, $"The server process died:\n{server.Output}");
        Assert.Contains(reply.ErrorName, new[] { "HeapLimitError", "TimeoutError" });
        Assert.Equal(JsonValueKind.Null, reply.Result.ValueKind);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task AHeapBombInTheResultsGetterIsAHeapLimitError()
    {
        using var client = server.CreateClient();
        var reply = await client.RunAsync("({ get big() { const a = []; while (true) a.push(new Array(1e6).fill(0)); } })");

        Assert.True(server.IsRunning, $"The server process died:\n{server.Output}");
        reply.AssertError("HeapLimitError");
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task ConcurrentBombsAndOrdinaryScriptsEachGetTheirOwnAnswer()
    {
        using var client = server.CreateClient();
        var bombs = Enumerable.Range(0, 3).Select(_ => client.RunAsync("let a = []; while (true) a.push(new Array(1e6).fill(1))"));
        var ordinary = Enumerable.Range(0, 6).Select(i => client.RunAsync($"console.log({i}); {i} * 2"));
        var replies = await Task.WhenAll(bombs.Concat(ordinary));

        Assert.True(server.IsRunning, $"The server process died:\n{server.Output}");
        // Three bombs on two cores may reach the time limit before the heap limit: either is clean.
        foreach (var reply in replies.Take(3))
        {
            Assert.Contains(reply.ErrorName, new[] { "HeapLimitError", "TimeoutError" });
            Assert.Equal(JsonValueKind.Null, reply.Result.ValueKind);
        }
        for (var i = 0; i < 6; i++)
        {
            replies[3 + i].AssertSucceeded();
            Assert.Equal(i * 2, replies[3 + i].Result.GetInt32());
            Assert.Equal([$"{i}"], replies[3 + i].Console);
        }
    }
}
