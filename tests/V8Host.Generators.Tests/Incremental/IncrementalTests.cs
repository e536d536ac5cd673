using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using V8Host.Generators.Tests.Infrastructure;
using Steps = V8Host.Generators.HostBindingsGenerator.Steps;

namespace V8Host.Generators.Tests.Incremental;

/// <summary>
/// The pipeline's models are equatable, so edits that do not touch host declarations must leave every
/// tracked step (and the source outputs) Cached or Unchanged; edits to a host declaration must not.
/// </summary>
public class IncrementalTests
{
    private static readonly string[] s_allSteps = { Steps.Naming, Steps.Classes, Steps.Functions, Steps.FunctionSets, Steps.Modules, Steps.Profiles, Steps.Bindings, Steps.TypeScript };

    private const string ClassFile = """
        namespace App;

        [HostClass]
        public partial class Counter
        {
            public int Value { get; set; }

            public void Increment() => Value++;
        }
        """;

    private const string FunctionFile = """
        namespace App;

        public static partial class MathFunctions
        {
            [HostFunction("math.add")]
            public static int Add(int a, int b) => a + b;

            [HostFunction]
            public static string Describe(int value) => "int";

            [HostFunction]
            public static string Describe(string value) => "string";
        }
        """;

    private const string ProfileFile = """
        namespace App;

        [HostProfile(typeof(Counter), typeof(MathFunctions))]
        public partial class AppProfile
        {
            [HostFunction]
            public static string Version() => "1.0";
        }
        """;

    private const string ModuleFile = """
        namespace App;

        [HostModule("text")]
        public static partial class TextModule
        {
            public static string Upper(string value) => value.ToUpperInvariant();
        }
        """;

    private const string UnrelatedFile = """
        namespace App;

        public class Helper
        {
            // A comment.
            public static int Compute(int x) => x + 1;
        }
        """;

    private static (GeneratorRun First, CSharpCompilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.CreateCompilation("Incremental", new[] { ClassFile, FunctionFile, ProfileFile, UnrelatedFile, ModuleFile });
        var first = GeneratorHarness.Run(compilation);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Empty(first.OutputErrors);
        Assert.Equal(6, first.Sources.Count); // three bindings, a module, a profile, the TypeScript declarations
        return (first, compilation);
    }

