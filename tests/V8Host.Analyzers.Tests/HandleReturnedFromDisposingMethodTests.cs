using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1009: a handle, script or JS function returned from the method that disposes its context.</summary>
public sealed class HandleReturnedFromDisposingMethodTests
{
    private const string Rule = "V8H1009";

    [Theory]
    [InlineData("JsObject", "context.Eval<JsObject>(\"({ a: 1 })\")")]
    [InlineData("JsArray", "context.Eval<JsArray>(\"[1, 2]\")")]
    [InlineData("JsFunction", "context.Eval<JsFunction>(\"(x => x)\")")]
    [InlineData("JsPromise", "context.Eval<JsPromise>(\"Promise.resolve(1)\")")]
    [InlineData("JsObject", "context.NewObject()")]
    [InlineData("JsArray", "context.Eval<JsObject>(\"({ a: [1] })\").Get<JsArray>(\"a\")")]
    [InlineData("Script", "context.Compile(\"1 + 1\")")]
    [InlineData("Module", "context.CompileModule(\"export const a = 1;\")")]
    [InlineData("Func<int, int>", "context.Eval<Func<int, int>>(\"x => x * 2\")")]
    [InlineData("object", "context.Eval<JsObject>(\"({ a: 1 })\")")]
    public Task Value_of_a_using_var_context_returned_directly_is_reported(string type, string expression) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static {{type}} Load()
                {
                    using var context = new Isolate().CreateContext();
                    return [|{{expression}}|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_inside_a_using_statement_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Load()
                {
                    using (var context = new Isolate().CreateContext())
                    {
                        return [|context.Eval<JsObject>("({ name: 'Ada' })")|];
                    }
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_local_returned_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Load(string json)
                {
                    using var context = new Isolate().CreateContext();
                    var user = context.Eval<JsObject>("(" + json + ")");
                    var name = user.Get<string>("name");
                    Console.WriteLine(name);
                    return [|user|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_from_an_async_method_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static async Task<JsObject> LoadAsync()
                {
                    using var context = new Isolate().CreateContext();
                    var result = context.Eval<JsObject>("({ a: 1 })");
                    await context.RunUntilIdleAsync();
                    return [|result|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_from_an_await_using_method_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static async Task<JsArray> LoadAsync()
                {
                    await using var context = new Isolate().CreateContext();
                    await context.RunUntilIdleAsync();
                    return [|context.Eval<JsArray>("[1, 2]")|];
                }
            }
            """, Rule);

    [Fact]
    public Task Untyped_result_cast_to_a_handle_and_returned_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Load()
                {
                    using var context = new Isolate().CreateContext();
                    return [|(JsObject)context.Eval("({ a: 1 })")!|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_through_a_conditional_or_a_coalesce_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Pick(bool first)
                {
                    using var context = new Isolate().CreateContext();
                    return [|first ? context.Eval<JsObject>("({ a: 1 })") : context.NewObject()|];
                }

                public static JsObject Required()
                {
                    using var context = new Isolate().CreateContext();
                    return [|context.Eval<JsObject?>("({ a: 1 })")|] ?? throw new InvalidOperationException("missing");
                }
            }
            """, Rule);

    [Fact]
    public Task Conditional_between_a_dead_handle_and_a_live_one_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static JsObject Pick(bool fresh, JsObject fallback)
                {
                    using var context = new Isolate().CreateContext();
                    return fresh ? fallback : context.Eval<JsObject?>("null") ?? fallback;
                }
            }
            """);

    [Fact]
    public Task Untyped_result_returned_as_object_is_fine_because_it_may_be_a_plain_value() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static object? Load()
                {
                    using var context = new Isolate().CreateContext();
                    return context.Eval("6 * 7");
                }
            }
            """);

    [Fact]
    public Task Handle_returned_through_a_finally_that_disposes_the_context_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Load()
                {
                    var context = new Isolate().CreateContext();
                    try
                    {
                        return [|context.Eval<JsObject>("({ a: 1 })")|];
                    }
                    finally
                    {
                        context.Dispose();
                    }
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_after_an_explicit_Dispose_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static JsObject Load()
                {
                    var context = new Isolate().CreateContext();
                    var user = context.Eval<JsObject>("({ a: 1 })");
                    context.Dispose();
                    return [|user|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_returned_from_a_lambda_that_disposes_its_context_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static Func<JsObject> Factory() => () =>
                {
                    using var context = new Isolate().CreateContext();
                    return [|context.Eval<JsObject>("({ a: 1 })")|];
                };
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_method_the_value_and_the_context()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static JsObject LoadUser()
                {
                    using var session = new Isolate().CreateContext();
                    var user = session.Eval<JsObject>("({ name: 'Ada' })");
                    return user;
                }

                public static JsObject LoadOther()
                {
                    var scratch = new Isolate().CreateContext();
                    var other = scratch.Eval<JsObject>("({})");
                    scratch.Dispose();
                    return other;
                }
            }
            """);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source.Code);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Rule, d.Id));
        Assert.Equal(
            "'LoadUser' returns 'user' (JsObject) of context 'session', which is disposed at the end of its using scope, as it returns: the caller gets a dead value. Return the .NET values you need, or let the caller own the context.",
            diagnostics[0].GetMessage());
        Assert.Contains("'LoadOther' returns 'other' (JsObject) of context 'scratch', which is disposed by Dispose(), before the return", diagnostics[1].GetMessage());
    }

    [Fact]
    public Task Net_values_read_from_the_handle_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static string Name()
                {
                    using var context = new Isolate().CreateContext();
                    return context.Eval<JsObject>("({ name: 'Ada' })").Get<string>("name");
                }

                public static (string Name, int[] Tags) Read()
                {
                    using (var context = new Isolate().CreateContext())
                    {
                        var user = context.Eval<JsObject>("({ name: 'Ada', tags: [1, 2] })");
                        return (user.Get<string>("name"), user.Get<int[]>("tags"));
                    }
                }

                public static int Count()
                {
                    using var context = new Isolate().CreateContext();
                    var items = context.Eval<JsArray>("[1, 2, 3]");
                    return items.Count;
                }
            }
            """);

    [Fact]
    public Task Returning_the_context_itself_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Context Create()
                {
                    var context = new Isolate().CreateContext();
                    context.Eval("globalThis.ready = true");
                    return context;
                }
            }
            """);

    [Fact]
    public Task Handle_of_a_context_the_method_does_not_dispose_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                private static readonly List<Context> s_live = new();

                public static JsObject Load()
                {
                    var context = new Isolate().CreateContext();
                    s_live.Add(context);
                    return context.Eval<JsObject>("({ a: 1 })");
                }

                public static (Context Owner, JsObject Value) LoadWithOwner()
                {
                    var context = new Isolate().CreateContext();
                    var value = context.Eval<JsObject>("({ a: 1 })");
                    return (context, value);
                }
            }
            """);

    [Fact]
    public Task Handle_of_a_parameter_or_field_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Repository : IDisposable
            {
                private readonly Context _context = new Isolate().CreateContext();

                public JsObject Load() => _context.Eval<JsObject>("({ a: 1 })");

                public Script Prepare(string source)
                {
                    var script = _context.Compile(source);
                    return script;
                }

                public static JsArray Items(Context context)
                {
                    var items = context.Eval<JsArray>("[1, 2]");
                    return items;
                }

                public static Func<int, int> Twice(Context context) => context.Eval<Func<int, int>>("x => x * 2");

                public void Dispose() => _context.Dispose();
            }
            """);

    [Fact]
    public Task Handle_of_another_context_than_the_disposed_one_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static JsObject Load(Context live)
                {
                    using var scratch = new Isolate().CreateContext();
                    var limit = scratch.Eval<int>("6 * 7");
                    return live.Eval<JsObject>("({ limit: " + limit + " })");
                }
            }
            """);

    [Fact]
    public Task Handle_returned_when_a_finally_disposes_the_context_only_on_failure_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                private static readonly List<Context> s_live = new();

                public static JsObject Load()
                {
                    var context = new Isolate().CreateContext();
                    var ok = false;
                    try
                    {
                        var value = context.Eval<JsObject>("({ a: 1 })");
                        s_live.Add(context);
                        ok = true;
                        return value;
                    }
                    finally
                    {
                        if (!ok)
                            context.Dispose();
                    }
                }
            }
            """);

    [Fact]
    public Task Handle_returned_by_a_lambda_over_a_using_context_that_is_called_inside_the_scope_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var context = new Isolate().CreateContext();
                    Func<JsObject> get = () => context.Eval<JsObject>("({ a: 1 })");
                    return get().Get<int>("a");
                }
            }
            """);
}
