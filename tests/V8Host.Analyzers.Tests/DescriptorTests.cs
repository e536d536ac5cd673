using System.Reflection;
using Microsoft.CodeAnalysis;
using V8Host.Analyzers.Diagnostics;
using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>Every rule: warning by default, enabled, a help link to its page, and the page exists.</summary>
public sealed class DescriptorTests
{
    private static readonly string[] s_ids = { "V8H1001", "V8H1002", "V8H1003", "V8H1004", "V8H1005", "V8H1006", "V8H1007", "V8H1008", "V8H1009", "V8H1010" };

    public static TheoryData<string> Ids() => new(s_ids);

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static DiagnosticDescriptor Descriptor(string id) => Assert.Single(AllDescriptors(), d => d.Id == id);

    [Fact]
    public void Descriptors_are_exactly_V8H1001_to_V8H1010()
    {
        Assert.Equal(s_ids, AllDescriptors().Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Analyzers_support_every_descriptor_exactly_once()
    {
        var supported = AnalyzerHarness.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(s_ids, supported);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_is_an_enabled_warning_with_title_and_message(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Category));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_to_the_rule_page(string id)
    {
        var descriptor = Descriptor(id);
        Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out _), descriptor.HelpLinkUri);
        Assert.EndsWith("/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Documentation_page_exists_and_names_the_rule(string id)
    {
        var page = Path.Combine(RepositoryRoot(), "docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), "Missing documentation page " + page);
        var text = File.ReadAllText(page);
        Assert.Contains(id, text);
        Assert.Contains(Descriptor(id).Title.ToString(), text);
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
