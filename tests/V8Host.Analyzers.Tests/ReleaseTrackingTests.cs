using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Tests;

/// <summary>
/// AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md (Roslyn release tracking) list every rule
/// exactly once, with the category and default severity the descriptor has.
/// </summary>
public sealed class ReleaseTrackingTests
{
    private static readonly Regex s_row = new(@"^(?<id>V8H\d{4})\s*\|\s*(?<category>[^|]+?)\s*\|\s*(?<severity>[^|]+?)\s*\|", RegexOptions.Multiline);

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static List<(string Id, string Category, string Severity, string File)> Rows()
    {
        var rows = new List<(string, string, string, string)>();
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "Analyzers", file));
            rows.AddRange(s_row.Matches(text).Select(m => (m.Groups["id"].Value, m.Groups["category"].Value, m.Groups["severity"].Value, file)));
        }

        return rows;
    }

    [Fact]
    public void Every_rule_is_listed_exactly_once()
    {
        var listed = Rows().Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(AllDescriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal), listed);
    }

    [Fact]
    public void Listed_category_and_severity_match_the_descriptor()
    {
        var rows = Rows().ToDictionary(r => r.Id);
        foreach (var descriptor in AllDescriptors())
        {
            var row = rows[descriptor.Id];
            Assert.Equal(descriptor.Category, row.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
        }
    }

    [Fact]
    public void Rules_added_by_this_release_are_unshipped()
    {
        var rows = Rows().ToDictionary(r => r.Id);
        Assert.Equal("AnalyzerReleases.Unshipped.md", rows["V8H1009"].File);
        Assert.Equal("AnalyzerReleases.Unshipped.md", rows["V8H1010"].File);
        Assert.Equal("AnalyzerReleases.Shipped.md", rows["V8H1001"].File);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Toolkit.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
