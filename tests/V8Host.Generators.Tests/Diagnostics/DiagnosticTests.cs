using Microsoft.CodeAnalysis;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Diagnostics;

/// <summary>
/// Every descriptor in <see cref="Descriptors"/>: the right ID and severity, on a location that covers
/// the offending declaration; and realistic correct code stays silent and compiles.
/// </summary>
public class DiagnosticTests
{
    // ---------------------------------------------------------------- helpers

    /// <summary>Runs the generator and returns the single diagnostic <paramref name="id"/>, checking severity and location.</summary>
    private static Diagnostic Single(string id, string source, string locatedText)
    {
        var run = GeneratorHarness.Run(source);
        var matches = run.WithId(id);
        Assert.True(matches.Count == 1, $"expected one {id}, got: [{string.Join(" | ", run.GeneratorDiagnostics)}]");
        return AssertDiagnostic(run, matches[0], id, locatedText);
    }

    private static Diagnostic AssertDiagnostic(GeneratorRun run, Diagnostic diagnostic, string id, string locatedText)
    {
        var descriptor = Descriptors.ById(id);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(descriptor.DefaultSeverity, diagnostic.Severity);
        Assert.Equal(descriptor.DefaultSeverity, diagnostic.Descriptor.DefaultSeverity);
        Assert.Contains(locatedText, LocatedText(run, diagnostic));
        return diagnostic;
    }

    /// <summary>The source text a diagnostic points at (generator locations are file+span, resolved against the input trees).</summary>
    private static string LocatedText(GeneratorRun run, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        Assert.NotEqual(Location.None, location);
        var path = location.GetLineSpan().Path;
        var tree = location.SourceTree ?? run.InputCompilation.SyntaxTrees.Single(t => t.FilePath == path);
        Assert.True(location.SourceSpan.Length > 0, $"{diagnostic.Id} has an empty span");
        var text = tree.GetText().ToString(location.SourceSpan);
        // The line span must agree with the text span.
        Assert.Equal(tree.GetLineSpan(location.SourceSpan).Span, location.GetLineSpan().Span);
        return text;
    }

