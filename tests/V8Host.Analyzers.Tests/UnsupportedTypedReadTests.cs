using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1008: Eval&lt;T&gt; / Get&lt;T&gt; / Invoke&lt;T&gt; with a T no JavaScript value converts to.</summary>
public sealed class UnsupportedTypedReadTests
{
    private const string Rule = "V8H1008";

    [Theory]
    [InlineData("var stream = [|ctx.Eval<System.IO.Stream>(\"({})\")|];")]
    [InlineData("var observer = [|obj.Get<IObserver<int>>(\"x\")|];")]
    [InlineData("var changes = [|obj.Get<System.ComponentModel.INotifyPropertyChanged>(\"x\")|];")]
    [InlineData("var streams = [|fn.Invoke<List<System.IO.Stream>>()|];")]
    [InlineData("var byName = [|ctx.Eval<Dictionary<string, System.IO.Stream>>(\"({})\")|];")]
    [InlineData("var byStream = [|ctx.Eval<Dictionary<System.IO.Stream, int>>(\"new Map()\")|];")]
    [InlineData("var set = [|ctx.Eval<HashSet<System.Text.StringBuilder>>(\"new Set()\")|];")]
    [InlineData("var pair = [|ctx.Eval<(int, System.IO.Stream)>(\"[1, {}]\")|];")]
    [InlineData("var maybe = [|ctx.Eval<System.Threading.Tasks.Task<int>?>(\"null\")|];")]
    [InlineData("var task = [|ctx.Eval<Task<int>>(\"Promise.resolve(1)\")|];")]
    [InlineData("var nested = [|ctx.Eval<List<Task>>(\"[]\")|];")]
    [InlineData("var grid = [|ctx.Eval<int[,]>(\"[]\")|];")]
    [InlineData("var self = [|ctx.Eval<Context>(\"globalThis\")|];")]
    [InlineData("var token = [|obj.Get<CancellationToken>(\"signal\")|];")]
    [InlineData("var isolate = [|ctx.Eval<Isolate>(\"globalThis\")|];")]
    [InlineData("var script = [|arr.Get<Script>(0)|];")]
    [InlineData("var handle = [|ctx.Eval<Microsoft.Win32.SafeHandles.SafeFileHandle>(\"1\")|];")]
    public Task Typed_read_to_an_unsupported_library_type_is_reported(string statement) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run(Context ctx, JsObject obj, JsFunction fn, JsArray arr)
                {
                    {{statement}}
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_method_the_type_and_a_suggestion()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static System.IO.Stream Run(Context ctx) => ctx.Eval<System.IO.Stream>("({})");
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("Eval<System.IO.Stream>", diagnostic.GetMessage());
        Assert.Contains("use byte[]", diagnostic.GetMessage());
    }

