using System.Diagnostics;

namespace V8Host.Package.Tests;

/// <summary>Runs the real `dotnet` CLI, as a user would, with its own NuGet package folder.</summary>
internal sealed class DotNetCli
{
    private readonly string? _packagesFolder;

    /// <param name="packagesFolder">A private NuGet package folder, or null to use the machine's (for building the repository itself: its obj/ assets are shared with the test run).</param>
    public DotNetCli(string? packagesFolder) => _packagesFolder = packagesFolder;

    /// <summary>Runs dotnet and returns its output; a non-zero exit code throws with the output.</summary>
    public string Run(string workingDirectory, params string[] arguments)
    {
        var (exitCode, text) = RunAllowingFailure(workingDirectory, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed with exit code {exitCode}:\n{text}");
        return text;
    }

    /// <summary>Runs dotnet and returns its exit code and output (for the builds that are meant to fail).</summary>
    public (int ExitCode, string Output) RunAllowingFailure(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        // A private package folder: a stale global cache cannot hide a broken package.
        if (_packagesFolder is not null)
            start.Environment["NUGET_PACKAGES"] = _packagesFolder;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 10 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
