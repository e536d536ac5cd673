using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1006: a JS handle in a static field or static auto-property.</summary>
public sealed class StaticHandleTests
{
    private const string Rule = "V8H1006";

    [Fact]
    public Task Static_handle_field_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Cache
            {
                private static JsObject [|s_cache|] = null!;

                public static void Fill(Context context) => s_cache = context.NewObject();
            }
            """, Rule);

    [Fact]
    public Task Static_auto_property_of_type_JsFunction_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Callbacks
            {
                public static JsFunction? [|OnTick|] { get; set; }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_member_and_the_handle_type()
    {
        var source = TestSource.Parse("""
            public static class Callbacks
            {
                public static JsFunction? OnTick { get; set; }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'OnTick'", diagnostic.GetMessage());
        Assert.Contains("JsFunction", diagnostic.GetMessage());
    }

    [Fact]
    public Task Every_handle_type_and_every_declarator_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public sealed class Holder
            {
                private static JsArray? [|s_items|], [|s_more|];
                private static readonly JsPromise? [|s_pending|];
                internal static JsHandle? [|s_any|];
                public static JsArrayBuffer? [|Buffer|] { get; private set; }
                public static JsTypedArray? [|View|] { get; } = null;
            }
            """, Rule);

    [Fact]
    public Task Instance_fields_and_properties_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Session : IDisposable
            {
                private readonly Context _context = new Isolate().CreateContext();
                private JsObject? _state;

                public JsFunction? Handler { get; set; }

                public void Load() => _state = _context.Eval<JsObject>("({})");

                public void Dispose() => _context.Dispose();
            }
            """);

    [Fact]
    public Task Static_fields_of_other_types_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Shared
            {
                private static readonly Dictionary<string, object?> s_values = new();
                private static StartupData? s_snapshot;
                private static Context? s_context;
                private static string s_name = "demo";
                private static JsUndefined s_undefined = JsUndefined.Value;
                private static readonly List<int> s_numbers = new();
                public static int Count { get; set; }
                public static IsolateOptions Options { get; } = new();

                public static void Remember(StartupData data, Context context)
                {
                    s_snapshot = data;
                    s_context = context;
                }
            }
            """);

    [Fact]
    public Task Static_computed_property_and_const_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Wrapper
            {
                private readonly JsObject _target;

                public Wrapper(JsObject target) => _target = target;

                public static JsObject Unwrap(Wrapper wrapper) => wrapper._target;

                public static JsObject? Current => null;

                public const string Name = "wrapper";
            }
            """);
}
