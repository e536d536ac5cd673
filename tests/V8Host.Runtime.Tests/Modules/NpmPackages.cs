using System.ComponentModel;
using System.Diagnostics;

namespace V8Host.Tests.Modules;

/// <summary>
/// The packages of tests/npm/package.json, installed with <c>npm ci --ignore-scripts --no-audit --no-fund</c>
/// into tests/npm/.cache (ignored by git) the first time the tests are discovered, and again whenever
/// package-lock.json changes; an installed cache is reused without npm.
/// </summary>
public static class NpmPackages
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(4);
    private static readonly Lazy<(string? Root, string? SkipReason)> s_install = new(Install);

    /// <summary>The folder holding node_modules, or null when the packages could not be installed.</summary>
    public static string? Root => s_install.Value.Root;

    /// <summary>Why the npm tests are skipped, or null when the packages are installed.</summary>
    public static string? SkipReason => s_install.Value.SkipReason;

    private static (string?, string?) Install()
    {
        var source = FindSourceFolder();
        if (source is null)
            return (null, "tests/npm/package.json was not found above the test assembly.");
        var cache = Path.Combine(source, ".cache");
        var lockFile = File.ReadAllText(Path.Combine(source, "package-lock.json"));
        var installedLock = Path.Combine(cache, "node_modules", ".installed-lock.json");
        if (File.Exists(installedLock) && File.ReadAllText(installedLock) == lockFile)
            return (cache, null);

        Directory.CreateDirectory(cache);
        File.Copy(Path.Combine(source, "package.json"), Path.Combine(cache, "package.json"), overwrite: true);
        File.WriteAllText(Path.Combine(cache, "package-lock.json"), lockFile);
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = cache,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Offline, the registry fetch fails in seconds rather than after npm's default five-minute timeout.
        foreach (var arg in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--fetch-timeout=30000", "--fetch-retries=1" })
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception exception)
        {
            return (null, $"npm is not available ({exception.Message}); install Node.js to run the npm compatibility tests.");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(InstallTimeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"npm ci did not finish within {InstallTimeout.TotalMinutes} minutes (no network?).");
            }

            if (process.ExitCode != 0)
                return (null, $"npm ci failed with exit code {process.ExitCode} (offline, or the registry is unreachable): {Tail(error.Result + output.Result)}");
        }

        File.WriteAllText(installedLock, lockFile);
        return (cache, null);
    }

    private static string? FindSourceFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "npm");
            if (File.Exists(Path.Combine(candidate, "package.json")))
                return candidate;
        }

        return null;
    }

    private static string Tail(string text) => text.Length > 600 ? "…" + text[^600..] : text;
}

/// <summary>A test that needs the npm packages: skipped, with the reason, when npm or the network is unavailable.</summary>
public sealed class NpmTheoryAttribute : TheoryAttribute
{
    public NpmTheoryAttribute()
    {
        if (NpmPackages.SkipReason is { } reason)
            Skip = reason;
    }
}

/// <summary>A fact that needs the npm packages: skipped, with the reason, when npm or the network is unavailable.</summary>
public sealed class NpmFactAttribute : FactAttribute
{
    public NpmFactAttribute()
    {
        if (NpmPackages.SkipReason is { } reason)
            Skip = reason;
    }
}
