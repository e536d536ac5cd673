using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1008: Eval&lt;T&gt; / Get&lt;T&gt; / Invoke&lt;T&gt; with a T no JavaScript value converts to.</summary>
public sealed class UnsupportedTypedReadTests
{
    private const string Rule = "V8H1008";

    [Theory]
    [InlineData("var id = [|ctx.Eval<Guid>(\"'6f9619ff-8b86-d011-b42d-00c04fc964ff'\")|];")]
    [InlineData("var span = [|obj.Get<TimeSpan>(\"x\")|];")]
    [InlineData("var set = [|fn.Invoke<HashSet<int>>()|];")]
    [InlineData("var uri = [|ctx.Eval<Uri>(\"'https://example.org'\")|];")]
    [InlineData("var pair = [|ctx.Eval<(int, int)>(\"[1, 2]\")|];")]
    [InlineData("var map = [|ctx.Eval<Dictionary<int, string>>(\"({})\")|];")]
    [InlineData("var task = [|ctx.Eval<Task<int>>(\"Promise.resolve(1)\")|];")]
    [InlineData("var first = [|arr.Get<DateOnly>(0)|];")]
    [InlineData("var nested = [|ctx.Eval<List<Guid>>(\"[]\")|];")]
    [InlineData("var grid = [|ctx.Eval<int[,]>(\"[]\")|];")]
    [InlineData("var self = [|ctx.Eval<Context>(\"globalThis\")|];")]
    [InlineData("var token = [|obj.Get<CancellationToken>(\"signal\")|];")]
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
                public static Guid Run(Context ctx) => ctx.Eval<Guid>("'x'");
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("Eval<System.Guid>", diagnostic.GetMessage());
        Assert.Contains("string", diagnostic.GetMessage());
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
