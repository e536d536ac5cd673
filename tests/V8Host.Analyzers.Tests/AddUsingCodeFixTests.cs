using V8Host.Analyzers.CodeFixes;
using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>The V8H1005 code fix: <c>var ctx = …;</c> becomes <c>using var ctx = …;</c>.</summary>
public sealed class AddUsingCodeFixTests
{
    private const string Rule = "V8H1005";

    [Fact]
    public void Fix_is_registered_for_V8H1005_with_a_fix_all_provider()
    {
        var fix = new AddUsingCodeFix();
        Assert.Equal(new[] { Rule }, fix.FixableDiagnosticIds);
        Assert.NotNull(fix.GetFixAllProvider());
    }

    [Fact]
    public async Task Adds_using_and_keeps_indentation_and_comments()
    {
        var before = TestSource.DefaultUsings + """
            namespace Demo
            {
                public static class Program
                {
                    public static int Run()
                    {
                        // One context for the whole run.
                        var ctx = new Isolate().CreateContext(); // trailing note
                        return ctx.Eval<int>("1 + 1");
                    }
                }
            }
            """;
        var after = TestSource.DefaultUsings + """
            namespace Demo
            {
                public static class Program
                {
                    public static int Run()
                    {
                        // One context for the whole run.
                        using var ctx = new Isolate().CreateContext(); // trailing note
                        return ctx.Eval<int>("1 + 1");
                    }
                }
            }
            """;

        var fixedText = await CodeFixHarness.ApplySingleFixAsync(before, new AddUsingCodeFix(), Rule);

        Assert.Equal(after, fixedText);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedText));
    }

    [Fact]
    public async Task Code_action_has_a_title_and_equivalence_key()
    {
        var document = await CodeFixHarness.CreateDocumentAsync(TestSource.DefaultUsings + """
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    ctx.Eval("1");
                }
            }
            """);
        var (_, action) = Assert.Single(await CodeFixHarness.GetActionsAsync(document, new AddUsingCodeFix(), Rule));
        Assert.Equal("Add 'using'", action.Title);
        Assert.False(string.IsNullOrEmpty(action.EquivalenceKey));
    }

    [Fact]
    public async Task Fixes_explicitly_typed_declarations()
    {
        var before = TestSource.DefaultUsings + """
            public static class Program
            {
                public static void Run()
                {
                    ContextBuilder builder = new Isolate().CreateContextBuilder();
                    builder.SetGlobal("a", 1);
                }
            }
            """;
        var fixedText = await CodeFixHarness.ApplySingleFixAsync(before, new AddUsingCodeFix(), Rule);
        Assert.Equal(before.Replace("ContextBuilder builder =", "using ContextBuilder builder ="), fixedText);
    }

    [Fact]
    public async Task Fixes_top_level_statements()
    {
        var before = TestSource.DefaultUsings + """
            var ctx = new Isolate().CreateContext();
            Console.WriteLine(ctx.Eval<int>("6 * 7"));
            """;
        var fixedText = await CodeFixHarness.ApplySingleFixAsync(before, new AddUsingCodeFix(), Rule);
        Assert.Equal(before.Replace("var ctx =", "using var ctx ="), fixedText);
        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(fixedText));
    }

    [Fact]
    public async Task Fixes_a_declaration_inside_a_switch_section()
    {
        var before = TestSource.DefaultUsings + """
            public static class Program
            {
                public static int Run(int mode)
                {
                    switch (mode)
                    {
                        case 1:
                            var ctx = new Isolate().CreateContext();
                            return ctx.Eval<int>("1");
                        default:
                            return 0;
                    }
                }
            }
            """;
        var fixedText = await CodeFixHarness.ApplySingleFixAsync(before, new AddUsingCodeFix(), Rule);
        Assert.Equal(before.Replace("var ctx =", "using var ctx ="), fixedText);
    }

    [Fact]
    public async Task No_fix_for_an_expression_statement()
    {
        var document = await CodeFixHarness.CreateDocumentAsync(TestSource.DefaultUsings + """
            public static class Program
            {
                public static void Run()
                {
                    new SnapshotCreator();
                }
            }
            """);
        Assert.Empty(await CodeFixHarness.GetActionsAsync(document, new AddUsingCodeFix(), Rule));
    }

    [Fact]
    public async Task No_fix_when_the_declaration_has_several_variables()
    {
        var document = await CodeFixHarness.CreateDocumentAsync(TestSource.DefaultUsings + """
            public static class Program
            {
                public static void Run()
                {
                    Context a = new Isolate().CreateContext(), b = new Isolate().CreateContext();
                    a.Eval("1");
                    b.Eval("2");
                }
            }
            """);
        Assert.Empty(await CodeFixHarness.GetActionsAsync(document, new AddUsingCodeFix(), Rule));
    }

    [Fact]
    public async Task No_fix_for_a_builder_chain_expression_statement()
    {
        var document = await CodeFixHarness.CreateDocumentAsync(TestSource.DefaultUsings + """
            public static class Program
            {
                public static void Run()
                {
                    new Isolate().CreateContextBuilder().SetGlobal("x", 1);
                }
            }
            """);
        var actions = await CodeFixHarness.GetActionsAsync(document, new AddUsingCodeFix(), Rule);
        Assert.Empty(actions);
    }
}
