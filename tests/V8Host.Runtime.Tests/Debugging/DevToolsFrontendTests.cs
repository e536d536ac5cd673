using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace V8Host.Tests.Debugging;

/// <summary>
/// The real Chrome DevTools front end, in a headless Chromium, attached to a context waiting for a
/// debugger: it connects through the inspector endpoint, lets the script run, and the script stops
/// on its first line. The screenshot of that moment is the one in docs/debugging.md (set
/// V8HOST_DEVTOOLS_SCREENSHOT to a path to write it).
/// </summary>
public sealed class DevToolsFrontendTests
{
    private const string Script = """
        // A pricing rule, as a host application would load it from its plugins folder.
        function discountFor(customer) {
            if (customer.orders > 10) return 0.15;
            return customer.orders > 3 ? 0.05 : 0;
        }

        function price(order, customer) {
            const subtotal = order.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
            return subtotal * (1 - discountFor(customer));
        }

        price({ items: [{ price: 12.5, quantity: 4 }, { price: 3, quantity: 10 }] }, { orders: 12 });
        """;

    [ChromiumFact]
    public void DevToolsAttachesAndTheScriptStopsOnItsFirstLine()
    {
        using var context = new Isolate(new IsolateOptions { EnableInspector = true, WaitForDebugger = true }).CreateContext();
        var run = Task.Run(() => context.Compile(Script, "/srv/app/plugins/pricing.js").Run());

        using var chromium = HeadlessChromium.Start();
        using var page = chromium.OpenPage(context.Inspector.DevToolsUrl);

        // The front end enables the debugger and asks the script to run: it stops on its first line.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!context.Inspector.IsPaused)
        {
            Assert.True(DateTime.UtcNow < deadline, "DevTools did not attach and release the script within 60 s.");
            Thread.Sleep(50);
        }

        Assert.False(run.IsCompleted);

        // Give the front end time to open the paused script, then keep the picture.
        Thread.Sleep(TimeSpan.FromSeconds(4));
        var screenshot = Convert.FromBase64String(page.Call("Page.captureScreenshot", new { format = "png" }).GetProperty("data").GetString()!);
        Assert.True(screenshot.Length > 10_000, "The screenshot is empty.");
        if (Environment.GetEnvironmentVariable("V8HOST_DEVTOOLS_SCREENSHOT") is { Length: > 0 } path)
            File.WriteAllBytes(path, screenshot);

        // Resuming from an in-process session, next to DevTools, finishes the script.
        var (cdp, session) = CdpProbe.Connect(context);
        using (session)
        {
            cdp.Call("Debugger.enable");
            cdp.Call("Debugger.resume");
            Assert.True(run.Wait(CdpProbe.Timeout));
            Assert.Equal(68.0, Convert.ToDouble(run.Result), 6);
        }
    }
}

/// <summary>A test that needs Chromium (Debian's <c>chromium</c>, or CHROMIUM_PATH): skipped, with the reason, without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
            Skip = "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH): the DevTools front-end test is skipped.";
    }
}

/// <summary>A headless Chromium with its remote-debugging port, driven over the DevTools protocol.</summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly int _port;

    private HeadlessChromium(Process process, string profile, int port)
    {
        _process = process;
        _profile = profile;
        _port = port;
    }

    public static string? Executable =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public static HeadlessChromium Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var profile = Directory.CreateTempSubdirectory("v8host-chromium-").FullName;
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--window-size=1400,860", $"--remote-debugging-port={port}",
            $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HeadlessChromium(process, profile, port);
    }

    /// <summary>Opens <paramref name="url"/> in a new tab and returns a protocol client for that tab.</summary>
    public ChromiumPage OpenPage(string url)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        string version;
        while (true)
        {
            try
            {
                version = http.GetStringAsync($"http://127.0.0.1:{_port}/json/version").GetAwaiter().GetResult();
                break;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }

        using var browserInfo = JsonDocument.Parse(version);
        using var browser = WebSocketCdp.Connect(browserInfo.RootElement.GetProperty("webSocketDebuggerUrl").GetString()!);
        var targetId = browser.Probe.Call("Target.createTarget", new { url }).GetProperty("targetId").GetString();
        return new ChromiumPage(WebSocketCdp.Connect($"ws://127.0.0.1:{_port}/devtools/page/{targetId}"));
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed class ChromiumPage(WebSocketCdp connection) : IDisposable
{
    public JsonElement Call(string method, object? parameters = null) => connection.Probe.Call(method, parameters);

    public void Dispose() => connection.Dispose();
}
