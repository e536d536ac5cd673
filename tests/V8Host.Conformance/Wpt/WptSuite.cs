using System.Reflection;
using System.Text.Json;

namespace V8Host.Conformance.Wpt;

/// <summary>One test file of the subset, as manifest.json lists it.</summary>
public sealed record WptTestFile(string Path, string Area, IReadOnlyList<string> Scripts, bool FetchLocal, string Timeout)
{
    /// <summary>WPT's limits: 10 s, 60 s for <c>// META: timeout=long</c>.</summary>
    public TimeSpan Limit => TimeSpan.FromSeconds(Timeout == "long" ? 60 : 10);
}

/// <summary>Node 20's result for one subtest (NODE-RESULTS.json).</summary>
public sealed record NodeSubtest(string Name, bool Passed);

/// <summary>
/// The WPT subset in <c>wpt/</c>: its manifest, its files, and Node's per-subtest results on it.
/// Paths are relative to the subset's root, with forward slashes, as in manifest.json.
/// </summary>
public sealed class WptSuite
{
    private WptSuite(string root, IReadOnlyList<WptTestFile> files, IReadOnlyDictionary<string, IReadOnlyList<NodeSubtest>> node, string nodeVersion)
    {
        Root = root;
        Files = files;
        Node = node;
        NodeVersion = nodeVersion;
    }

    /// <summary>The folder holding manifest.json.</summary>
    public string Root { get; }

    /// <summary>The test files to run, in manifest order.</summary>
    public IReadOnlyList<WptTestFile> Files { get; }

    /// <summary>Node's subtests per test file.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<NodeSubtest>> Node { get; }

    /// <summary>The Node version that produced <see cref="Node"/>.</summary>
    public string NodeVersion { get; }

    /// <summary>The subset next to this project's sources (the path is baked in at build time).</summary>
    public static WptSuite Load() => Load(typeof(WptSuite).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "WptRoot").Value!);

    /// <summary>The subset in <paramref name="root"/>.</summary>
    public static WptSuite Load(string root)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(root, "manifest.json")));
        var files = manifest.RootElement.GetProperty("tests").EnumerateArray().Select(test => new WptTestFile(
            test.GetProperty("path").GetString()!,
            test.GetProperty("area").GetString()!,
            test.GetProperty("scripts").EnumerateArray().Select(script => script.GetString()!).ToArray(),
            test.GetProperty("fetchLocal").GetBoolean(),
            test.GetProperty("timeout").GetString()!)).ToArray();

        using var results = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(root, "NODE-RESULTS.json")));
        var node = results.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            file => file.GetProperty("path").GetString()!,
            file => (IReadOnlyList<NodeSubtest>)file.GetProperty("tests").EnumerateArray()
                .Select(test => new NodeSubtest(test.GetProperty("name").GetString() ?? "", test.GetProperty("status").GetString() == "PASS"))
                .ToArray());
        return new WptSuite(System.IO.Path.GetFullPath(root), files, node, results.RootElement.GetProperty("node").GetString()!);
    }

    /// <summary>The UTF-8 text of a file of the subset, or null when it does not exist or lies outside it.</summary>
    public string? ReadText(string relativePath)
    {
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return null;
        return File.ReadAllText(full);
    }
}
