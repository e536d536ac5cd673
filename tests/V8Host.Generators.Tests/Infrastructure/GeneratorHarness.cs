using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace V8Host.Generators.Tests.Infrastructure;

/// <summary>What one generator run produced.</summary>
/// <param name="Sources">Generated sources by hint name (ordered by hint name).</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported (V8H…, and CS8785 if it threw).</param>
/// <param name="OutputDiagnostics">Diagnostics of the compilation including the generated sources.</param>
public sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorDriverRunResult RunResult,
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics)
{
    /// <summary>Errors of the output compilation (input errors included).</summary>
    public IReadOnlyList<Diagnostic> OutputErrors => OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>The generated source whose hint name contains <paramref name="fragment"/>.</summary>
    public string Source(string fragment) => Sources.Single(s => s.Key.Contains(fragment, StringComparison.Ordinal)).Value;

    /// <summary>Generator diagnostics with <paramref name="id"/>.</summary>
    public IReadOnlyList<Diagnostic> WithId(string id) => GeneratorDiagnostics.Where(d => d.Id == id).ToList();
}

/// <summary>Builds compilations from source strings and runs <see cref="HostBindingsGenerator"/> on them.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        paths.Add(typeof(Context).Assembly.Location);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>Framework references plus V8Host.Runtime.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using V8Host;
        """;

    /// <summary>A compilation of <paramref name="sources"/> (plus global usings), nullable enabled, as a DLL.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation("Test" + Guid.NewGuid().ToString("N"), sources);

    public static CSharpCompilation CreateCompilation(string assemblyName, IEnumerable<string> sources)
    {
        var trees = new[] { GlobalUsings }.Concat(sources)
            .Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: i == 0 ? "GlobalUsings.cs" : $"Source{i}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    /// <summary>A driver with step tracking on (for incremental tests).</summary>
    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new HostBindingsGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Compiles <paramref name="sources"/> and runs the generator once.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results.SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new GeneratorRun(driver, compilation, output, result, sources, generatorDiagnostics, output.GetDiagnostics());
    }

    /// <summary>Emits the output compilation and loads it into a collectible context; throws with the errors if it does not compile.</summary>
    public static LoadedAssembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emitted = run.OutputCompilation.Emit(stream);
        if (!emitted.Success)
            throw new InvalidOperationException("The generated code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("V8Host.Generators.Tests." + run.OutputCompilation.AssemblyName, isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    /// <summary>Runs the generator on <paramref name="sources"/>, asserts a clean result and loads the output.</summary>
    public static LoadedAssembly CompileAndLoad(params string[] sources)
    {
        var run = Run(sources);
        var problems = run.GeneratorDiagnostics.Concat(run.OutputErrors).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Generation reported problems:\n" + string.Join("\n", problems));
        return Load(run);
    }
}

/// <summary>An assembly compiled in memory; disposing unloads it (V8Host.Runtime itself is shared with the test's default context).</summary>
public sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    public Assembly Assembly { get; } = assembly;

    public Type TypeNamed(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>The generated <c>Instance</c> of profile <paramref name="fullName"/>.</summary>
    public HostProfile Profile(string fullName) =>
        (HostProfile)TypeNamed(fullName).GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A context using profile <paramref name="fullName"/>.</summary>
    public Context CreateContext(string profileFullName) =>
        new Isolate().CreateContextBuilder().UseProfile(Profile(profileFullName)).Build();

    public void Dispose() => context.Unload();
}
