using System.Globalization;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Parity;

/// <summary>
/// Registration-time problems: a type the generator rejects with a diagnostic is rejected by the reflection
/// path with an ArgumentException carrying the same problem text (BindingProblems is shared).
/// </summary>
public class ProblemParityTests
{
    /// <summary>Diagnostic id, and the members of a [HostClass] named Subject that provoke it.</summary>
    public static TheoryData<string, string> ClassCases => new()
    {
        { "V8H0008", "public void Move(ref int x) { }" },
        { "V8H0008", "public bool TryGet(out int value) { value = 1; return true; }" },
        { "V8H0007", "public T Echo<T>(T value) => value;" },
        { "V8H0010", "public int Pick(int value) => value; public double Pick(double value) => value;" },
        { "V8H0005", "public int Size() => 1; [HostName(\"size\")] public int Count { get; } = 2;" },
        { "V8H0005", "public int Value { get; set; } public int value() => 1;" },
        { "V8H0006", "[HostName(\"a-b\")] public int Dashed() => 1;" },
        { "V8H0006", "[HostName(\"1st\")] public int First { get; set; }" },
        { "V8H0009", "public async void Fire() => await Task.Yield();" },
        { "V8H0016", "public Subject() { } public required int Id { get; init; }" },
        { "V8H0008", "public void Move(ref int x) { } public T Echo<T>(T value) => value;" },
    };

    /// <summary>
    /// Problems whose text names a type the paths spell differently: the generator uses Roslyn's
    /// ToDisplayString ('System.IO.Stream', 'int[*,*]', 'int*'), ClrTypeView.Display the bare name ('Stream', 'int[,]', 'Int32*').
    /// </summary>
    public static TheoryData<string, string> TypeDisplayDivergences => new()
    {
        { "V8H0003", "public void Read(System.IO.Stream stream) { }" },
        { "V8H0003", "public void Grid(int[,] cells) { }" },
        { "V8H0004", "public System.IO.Stream Open() => System.IO.Stream.Null;" },
        { "V8H0003", "public unsafe void Poke(int* address) { }" },
    };

    [Theory]
    [MemberData(nameof(TypeDisplayDivergences))]
    public void Class_problem_type_names_are_the_same_on_both_paths(string id, string members) =>
        Class_problem_text_is_the_same_on_both_paths(id, members);

    /// <summary>
    /// [HostFunction] methods taken as delegates: the reflection path names the member after the delegate's
    /// Invoke ('Functions.Invoke'), the generator after the method ('Functions.Read'), because
    /// ReflectionBinding.ForDelegate plans the Invoke method (its Name) with only the parameters taken from the declared method.
    /// </summary>
    public static TheoryData<string, string> FunctionCases => new()
    {
        { "V8H0003", "[HostFunction] public static void Read(System.IO.Stream stream) { }" },
        { "V8H0004", "[HostFunction] public static System.IO.Stream Open() => System.IO.Stream.Null;" },
        { "V8H0008", "[HostFunction] public static void Move(ref int x) { }" },
        { "V8H0003", "[HostFunction] public static void Read(System.IO.Stream stream, ref int x) { }" },
    };

    [Theory]
    [MemberData(nameof(ClassCases))]
    public void Class_problem_text_is_the_same_on_both_paths(string id, string members)
    {
        var (errors, type, loaded) = Compile($"[HostClass] public partial class Subject {{ {members} }}", "Broken.Subject");
        using (loaded)
        {
            Assert.Contains(errors, d => d.Id == id);
            var exception = Assert.Throws<ArgumentException>(() => BindingPaths.Reflected(type));

            Assert.Equal(Expected("The host class Subject", errors), exception.Message);
        }
    }

    [Theory]
    [MemberData(nameof(FunctionCases))]
    public void Function_problem_text_is_the_same_on_both_paths(string id, string members)
    {
        var (errors, type, loaded) = Compile($"public static partial class Functions {{ {members} }}", "Broken.Functions");
        using (loaded)
        {
            var (name, function) = Assert.Single(BindingPaths.FunctionDelegates(type));
            Assert.Contains(errors, d => d.Id == id);
            var exception = Assert.Throws<ArgumentException>(() => new HostProfile().AddFunction(name, function));

            Assert.Equal(Expected($"The host function '{name}'", errors), exception.Message);
        }
    }

    /// <summary>
    /// An async void method taken as a delegate is an Action: ReflectionDeclarations.AddMethod looks for
    /// AsyncStateMachineAttribute on the delegate's Invoke, not on the declared method, so it binds what the
    /// generator rejects (V8H0009), and the method's exceptions escape to the thread pool.
    /// </summary>
    [Fact]
    public void Async_void_function_is_rejected_on_both_paths() =>
        Function_problem_text_is_the_same_on_both_paths("V8H0009", "[HostFunction] public static async void Fire() => await Task.Yield();");

    /// <summary>An unsupported type whose name both paths spell alike: one in the global namespace.</summary>
    [Fact]
    public void Unsupported_parameter_problem_text_is_the_same_on_both_paths()
    {
        const string source = """
            public abstract class Opaque { }
            namespace Broken { [HostClass] public partial class Subject { public void Take(Opaque value) { } } }
            """;
        var (errors, type, loaded) = CompileSource(source, "Broken.Subject");
        using (loaded)
        {
            Assert.Contains(errors, d => d.Id == "V8H0003");
            var exception = Assert.Throws<ArgumentException>(() => BindingPaths.Reflected(type));

            Assert.Equal(Expected("The host class Subject", errors), exception.Message);
        }
    }

    [Fact]
    public void Host_class_name_problem_text_is_the_same_on_both_paths()
    {
        var (errors, type, loaded) = Compile("[HostClass(\"my-class\")] public partial class Subject { public int Move(int x) => x; }", "Broken.Subject");
        using (loaded)
        {
            Assert.Contains(errors, d => d.Id == "V8H0006");
            var exception = Assert.Throws<ArgumentException>(() => BindingPaths.Reflected(type));

            Assert.Equal(Expected("The host class Subject", errors), exception.Message);
        }
    }

    [Fact]
    public void A_clean_type_has_no_problem_on_either_path()
    {
        var (errors, type, loaded) = Compile("[HostClass] public partial class Subject { public int Move(int x) => x; }", "Broken.Subject");
        using (loaded)
        {
            Assert.Empty(errors);
            Assert.Equal("Subject", BindingPaths.Reflected(type).Name);
        }
    }

    /// <summary>The reflection path's message: every error the generator reported, in order, joined as ThrowIfErrors joins them.</summary>
    private static string Expected(string what, IReadOnlyList<Diagnostic> errors) =>
        $"{what} cannot be bound to JavaScript: " + string.Join("; ", errors.Select(d => d.GetMessage(CultureInfo.InvariantCulture))) + ".";

    /// <summary>Runs the generator on <paramref name="declaration"/> and loads the result (generated code must compile even when the generator rejects the type).</summary>
    private static (IReadOnlyList<Diagnostic> Errors, Type Type, LoadedAssembly Loaded) Compile(string declaration, string typeName) =>
        CompileSource("namespace Broken;\n" + declaration, typeName);

    private static (IReadOnlyList<Diagnostic> Errors, Type Type, LoadedAssembly Loaded) CompileSource(string source, string typeName)
    {
        var run = GeneratorHarness.Run(source);
        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var loaded = GeneratorHarness.Load(run);
        return (errors, loaded.TypeNamed(typeName), loaded);
    }
}
