using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1003: Context, Isolate, ContextBuilder, SnapshotCreator or Scope used after Dispose().</summary>
public sealed class UsedAfterDisposeTests
{
    private const string Rule = "V8H1003";

    [Theory]
    [InlineData("var ctx = new Isolate().CreateContext();", "ctx.Dispose();", "[|ctx.Eval(\"1\")|];")]
    [InlineData("var ctx = new Isolate().CreateContext();", "ctx.Dispose();", "var stats = [|ctx.GetHeapStatistics()|];")]
    [InlineData("var ctx = new Isolate().CreateContext();", "ctx.Dispose();", "[|ctx.SetGlobal(\"a\", 1)|];")]
    [InlineData("var ctx = new Isolate().CreateContext();", "ctx.Dispose();", "[|ctx.CollectGarbage()|];")]
    [InlineData("var isolate = new Isolate();", "isolate.Dispose();", "using var ctx = [|isolate.CreateContext()|];")]
    [InlineData("var isolate = new Isolate();", "isolate.Dispose();", "var stats = [|isolate.GetHeapStatistics()|];")]
    [InlineData("var builder = new Isolate().CreateContextBuilder();", "builder.Dispose();", "[|builder.SetGlobal(\"a\", 1)|];")]
    [InlineData("var builder = new Isolate().CreateContextBuilder();", "builder.Dispose();", "using var ctx = [|builder.Build()|];")]
    [InlineData("var creator = new SnapshotCreator();", "creator.Dispose();", "[|creator.Eval(\"var a = 1\")|];")]
    [InlineData("var creator = new SnapshotCreator();", "creator.Dispose();", "var blob = [|creator.CreateBlob()|];")]
    [InlineData("var scope = new Isolate().CreateScope();", "scope.Dispose();", "var script = [|scope.Compile(\"1\")|];")]
    public Task Member_use_after_Dispose_is_reported(string create, string dispose, string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    {{create}}
                    {{dispose}}
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_variable_and_the_disposal()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static void Run()
                {
                    var context = new Isolate().CreateContext();
                    context.Dispose();
                    context.Eval("1");
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'context'", diagnostic.GetMessage());
        Assert.Contains("Dispose()", diagnostic.GetMessage());
    }

    [Fact]
    public Task Use_after_a_using_block_over_a_local_declared_outside_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    var ctx = new Isolate().CreateContext();
                    using (ctx)
                    {
                        ctx.Eval("globalThis.a = 1");
                    }

                    return [|ctx.Eval("a")|];
                }
            }
            """, Rule);

    [Fact]
    public Task Use_after_a_using_block_that_assigns_a_local_declared_outside_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    Context ctx;
                    using (ctx = new Isolate().CreateContext())
                    {
                        ctx.Eval("globalThis.a = 1");
                    }

                    return [|ctx.Eval("a")|];
                }
            }
            """, Rule);

    [Fact]
    public Task Use_after_dispose_on_every_branch_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run(bool fail)
                {
                    var ctx = new Isolate().CreateContext();
                    if (fail)
                    {
                        ctx.Dispose();
                    }
                    else
                    {
                        ctx.Eval("cleanup()");
                        ctx.Dispose();
                    }

                    [|ctx.Eval("1")|];
                }
            }
            """, Rule);

    [Fact]
    public Task Use_after_Dispose_inside_a_finally_block_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    try
                    {
                        ctx.Eval("work()");
                    }
                    finally
                    {
                        ctx.Dispose();
                        [|ctx.Eval("log('done')")|];
                    }
                }
            }
            """, Rule);

    [Fact]
    public Task Use_after_Dispose_inside_a_catch_block_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    try
                    {
                        ctx.Eval("work()");
                    }
                    catch (JavaScriptException)
                    {
                        ctx.Dispose();
                        [|ctx.Eval("log('failed')")|];
                        throw;
                    }

                    ctx.Dispose();
                }
            }
            """, Rule);

    [Fact]
    public Task Use_after_Dispose_inside_a_lambda_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static Action Run() => () =>
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Dispose();
                    [|ctx.Eval("1")|];
                };
            }
            """, Rule);

    [Fact]
    public Task Use_after_Dispose_inside_a_local_function_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    Work();

                    static void Work()
                    {
                        var ctx = new Isolate().CreateContext();
                        ctx.Dispose();
                        [|ctx.Eval("1")|];
                    }
                }
            }
            """, Rule);

    [Fact]
    public Task Dispose_twice_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("1");
                    ctx.Dispose();
                    ctx.Dispose();
                }
            }
            """);

    [Fact]
    public Task IsAlive_after_Dispose_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static bool Run()
                {
                    var ctx = new Isolate().CreateContext();
                    var builder = new Isolate().CreateContextBuilder();
                    var creator = new SnapshotCreator();
                    ctx.Dispose();
                    builder.Dispose();
                    creator.Dispose();
                    return ctx.IsAlive || builder.IsAlive || creator.IsAlive;
                }
            }
            """);

    [Fact]
    public Task Dispose_in_one_branch_only_is_not_reported_after_the_join() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run(bool shutdown)
                {
                    var ctx = new Isolate().CreateContext();
                    if (shutdown)
                        ctx.Dispose();
                    else
                        ctx.Eval("tick()");
                    if (ctx.IsAlive)
                        ctx.Eval("afterTick()");
                    ctx.Dispose();
                }
            }
            """);

    [Fact]
    public Task Conditional_dispose_inside_finally_is_not_a_must_fact() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run(bool keepAlive)
                {
                    var ctx = new Isolate().CreateContext();
                    try
                    {
                        ctx.Eval("work()");
                    }
                    finally
                    {
                        if (!keepAlive)
                            ctx.Dispose();
                    }

                    if (ctx.IsAlive)
                        ctx.Eval("more()");
                    ctx.Dispose();
                }
            }
            """);

    [Fact]
    public Task Fresh_context_after_dispose_in_a_loop_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run(string[] scripts)
                {
                    var ctx = new Isolate().CreateContext();
                    foreach (var script in scripts)
                    {
                        ctx.Eval(script);
                        ctx.Dispose();
                        ctx = new Isolate().CreateContext();
                    }

                    ctx.Dispose();
                }
            }
            """);

    [Fact]
    public Task Use_inside_using_block_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using (var ctx = new Isolate().CreateContext())
                    {
                        ctx.Eval("globalThis.a = 20");
                        return ctx.Eval<int>("a + 22");
                    }
                }
            }
            """);
}
