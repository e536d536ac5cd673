using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using V8Host.Analyzers.Conversions;
using V8Host.Analyzers.HostCode;
using V8Host.Analyzers.Lifetime;
using V8Host.Analyzers.Ownership;

namespace V8Host.Analyzers.Tests.Harness;

/// <summary>
/// A small stand-in for Microsoft.CodeAnalysis.Testing: compiles C# source strings against the V8Host
/// runtime and the trusted platform assemblies, asserts they compile, and runs the analyzers through
/// <see cref="CompilationWithAnalyzers"/>.
/// </summary>
public static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(
        new LifetimeAnalyzer(),
        new UndisposedAnalyzer(),
        new StaticHandleAnalyzer(),
        new BlockingInHostCodeAnalyzer(),
        new UnsupportedTypedReadAnalyzer());

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions CompilationOptions(OutputKind kind) =>
        new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true);

    /// <summary>Top-level statements need an executable; everything else compiles as a library.</summary>
    public static OutputKind KindFor(string code) =>
        CSharpSyntaxTree.ParseText(code, ParseOptions).GetCompilationUnitRoot().Members.OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any()
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;

    public static CSharpCompilation Compile(string code, OutputKind? kind = null)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions, path: "Test0.cs");
        var compilation = CSharpCompilation.Create("TestProject", new[] { tree }, References, CompilationOptions(kind ?? KindFor(code)));
        AssertNoCompileErrors(compilation);
        return compilation;
    }

    public static void AssertNoCompileErrors(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
    }

    /// <summary>Analyzer diagnostics (V8H*) of <paramref name="compilation"/>, sorted by position.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, AnalyzerOptions? options = null)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers ?? AllAnalyzers, new CompilationWithAnalyzersOptions(
            options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        var failures = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(failures.Count == 0, "An analyzer threw:\n" + string.Join("\n", failures));
        return all.Where(d => d.Id.StartsWith("V8H", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string code) => await AnalyzeAsync(Compile(code));

    /// <summary>
    /// Checks that exactly the marked spans are reported for <paramref name="ruleId"/> (or the rule in the
    /// markup), each as a Warning, and that no other V8H diagnostic is reported at all.
    /// </summary>
    public static async Task VerifyAsync(string markup, string ruleId)
    {
        var source = TestSource.Parse(markup);
        var diagnostics = await AnalyzeAsync(source.Code);
        var expected = source.Expected.Select(e => (Id: e.Id ?? ruleId, e.Span, e.Text)).OrderBy(e => e.Span.Start).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var actual = diagnostics.Select(d => (d.Id, Span: d.Location.SourceSpan, Text: source.Code.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))).ToList();

        var message = "Expected:\n" + Describe(expected) + "\nActual:\n" + string.Join("\n", diagnostics.Select(d => "  " + d.Id + " '" + source.Code.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) + "' " + d.Location.GetLineSpan().StartLinePosition + ": " + d.GetMessage()));
        Assert.True(expected.SequenceEqual(actual), message);
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Descriptor.DefaultSeverity);
            Assert.True(diagnostic.Descriptor.IsEnabledByDefault);
            Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
        }
    }

    /// <summary>Correct code: no V8H diagnostic at all.</summary>
    public static Task VerifyNoDiagnosticsAsync(string code)
    {
        Assert.DoesNotContain("[|", code);
        return VerifyAsync(code, "none");
    }

    private static string Describe(IEnumerable<(string Id, Microsoft.CodeAnalysis.Text.TextSpan Span, string Text)> items) =>
        string.Join("\n", items.Select(e => "  " + e.Id + " '" + e.Text + "' at " + e.Span));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        paths.Add(typeof(V8Host.Context).Assembly.Location);
        return paths
            .Where(p => !Path.GetFileName(p).StartsWith("V8Host.Analyzers", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("V8Host.Generators", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
