using System.Text.Json;
using System.Text.Json.Nodes;

namespace V8Host.ScriptServer.Tests;

/// <summary>POST /run: the completion value as JSON and the console, one entry per call.</summary>
public sealed class RunTests(ScriptServerFactory factory) : IClassFixture<ScriptServerFactory>
{
    [Fact]
    public async Task TheResultAndTheConsoleLinesComeBack()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("""
            console.log('squaring', 3, 'numbers');
            console.warn({ answer: 42 });
            [3, 4, 5].map(x => x * x);
            """);

        reply.AssertSucceeded();
        Assert.Equal("[9,16,25]", reply.Result.GetRawText());
        Assert.Equal(["squaring 3 numbers", "{ answer: 42 }"], reply.Console);
        Assert.Equal(JsonValueKind.Null, reply.Error.ValueKind);
    }

    [Theory]
    [InlineData("1 + 1", "2")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'h\\u00e9llo \"quoted\"'", "\"héllo \\\"quoted\\\"\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("undefined", "null")]
    [InlineData("var x = 1", "null")]
    [InlineData("({ a: [1, { b: null }], c: 'd', u: undefined })", "{\"a\":[1,{\"b\":null}],\"c\":\"d\",\"u\":null}")]
    [InlineData("[, 1]", "[null,1]")]
    [InlineData("new Date(86400000)", "\"1970-01-02T00:00:00.000Z\"")]
    [InlineData("class Point { constructor() { this.x = 1; this.y = 2; } } new Point()", "{\"x\":1,\"y\":2}")]
    [InlineData("2 ** 53 + 2", "9007199254740994")]
    [InlineData("Object.create(null, { k: { value: 1, enumerable: true }, hidden: { value: 2 } })", "{\"k\":1}")]
    public async Task CompletionValuesConvertToJson(string script, string json)
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync(script);

        reply.AssertSucceeded();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(reply.Result.GetRawText())), $"Expected {json}; got {reply.Result.GetRawText()}");
    }

    [Fact]
    public async Task EachConsoleCallIsOneEntryEvenAcrossLines()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("""
            console.log('first\nsecond');
            console.group('outer');
            console.info('inside');
            console.groupEnd();
            console.error(new Error('shown with its stack').message);
            console.table([{ a: 1 }]);
            """);

        reply.AssertSucceeded();
        Assert.Equal(5, reply.Console.Length);
        Assert.Equal("first\nsecond", reply.Console[0]);
        Assert.Equal("outer", reply.Console[1]);
        Assert.Equal("  inside", reply.Console[2]);
        Assert.Equal("shown with its stack", reply.Console[3]);
        Assert.StartsWith("┌", reply.Console[4]);
        Assert.Contains("\n", reply.Console[4]);
    }

    [Fact]
    public async Task ConsoleEntriesPastTheCapAreCountedNotDropped()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("for (let i = 0; i < 1000; i++) console.log(i); 'done'");

        reply.AssertSucceeded();
        Assert.Equal("done", reply.Result.GetString());
        Assert.Equal(201, reply.Console.Length);
        Assert.Equal("199", reply.Console[199]);
        Assert.StartsWith("… 800 more console entries", reply.Console[200]);
    }

    [Fact]
    public async Task AnEntryPastTheCharacterCapIsCutAndSaysSo()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("console.log('x'.repeat(100000)); console.log('after')");

        reply.AssertSucceeded();
        Assert.Equal(64 * 1024, reply.Console[0].IndexOf('…'));
        Assert.EndsWith($"({100_000 - 64 * 1024:N0} more characters dropped)", reply.Console[0]);
        Assert.StartsWith("… 1 more console entry (5 characters) dropped", reply.Console[1]);
    }

    [Fact]
    public async Task ConcurrentRequestsEachGetTheirOwnConsole()
    {
        using var client = factory.CreateClient();
        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.RunAsync($$"""
            console.log('request {{i}} starts');
            let spin = 0; for (let k = 0; k < 20000; k++) spin += k;
            console.log('request {{i}} ends');
            {{i}}
            """)));

        for (var i = 0; i < replies.Length; i++)
        {
            replies[i].AssertSucceeded();
            Assert.Equal(i, replies[i].Result.GetInt32());
            Assert.Equal([$"request {i} starts", $"request {i} ends"], replies[i].Console);
        }
    }
}
