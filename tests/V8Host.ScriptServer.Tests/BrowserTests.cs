using Microsoft.Playwright;

namespace V8Host.ScriptServer.Tests;

/// <summary>
/// The page in a real browser: Debian's Chromium driven by Playwright (its driver ships in the
/// package; no browser is downloaded), against the server on a real loopback port. A person's steps:
/// type a script, click Run, read the result and the console; then a script that never ends, then
/// one that works again.
/// </summary>
public sealed class BrowserTests(ServerProcess server) : IClassFixture<ServerProcess>
{
    // The network here is closed: without these, Chromium waits on connections that are refused.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private const float Timeout = 60_000;

    [PlaywrightFact]
    public async Task APersonRunsAScriptSeesItsResultAndConsoleThenAnEndlessLoopFailsCleanly()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = PlaywrightFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = Timeout,
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                pageErrors.Add(message.Text);
        };

        await page.GotoAsync(server.Address.ToString());
        Assert.Equal("V8Host ScriptServer", await page.TitleAsync());

        // A script with console output and markup in its text: shown as text, not as HTML.
        await page.FillAsync("#script", """
            console.log('<b>bold?</b>', 'sum of', [1, 2, 3]);
            console.warn('careful');
            ({ total: [1, 2, 3].reduce((a, b) => a + b), html: '<img src=x onerror=alert(1)>' })
            """);
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Done", new() { Timeout = Timeout });

        var result = await page.Locator("#result").TextContentAsync();
        Assert.Contains("\"total\": 6", result);
        Assert.Contains("\"html\": \"<img src=x onerror=alert(1)>\"", result);
        Assert.Equal(["<b>bold?</b> sum of [ 1, 2, 3 ]", "careful"], await page.Locator("#console li").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("#console b, #result img").CountAsync());
        Assert.Equal("", await page.Locator("#error").TextContentAsync());

        // An endless loop: a clean error on the page, and the button usable again.
        await page.FillAsync("#script", "console.log('looping'); while (true) {}");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("TimeoutError: The script ran longer than 1000 ms", new() { Timeout = Timeout });
        Assert.Equal(["looping"], await page.Locator("#console li").AllTextContentsAsync());
        Assert.Equal("", await page.Locator("#result").TextContentAsync());
        await Assertions.Expect(page.Locator("#run")).ToBeEnabledAsync(new() { Timeout = Timeout });

        // The next script works.
        await page.FillAsync("#script", "'still ' + 'here'");
        await page.ClickAsync("#run");
        await Assertions.Expect(page.Locator("#result")).ToHaveTextAsync("\"still here\"", new() { Timeout = Timeout });
        Assert.Equal("", await page.Locator("#error").TextContentAsync());
        Assert.Empty(await page.Locator("#console li").AllTextContentsAsync());

        if (Environment.GetEnvironmentVariable("V8HOST_SCRIPTSERVER_SCREENSHOT") is { Length: > 0 } path)
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        Assert.Empty(pageErrors);
        Assert.True(server.IsRunning, $"The server process died:\n{server.Output}");
    }
}
