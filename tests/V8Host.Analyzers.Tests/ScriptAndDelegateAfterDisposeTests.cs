using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1004 for the other values that die with their context: a Script, a Module, a delegate read from JS.</summary>
public sealed class ScriptAndDelegateAfterDisposeTests
{
    private const string Rule = "V8H1004";

    [Theory]
    [InlineData("var script = ctx.Compile(\"1 + 1\");", "var result = [|script.Run()|];")]
    [InlineData("var script = ctx.Compile(\"1 + 1\", \"sum.js\");", "var cache = [|script.CreateCodeCache()|];")]
    [InlineData("var module = ctx.CompileModule(\"export const a = 1;\");", "var exports = [|module.Namespace|];")]
    [InlineData("var module = ctx.CompileModule(\"export const a = 1;\");", "[|module.Instantiate()|];")]
    [InlineData("var twice = ctx.Eval<Func<int, int>>(\"x => x * 2\");", "var four = [|twice(2)|];")]
    [InlineData("var twice = ctx.Eval<Func<int, int>>(\"x => x * 2\");", "var four = [|twice.Invoke(2)|];")]
    [InlineData("var log = ctx.Eval<Action<string>>(\"s => {}\");", "[|log(\"x\")|];")]
    [InlineData("var isEven = ctx.Eval<Predicate<int>>(\"x => x % 2 === 0\");", "var even = [|isEven(2)|];")]
    [InlineData("var f = ctx.Eval<JsObject>(\"({ f: () => 1 })\").Get<Func<int>>(\"f\");", "var one = [|f()|];")]
    [InlineData("var f = ctx.Eval<JsFunction>(\"() => () => 1\").Invoke<Func<int>>();", "var one = [|f()|];")]
    public Task Context_bound_value_used_after_ctx_Dispose_is_reported(string obtain, string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    var ctx = new Isolate().CreateContext();
                    {{obtain}}
                    ctx.Dispose();
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public Task Handle_chosen_by_a_conditional_used_after_Dispose_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run(bool compiled)
                {
                    var ctx = new Isolate().CreateContext();
                    var script = compiled ? ctx.Compile("1") : ctx.Compile("2");
                    var items = ctx.Eval<JsArray?>("null") ?? ctx.Eval<JsArray>("[1]");
                    ctx.Dispose();
                    [|script.Run()|];
                    return [|items.Count|];
                }
            }
            """, Rule);

    [Fact]
    public Task Script_run_after_the_using_statement_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    Script script;
                    using (var context = new Isolate().CreateContext())
                        script = context.Compile("6 * 7");
                    return [|script.Run()|];
                }
            }
            """, Rule);

    [Fact]
    public Task Delegate_called_after_the_using_declaration_scope_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    Func<int, int> twice;
                    {
                        using var context = new Isolate().CreateContext();
                        twice = context.Eval<Func<int, int>>("x => x * 2");
                    }

                    return [|twice(21)|];
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_script_and_the_context()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static object? Run()
                {
                    var engine = new Isolate().CreateContext();
                    var report = engine.Compile("'ok'");
                    engine.Dispose();
                    return report.Run();
                }
            }
            """);
        var diagnostic = Assert.Single(await AnalyzerHarness.AnalyzeAsync(source.Code));
        Assert.Equal(Rule, diagnostic.Id);
        Assert.Equal("'report' belongs to context 'engine', which was disposed (Dispose()); this throws ObjectDisposedException. Use it, or read the .NET values you need from it, before disposing the context.", diagnostic.GetMessage());
    }

    [Fact]
    public Task Script_disposed_itself_is_V8H1003() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    using var ctx = new Isolate().CreateContext();
                    var script = ctx.Compile("1");
                    script.Dispose();
                    return {|V8H1003:script.Run()|};
                }
            }
            """, Rule);

    [Fact]
    public Task Scripts_and_delegates_used_inside_the_scope_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using var context = new Isolate().CreateContext();
                    var script = context.Compile("6 * 7");
                    var twice = context.Eval<Func<int, int>>("x => x * 2");
                    var first = (int)(double)script.Run()!;
                    return twice(first) + twice.Invoke(1);
                }
            }
            """);

    [Fact]
    public Task Script_data_and_liveness_after_dispose_are_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static string Run()
                {
                    var context = new Isolate().CreateContext();
                    var script = context.Compile("1", "one.js");
                    var module = context.CompileModule("export const a = 1;", "a.mjs");
                    var twice = context.Eval<Func<int, int>>("x => x * 2");
                    context.Dispose();
                    return script.Source + script.ResourceName + script.IsAlive + script.CachedDataRejected
                        + module.Specifier + module.Status + module.Context.IsAlive + twice.Method.Name;
                }
            }
            """);

    [Fact]
    public Task Delegates_that_are_not_from_JS_are_fine_after_dispose() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run(Func<int> fromCaller)
                {
                    var context = new Isolate().CreateContext();
                    var seed = context.Eval<int>("41");
                    Func<int> next = () => seed + 1;
                    Func<int> parse = ParseOne;
                    context.Dispose();
                    return next() + parse() + fromCaller();
                }

                private static int ParseOne() => 1;
            }
            """);

    [Fact]
    public Task Script_of_another_live_context_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static object? Run()
                {
                    using var live = new Isolate().CreateContext();
                    var scratch = new Isolate().CreateContext();
                    var script = live.Compile("1");
                    var other = scratch.Compile("2");
                    var value = other.Run();
                    scratch.Dispose();
                    return script.Run() ?? value;
                }
            }
            """);
}
