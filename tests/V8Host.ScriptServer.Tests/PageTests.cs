namespace V8Host.ScriptServer.Tests;

/// <summary>GET / serves the one page, offline and safe to show attacker-controlled text in.</summary>
public sealed class PageTests(ScriptServerFactory factory) : IClassFixture<ScriptServerFactory>
{
    [Fact]
    public async Task TheRootServesThePageWithItsTextareaAndRunButton()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<textarea id=\"script\"", html);
        Assert.Contains("<button id=\"run\"", html);
        Assert.Contains("<script src=\"/app.js\"", html);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task ThePageLoadsItsScriptAndStyleFromTheServerItself(string path, string mediaType)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        // Offline: nothing from another origin (no CDN, no web fonts).
        Assert.DoesNotContain("http://", text);
        Assert.DoesNotContain("https://", text);
        // What the page shows is the script's text: it must never be parsed as HTML.
        Assert.DoesNotContain("innerHTML", text);
        Assert.DoesNotContain("outerHTML", text);
        Assert.DoesNotContain("insertAdjacentHTML", text);
    }
}
