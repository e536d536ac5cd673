using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1005: a Context, Isolate, ContextBuilder, SnapshotCreator or Scope never disposed, returned, stored or passed on.</summary>
public sealed class NotDisposedTests
{
    private const string Rule = "V8H1005";

    [Fact]
    public Task Context_local_never_disposed_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    var ctx = [|new Isolate().CreateContext()|];
                    return ctx.Eval<int>("1 + 1");
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_type()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("1");
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Contains("Context", diagnostic.GetMessage());
    }

    [Fact]
    public Task SnapshotCreator_as_an_expression_statement_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    [|new SnapshotCreator()|];
                }
            }
            """, Rule);

    [Fact]
    public Task Builder_never_built_nor_disposed_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    var builder = [|new Isolate().CreateContextBuilder()|];
                    builder.SetGlobal("x", 1).AddHostFunction("f", new Func<int>(() => 1));
                }
            }
            """, Rule);

    [Fact]
    public Task Builder_chain_never_built_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run()
                {
                    [|new Isolate().CreateContextBuilder()|].SetGlobal("x", 1);
                }
            }
            """, Rule);

    [Theory]
    [InlineData("var isolate = [|new Isolate()|];\n        Console.WriteLine(isolate.IsAlive);")]
    [InlineData("var scope = [|new Isolate().CreateScope()|];\n        scope.Compile(\"1\").Run();")]
    [InlineData("var ctx = [|new Isolate().CreateContextFromSnapshot(0)|];\n        ctx.Eval(\"1\");")]
    [InlineData("var ctx = [|new Isolate().CreateContextBuilder().SetGlobal(\"a\", 1).Build()|];\n        ctx.Eval(\"a\");")]
    public Task Other_owners_never_disposed_are_reported(string body) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    {{body}}
                }
            }
            """, Rule);

    [Fact]
    public Task Undisposed_context_in_top_level_statements_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            var ctx = [|new Isolate().CreateContext()|];
            Console.WriteLine(ctx.Eval<int>("6 * 7"));
            """, Rule);

    [Fact]
    public Task Factory_methods_returning_the_context_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Factory
            {
                public static Context Create() => new Isolate().CreateContext();

                public static Context CreateConfigured()
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("globalThis.ready = true");
                    return ctx;
                }

                public static Context FromBuilder() =>
                    new Isolate().CreateContextBuilder().SetGlobal("x", 1).Build();

                public static Context? Maybe(bool yes) => yes ? new Isolate().CreateContext() : null;
            }
            """);

    [Fact]
    public Task Context_stored_in_a_field_of_a_disposable_owner_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class ScriptHost : IDisposable
            {
                private readonly Context _context;
                private Context? _secondary;

                public ScriptHost()
                {
                    _context = new Isolate().CreateContext();
                }

                public void Reset()
                {
                    var fresh = new Isolate().CreateContext();
                    _secondary?.Dispose();
                    _secondary = fresh;
                }

                public object? Run(string code) => _context.Eval(code);

                public void Dispose()
                {
                    _context.Dispose();
                    _secondary?.Dispose();
                }
            }
            """);

    [Fact]
    public Task Field_initializers_and_property_initializers_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class ScriptHost : IDisposable
            {
                private readonly Context _context = new Isolate().CreateContext();

                public Context Other { get; } = new Isolate().CreateContext();

                public void Dispose()
                {
                    _context.Dispose();
                    Other.Dispose();
                }
            }
            """);

    [Fact]
    public Task Context_passed_to_a_method_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                private static readonly List<Context> s_pool = new();

                public static void Run()
                {
                    Register(new Isolate().CreateContext());
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("globalThis.pooled = true");
                    s_pool.Add(ctx);
                }

                private static void Register(Context context) => s_pool.Add(context);
            }
            """);

    [Fact]
    public Task Using_forms_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var a = new Isolate().CreateContext();
                    using (var b = new Isolate().CreateContext())
                    using (new SnapshotCreator())
                    {
                        b.Eval("1");
                    }

                    var c = new Isolate().CreateContext();
                    using (c)
                    {
                        c.Eval("2");
                    }

                    using var isolate = new Isolate();
                    using var scope = new Isolate().CreateScope();
                    return a.Eval<int>("3");
                }
            }
            """);

    [Fact]
    public Task Await_using_of_an_owner_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Session : IAsyncDisposable
            {
                private readonly Context _context;

                public Session(Context context) => _context = context;

                public ValueTask DisposeAsync()
                {
                    _context.Dispose();
                    return ValueTask.CompletedTask;
                }
            }

            public static class Program
            {
                public static async Task RunAsync()
                {
                    await using var session = new Session(new Isolate().CreateContext());
                    await Task.Yield();
                }
            }
            """);

    [Fact]
    public Task Explicit_Dispose_and_try_finally_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
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
                    }
                }
            }
            """);

    [Fact]
    public Task Null_conditional_dispose_in_finally_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static void Run()
                {
                    Context? ctx = null;
                    try
                    {
                        ctx = new Isolate().CreateContext();
                        ctx.Eval("work()");
                    }
                    finally
                    {
                        ctx?.Dispose();
                    }
                }
            }
            """);

    [Fact]
    public Task Captured_by_a_lambda_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Func<string, object?> Run()
                {
                    var ctx = new Isolate().CreateContext();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => ctx.Dispose();
                    return code => ctx.Eval(code);
                }
            }
            """);

    [Fact]
    public Task Builder_chains_ending_in_Build_assigned_to_a_using_var_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var ctx = new Isolate().CreateContextBuilder()
                        .SetGlobal("x", 1)
                        .AddHostFunction("add", new Func<int, int, int>((a, b) => a + b))
                        .Build();
                    var builder = new Isolate().CreateContextBuilder();
                    builder.SetGlobal("y", 2);
                    using var other = builder.Build();
                    return ctx.Eval<int>("add(x, 1)") + other.Eval<int>("y");
                }
            }
            """);

    [Fact]
    public Task Isolate_consumed_by_CreateContext_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static StartupData Run(StartupData snapshot)
                {
                    var isolate = new Isolate(snapshot);
                    using var ctx = isolate.CreateContextFromSnapshot(0);
                    var creator = new SnapshotCreator(snapshot);
                    creator.Eval("var extra = 1");
                    return creator.CreateBlob();
                }
            }
            """);

    [Fact]
    public Task Returned_in_a_tuple_or_array_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static (Context, Context) Pair() => (new Isolate().CreateContext(), new Isolate().CreateContext());

                public static Context[] Many() => new[] { new Isolate().CreateContext(), new Isolate().CreateContext() };
            }
            """);

    [Fact]
    public Task Lazy_field_creation_with_coalesce_assignment_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class ScriptHost : IDisposable
            {
                private Context? _context;

                public Context Context => _context ??= new Isolate().CreateContext();

                public void Dispose() => _context?.Dispose();
            }
            """);

    [Fact]
    public Task Lazy_creation_into_a_parameter_with_coalesce_assignment_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static Context Get(Context? cached)
                {
                    cached ??= new Isolate().CreateContext();
                    return cached;
                }
            }
            """);

    [Fact]
    public Task Switch_expression_assigned_to_a_using_var_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(StartupData? snapshot)
                {
                    using var ctx = snapshot switch
                    {
                        null => new Isolate().CreateContext(),
                        _ => new Isolate(snapshot).CreateContextFromSnapshot(0),
                    };
                    return ctx.Eval<int>("1");
                }
            }
            """);

    [Fact]
    public Task Using_statement_assigning_a_local_declared_outside_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    Context ctx;
                    using (ctx = new Isolate().CreateContext())
                    {
                        return ctx.Eval<int>("1");
                    }
                }
            }
            """);

    [Fact]
    public Task Non_V8Host_types_with_the_same_member_names_are_ignored() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Widget : IDisposable
            {
                public Widget Build() => new Widget();
                public void Dispose() { }
            }

            public static class Program
            {
                public static void Run()
                {
                    var w = new Widget().Build();
                }
            }
            """);

    [Fact]
    public Task Builder_reassigned_from_a_switch_over_itself_is_analysed_without_recursing_forever() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Loop
            {
                private readonly Context _context;

                public Loop(object target, bool extra)
                {
                    var builder = new Isolate().CreateContextBuilder();
                    builder = target switch
                    {
                        string => builder.SetGlobal("kind", "string"),
                        _ => builder.SetGlobal("kind", "other"),
                    };
                    builder = extra ? builder.SetGlobal("extra", true) : builder;
                    _context = builder.Build();
                }

                public int Read() => _context.Eval<int>("1");
            }
            """);

    [Fact]
    public Task Builder_reassigned_from_a_switch_over_itself_and_never_built_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static void Run(object target)
                {
                    var builder = [|new Isolate().CreateContextBuilder()|];
                    builder = target switch
                    {
                        string => builder.SetGlobal("kind", "string"),
                        _ => builder.SetGlobal("kind", "other"),
                    };
                    Console.WriteLine(builder.IsAlive);
                }
            }
            """, "V8H1005");
}