    /// <summary>No generator diagnostics, generated sources present, and the output compiles without errors.</summary>
    private static GeneratorRun AssertClean(params string[] sources)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, "generator diagnostics: " + string.Join(" | ", run.GeneratorDiagnostics));
        Assert.True(run.OutputErrors.Count == 0, "output errors: " + string.Join("\n", run.OutputErrors));
        Assert.NotEmpty(run.Sources);
        return run;
    }

    private static string MessageOf(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- coverage

    [Fact]
    public void Every_descriptor_is_well_formed_and_tested()
    {
        var tested = new[]
        {
            "V8H0001", "V8H0002", "V8H0003", "V8H0004", "V8H0005", "V8H0006", "V8H0007", "V8H0008", "V8H0009",
            "V8H0010", "V8H0011", "V8H0012", "V8H0013", "V8H0014", "V8H0015", "V8H0016", "V8H0017", "V8H0018", "V8H0099",
            "V8H0019", // Snapshots/SnapshotAccessorsTests
        };
        Assert.Equal(tested.OrderBy(x => x), Descriptors.All.Select(d => d.Id).OrderBy(x => x));
        foreach (var descriptor in Descriptors.All)
        {
            Assert.Equal("V8Host.Bindings", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.EndsWith(descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.Equal(descriptor.Id == "V8H0012" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, descriptor.DefaultSeverity);

            // The same words the run-time path throws (the shared problem table).
            var shared = V8Host.Shared.Binding.BindingProblems.ById(descriptor.Id);
            Assert.Equal(shared.Message, descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(shared.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(shared.Severity == V8Host.Shared.Binding.ProblemSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        }

        Assert.Equal(V8Host.Shared.Binding.BindingProblems.All.Select(p => p.Id).OrderBy(x => x), Descriptors.All.Select(d => d.Id).OrderBy(x => x));
    }

    // ---------------------------------------------------------------- V8H0001 type not partial

    [Fact]
    public void V8H0001_host_class_not_partial()
    {
        var d = Single("V8H0001", "namespace App; [HostClass] public class Counter { public int Value { get; set; } }", "Counter");
        Assert.Contains("'App.Counter' must be declared partial", MessageOf(d));
    }

    [Fact]
    public void V8H0001_containing_type_not_partial()
    {
        var d = Single("V8H0001", "namespace App; public class Outer { [HostClass] public partial class Inner { public int Value { get; set; } } }", "Inner");
        Assert.Contains("'App.Outer.Inner'", MessageOf(d));
    }

    [Fact]
    public void V8H0001_function_class_not_partial()
    {
        // Reported once, at the type, however many [HostFunction]s it has.
        Single("V8H0001", "public static class Funcs { [HostFunction] public static int Twice(int x) => x * 2; [HostFunction] public static int Thrice(int x) => x * 3; }", "Funcs");
    }

    [Fact]
    public void V8H0001_function_class_in_non_partial_container()
    {
        Single("V8H0001", "public class Outer { public static partial class Funcs { [HostFunction] public static int Twice(int x) => x * 2; } }", "Funcs");
    }

    [Fact]
    public void V8H0001_profile_not_partial()
    {
        // Reported once, by the profile, not again for its own [HostFunction] set.
        var run = GeneratorHarness.Run("[HostProfile] public class AppProfile { [HostFunction] public static string Version() => \"1\"; }");
        AssertDiagnostic(run, Assert.Single(run.WithId("V8H0001")), "V8H0001", "AppProfile");
        Assert.Empty(run.Sources);
    }

    // ---------------------------------------------------------------- V8H0002 instance [HostFunction]

    [Fact]
    public void V8H0002_instance_host_function_outside_host_class()
    {
        var d = Single("V8H0002", "public partial class Service { [HostFunction] public int Compute(int x) => x; }", "Compute");
        Assert.Contains("'Service.Compute'", MessageOf(d));
    }

    [Fact]
    public void V8H0002_not_reported_for_instance_method_of_host_class()
    {
        AssertClean("[HostClass] public partial class Service { [HostFunction] public int Compute(int x) => x; }");
    }

    // ---------------------------------------------------------------- V8H0003 unsupported parameter

    [Theory]
    [InlineData("Span<byte>", "Span<byte>", "ReadOnlyMemory<byte>")]
    [InlineData("ReadOnlySpan<char>", "ReadOnlySpan<char>", "byte[]")]
    [InlineData("Queue<string>", "Queue<string>", "List<T>")]
    [InlineData("System.IO.Stream", "Stream", "byte[]")]
    [InlineData("System.Text.StringBuilder", "StringBuilder", "JsObject")]
    [InlineData("IDisposable", "IDisposable", "JsObject")]
    [InlineData("HashSet<IDisposable>", "HashSet<IDisposable>", "JsObject")]
    [InlineData("Dictionary<int, System.IO.Stream>", "Dictionary<int, Stream>", "byte[]")]
    [InlineData("(int, IDisposable)", "(int, IDisposable)", "JsObject")]
    [InlineData("int[,]", "int[,]", "T[][]")]
    [InlineData("List<Abstract>", "List<Abstract>", "[HostClass]")]
    [InlineData("Task<int>", "Task<int>", "JsPromise")]
    public void V8H0003_unsupported_parameter_names_type_and_suggests_nearest(string type, string display, string suggestion)
    {
        var d = Single("V8H0003", $$"""
            public abstract class Abstract { public string Name = ""; }
            public static partial class Api
            {
                [HostFunction] public static int Use({{type}} value) => 0;
            }
            """, "value");
        var message = MessageOf(d);
        Assert.Contains("Parameter 'value' of 'Api.Use'", message);
        Assert.Contains($"has type '{display}'", message);
        Assert.Contains("use ", message);
        Assert.Contains(suggestion, message.Substring(message.IndexOf("; use ", StringComparison.Ordinal)));
    }

    [Fact]
    public void V8H0003_abstract_class_suggests_marking_it_host_class()
    {
        var d = Single("V8H0003", "public abstract class Customer { } public static partial class Api { [HostFunction] public static void Save(Customer customer) { } }", "customer");
        Assert.Contains("mark 'Customer' with [HostClass]", MessageOf(d));
    }

    [Fact]
    public void V8H0003_on_host_class_constructor_and_method_parameters()
    {
        var run = GeneratorHarness.Run("[HostClass] public partial class Buffer { public Buffer(Span<byte> initial) { } public void Write(Queue<int> items) { } }");
        var all = run.WithId("V8H0003");
        Assert.Equal(2, all.Count);
        AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'initial'")), "V8H0003", "initial");
        AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'items'")), "V8H0003", "items");
        // Only the placeholder binding member: no invokers for a class with errors.
        Assert.DoesNotContain("__V8Host_", Assert.Single(run.Sources).Value);
    }

    [Fact]
    public void V8H0003_misplaced_context_and_cancellation_token()
    {
        var run = GeneratorHarness.Run("""
            public static partial class Api
            {
                [HostFunction] public static int A(int x, Context context) => x;
                [HostFunction] public static int B(CancellationToken token, int x) => x;
            }
            """);
        var all = run.WithId("V8H0003");
        Assert.Equal(2, all.Count);
        Assert.Contains("Context only as the first parameter", MessageOf(AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'context'")), "V8H0003", "context")));
        Assert.Contains("CancellationToken only as the last parameter", MessageOf(AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'token'")), "V8H0003", "token")));
    }

    // ---------------------------------------------------------------- V8H0004 unsupported return / member type

    [Theory]
    [InlineData("System.IO.Stream", "byte[]")]
    [InlineData("Abstract", "[HostClass]")]
    [InlineData("HashSet<IDisposable>", "JsObject")]
    [InlineData("Task<System.IO.Stream>", "byte[]")]
    [InlineData("Context", "a value")]
    public void V8H0004_unsupported_return_type(string type, string suggestion)
    {
        var d = Single("V8H0004", $$"""
            public abstract class Abstract { }
            public static partial class Api { [HostFunction] public static {{type}} Load() => default!; }
            """, "Load");
        Assert.Contains("'Api.Load' returns", MessageOf(d));
        Assert.Contains(suggestion, MessageOf(d));
    }

    [Fact]
    public void V8H0004_unsupported_property_type_of_host_class()
    {
        var d = Single("V8H0004", "[HostClass] public partial class Order { public System.IO.Stream Body { get; set; } = null!; }", "Body");
        Assert.Contains("byte[]", MessageOf(d));
    }

    // ---------------------------------------------------------------- V8H0017 / V8H0018 plain data

    [Fact]
    public void V8H0017_plain_data_taken_from_js_needs_a_constructor_that_fits()
    {
        var d = Single("V8H0017", """
            public class Reading { public Reading(double raw, int scale) { Value = raw * scale; } public double Value { get; } }
            public static partial class Api { [HostFunction] public static double Use(Reading reading) => reading.Value; }
            """, "reading");
        Assert.Contains("'Use' takes plain data 'Reading'", MessageOf(d).Replace("'use'", "'Use'"));
    }

    [Fact]
    public void V8H0017_is_not_reported_when_plain_data_only_goes_out()
    {
        AssertClean("""
            public class Reading { public Reading(double raw, int scale) { Value = raw * scale; } public double Value { get; } }
            public static partial class Api { [HostFunction] public static Reading Make() => new(1, 2); }
            """);
    }

    [Theory]
    [InlineData("public abstract class Shape { }", "abstract")]
    [InlineData("public class Bag : System.Collections.Generic.List<int> { }", "collection")]
    [InlineData("[HostClass] public partial class Counter { }", "[HostClass]")]
    public void V8H0018_host_data_on_a_type_that_is_not_plain_data(string declaration, string reason)
    {
        var marked = declaration.Replace("public ", "[HostData] public ", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(marked);
        var d = run.WithId("V8H0018").Single();
        Assert.Contains(reason, MessageOf(d));
    }

    [Fact]
    public void Host_data_emits_a_converter_that_compiles()
    {
        var run = AssertClean("""
            namespace Shop;
            [HostData] public sealed record Line(string Sku, int Quantity);
            [HostData] public sealed record Order(string Id, System.Collections.Generic.List<Line> Lines, decimal Total = 0m)
            {
                public string? Note { get; init; }
                public required System.DateTime Placed { get; init; }
            }
            [HostData] public struct Point { public double X; public double Y; }
            [HostData] public class Settings { public string Theme { get; set; } = "dark"; public int Size { get; set; } }
            """);
        Assert.Contains("HostDataBinding.Register", run.Source("Shop_Order"));
        Assert.Contains("interface Order", run.Source("V8Host.TypeScript"));
    }

    // ---------------------------------------------------------------- no cascades, no ignored names

    [Fact]
    public void A_binding_error_is_not_followed_by_errors_in_generated_code()
    {
        // The profile names Broken.V8HostBinding: without a placeholder it would be CS0117.
        var run = GeneratorHarness.Run("""
            [HostClass] public partial class Broken { public System.IO.Stream Open() => null!; }
            [HostProfile(typeof(Broken))] public partial class BrokenProfile { }
            """);
        Assert.Single(run.WithId("V8H0004"));
        Assert.True(run.OutputErrors.Count == 0, "output errors: " + string.Join("\n", run.OutputErrors));
    }

    [Fact]
    public void Host_function_attribute_in_a_host_module_names_the_export_and_compiles()
    {
        var run = AssertClean("""
            [HostModule("text")]
            public static partial class TextModule
            {
                [HostFunction("shout")] public static string Upper(string value) => value.ToUpperInvariant();
                [HostFunction] public static int Count(string value) => value.Length;
            }
            """);
        var typeScript = run.Source("V8Host.TypeScript");
        Assert.Contains("export function shout(value: string): string;", typeScript);
        Assert.Contains("export function count(value: string): number;", typeScript);
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("V8HostFunctions", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_function_name_on_a_host_class_method_renames_it()
    {
        var run = AssertClean("[HostClass] public partial class Greeter { [HostFunction(\"hello\")] public string Greet() => \"hi\"; }");
        Assert.Contains("hello(): string;", run.Source("V8Host.TypeScript"));
        Assert.DoesNotContain("greet(", run.Source("V8Host.TypeScript"));
    }

    // ---------------------------------------------------------------- V8H0005 duplicate JS names

    [Fact]
    public void V8H0005_duplicate_names_in_a_class()
    {
        var d = Single("V8H0005", """
            [HostClass] public partial class Shape
            {
                public double Area() => 1;
                [HostName("area")] public double Surface { get; set; }
            }
            """, "Surface");
        Assert.Contains("'area' is defined twice in class Shape", MessageOf(d));
    }

    [Fact]
    public void V8H0005_duplicate_names_in_a_profile()
    {
        var d = Single("V8H0005", """
            public static partial class MathA { [HostFunction] public static int Add(int a, int b) => a + b; }
            public static partial class MathB { [HostFunction("add")] public static double Plus(double a, double b) => a + b; }
            [HostProfile(typeof(MathA), typeof(MathB))] public partial class Calculator { }
            """, "HostProfile(typeof(MathA), typeof(MathB))");
        Assert.Contains("'add' is defined twice in profile Calculator", MessageOf(d));
    }

    [Fact]
    public void V8H0005_class_and_function_with_the_same_global_name_in_a_profile()
    {
        Single("V8H0005", """
            [HostClass] public partial class Point { public double X { get; set; } }
            public static partial class Factories { [HostFunction("Point")] public static int MakePoint() => 0; }
            [HostProfile(typeof(Point), typeof(Factories))] public partial class Geo { }
            """, "HostProfile");
    }

    // ---------------------------------------------------------------- V8H0006 invalid JS names

    [Fact]
    public void V8H0006_reserved_word_host_name()
    {
        // Reserved words break bare names (classes, global functions); as property names they are valid JS.
        var d = Single("V8H0006", "[HostClass(\"class\")] public partial class Kind { public string Category() => \"\"; }", "Kind");
        Assert.Contains("'class' is not a valid JavaScript name", MessageOf(d));
        Single("V8H0006", "public static partial class Api { [HostFunction(\"delete\")] public static void Remove() { } }", "Remove");
    }

    [Fact]
    public void V8H0006_function_name_starting_with_a_digit()
    {
        var d = Single("V8H0006", "public static partial class Api { [HostFunction(\"1bad\")] public static int Bad() => 1; }", "Bad");
        Assert.Contains("'1bad'", MessageOf(d));
    }

    [Fact]
    public void V8H0006_dotted_function_name_with_an_invalid_segment()
    {
        Single("V8H0006", "public static partial class Api { [HostFunction(\"math..clamp\")] public static int Clamp() => 1; }", "Clamp");
    }

    [Fact]
    public void V8H0006_class_name_with_a_dash()
    {
        var d = Single("V8H0006", "[HostClass(\"my-class\")] public partial class MyClass { public int Value { get; set; } }", "MyClass");
        Assert.Contains("'my-class'", MessageOf(d));
    }

    [Fact]
    public void V8H0006_property_renamed_to_a_reserved_word()
    {
        Single("V8H0006", "[HostClass] public partial class Item { [HostName(\"new-value\")] public int Fresh { get; set; } }", "Fresh");
    }

    [Fact]
    public void Reserved_words_are_fine_as_member_and_namespace_member_names()
    {
        var run = GeneratorHarness.Run("""
            [HostClass] public partial class Store { public void Delete() { } [HostName("new")] public int Fresh { get; set; } }
            public static partial class Api { [HostFunction("items.delete")] public static void Remove() { } }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    // ---------------------------------------------------------------- V8H0007 generic method

    [Fact]
    public void V8H0007_generic_host_function()
    {
        var d = Single("V8H0007", "public static partial class Api { [HostFunction] public static T Echo<T>(T value) => value; }", "Echo");
        Assert.Contains("'Api.Echo' is generic", MessageOf(d));
    }

    [Fact]
    public void V8H0007_generic_method_of_host_class()
    {
        Single("V8H0007", "[HostClass] public partial class Store { public void Put<T>(string key, T value) { } }", "Put");
    }

    // ---------------------------------------------------------------- V8H0008 ref/out/in

    [Theory]
    [InlineData("ref int total", "total", "ref")]
    [InlineData("out int result", "result", "out")]
    [InlineData("in double scale", "scale", "in")]
    public void V8H0008_by_ref_parameters(string parameter, string name, string kind)
    {
        var d = Single("V8H0008", $$"""public static partial class Api { [HostFunction] public static void Update({{parameter}}) { {{(kind == "out" ? name + " = 0;" : "")}} } }""", name);
        Assert.Contains($"Parameter '{name}' of 'Api.Update' is passed by reference ({kind})", MessageOf(d));
    }

    // ---------------------------------------------------------------- V8H0009 async void

    [Fact]
    public void V8H0009_async_void()
    {
        var d = Single("V8H0009", "public static partial class Api { [HostFunction] public static async void Fire() { await Task.Yield(); } }", "Fire");
        Assert.Contains("return Task instead", MessageOf(d));
    }

    [Fact]
    public void V8H0009_async_void_method_of_host_class()
    {
        Single("V8H0009", "[HostClass] public partial class Job { public async void Run() { await Task.Yield(); } }", "Run");
    }

    // ---------------------------------------------------------------- V8H0010 ambiguous overloads

    [Fact]
    public void V8H0010_same_arity_same_js_types()
    {
        var d = Single("V8H0010", """
            public static partial class Api
            {
                [HostFunction] public static int Abs(int value) => Math.Abs(value);
                [HostFunction] public static long Abs(long value) => Math.Abs(value);
            }
            """, "Abs");
        Assert.Contains("Overloads of 'abs' taking 1 argument(s)", MessageOf(d));
    }

    [Fact]
    public void V8H0010_ambiguous_constructors_and_methods_of_host_class()
    {
        var run = GeneratorHarness.Run("""
            [HostClass] public partial class Money
            {
                public Money(decimal amount) { }
                public Money(double amount) { }
                public Money Add(float value) => this;
                public Money Add(short value) => this;
            }
            """);
        var all = run.WithId("V8H0010");
        Assert.Equal(2, all.Count);
        AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'new Money'")), "V8H0010", "Money");
        AssertDiagnostic(run, all.Single(d => MessageOf(d).Contains("'Money.add'")), "V8H0010", "Add");
    }

    [Fact]
    public void V8H0010_optional_parameter_overlaps_shorter_overload()
    {
        Single("V8H0010", """
            public static partial class Api
            {
                [HostFunction] public static string Pad(string text) => text;
                [HostFunction] public static string Pad(string text, int width = 10) => text;
            }
            """, "Pad");
    }

    [Fact]
    public void V8H0010_not_reported_for_distinguishable_overloads()
    {
        var run = AssertClean("""
            public static partial class Api
            {
                [HostFunction] public static string Describe(int value) => "int";
                [HostFunction] public static string Describe(string value) => "string";
                [HostFunction] public static string Describe(bool a, bool b) => "two";
                [HostFunction] public static string Show(int[] values) => "array";
                [HostFunction] public static string Show(Func<int, int> map) => "function";
            }
            """);
        Assert.Contains("args.Is(0, global::V8Host.Binding.JsValueKind.String)", run.Source("Api.V8HostFunctions"));
    }

    // ---------------------------------------------------------------- V8H0011 nothing to expose

    [Fact]
    public void V8H0011_profile_lists_a_type_with_nothing_to_expose()
    {
        var d = Single("V8H0011", """
            public class Helper { public static int Unmarked() => 1; }
            [HostProfile(typeof(Helper))] public partial class AppProfile { }
            """, "typeof(Helper)");
        Assert.Contains("Profile 'AppProfile' lists 'Helper'", MessageOf(d));
    }

    [Fact]
    public void V8H0011_profile_lists_a_framework_type()
    {
        Single("V8H0011", "[HostProfile(typeof(string))] public partial class AppProfile { }", "HostProfile");
    }

    // ---------------------------------------------------------------- V8H0012 indexers / events (warning)

    [Fact]
    public void V8H0012_indexer_warns_and_class_is_still_bound()
    {
        var run = GeneratorHarness.Run("[HostClass] public partial class Row { public string this[int index] => \"\"; public int Length { get; } }");
        var d = AssertDiagnostic(run, run.WithId("V8H0012").Single(), "V8H0012", "this");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("an indexer", MessageOf(d));
        Assert.Empty(run.OutputErrors);
        Assert.Contains(run.Sources.Keys, k => k.Contains("Row.V8HostClass.g.cs"));
    }

    [Fact]
    public void V8H0012_event_warns()
    {
        var run = GeneratorHarness.Run("[HostClass] public partial class Button { public event EventHandler? Clicked; public void Click() => Clicked?.Invoke(this, EventArgs.Empty); }");
        var d = AssertDiagnostic(run, run.WithId("V8H0012").Single(), "V8H0012", "Clicked");
        Assert.Contains("an event", MessageOf(d));
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void V8H0012_event_can_be_acknowledged_with_HostIgnore()
    {
        // The message says "mark it [HostIgnore] to acknowledge": that must be possible for events too.
        AssertClean("[HostClass] public partial class Button { [HostIgnore] public event EventHandler? Clicked; public void Click() => Clicked?.Invoke(this, EventArgs.Empty); }");
    }

    [Fact]
    public void V8H0012_not_reported_when_ignored()
    {
        AssertClean("[HostClass] public partial class Row { [HostIgnore] public string this[int index] => \"\"; public int Length { get; } }");
    }

    // ---------------------------------------------------------------- V8H0013 generic host type

    [Fact]
    public void V8H0013_generic_host_class()
    {
        var d = Single("V8H0013", "[HostClass] public partial class Box<T> { public T? Value { get; set; } }", "Box");
        Assert.Contains("'Box<T>' is generic", MessageOf(d));
    }

    [Fact]
    public void V8H0013_host_functions_in_a_generic_type()
    {
        Single("V8H0013", "public static partial class Cache<T> { [HostFunction] public static int Size() => 0; }", "Cache");
    }

    // ---------------------------------------------------------------- V8H0014 profile base class

    [Fact]
    public void V8H0014_profile_with_a_base_class()
    {
        var d = Single("V8H0014", """
            public class ProfileBase { }
            [HostProfile] public partial class AppProfile : ProfileBase { [HostFunction] public static int One() => 1; }
            """, "AppProfile");
        Assert.Contains("derives from 'ProfileBase'", MessageOf(d));
    }

    [Fact]
    public void V8H0014_not_reported_for_explicit_HostProfile_base()
    {
        AssertClean("[HostProfile] public partial class AppProfile : HostProfile { [HostFunction] public static int One() => 1; }");
    }

    // ---------------------------------------------------------------- V8H0015 static profile

    [Fact]
    public void V8H0015_static_profile()
    {
        var d = Single("V8H0015", "[HostProfile] public static partial class AppProfile { [HostFunction] public static int One() => 1; }", "AppProfile");
        Assert.Contains("'AppProfile' is static", MessageOf(d));
    }

    // ---------------------------------------------------------------- V8H0016 required members

    [Fact]
    public void V8H0016_required_members_with_implicit_constructor()
    {
        var d = Single("V8H0016", "[HostClass] public partial class Settings { public required string Name { get; set; } }", "Settings");
        Assert.Contains("'Settings' has required members", MessageOf(d));
    }

    [Fact]
    public void V8H0016_required_members_with_explicit_constructor()
    {
        var run = GeneratorHarness.Run("""
            [HostClass] public partial class Settings
            {
                public Settings(int version) => Version = version;
                public int Version { get; }
                public required string Name { get; init; }
            }
            """);
        var d = AssertDiagnostic(run, run.WithId("V8H0016").Single(), "V8H0016", "Settings");
        Assert.Equal("Settings", LocatedText(run, d));
        Assert.Contains("Settings(int)", MessageOf(d));
    }

    [Fact]
    public void V8H0016_not_reported_with_SetsRequiredMembers_or_HostIgnore()
    {
        AssertClean("""
            using System.Diagnostics.CodeAnalysis;
            [HostClass] public partial class Settings
            {
                [SetsRequiredMembers] public Settings(string name) => Name = name;
                [HostIgnore] public Settings() { }
                public required string Name { get; set; }
            }
            """);
    }

    // ---------------------------------------------------------------- abstract host classes

    [Fact]
    public void Abstract_host_class_with_public_constructor_binds_without_constructor()
    {
        var run = AssertClean("[HostClass] public abstract partial class Shape { public Shape() { } public abstract double Area(); public static Shape? Unit() => null; }");
        Assert.DoesNotContain("new global::Shape", run.Source("Shape.V8HostClass"));
    }

    // ---------------------------------------------------------------- V8H0099 generator failure

    [Fact]
    public void V8H0099_descriptor_formats_a_report_request()
    {
        // The guard turns exceptions in parsing/emitting into this diagnostic; there is no known input
        // that triggers it (the robustness test below asserts that), so check its shape directly.
        var descriptor = Descriptors.ById(V8Host.Shared.Binding.BindingProblems.GeneratorFailure.Id);
        Assert.Equal("V8H0099", descriptor.Id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        var message = Diagnostic.Create(descriptor, Location.None, "App.Thing", "NullReferenceException: boom").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("'App.Thing'", message);
        Assert.Contains("NullReferenceException: boom", message);
    }

    // ---------------------------------------------------------------- negatives: realistic code is silent

    [Fact]
    public void Realistic_host_class_is_clean()
    {
        AssertClean("""
            namespace Shop;

            public enum Status { Open, Closed }

            [HostEnumAsString] public enum Color { Red, Green }

            [HostClass]
            public partial class Order
            {
                private readonly List<string> _items = new();

                public Order() { }
                public Order(string customer) => Customer = customer;

                public string Customer { get; set; } = "";
                public string? Note { get; set; }
                public int Count => _items.Count;
                public Status Status { get; private set; }
                public Color Color { get; set; }
                public DateTime Created { get; } = DateTime.UtcNow;
                public static int Total { get; set; }
                public const int MaxItems = 100;
                public decimal Discount;

                public void Add(string item) => _items.Add(item);
                public void Add(string item, int quantity) { for (var i = 0; i < quantity; i++) _items.Add(item); }
                public IReadOnlyList<string> Items() => _items;
                public Dictionary<string, int> Counts() => _items.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
                public Order WithNote(string? note) { Note = note; return this; }
                public Task<int> CountAsync(CancellationToken token) => Task.FromResult(Count);
                public void Close() => Status = Status.Closed;
                public static Order Parse(string text) => new(text);
                public byte[] ToBytes() => Array.Empty<byte>();
                public override string ToString() => Customer;
                [HostIgnore] public Span<byte> Raw() => default;
                internal void Hidden(Span<byte> data) { }
            }
            """);
    }

    [Fact]
    public void Realistic_functions_and_profile_are_clean()
    {
        var run = AssertClean("""
            using System.Numerics;
            namespace Tools;

            [HostClass("Vec")] public partial struct Vector { public Vector(double x, double y) { X = x; Y = y; } public double X { get; set; } public double Y { get; set; } }

            public static partial class TextFunctions
            {
                [HostFunction("text.upper")] public static string Upper(string value) => value.ToUpperInvariant();
                [HostFunction("text.join")] public static string Join(string separator, params string[] parts) => string.Join(separator, parts);
                [HostFunction] public static string Greet(string name, string greeting = "Hello") => greeting + ", " + name;
                [HostFunction] public static int Length(Context context, string? value, CancellationToken token) => value?.Length ?? 0;
                [HostFunction] public static BigInteger Factorial(int n) { BigInteger r = 1; for (var i = 2; i <= n; i++) r *= i; return r; }
                [HostFunction] public static async Task<string> Later(string value) { await Task.Yield(); return value; }
                [HostFunction] public static ValueTask Nothing() => default;
                [HostFunction] public static int Apply(Func<int, int> f, int x) => f(x);
                [HostFunction] public static void Log(Action<string> sink, JsObject options) { }
                [HostFunction] public static Vector Mid(Vector a, Vector b) => new((a.X + b.X) / 2, (a.Y + b.Y) / 2);
                [HostFunction] public static ReadOnlyMemory<byte> Bytes(Memory<byte> input) => input;
                [HostFunction] public static int? Maybe(int? value) => value;
            }

            [HostProfile(typeof(Vector), typeof(TextFunctions))]
            public partial class ToolsProfile
            {
                [HostFunction] public static string Version() => "1.0";
            }

            [HostProfile(typeof(ToolsProfile))]
            public partial class AppProfile { }
            """);
        Assert.Equal(6, run.Sources.Count); // including V8Host.TypeScript.g.cs
    }

    [Fact]
    public void AsDeclared_naming_policy_is_clean()
    {
        var run = AssertClean("""
            [assembly: HostNaming(HostNamingPolicy.AsDeclared)]
            public static partial class Api { [HostFunction] public static int AddTwo(int x) => x + 2; }
            """);
        Assert.Contains("\"AddTwo\"", run.Source("Api.V8HostFunctions"));
    }

    [Fact]
    public void Nested_partial_types_and_global_namespace_are_clean()
    {
        AssertClean("""
            public static partial class Outer
            {
                public partial class Middle
                {
                    [HostClass] public partial class Inner { public int Value { get; set; } }
                }

                [HostFunction] public static int Top() => 1;
            }
            [HostClass] public partial record Person(string Name, int Age);
            [HostClass] public partial record struct Pair(int A, int B);
            """);
    }

    // ---------------------------------------------------------------- robustness: never crash

    public static TheoryData<string> BrokenSources => new()
    {
        "[HostClass] public partial class",
        "[HostClass] public partial class Broken { public int X { get; set; ",
        "[HostClass] public partial class Broken { public Missing Value { get; set; } public void Use(Missing m) { } }",
        "public static partial class Api { [HostFunction] public static Missing Make(Unknown<int> u) => default; }",
        "public static partial class Api { [HostFunction] public static int F(int x = \"text\") => x; }",
        "public static partial class Api { [HostFunction] public static int F(int x = ) => x; }",
        "public static partial class Api { [HostFunction] public static int F(params int x) => x; }",
        "public static partial class Api { [HostFunction] public static int F(this int x) => x; }",
        "public static partial class Api { [HostFunction(null)] public static int F() => 1; [HostFunction(\"\")] public static int G() => 1; }",
        "public static partial class Api { [HostFunction(42)] public static int F() => 1; }",
        "public static partial class Api { [HostFunction] public static int F() }",
        "public static partial class Api { [HostFunction] int }",
        "public static partial class Api { public static void Outer() { [HostFunction] static int Local() => 1; Local(); } }",
        "public static partial class Api { public static Func<int> Lambda = [HostFunction] () => 1; }",
        "[HostClass(null)] public partial class A { } [HostClass(\"\")] public partial class B { } [HostClass(1)] public partial class C { }",
        "[HostClass, HostClass] public partial class Twice { }",
        "[HostClass] public partial interface IShape { }",
        "[HostClass] public partial enum Colour { Red }",
        "[HostClass] public partial class Self : Self { }",
        "[HostClass] public partial class Cyclic { public Cyclic Next { get; set; } = null!; public Missing[] Many { get; } = null!; }",
        "[HostProfile(typeof(Missing))] public partial class P { }",
        "[HostProfile(null)] public partial class P { }",
        "[HostProfile(typeof(int[]), typeof(List<>))] public partial class P { }",
        "[HostProfile(typeof(P))] public partial class P { }",
        "[HostProfile(typeof(Q))] public partial class P { } [HostProfile(typeof(P))] public partial class Q { }",
        "[HostProfile] public static partial class P { }",
        "[HostProfile] public partial struct P { }",
        "[HostName(\"x\")] public partial class NotHost { }",
        "[HostClass] public partial class Ops { public static Ops operator +(Ops a, Ops b) => a; public static implicit operator int(Ops o) => 0; ~Ops() { } }",
        "[HostClass] public unsafe partial class Ptr { public int* Raw; public void Use(int* p) { } public delegate*<int> Fn; }",
        "[HostClass] public partial class Dyn { public dynamic Value { get; set; } = 0; public void Take(dynamic d) { } }",
        "[HostClass] public partial class Refs { public ref int Get() => throw null!; public ref readonly int this[int i] => throw null!; }",
        "[HostClass] public partial class Recur { public Recur(Recur other) { } public List<List<Dictionary<string, Recur[]>>> Deep() => new(); }",
        "namespace A.B { [HostClass] public partial class @class { public int @int { get; set; } } }",
        "[HostClass] public partial class Defaults { public void M(Colour c = (Colour)7, DayOfWeek d = DayOfWeek.Friday, object? o = null, int? n = 3, float f = float.NaN, double g = double.PositiveInfinity) { } } public enum Colour { Red }",
        "public static partial class Api { [HostFunction] public static int F<T>() where T : Missing => 1; }",
        "[HostClass] public partial class Ext { } public static partial class Api { [HostFunction] public static int E(this Ext e) => 1; }",
        "[HostClass] public abstract partial class Shape { public Shape() { } public abstract double Area(); }",
        "[HostClass] public partial class Settings { public required string Name { get; set; } }",
        "public static partial class Api { [HostFunction] public static double F(double x = double.NaN, float y = float.NegativeInfinity) => x; }",
        "#if FALSE\n[HostClass] public partial class Hidden { }\n#endif\n[HostClass] public partial class Shown { public int V; }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void Generator_never_crashes_on_broken_or_odd_code(string source)
    {
        var run = GeneratorHarness.Run(source);

        // CS8784/CS8785: the generator threw (initialization / generation); AD0001: an analyzer crashed.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001");
        Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id is "CS8784" or "CS8785" or "AD0001");
        Assert.All(run.RunResult.Results, r => Assert.Null(r.Exception));
        // The guard's "please report this" diagnostic means a parser/emitter exception was caught.
        Assert.True(run.WithId("V8H0099").Count == 0, "generator failure: " + string.Join(" | ", run.WithId("V8H0099")));
        // Whatever it emitted must not add errors of its own.
        var generatedErrors = run.OutputErrors.Where(d => d.Location.SourceTree is { } tree && !run.InputCompilation.SyntaxTrees.Contains(tree)).ToList();
        Assert.True(generatedErrors.Count == 0, "errors in generated code: " + string.Join("\n", generatedErrors));
    }

    // ---------------------------------------------------------------- [HostModule]

    [Fact]
    public void HostModule_not_partial_is_V8H0001()
    {
        Single("V8H0001", "[HostModule(\"fs\")] public static class Files { public static string Read(string path) => path; }", "Files");
    }

    [Fact]
    public void HostModule_with_an_invalid_name_or_export_is_V8H0006()
    {
        Single("V8H0006", "[HostModule(\"my fs\")] public static partial class Files { public static string Read(string path) => path; }", "Files");
        Single("V8H0006", "[HostModule(\"fs\")] public static partial class Files { [HostName(\"read.text\")] public static string Read(string path) => path; }", "Read");
    }

    [Fact]
    public void HostModule_listed_by_a_profile_compiles_cleanly()
    {
        var run = GeneratorHarness.Run("""
            [HostModule("fs")] public static partial class Files { public static string Read(string path) => path; public static void Write(string path, byte[] data) { } }
            [HostProfile(typeof(Files))] public partial class App { }
            """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("profile.AddBinding(global::Files.V8HostModule);", run.Source("App.V8HostProfile"));
        Assert.Contains("declare module \"host:fs\"", run.Source("V8Host.TypeScript"));
    }
}
