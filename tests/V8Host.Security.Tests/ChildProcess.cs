using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace V8Host.Security.Tests;

/// <summary>What a scenario child printed and how it ended.</summary>
public sealed class ChildResult
{
    public required string Arguments { get; init; }

    public required int ExitCode { get; init; }

    public required bool TimedOut { get; init; }

    public required string Stdout { get; init; }

    public required string Stderr { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>`RESULT name outcome` lines: name → outcome (the rest of the line).</summary>
    public IReadOnlyDictionary<string, string> Results => Stdout.Split('\n')
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.StartsWith("RESULT ", StringComparison.Ordinal))
        .Select(line => line["RESULT ".Length..].Split(' ', 2))
        .GroupBy(parts => parts[0])
        .ToDictionary(group => group.Key, group => group.Last().Length > 1 ? group.Last()[1] : "");

    public string Describe() =>
        $"`dotnet V8Host.Security.Attacks.dll {Arguments}` {(TimedOut ? "TIMED OUT (killed)" : $"exited with {ExitCode}")} after {Elapsed.TotalSeconds:F1} s\n--- stdout ---\n{Tail(Stdout)}\n--- stderr ---\n{Tail(Stderr)}";

    /// <summary>The process completed: exit code 0 (a crash, abort or SIGABRT fails here with the child's output).</summary>
    public ChildResult AssertCompleted()
    {
        Assert.False(TimedOut, "The scenario timed out.\n" + Describe());
        Assert.True(ExitCode == 0, "The scenario process did not complete (crash/abort).\n" + Describe());
        return this;
    }

    /// <summary>Asserts one `RESULT name expected` line.</summary>
    public ChildResult AssertResult(string name, params string[] expected)
    {
        Assert.True(Results.TryGetValue(name, out var outcome), $"No RESULT line for {name}.\n" + Describe());
        Assert.True(expected.Contains(outcome), $"RESULT {name}: expected {string.Join(" or ", expected)}, got '{outcome}'.\n" + Describe());
        return this;
    }

    public string Line(string prefix) => Stdout.Split('\n').Select(line => line.TrimEnd('\r')).LastOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No line starting with '{prefix}'.\n" + Describe());

    private static string Tail(string text) => text.Length > 12_000 ? "…" + text[^12_000..] : text;
}

/// <summary>Launches the prebuilt V8Host.Security.Attacks dll with one scenario.</summary>
public static class ChildProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    private static readonly Lazy<string> s_attacksDll = new(FindAttacksDll);

    /// <summary>Runs one scenario and asserts it completed (exit code 0).</summary>
    public static ChildResult Completed(params string[] args) => Run(DefaultTimeout, args).AssertCompleted();

    public static ChildResult Run(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(DotNetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(s_attacksDll.Value);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // No crash dumps from aborting children; keep them quiet and small.
        start.Environment["DOTNET_DbgEnableMiniDump"] = "0";

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            process.WaitForExit(10_000);
        }
        else
        {
            process.WaitForExit(); // drains the redirected streams
        }

        lock (stdout)
        lock (stderr)
        {
            return new ChildResult
            {
                Arguments = string.Join(' ', args),
                ExitCode = exited ? process.ExitCode : -1,
                TimedOut = !exited,
                Stdout = stdout.ToString(),
                Stderr = stderr.ToString(),
                Elapsed = watch.Elapsed,
            };
        }
    }

    private static string DotNetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return current;
        return "dotnet";
    }

    private static string FindAttacksDll()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("V8HOST_ATTACKS_DLL") is { Length: > 0 } overridden)
            candidates.Add(overridden);
        if (typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "V8Host.Security.Attacks")?.Value is { Length: > 0 } recorded)
            candidates.Add(recorded);

        // Fallback: the sibling project's bin folder for this build's configuration (bin/<Configuration>/<tfm>/).
        var here = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var tfm = Path.GetFileName(here);
        var configuration = Path.GetFileName(Path.GetDirectoryName(here)!);
        var project = Path.GetFullPath(Path.Combine(here, "..", "..", "..", ".."));
        candidates.Add(Path.Combine(project, "V8Host.Security.Attacks", "bin", configuration, tfm, "V8Host.Security.Attacks.dll"));

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("V8Host.Security.Attacks.dll was not found; build tests/V8Host.Security.Attacks first. Looked at: " + string.Join(", ", candidates));
    }
}
