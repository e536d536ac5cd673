using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1007: blocking on a JS promise inside a [HostFunction] or a public [HostClass] member.</summary>
public sealed class BlockingInHostCodeTests
{
    private const string Rule = "V8H1007";

    public static TheoryData<string> BlockingExpressions() => new()
    {
        "[|promise.Wait()|]",
        "[|promise.Wait(TimeSpan.FromSeconds(1))|]",
        "[|promise.AsTask().Result|]",
        "[|promise.AsTask().GetAwaiter().GetResult()|]",
        "[|promise.AsTask().ConfigureAwait(false).GetAwaiter().GetResult()|]",
        "[|ctx.EvalAsync(\"load()\").Result|]",
        "[|ctx.EvalAsync(\"load()\").GetAwaiter().GetResult()|]",
    };

    [Theory]
    [MemberData(nameof(BlockingExpressions))]
    public Task Blocking_in_a_HostFunction_is_reported(string expression) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static partial class Api
            {
                [HostFunction]
                public static object? Settle(Context ctx, JsPromise promise)
                {
                    return {{expression}};
                }
            }
            """, Rule);

    [Theory]
    [MemberData(nameof(BlockingExpressions))]
    public Task Blocking_in_a_public_HostClass_method_is_reported(string expression) =>
        AnalyzerHarness.VerifyAsync($$"""
            [HostClass]
            public partial class Loader
            {
                public object? Load(Context ctx, JsPromise promise)
                {
                    var result = {{expression}};
                    return result;
                }
            }
            """, Rule);

    [Theory]
    [InlineData("[|promise.AsTask().Wait()|];")]
    [InlineData("[|ctx.EvalAsync(\"load()\").Wait()|];")]
    [InlineData("[|ctx.RunUntilIdleAsync().Wait()|];")]
    [InlineData("[|ctx.RunUntilIdleAsync().GetAwaiter().GetResult()|];")]
    public Task Blocking_Wait_statements_are_reported(string statement) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static partial class Api
            {
                [HostFunction("sync.wait")]
                public static void WaitAll(Context ctx, JsPromise promise)
                {
                    {{statement}}
                }
            }
            """, Rule);

    [Fact]
    public Task Blocking_through_a_local_task_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static partial class Api
            {
                [HostFunction]
                public static object? Settle(JsPromise promise)
                {
                    var t = promise.AsTask();
                    return [|t.Result|];
                }
            }

            [HostClass]
            public partial class Loader
            {
                public object? Load(Context ctx)
                {
                    Task<object?> pending = ctx.EvalAsync("load()");
                    [|pending.Wait()|];
                    return [|pending.Result|];
                }
            }
            """, Rule);

    [Fact]
    public Task Blocking_via_the_awaiter_of_JsPromise_itself_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static partial class Api
            {
                [HostFunction]
                public static object? Settle(JsPromise promise) => [|promise.GetAwaiter().GetResult()|];
            }
            """, Rule);

    [Fact]
    public Task Blocking_in_a_HostClass_property_and_constructor_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            [HostClass("Job")]
            public partial class Job
            {
                private readonly JsPromise _promise;

                public Job(JsPromise promise)
                {
                    _promise = promise;
                    [|promise.Wait()|];
                }

                public object? Value => [|_promise.AsTask().Result|];
            }
            """, Rule);

    [Fact]
    public Task Blocking_inside_a_lambda_in_host_code_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            using System.Linq;

            public static partial class Api
            {
                [HostFunction]
                public static int Count(JsPromise[] promises)
                {
                    return promises.Select(p => [|p.Wait()|]).Count();
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_member_and_the_blocking_call()
    {
        var source = TestSource.Parse("""
            public static partial class Api
            {
                [HostFunction]
                public static object? Settle(JsPromise promise) => promise.Wait();
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'Settle'", diagnostic.GetMessage());
        Assert.Contains("JsPromise.Wait()", diagnostic.GetMessage());
    }

    [Fact]
    public Task Same_code_in_ordinary_methods_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Runner
            {
                public static object? Settle(Context ctx, JsPromise promise)
                {
                    var a = promise.Wait();
                    var b = promise.AsTask().Result;
                    promise.AsTask().Wait();
                    var c = promise.AsTask().GetAwaiter().GetResult();
                    var d = ctx.EvalAsync("load()").Result;
                    var t = promise.AsTask();
                    return t.Result ?? a ?? b ?? c ?? d;
                }
            }

            [HostClass]
            public partial class Loader
            {
                private static object? Helper(JsPromise promise) => promise.Wait();

                [HostIgnore]
                internal object? Internal(JsPromise promise) => promise.AsTask().Result;
            }
            """);

    [Fact]
    public Task Await_in_async_host_members_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static partial class Api
            {
                [HostFunction]
                public static async Task<object?> Later(JsPromise promise) => await promise;

                [HostFunction("later.task")]
                public static async Task<object?> LaterTask(JsPromise promise) => await promise.AsTask().ConfigureAwait(false);

                [HostFunction]
                public static JsPromise PassThrough(JsPromise promise) => promise;
            }

            [HostClass]
            public partial class Loader
            {
                public async Task<object?> LoadAsync(Context ctx)
                {
                    var value = await ctx.EvalAsync("load()");
                    await ctx.RunUntilIdleAsync();
                    return value;
                }
            }
            """);

    [Fact]
    public Task Waiting_on_unrelated_tasks_in_host_code_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static partial class Api
            {
                [HostFunction]
                public static string ReadFile(string path) => System.IO.File.ReadAllTextAsync(path).Result;

                [HostFunction]
                public static void Sleep(int ms) => Task.Delay(ms).Wait();
            }
            """);
}