    [Fact]
    public async Task Diagnostic_suggests_the_nearest_supported_type()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static Task<int> Run(Context ctx) => ctx.Eval<Task<int>>("Promise.resolve(1)");
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Contains("use JsPromise", diagnostic.GetMessage());
    }

    [Fact]
    public Task Value_types_added_by_api_md_section_5_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run(Context ctx, JsObject obj, JsFunction fn, JsArray arr)
                {
                    var a = ctx.Eval<Guid>("'6f9619ff-8b86-d011-b42d-00c04fc964ff'");
                    var b = obj.Get<TimeSpan>("x");
                    var c = fn.Invoke<HashSet<int>>();
                    var d = ctx.Eval<Uri>("'https://example.org'");
                    var e = ctx.Eval<(int, int)>("[1, 2]");
                    var f = ctx.Eval<Dictionary<int, string>>("new Map()");
                    var g = arr.Get<DateOnly>(0);
                    var h = ctx.Eval<List<Guid>>("[]");
                    var i = ctx.Eval<TimeOnly?>("null");
                    var j = ctx.Eval<Half>("1.5");
                    var k = ctx.Eval<nint>("1");
                    var l = ctx.Eval<ISet<string>>("new Set()");
                    var m = ctx.Eval<IReadOnlyDictionary<Guid, (string Name, TimeSpan Age)>>("new Map()");
                    var n = ctx.Eval<(Guid Id, List<DateOnly> Days, Uri? Link)>("[]");
                }
            }
            """);

    [Fact]
    public Task Bases_and_interfaces_of_values_a_read_produces_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run(Context ctx)
                {
                    var a = ctx.Eval<IComparable>("1");
                    var b = ctx.Eval<IConvertible>("'x'");
                    var c = ctx.Eval<IEnumerable<char>>("'abc'");
                    var d = ctx.Eval<ValueType>("true");
                    var e = ctx.Eval<IFormattable>("1n");
                    var f = ctx.Eval<IDisposable>("({})");
                    var g = ctx.Eval<System.Collections.IList>("[1]");
                    var h = ctx.Eval<Microsoft.ClearScript.ScriptObject>("({})");
                }
            }
            """);

    [Fact]
    public Task Plain_data_records_classes_and_structs_are_fine_at_any_depth() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            namespace Shop
            {
                public sealed record Line(string Sku, int Quantity);

                public sealed record Order(Guid Id, List<Line> Lines, decimal Total);

                public sealed class Customer
                {
                    public string Name { get; set; } = "";
                    public DateOnly Since { get; init; }
                }

                public struct Point
                {
                    public double X;
                    public double Y;
                }

                public readonly record struct Range(int Start, int End);

                public static class Program
                {
                    public static void Run(Context ctx, JsObject obj, JsFunction fn)
                    {
                        var a = ctx.Eval<Order>("({ id: '6f9619ff-8b86-d011-b42d-00c04fc964ff', lines: [], total: 1 })");
                        var b = obj.Get<Customer>("customer");
                        var c = fn.Invoke<Point>();
                        var d = ctx.Eval<Range?>("null");
                        var e = ctx.Eval<List<Order>>("[]");
                        var f = ctx.Eval<Dictionary<Guid, Customer>>("new Map()");
                        var g = ctx.Eval<(Point From, Point To)>("[{}, {}]");
                        var h = ctx.Eval<HashSet<Range>>("new Set()");
                        var i = ctx.Eval<Line[]>("[]");
                    }
                }
            }
            """);

    [Fact]
    public Task User_interfaces_and_abstract_classes_are_fine_because_a_host_object_may_implement_them() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public interface IGreeter
            {
                string Greet(string name);
            }

            public abstract class Shape
            {
                public abstract double Area { get; }
            }

            public static class Program
            {
                public static void Run(Context ctx)
                {
                    var greeter = ctx.Eval<IGreeter>("greeter");
                    var shapes = ctx.Eval<List<Shape>>("shapes");
                }
            }
            """);

    [Theory]
    [InlineData("public sealed record Order(int Id);", "Order", true)]
    [InlineData("public sealed class Poco { public int X { get; set; } }", "Poco", true)]
    [InlineData("public struct Point { public int X; }", "Point", true)]
    [InlineData("public abstract class Shape { }", "Shape", false)]
    [InlineData("public interface IShape { }", "IShape", false)]
    [InlineData("public delegate int Transform(int x);", "Transform", false)]
    [InlineData("public enum Color { Red }", "Color", false)]
    [InlineData("public sealed class Bag : System.Collections.IEnumerable { public System.Collections.IEnumerator GetEnumerator() => null!; }", "Bag", false)]
    [InlineData("[HostClass] public sealed partial class Counter { }", "Counter", false)]
    [InlineData("namespace System.Custom { public sealed class Platform { } }", "System.Custom.Platform", false)]
    [InlineData("namespace Microsoft.Custom { public sealed class Platform { } }", "Microsoft.Custom.Platform", false)]
    public void Plain_data_rule_matches_api_md_section_5(string declaration, string typeName, bool expected)
    {
        var compilation = AnalyzerHarness.Compile("using V8Host;\n" + declaration);
        var type = compilation.GetTypeByMetadataName(typeName);
        Assert.NotNull(type);
        Assert.Equal(expected, V8Host.Analyzers.Conversions.TypedReadTarget.IsPlainData(type!, compilation));
    }

    [Fact]
    public Task Supported_types_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            using System.Numerics;

            public enum Color { Red, Green }

            public sealed class MyUserClass
            {
                public int X { get; set; }
            }

            public delegate int Transformer(int value);

            public static class Program
            {
                public static void Run(Context ctx, JsObject obj, JsFunction fn, JsArray arr)
                {
                    var a = ctx.Eval<int>("1");
                    var b = ctx.Eval<JsObject>("({})");
                    var c = ctx.Eval<List<string>>("['a']");
                    var d = ctx.Eval<Dictionary<string, int>>("({ a: 1 })");
                    var e = ctx.Eval<MyUserClass>("new MyUserClass()");
                    var f = ctx.Eval<double?>("null");
                    var g = ctx.Eval<string?>("null");
                    var h = ctx.Eval<BigInteger>("1n");
                    var i = ctx.Eval<DateTime>("new Date()");
                    var j = ctx.Eval<DateTimeOffset>("new Date()");
                    var k = ctx.Eval<byte[]>("new Uint8Array(2)");
                    var l = ctx.Eval<object?>("1");
                    var m = ctx.Eval<JsUndefined>("undefined");
                    var n = ctx.Eval<Color>("'Red'");
                    var o = ctx.Eval<Func<int, int>>("x => x");
                    var p = ctx.Eval<IReadOnlyDictionary<string, JsArray>>("({})");
                    var q = ctx.Eval<long>("1");
                    var r = ctx.Eval<JsPromise>("Promise.resolve()");
                    var s = ctx.Eval<ReadOnlyMemory<byte>>("new Uint8Array(1)");
                    var t = ctx.Eval<Transformer>("x => x");
                    var u = obj.Get<string>("name");
                    var v = obj.Get<MyUserClass[]>("items");
                    var w = fn.Invoke<int>(1, 2);
                    var x = fn.Invoke<JsFunction>();
                    var y = arr.Get<double>(0);
                    var z = ctx.Eval<Action<string>>("s => {}");
                }

                public static T Generic<T>(Context ctx) => ctx.Eval<T>("1");
            }
            """);

    [Fact]
    public Task Any_delegate_type_is_fine_because_the_runtime_adapts_every_delegate() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static bool Run(Context ctx)
                {
                    var isEven = ctx.Eval<Predicate<int>>("x => x % 2 === 0");
                    var compare = ctx.Eval<Comparison<string>>("(a, b) => a.localeCompare(b)");
                    return isEven(2) && compare("a", "b") < 0;
                }
            }
            """);

    [Fact]
    public Task Methods_named_like_typed_reads_on_other_types_are_ignored() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Store
            {
                public T Get<T>(string key) => default!;
                public T Eval<T>(string source) => default!;
            }

            public static class Program
            {
                public static void Run(Store store)
                {
                    var a = store.Get<Guid>("id");
                    var b = store.Eval<TimeSpan>("1");
                }
            }
            """);
}
