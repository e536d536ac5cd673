using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1004: a JS handle used after the context it came from was disposed.</summary>
public sealed class HandleOutlivesContextTests
{
    private const string Rule = "V8H1004";

    [Theory]
    [InlineData("JsObject", "({ a: 1 })", "var a = [|handle.Get<int>(\"a\")|];")]
    [InlineData("JsObject", "({ a: 1 })", "var a = [|handle[\"a\"]|];")]
    [InlineData("JsObject", "({ a: 1 })", "var keys = [|handle.Keys|];")]
    [InlineData("JsArray", "[1, 2, 3]", "var count = [|handle.Count|];")]
    [InlineData("JsArray", "[1, 2, 3]", "[|handle.Add(4)|];")]
    [InlineData("JsFunction", "(x => x * 2)", "var doubled = [|handle.Invoke(21)|];")]
    [InlineData("JsFunction", "(x => x * 2)", "var doubled = [|handle.Invoke<int>(21)|];")]
    [InlineData("JsPromise", "Promise.resolve(1)", "var task = [|handle.AsTask()|];")]
    [InlineData("JsPromise", "Promise.resolve(1)", "var value = [|handle.Wait()|];")]
    public Task Handle_from_Eval_used_after_ctx_Dispose_is_reported(string type, string js, string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    var handle = ctx.Eval<{{type}}>("{{js}}");
                    ctx.Dispose();
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_handle_and_the_context()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static object? Run()
                {
                    var context = new Isolate().CreateContext();
                    var user = context.Eval<JsObject>("({ name: 'Ada' })");
                    context.Dispose();
                    return user["name"];
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'user'", diagnostic.GetMessage());
        Assert.Contains("'context'", diagnostic.GetMessage());
    }

    [Fact]
    public Task Handle_used_after_the_using_statement_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    JsObject user;
                    using (var context = new Isolate().CreateContext())
                        user = context.Eval<JsObject>("({ name: 'Ada' })");
                    Console.WriteLine([|user["name"]|]);
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_used_after_the_using_declaration_scope_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    JsFunction twice;
                    {
                        using var context = new Isolate().CreateContext();
                        twice = context.Eval<JsFunction>("(x => x * 2)");
                    }

                    return [|twice.Invoke<int>(21)|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_from_NewObject_and_CompileFunction_used_after_Dispose_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var context = new Isolate().CreateContext();
                    var options = context.NewObject();
                    var add = context.CompileFunction("return a + b", new[] { "a", "b" });
                    context.Dispose();
                    [|options.Add("x", 1)|];
                    [|add.Invoke(1, 2)|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_derived_from_another_handle_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    var ctx = new Isolate().CreateContext();
                    var obj = ctx.Eval<JsObject>("({ x: [1, 2, 3] })");
                    var items = obj.Get<JsArray>("x");
                    ctx.Dispose();
                    return [|items.Count|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_derived_through_two_levels_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    var ctx = new Isolate().CreateContext();
                    var root = ctx.Eval<JsObject>("({ a: { f: () => 1 } })");
                    var inner = root.Get<JsObject>("a");
                    var f = inner.Get<JsFunction>("f");
                    ctx.Dispose();
                    return [|f.Invoke()|];
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_disposed_itself_is_V8H1003_not_V8H1004() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var ctx = new Isolate().CreateContext();
                    var obj = ctx.Eval<JsObject>("({ a: 1 })");
                    obj.Dispose();
                    return {|V8H1003:obj.Get<int>("a")|};
                }
            }
            """, Rule);

    [Fact]
    public Task Handles_used_inside_the_using_scope_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static string Run()
                {
                    using (var context = new Isolate().CreateContext())
                    {
                        var user = context.Eval<JsObject>("({ name: 'Ada', tags: ['a', 'b'] })");
                        var tags = user.Get<JsArray>("tags");
                        return user.Get<string>("name") + tags.Count;
                    }
                }
            }
            """);

    [Fact]
    public Task Handle_values_read_before_Dispose_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static (string Name, int Count) Run()
                {
                    var context = new Isolate().CreateContext();
                    var user = context.Eval<JsObject>("({ name: 'Ada', tags: ['a', 'b'] })");
                    var name = user.Get<string>("name");
                    var count = user.Get<JsArray>("tags").Count;
                    context.Dispose();
                    return (name, count);
                }
            }
            """);

    [Fact]
    public Task IsAlive_and_Context_of_a_handle_after_dispose_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static bool Run()
                {
                    var context = new Isolate().CreateContext();
                    var obj = context.NewObject();
                    context.Dispose();
                    return obj.IsAlive || obj.Context.IsAlive;
                }
            }
            """);

    [Fact]
    public Task Handles_in_an_async_method_within_the_using_scope_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static async Task<int> RunAsync()
                {
                    using var context = new Isolate().CreateContext();
                    var promise = context.Eval<JsPromise>("Promise.resolve({ a: 41 })");
                    var result = await promise;
                    var obj = (JsObject)result!;
                    await context.RunUntilIdleAsync();
                    return obj.Get<int>("a") + 1;
                }
            }
            """);

    [Fact]
    public Task Await_using_owner_holding_a_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Session : IAsyncDisposable
            {
                public Session() => Context = new Isolate().CreateContext();

                public Context Context { get; }

                public ValueTask DisposeAsync()
                {
                    Context.Dispose();
                    return ValueTask.CompletedTask;
                }
            }

            public static class Program
            {
                public static async Task<int> RunAsync()
                {
                    await using var session = new Session();
                    var obj = session.Context.Eval<JsObject>("({ a: 1 })");
                    await session.Context.RunUntilIdleAsync();
                    return obj.Get<int>("a");
                }
            }
            """);

    [Fact]
    public Task Handle_from_another_live_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var live = new Isolate().CreateContext();
                    var scratch = new Isolate().CreateContext();
                    var a = live.Eval<JsObject>("({ a: 1 })");
                    var b = scratch.Eval<JsObject>("({ b: 2 })");
                    var bValue = b.Get<int>("b");
                    scratch.Dispose();
                    return a.Get<int>("a") + bValue;
                }
            }
            """);

    [Fact]
    public Task Handle_reassigned_from_a_fresh_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(JsObject fallback)
                {
                    var ctx = new Isolate().CreateContext();
                    var obj = ctx.Eval<JsObject>("({ a: 1 })");
                    ctx.Dispose();
                    obj = fallback;
                    return obj.Get<int>("a");
                }
            }
            """);
}
