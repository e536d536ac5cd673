using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace V8Host.ScriptServer.Tests;

/// <summary>POST /run from a test: the status and the parsed body, whatever the server answered.</summary>
internal static class ScriptServerClient
{
    public static Task<RunReply> RunAsync(this HttpClient client, string script) =>
        client.PostRawAsync(JsonSerializer.Serialize(new { script }));

    public static async Task<RunReply> PostRawAsync(this HttpClient client, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync("/run", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"POST /run answered {(int)response.StatusCode} with {response.Content.Headers.ContentType}: {text}");
        return new RunReply(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>After any failure, the server still runs the next script.</summary>
    public static async Task AssertNextWorksAsync(this HttpClient client)
    {
        var reply = await client.RunAsync("console.log('next'); 6 * 7");
        reply.AssertSucceeded();
        Assert.Equal(42, reply.Result.GetInt32());
        Assert.Equal(["next"], reply.Console);
    }
}

/// <summary>One answer of POST /run: <c>{"result", "console", "error"}</c>.</summary>
internal sealed record RunReply(HttpStatusCode Status, JsonElement Body, string Text)
{
    public JsonElement Result => Body.GetProperty("result");

    public string[] Console => Body.GetProperty("console").EnumerateArray().Select(line => line.GetString()!).ToArray();

    public JsonElement Error => Body.GetProperty("error");

    public string? ErrorName => Error.ValueKind == JsonValueKind.Null ? null : Error.GetProperty("name").GetString();

    public string ErrorMessage => Error.GetProperty("message").GetString()!;

    public int? ErrorLine => Error.GetProperty("line") is { ValueKind: JsonValueKind.Number } line ? line.GetInt32() : null;

    public void AssertSucceeded()
    {
        Assert.True(Status == HttpStatusCode.OK && ErrorName is null, $"Expected a result; got {(int)Status}: {Text}");
    }

    /// <summary>A clean error: HTTP 200 (a script's failure is not the request's), the name, no result.</summary>
    public void AssertError(string name, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(Status == status && ErrorName == name, $"Expected {(int)status} with error {name}; got {(int)Status}: {Text}");
        Assert.Equal(JsonValueKind.Null, Result.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(ErrorMessage));
    }
}
