using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1001: an isolate used after CreateContext/CreateContextBuilder/CreateContextFromSnapshot/CreateScope.</summary>
public sealed class IsolateConsumedTests
{
    private const string Rule = "V8H1001";

    public static TheoryData<string, string, string> ConsumerPairs()
    {
        var consumers = new[]
        {
            ("Context", "CreateContext()"),
            ("ContextBuilder", "CreateContextBuilder()"),
            ("Context", "CreateContextFromSnapshot()"),
            ("Scope", "CreateScope()"),
        };
        var data = new TheoryData<string, string, string>();
        foreach (var (_, first) in consumers)
        {
            foreach (var (type, second) in consumers)
                data.Add(first, type, second);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ConsumerPairs))]
    public Task Second_consuming_call_on_the_same_isolate_is_reported(string first, string secondType, string second) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run(StartupData snapshot)
                {
                    var isolate = new Isolate(snapshot);
                    using var first = isolate.{{first}};
                    using {{secondType}} second = [|isolate.{{second}}|];
                }
            }
            """, Rule);

    [Fact]
    public Task Second_CreateContext_is_reported_at_the_second_call_only()
    {
        return AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var isolate = new Isolate();
                    using var context = isolate.CreateContext();
                    using var other = [|isolate.CreateContext()|];
                    return context.Eval<int>("1") + other.Eval<int>("2");
                }
            }
            """, Rule);
    }

    [Fact]
    public async Task Diagnostic_names_the_isolate_and_the_consuming_call()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static void Run()
                {
                    var isolate = new Isolate();
                    using var scope = isolate.CreateScope();
                    using var context = isolate.CreateContext();
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("'isolate'", diagnostic.GetMessage());
        Assert.Contains("CreateScope()", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("var stats = [|isolate.GetHeapStatistics()|];")]
    [InlineData("[|isolate.CollectGarbage()|];")]
    [InlineData("[|isolate.LowMemoryNotification()|];")]
    public Task Other_isolate_members_after_CreateContext_are_reported(string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    var isolate = new Isolate();
                    using var context = isolate.CreateContext();
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public Task Consumption_in_top_level_statements_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            var isolate = new Isolate();
            using var context = isolate.CreateContext();
            Console.WriteLine([|isolate.GetHeapStatistics()|]);
            """, Rule);

    [Fact]
    public Task Consumed_on_every_branch_by_different_calls_is_reported_after_the_join() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run(bool scripted)
                {
                    var isolate = new Isolate();
                    IDisposable owner;
                    if (scripted)
                        owner = isolate.CreateScope();
                    else
                        owner = isolate.CreateContext();
                    using (owner)
                    {
                        var stats = [|isolate.GetHeapStatistics()|];
                    }
                }
            }
            """, Rule);

    [Fact]
    public Task Consumed_on_every_branch_by_the_same_call_is_reported_after_the_join() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run(bool verbose)
                {
                    var isolate = new Isolate();
                    Context context;
                    if (verbose)
                    {
                        context = isolate.CreateContext();
                        context.Eval("globalThis.verbose = true");
                    }
                    else
                    {
                        context = isolate.CreateContext();
                    }

                    using (context)
                        [|isolate.CollectGarbage()|];
                }
            }
            """, Rule);

    [Fact]
    public Task Using_isolate_and_using_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var isolate = new Isolate();
                    using var ctx = isolate.CreateContext();
                    return ctx.Eval<int>("1 + 1");
                }
            }
            """);

    [Fact]
    public Task Using_statements_nested_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using (var isolate = new Isolate())
                    using (var ctx = isolate.CreateContext())
                    {
                        return ctx.Eval<int>("1 + 1");
                    }
                }
            }
            """);

    [Fact]
    public Task IsAlive_and_Dispose_after_consumption_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static bool Run()
                {
                    var isolate = new Isolate();
                    using var ctx = isolate.CreateContext();
                    var alive = isolate.IsAlive;
                    isolate.Dispose();
                    return alive;
                }
            }
            """);

    [Fact]
    public Task Fresh_isolate_assigned_to_the_same_local_in_a_loop_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(string[] scripts)
                {
                    var total = 0;
                    var isolate = new Isolate();
                    foreach (var script in scripts)
                    {
                        using var ctx = isolate.CreateContext();
                        total += ctx.Eval<int>(script);
                        isolate = new Isolate();
                    }

                    isolate.Dispose();
                    return total;
                }
            }
            """);

    [Fact]
    public Task Isolate_declared_inside_a_loop_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(int count)
                {
                    var total = 0;
                    for (var i = 0; i < count; i++)
                    {
                        var isolate = new Isolate(new IsolateOptions { MaxHeapBytes = 64L << 20 });
                        using var ctx = isolate.CreateContext();
                        total += ctx.Eval<int>("40 + 2");
                    }

                    return total;
                }
            }
            """);

    [Fact]
    public Task Consumption_on_one_branch_only_is_not_reported_after_the_join() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Context Run(bool eager)
                {
                    var isolate = new Isolate();
                    Context? context = null;
                    if (eager)
                        context = isolate.CreateContext();
                    if (context is null)
                    {
                        var stats = isolate.GetHeapStatistics();
                        context = isolate.CreateContext();
                    }

                    return context;
                }
            }
            """);

    [Fact]
    public Task Different_isolates_are_tracked_separately() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var first = new Isolate();
                    var second = new Isolate();
                    using var a = first.CreateContext();
                    var stats = second.GetHeapStatistics();
                    using var b = second.CreateContext();
                }
            }
            """);
}