    private static SyntaxTree Tree(CSharpCompilation compilation, string path) => compilation.SyntaxTrees.Single(t => t.FilePath == path);

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path);

    private static GeneratorRunResult Rerun(GeneratorRun first, CSharpCompilation edited) => GeneratorHarness.Run(edited, first.Driver).RunResult.Results.Single();

    private static void AssertAllStepsCached(GeneratorRunResult result)
    {
        Assert.Null(result.Exception);
        foreach (var name in s_allSteps)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), $"step '{name}' was not tracked; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step '{name}' output {value} was {reason}");
            }
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step '{name}' output {value} was {reason}");
            }
        }
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Rerun_with_the_same_compilation_is_fully_cached()
    {
        var (first, compilation) = FirstRun();
        AssertAllStepsCached(Rerun(first, compilation));
    }

    [Fact]
    public void Adding_an_unrelated_file_keeps_every_step_cached()
    {
        var (first, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(Parse("namespace App; public sealed class Unrelated { public string Name { get; set; } = \"\"; }", "Unrelated.cs"));

        var result = Rerun(first, edited);

        AssertAllStepsCached(result);
        Assert.Equal(6, result.GeneratedSources.Length);
    }

    [Fact]
    public void Changing_a_method_body_in_an_unrelated_file_keeps_every_step_cached()
    {
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source4.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(UnrelatedFile.Replace("x + 1", "x * 2 + 1").Replace("// A comment.", "// Another comment."), old.FilePath));

        AssertAllStepsCached(Rerun(first, edited));
    }

    [Fact]
    public void Removing_an_unrelated_file_keeps_every_step_cached()
    {
        var (first, compilation) = FirstRun();
        var edited = compilation.RemoveSyntaxTrees(Tree(compilation, "Source4.cs"));

        AssertAllStepsCached(Rerun(first, edited));
    }

    [Fact]
    public void Editing_a_method_body_of_a_host_class_keeps_every_step_cached()
    {
        // Bodies are not part of the model (nor are spans before the edit).
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(ClassFile.Replace("Value++;", "Value += 1;"), old.FilePath));

        AssertAllStepsCached(Rerun(first, edited));
    }

    [Fact]
    public void Adding_a_method_to_the_host_class_modifies_the_Classes_step()
    {
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(ClassFile.Replace("public void Increment() => Value++;", "public void Increment() => Value++;\n    public void Reset() => Value = 0;"), old.FilePath));

        var run = GeneratorHarness.Run(edited, first.Driver);
        var result = run.RunResult.Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, Steps.Classes));
        Assert.Contains(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("\"reset\"", run.Source("App.Counter.V8HostClass"));
        // The functions and profiles did not change.
        Assert.All(Reasons(result, Steps.Functions), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, Steps.FunctionSets), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Adding_a_host_function_modifies_the_function_steps()
    {
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source2.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(FunctionFile.Replace("namespace App;", "namespace App;\n") .Replace("    [HostFunction(\"math.add\")]", "    [HostFunction] public static int Negate(int a) => -a;\n\n    [HostFunction(\"math.add\")]"), old.FilePath));

        var result = Rerun(first, edited);

        Assert.Contains(Reasons(result, Steps.Functions), r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, Steps.FunctionSets));
        Assert.All(Reasons(result, Steps.Classes), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Changing_the_naming_policy_modifies_the_Naming_step_and_outputs()
    {
        var (first, compilation) = FirstRun();
        var edited = compilation.AddSyntaxTrees(Parse("[assembly: V8Host.HostNaming(V8Host.HostNamingPolicy.AsDeclared)]", "Naming.cs"));

        var run = GeneratorHarness.Run(edited, first.Driver);
        var result = run.RunResult.Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, Steps.Naming));
        Assert.Contains("\"Increment\"", run.Source("App.Counter.V8HostClass"));
    }

    [Fact]
    public void Moving_a_host_class_within_its_file_re_emits_nothing()
    {
        // Locations change, so parsing reruns; the plan does not, so no source output reruns.
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse("// moved down\n\n\n" + ClassFile, old.FilePath));

        var result = Rerun(first, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, Steps.Classes));
        Assert.All(Reasons(result, Steps.Bindings), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        AssertOutputsCached(result);
    }

    [Fact]
    public void A_diagnostics_only_edit_reports_but_re_emits_nothing()
    {
        // An event is a V8H0012 warning: the plan is the same, only the diagnostics output changes.
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source1.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(ClassFile.Replace("public void Increment() => Value++;", "public void Increment() => Value++;\n\n    public event System.Action? Changed;"), old.FilePath));

        var run = GeneratorHarness.Run(edited, first.Driver);
        var result = run.RunResult.Results.Single();

        Assert.Single(run.WithId("V8H0012"));
        Assert.All(Reasons(result, Steps.Bindings), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, Steps.TypeScript), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Editing_a_host_module_body_keeps_every_step_cached()
    {
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source5.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(ModuleFile.Replace("value.ToUpperInvariant()", "value.ToUpper(System.Globalization.CultureInfo.InvariantCulture)"), old.FilePath));

        AssertAllStepsCached(Rerun(first, edited));
    }

    [Fact]
    public void Adding_a_module_export_modifies_only_the_module()
    {
        var (first, compilation) = FirstRun();
        var old = Tree(compilation, "Source5.cs");
        var edited = compilation.ReplaceSyntaxTree(old, Parse(ModuleFile.Replace("public static string Upper", "public static string Lower(string value) => value.ToLowerInvariant();\n\n    public static string Upper"), old.FilePath));

        var run = GeneratorHarness.Run(edited, first.Driver);
        var result = run.RunResult.Results.Single();

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, Steps.Modules));
        Assert.Contains("export function lower(value: string): string;", run.Source("V8Host.TypeScript"));
        Assert.All(Reasons(result, Steps.Classes), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(result, Steps.FunctionSets), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    private static void AssertOutputsCached(GeneratorRunResult result)
    {
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            foreach (var step in steps)
            {
                foreach (var (value, reason) in step.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output step '{name}' output {value} was {reason}");
            }
        }
    }
}
