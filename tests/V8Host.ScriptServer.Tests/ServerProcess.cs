using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace V8Host.ScriptServer.Tests;

/// <summary>
/// The sample as its own process on a loopback port (ASPNETCORE_URLS=http://127.0.0.1:0, the bound
/// address read from its log): what a script does to that process cannot take the test host down, and
/// a browser can reach it.
/// </summary>
public sealed partial class ServerProcess : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Whether the server process is still running (a crash shows here).</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The server's console output so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public async Task InitializeAsync()
    {
        // The sample's build output is copied next to the tests (a project reference to an app).
        var app = Path.Combine(AppContext.BaseDirectory, "ScriptServer.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { app },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, line) => Record(line.Data, listening);
        _process.ErrorDataReceived += (_, line) => Record(line.Data, listening);
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The ScriptServer process exited before listening:\n{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        Address = await listening.Task.WaitAsync(StartTimeout);
    }

    private void Record(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
            listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
