using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>Severities are configurable (docs/diagnostics: <c>dotnet_diagnostic.V8H1005.severity = …</c>).</summary>
public sealed class ConfigurationTests
{
    private const string Source = """
        public static class Program
        {
            public static int Run()
            {
                var ctx = new Isolate().CreateContext();
                return ctx.Eval<int>("1");
            }
        }
        """;

    [Fact]
    public async Task Default_severity_is_warning()
    {
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(TestSource.DefaultUsings + Source)));
        Assert.Equal("V8H1005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public async Task Severity_none_in_compilation_options_removes_the_diagnostic()
    {
        var compilation = WithSeverity(AnalyzerHarness.Compile(TestSource.DefaultUsings + Source), "V8H1005", ReportDiagnostic.Suppress);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation));
    }

    [Fact]
    public async Task Severity_error_in_compilation_options_makes_it_an_error()
    {
        var compilation = WithSeverity(AnalyzerHarness.Compile(TestSource.DefaultUsings + Source), "V8H1005", ReportDiagnostic.Error);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(compilation));
        Assert.Equal("V8H1005", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public async Task Other_rules_keep_their_severity_when_one_is_configured()
    {
        var code = TestSource.DefaultUsings + """
            public static class Program
            {
                private static JsObject? s_cache;

                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("1");
                }
            }
            """;
        var compilation = WithSeverity(AnalyzerHarness.Compile(code), "V8H1005", ReportDiagnostic.Suppress);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(compilation));
        Assert.Equal("V8H1006", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("silent", DiagnosticSeverity.Hidden)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public async Task Editorconfig_severity_is_honoured(string severity, DiagnosticSeverity? expected)
    {
        var editorconfig = AnalyzerConfig.Parse($"""
            root = true

            [*.cs]
            dotnet_diagnostic.V8H1005.severity = {severity}
            """, "/src/.editorconfig");
        var configSet = AnalyzerConfigSet.Create(ImmutableArray.Create(editorconfig));
        var treeOptions = configSet.GetOptionsForSourcePath("/src/Program.cs").TreeOptions;

        var tree = CSharpSyntaxTree.ParseText(TestSource.DefaultUsings + Source, AnalyzerHarness.ParseOptions, path: "/src/Program.cs");
        var options = AnalyzerHarness.CompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(new TreeOptionsProvider(tree, treeOptions));
        var compilation = CSharpCompilation.Create("Configured", new[] { tree }, AnalyzerHarness.References, options);
        AnalyzerHarness.AssertNoCompileErrors(compilation);

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        if (expected is null)
        {
            Assert.Empty(diagnostics);
        }
        else
        {
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal("V8H1005", diagnostic.Id);
            Assert.Equal(expected, diagnostic.Severity);
        }
    }

    private static Compilation WithSeverity(Compilation compilation, string id, ReportDiagnostic severity) =>
        compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem(id, severity)));

    /// <summary>What the compiler builds from .editorconfig files: per-tree diagnostic severities.</summary>
    private sealed class TreeOptionsProvider : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly ImmutableDictionary<string, ReportDiagnostic> _options;

        public TreeOptionsProvider(SyntaxTree tree, ImmutableDictionary<string, ReportDiagnostic> options)
        {
            _tree = tree;
            _options = options;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (tree == _tree && _options.TryGetValue(diagnosticId, out severity))
                return true;
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
