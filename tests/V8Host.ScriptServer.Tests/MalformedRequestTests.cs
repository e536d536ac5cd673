using System.Net;

namespace V8Host.ScriptServer.Tests;

/// <summary>A request the server cannot run is a 4xx with the same JSON shape, error name RequestError.</summary>
public sealed class MalformedRequestTests(ScriptServerFactory factory) : IClassFixture<ScriptServerFactory>
{
    [Theory]
    [InlineData("{\"script\": ", "not valid JSON")]
    [InlineData("script=1", "not valid JSON")]
    [InlineData("{}", "string property \"script\"")]
    [InlineData("{\"script\": 42}", "string property \"script\"")]
    [InlineData("{\"script\": null}", "string property \"script\"")]
    [InlineData("[\"1 + 1\"]", "string property \"script\"")]
    [InlineData("\"1 + 1\"", "string property \"script\"")]
    public async Task ABodyThatIsNotAScriptRequestIsA400(string body, string expected)
    {
        using var client = factory.CreateClient();
        var reply = await client.PostRawAsync(body);

        reply.AssertError("RequestError", HttpStatusCode.BadRequest);
        Assert.Contains(expected, reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task AScriptPastTheLengthLimitIsA400()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync(new string(' ', 100_001) + "1");

        reply.AssertError("RequestError", HttpStatusCode.BadRequest);
        Assert.Contains("the limit is 100,000", reply.ErrorMessage);
    }

    [Fact]
    public async Task ABodyPastTheSizeLimitIsA413()
    {
        using var client = factory.CreateClient();
        // 200,000 characters, each escaped to 6 bytes: 1.2 MB of JSON.
        var reply = await client.PostRawAsync("{\"script\": \"" + string.Concat(Enumerable.Repeat("\\u0020", 200_000)) + "\"}");

        reply.AssertError("RequestError", HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1,048,576 bytes", reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task ABodyThatIsNotJsonIsA415(string contentType)
    {
        using var client = factory.CreateClient();
        var reply = await client.PostRawAsync("{\"script\": \"1\"}", contentType);

        reply.AssertError("RequestError", HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", reply.ErrorMessage);
    }
}
