using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using V8Host.Generators.Snapshots;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Snapshots;

/// <summary>
/// <see cref="SnapshotAccessorsGenerator"/>: the build properties the targets set become
/// <c>V8Snapshots.&lt;Name&gt;</c>, which compiles and reads the embedded blob back.
/// </summary>
public class SnapshotAccessorsTests
{
    [Fact]
    public void Each_name_becomes_a_property_that_reads_the_embedded_snapshot()
    {
        var run = Run(names: "App,Tools", rootNamespace: "My.Company.App");
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        StartupData blob;
        using (var creator = new SnapshotCreator())
        {
            creator.Eval("globalThis.answer = 6 * 7;");
            creator.AddContext();
            blob = creator.CreateBlob();
        }

        using var stream = new MemoryStream();
        var resources = new[] { "App", "Tools" }.Select(name => new ResourceDescription(SnapshotAccessorsEmitter.ResourceName(name), () => new MemoryStream(blob.ToArray()), isPublic: true));
        Assert.True(run.Output.Emit(stream, manifestResources: resources).Success);
        var context = new AssemblyLoadContext("snapshot-accessors", isCollectible: true);
        try
        {
            stream.Position = 0;
            var type = context.LoadFromStream(stream).GetType("My.Company.App.V8Snapshots", throwOnError: true)!;
            Assert.True(type.IsAbstract && type.IsSealed && !type.IsPublic, "V8Snapshots is an internal static class");
            var app = (StartupData)type.GetProperty("App", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            Assert.Same(app, type.GetProperty("App")!.GetValue(null));
            Assert.NotNull(type.GetProperty("Tools"));
            using var restored = new Isolate(app).CreateContextFromSnapshot();
            Assert.Equal(42, restored.Eval<int>("answer"));
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Keywords_are_escaped_and_non_identifiers_are_reported_not_emitted()
    {
        var run = Run(names: "class, my-app ,1st,Good,Good", rootNamespace: "App");

        Assert.Equal(new[] { "1st", "my-app" }, run.Diagnostics.Where(d => d.Id == "V8H0019").Select(d => d.GetMessage()).Select(m => m.Split('\'')[1]).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var source = Assert.Single(run.Sources);
        Assert.Contains("public static global::V8Host.StartupData @class =>", source);
        Assert.Equal(2, source.Split("StartupData Good =>").Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("My-App")]
    [InlineData("class.Names")]
    public void A_root_namespace_that_is_not_one_puts_the_class_in_the_global_namespace(string rootNamespace)
    {
        var run = Run(names: "App", rootNamespace: rootNamespace);

        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain("namespace ", Assert.Single(run.Sources));
        Assert.NotNull(run.Output.GetTypeByMetadataName("V8Snapshots"));
    }

    [Fact]
    public void No_snapshots_no_source()
    {
        Assert.Empty(Run(names: null, rootNamespace: "App").Sources);
        Assert.Empty(Run(names: " , ", rootNamespace: "App").Sources);
    }

    [Fact]
    public void Editing_code_does_not_rerun_the_snapshot_step()
    {
        var options = new Options(("build_property.V8HostSnapshotNames", "App"), ("build_property.RootNamespace", "App"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SnapshotAccessorsGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("class A { }"));
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("class A { int x; }"));

        Assert.All(Reasons(driver), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"the step ran again: {reason}"));

        // A new snapshot name is what re-runs it.
        driver = driver.WithUpdatedAnalyzerConfigOptions(new Options(("build_property.V8HostSnapshotNames", "App,More"), ("build_property.RootNamespace", "App")));
        driver = driver.RunGenerators(GeneratorHarness.CreateCompilation("class A { int x; }"));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver));

        static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver) =>
            driver.GetRunResult().Results.Single().TrackedSteps[SnapshotAccessorsGenerator.ReadStep].SelectMany(step => step.Outputs).Select(output => output.Reason);
    }

    private static (IReadOnlyList<string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(string? names, string rootNamespace)
    {
        var properties = new List<(string, string)> { ("build_property.RootNamespace", rootNamespace) };
        if (names is not null)
            properties.Add(("build_property.V8HostSnapshotNames", names));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new SnapshotAccessorsGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: new Options(properties.ToArray()));
        driver = driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation("class Program { }"), out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).ToList();
        return (sources, diagnostics, output);
    }

    /// <summary>The global options the build's .editorconfig would give.</summary>
    private sealed class Options : AnalyzerConfigOptionsProvider
    {
        public Options(params (string Key, string Value)[] values) =>
            GlobalOptions = new Values(values.ToDictionary(v => v.Key, v => v.Value));

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values.Empty;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Values Empty = new(new Dictionary<string, string>());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
