using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1002: a ContextBuilder used after Build(), a SnapshotCreator used after CreateBlob().</summary>
public sealed class BuilderConsumedTests
{
    private const string Rule = "V8H1002";

    [Theory]
    [InlineData("[|builder.AddHostFunction(\"add\", new Func<int, int, int>((a, b) => a + b))|];")]
    [InlineData("[|builder.SetGlobal(\"version\", 2)|];")]
    [InlineData("[|builder.UseSnapshot()|];")]
    [InlineData("using var again = [|builder.Build()|];")]
    public Task Builder_used_after_Build_is_reported(string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    var builder = new Isolate().CreateContextBuilder();
                    builder.SetGlobal("version", 1);
                    using var context = builder.Build();
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public async Task Builder_diagnostic_names_the_builder_and_Build()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static void Run()
                {
                    var builder = new Isolate().CreateContextBuilder();
                    using var context = builder.Build();
                    builder.SetGlobal("late", true);
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'builder'", diagnostic.GetMessage());
        Assert.Contains("Build()", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[|creator.Eval(\"var late = 1\")|];")]
    [InlineData("var index = [|creator.AddContext(\"var x = 1\")|];")]
    [InlineData("var again = [|creator.CreateBlob()|];")]
    public Task SnapshotCreator_used_after_CreateBlob_is_reported(string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static StartupData Run()
                {
                    using var creator = new SnapshotCreator();
                    creator.Eval("globalThis.answer = 42");
                    creator.AddContext();
                    var blob = creator.CreateBlob();
                    {{use}}
                    return blob;
                }
            }
            """, Rule);

    [Fact]
    public Task Builder_chain_ending_in_Build_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var context = new Isolate().CreateContextBuilder().SetGlobal("x", 1).Build();
                    return context.Eval<int>("x + 1");
                }
            }
            """);

    [Fact]
    public Task Builder_configured_then_built_once_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Context Create(bool withClock)
                {
                    var builder = new Isolate().CreateContextBuilder()
                        .AddHostFunction("add", new Func<int, int, int>((a, b) => a + b));
                    if (withClock)
                        builder.AddHostFunction("now", new Func<double>(() => Environment.TickCount64));
                    builder.SetGlobal("name", "demo");
                    var context = builder.Build();
                    var alive = builder.IsAlive;
                    builder.Dispose();
                    return context;
                }
            }
            """);

    [Fact]
    public Task Builder_built_on_one_branch_only_is_not_reported_after_the_join() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Context Create(bool early)
                {
                    var builder = new Isolate().CreateContextBuilder();
                    Context? context = null;
                    if (early)
                        context = builder.Build();
                    if (context is null)
                    {
                        builder.SetGlobal("late", true);
                        context = builder.Build();
                    }

                    return context;
                }
            }
            """);

    [Fact]
    public Task SnapshotCreator_used_before_CreateBlob_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static StartupData Bake(IEnumerable<string> scripts)
                {
                    using var creator = new SnapshotCreator();
                    foreach (var script in scripts)
                        creator.Eval(script);
                    creator.AddContext();
                    creator.AddContext("globalThis.second = true");
                    var blob = creator.CreateBlob();
                    var alive = creator.IsAlive;
                    return blob;
                }
            }
            """);

    [Fact]
    public Task New_builder_per_loop_iteration_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(int count)
                {
                    var total = 0;
                    var builder = new Isolate().CreateContextBuilder();
                    for (var i = 0; i < count; i++)
                    {
                        builder.SetGlobal("i", i);
                        using var context = builder.Build();
                        total += context.Eval<int>("i");
                        builder = new Isolate().CreateContextBuilder();
                    }

                    builder.Dispose();
                    return total;
                }
            }
            """);

    [Fact]
    public Task Scope_used_after_Compile_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    using var scope = new Isolate().CreateScope();
                    var script = scope.Compile("1 + 1");
                    script.Run();
                    [|scope.Compile("2 + 2")|];
                    _ = scope.IsAlive;
                }
            }
            """, Rule);
}
