using System.Diagnostics;

namespace V8Host.ScriptServer.Tests;

/// <summary>
/// A test that drives Chromium through Playwright: skipped, with the reason, when Debian's chromium is
/// not installed (or CHROMIUM_PATH names none), or when Playwright's bundled driver (the node
/// executable in .playwright next to the tests) cannot start.
/// </summary>
public sealed class PlaywrightFactAttribute : FactAttribute
{
    public static string? Chromium =>
        new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium" }
            .FirstOrDefault(path => !string.IsNullOrEmpty(path) && File.Exists(path));

    public PlaywrightFactAttribute()
    {
        if (Chromium is null)
            Skip = "Chromium is not installed (apt-get install chromium, or set CHROMIUM_PATH): the browser test is skipped.";
        else if (DriverProblem() is { } problem)
            Skip = $"Playwright's driver cannot start ({problem}): the browser test is skipped.";
        Timeout = 300_000;
    }

    private static string? DriverProblem()
    {
        var node = Path.Combine(AppContext.BaseDirectory, ".playwright", "node", "linux-x64", "node");
        if (!OperatingSystem.IsLinux() || !File.Exists(node))
            return $"no driver at {node}";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            if (!process.WaitForExit(30_000))
            {
                process.Kill();
                return "its node did not answer --version within 30 s";
            }

            return process.ExitCode == 0 ? null : $"its node exited with {process.ExitCode}";
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }
}
