namespace V8Host.Tests.Execution;

/// <summary>Errors name scripts exactly as the user did, however often a name is reused, and never show V8Host's own names or glue.</summary>
public class ScriptNameTests
{
    [Fact]
    public void A_reused_script_name_comes_back_exactly_for_syntax_errors()
    {
        using var context = new Isolate().CreateContext();
        context.Compile("1", "conv.js").Dispose();

        var error = Assert.Throws<JavaScriptException>(() => context.Compile("let x = );", "conv.js"));

        Assert.Equal("conv.js", error.ScriptResourceName);
        Assert.Contains("(at conv.js:1:9)", error.Message);
    }

    [Fact]
    public void A_reused_script_name_comes_back_exactly_for_run_time_errors()
    {
        using var context = new Isolate().CreateContext();
        using var first = context.Compile("1", "conv.js");
        using var second = context.Compile("null.x", "conv.js");
        first.Run();

        var error = Assert.Throws<JavaScriptException>(() => second.Run());

        Assert.Equal("conv.js", error.ScriptResourceName);
        Assert.Equal("conv.js", error.Frames[0].ScriptName);
        Assert.Contains("(at conv.js:1:6)", error.Message);
        Assert.Contains("at conv.js:1:6", error.Stack);
    }

    [Fact]
    public void Every_eval_reports_its_own_name()
    {
        using var context = new Isolate().CreateContext();
        for (var i = 0; i < 3; i++)
            context.Eval("1");

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("null.x"));

        Assert.Equal("<eval>", error.ScriptResourceName);
        Assert.Contains("(at <eval>:1:6)", error.Message);
    }

    [Fact]
    public void A_reused_module_specifier_comes_back_exactly()
    {
        using var context = new Isolate().CreateContext();
        context.CompileModule("export const a = 1;", "mod.js");
        var module = context.CompileModule("\nnull.x;", "mod.js");
        module.Instantiate();

        var error = Assert.Throws<JavaScriptException>(() => module.Evaluate());

        Assert.Equal("mod.js", error.ScriptResourceName);
        Assert.Contains("(at mod.js:2:6)", error.Message);
        var syntax = Assert.Throws<JavaScriptException>(() => context.CompileModule("export const = 1;", "mod.js"));
        Assert.Equal("mod.js", syntax.ScriptResourceName);
    }

    [Fact]
    public void A_reused_function_file_name_comes_back_exactly()
    {
        using var context = new Isolate().CreateContext();
        context.CompileFunction("return 1;", filename: "fn.js");
        var function = context.CompileFunction("return null.x;", filename: "fn.js");

        var error = Assert.Throws<JavaScriptException>(() => function.Invoke());

        Assert.Equal("fn.js", error.ScriptResourceName);
    }

    [Theory]
    [InlineData("a b.js")]
    [InlineData("x [2].js")]
    [InlineData("ü/ß.js")]
    [InlineData("%41.js")]
    [InlineData("#")]
    [InlineData("?query#frag")]
    [InlineData("..")]
    [InlineData(@"C:\src\app.js")]
    [InlineData("https://example.com/app.js?v=1")]
    public void Unusual_names_come_back_exactly(string name)
    {
        using var context = new Isolate().CreateContext();
        context.Compile("1", name).Dispose();

        var runTime = Assert.Throws<JavaScriptException>(() => context.Compile("\nnull.x", name).Run());
        var syntax = Assert.Throws<JavaScriptException>(() => context.Compile("\nlet x = );", name));

        Assert.Equal(name, runTime.ScriptResourceName);
        Assert.Equal(name, runTime.Frames[0].ScriptName);
        Assert.Contains($"at {name}:2:6", runTime.Stack);
        Assert.Equal(name, syntax.ScriptResourceName);
    }

    [Fact]
    public void Names_that_cannot_come_back_exactly_are_rejected()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<ArgumentException>(() => context.Compile("1", "a\uD800.js"));
        Assert.Equal("filename", error.ParamName);
        Assert.Equal("specifier", Assert.Throws<ArgumentException>(() => context.CompileModule("1", "\uDC00")).ParamName);
        Assert.Equal("filename", Assert.Throws<ArgumentException>(() => context.CompileFunction("1", filename: "\uD800")).ParamName);
        Assert.Contains("reserved", Assert.Throws<ArgumentException>(() => context.Compile("1", "v8host:app.js")).Message);
        Assert.Equal("specifier", Assert.Throws<ArgumentException>(() => context.CompileModule("1", "v8host:m")).ParamName);
    }

    [Fact]
    public void ToString_shows_no_internal_names()
    {
        var original = new InvalidOperationException("disk full");
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("save", new Action(() => throw original))
            .Build();
        context.Compile("1", "app.js").Dispose();

        var errors = new[]
        {
            Assert.Throws<JavaScriptException>(() => context.Compile("let x = );", "app.js")),
            Assert.Throws<JavaScriptException>(() => context.Compile("function f() { null.x }\nf();", "app.js").Run()),
            Assert.Throws<JavaScriptException>(() => context.Eval("function run() { save(); }\nrun();")),
            Assert.Throws<JavaScriptException>(() => context.Eval("class Widget { constructor() { eval('throw new Error(\"x\")'); } }\nnew Widget();")),
            Assert.Throws<JavaScriptException>(() => context.Eval("throw { code: 1 }")),
        };

        foreach (var error in errors)
        {
            foreach (var text in new[] { error.ToString(), error.Message, error.Stack ?? string.Empty })
            {
                Assert.DoesNotContain("v8host:", text);
                Assert.DoesNotContain("[temp]", text);
                Assert.DoesNotContain("Bootstrap", text);
                Assert.DoesNotContain("Script error details", text);
            }
        }
    }

    [Fact]
    public void Eval_origins_in_the_stack_name_the_users_script()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Compile("function widget() { eval('throw new Error(\"x\")'); }\nwidget();", "app.js").Run());

        Assert.Contains("at eval (eval at widget (app.js:1:21), <anonymous>:1:7)", error.Stack);
    }

    [Fact]
    public void Glue_frames_are_left_out_of_frames_and_stack()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostClass<Hosting.Point>()
            .AddHostFunction("fail", new Action(() => throw new InvalidOperationException("no")))
            .Build();

        var wrongThis = Assert.Throws<JavaScriptException>(() => context.Eval("function call() { return Point.prototype.length.call({}); }\ncall();"));
        var hostFailure = Assert.Throws<JavaScriptException>(() => context.Eval("function outer() { fail(); }\nouter();"));

        Assert.Equal("TypeError", wrongThis.ErrorName);
        foreach (var error in new[] { wrongThis, hostFailure })
        {
            Assert.All(error.Frames, frame => Assert.Equal("<eval>", frame.ScriptName));
            Assert.Equal(2, error.Frames.Count);
            Assert.Equal(2, error.Stack!.Split('\n').Count(line => line.StartsWith("    at ", StringComparison.Ordinal)));
        }

        Assert.Equal("call", wrongThis.Frames[0].FunctionName);
        Assert.Equal("outer", hostFailure.Frames[0].FunctionName);
    }
}
