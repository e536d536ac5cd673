namespace V8Host.Tests.Execution;

public class ErrorTests
{
    [Fact]
    public void Thrown_errors_carry_structured_frames()
    {
        using var context = new Isolate().CreateContext();
        var script = context.Compile("function inner() {\n  throw new TypeError('boom');\n}\nfunction outer() { inner(); }\nouter();", "app.js");

        var error = Assert.Throws<JavaScriptException>(() => script.Run());

        Assert.Equal("TypeError", error.ErrorName);
        Assert.Equal("boom", error.JsMessage);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("app.js", error.ScriptResourceName);
        Assert.Collection(
            error.Frames,
            frame => Assert.Equal(new JsStackFrame("inner", "app.js", 2, 9, false, false, false), frame),
            frame => Assert.Equal(new JsStackFrame("outer", "app.js", 4, 20, false, false, false), frame),
            frame => Assert.Equal(new JsStackFrame(null, "app.js", 5, 1, false, false, false), frame));
        Assert.StartsWith("TypeError: boom\n    at inner (app.js:2:9)", error.Stack);
    }

    [Fact]
    public void Constructor_and_eval_frames_are_flagged()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("class Widget { constructor() { eval('throw new Error(\"x\")'); } }\nnew Widget();"));

        Assert.Contains(error.Frames, f => f.IsEval);
        Assert.Contains(error.Frames, f => f.IsConstructor && f.FunctionName == "Widget");
    }

    [Fact]
    public void Syntax_errors_report_line_column_and_source_line()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Compile("let ok = 1;\nlet x = );", "broken.js"));

        Assert.Equal("SyntaxError", error.ErrorName);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(8, error.StartColumn);
        Assert.Equal("let x = );", error.SourceLine);
        Assert.Equal("broken.js", error.ScriptResourceName);
        Assert.Contains("broken.js:2", error.Message);
    }

    [Fact]
    public void Non_error_throws_keep_their_value_as_message()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw 42"));

        Assert.Null(error.ErrorName);
        Assert.Equal("42", error.JsMessage);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Custom_error_subclasses_keep_their_name()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("class RuleError extends Error { constructor(m) { super(m); this.name = 'RuleError'; } }\nthrow new RuleError('bad rule');"));

        Assert.Equal("RuleError", error.ErrorName);
        Assert.Equal("bad rule", error.JsMessage);
    }

    [Fact]
    public void Null_and_empty_arguments_are_rejected_clearly()
    {
        using var context = new Isolate().CreateContext();

        Assert.Throws<ArgumentNullException>(() => context.Eval(null!));
        Assert.Throws<ArgumentNullException>(() => context.Compile(null!));
        Assert.Throws<ArgumentException>(() => context.Compile("1", filename: ""));
        Assert.Throws<ArgumentException>(() => context.GetGlobal(""));
        Assert.Equal(JsUndefined.Value, context.Eval(string.Empty));
    }

    [Fact]
    public void Wrong_result_type_raises_InvalidCastException_naming_both_types()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<InvalidCastException>(() => context.Eval<int>("'abc'"));

        Assert.Contains("Int32", error.Message);
        Assert.Contains("\"abc\"", error.Message);
    }

    [Fact]
    public void Host_exception_round_trips_as_inner_exception()
    {
        var original = new InvalidOperationException("disk full");
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("save", new Action(() => throw original))
            .Build();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("function run() { save(); }\nrun();"));

        Assert.Same(original, error.InnerException);
        Assert.Equal("disk full", error.JsMessage);
        Assert.Equal("run", error.Frames[0].FunctionName);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Host_stack_traces_stay_hidden_unless_opted_in()
    {
        static string MessageSeenByScript(bool expose)
        {
            using var context = new Isolate(new IsolateOptions { ExposeHostStackTraces = expose }).CreateContextBuilder()
                .AddHostFunction("fail", new Action(() => throw new InvalidOperationException("nope")))
                .Build();
            return context.Eval<string>("try { fail() } catch (e) { e.message }");
        }

        Assert.Equal("nope", MessageSeenByScript(expose: false));
        Assert.Contains("System.InvalidOperationException", MessageSeenByScript(expose: true));
    }

    [Fact]
    public void Run_time_errors_carry_the_source_line_of_the_first_frame()
    {
        using var context = new Isolate().CreateContext();
        var script = context.Compile("function inner() {\n  throw new TypeError('boom');\n}\ninner();", "app.js");

        var error = Assert.Throws<JavaScriptException>(() => script.Run());

        Assert.Equal("  throw new TypeError('boom');", error.SourceLine);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(8, error.StartColumn);
    }

    [Fact]
    public void Source_line_comes_from_the_script_that_defined_the_throwing_function()
    {
        using var context = new Isolate().CreateContext();
        context.Eval("function check(v) {\n  if (!v) throw new Error('falsy');\n}");

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("check(0);"));

        Assert.Equal("  if (!v) throw new Error('falsy');", error.SourceLine);
        Assert.Equal("check", error.Frames[0].FunctionName);
    }

    [Fact]
    public void Source_lines_split_where_V8_counts_lines()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("let a = 1;\r\nlet b = 2;\rlet c = 3;\u2028let d = 4;\u2029null.x; // five\nlet f;"));

        Assert.Equal(5, error.LineNumber);
        Assert.Equal("null.x; // five", error.SourceLine);
    }

    [Fact]
    public void Source_line_is_filled_for_modules_functions_host_failures_and_rejections()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("save", new Action(() => throw new InvalidOperationException("disk full")))
            .Build();
        var module = context.CompileModule("const x = 1;\nnull.y;", "mod.js");
        module.Instantiate();
        var function = context.CompileFunction("const a = 1;\nreturn null.z;", filename: "fn.js");

        Assert.Equal("null.y;", Assert.Throws<JavaScriptException>(() => module.Evaluate()).SourceLine);
        Assert.Equal("return null.z;", Assert.Throws<JavaScriptException>(() => function.Invoke()).SourceLine);
        Assert.Equal("  save(); // host", Assert.Throws<JavaScriptException>(() => context.Eval("1;\n  save(); // host")).SourceLine);
        var rejected = context.Eval<JsPromise>("(async () => {\n  await null;\n  throw new Error('later');\n})()");
        Assert.Equal("  throw new Error('later');", Assert.Throws<JavaScriptException>(() => rejected.Wait(TimeSpan.FromSeconds(30))).SourceLine);
    }

    [Fact]
    public void A_module_specifier_reused_with_other_source_gives_no_line_rather_than_a_wrong_one()
    {
        using var context = new Isolate().CreateContext();
        var first = context.CompileModule("export function boom() {\n  throw new Error('first');\n}", "mod.js");
        first.Instantiate();
        first.Evaluate();
        var boom = Assert.IsType<JsFunction>(first.Namespace["boom"]);
        Assert.Equal("  throw new Error('first');", Assert.Throws<JavaScriptException>(() => boom.Invoke()).SourceLine);

        context.CompileModule("// second\nlet quiet;", "mod.js");
        var error = Assert.Throws<JavaScriptException>(() => boom.Invoke());

        Assert.Equal("mod.js", error.ScriptResourceName);
        Assert.Equal(2, error.LineNumber);
        Assert.Null(error.SourceLine);
    }

    [Fact]
    public void Frames_print_the_way_V8_prints_them()
    {
        Assert.Equal("inner (app.js:2:9)", new JsStackFrame("inner", "app.js", 2, 9, false, false, false).ToString());
        Assert.Equal("app.js:5:1", new JsStackFrame(null, "app.js", 5, 1, false, false, false).ToString());
        Assert.Equal("map (<anonymous>)", new JsStackFrame("map", null, null, null, false, false, false).ToString());
        Assert.Equal("new Widget (app.js:1:20)", new JsStackFrame("Widget", "app.js", 1, 20, false, true, false).ToString());
        Assert.Equal("new <anonymous> (app.js:1:20)", new JsStackFrame(null, "app.js", 1, 20, false, true, false).ToString());
        Assert.Equal("f (app.js:3)", new JsStackFrame("f", "app.js", 3, null, false, false, false).ToString());
    }

    [Fact]
    public void Builtin_frames_print_without_empty_positions()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("[1].map(function mapper() { throw new Error('m'); });"));

        Assert.Contains(error.Frames, frame => frame.ToString() == "map (<anonymous>)");
        Assert.Contains("at Array.map (<anonymous>)", error.Stack);
        Assert.DoesNotContain("::", error.ToString());
    }

    [Fact]
    public void ToString_lists_message_frames_inner_exception_and_dotnet_stack()
    {
        var original = new InvalidOperationException("disk full");
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("save", new Action(() => throw original))
            .Build();

        var error = Assert.Throws<JavaScriptException>(() => context.Compile("function run() {\n  save();\n}\nrun();", "app.js").Run());
        var lines = error.ToString().Split(Environment.NewLine);

        Assert.Equal("V8Host.JavaScriptException: Error: disk full (at app.js:2:3)", lines[0]);
        Assert.Equal("    at run (app.js:2:3)", lines[1]);
        Assert.Equal("    at app.js:4:1", lines[2]);
        Assert.Equal(" ---> System.InvalidOperationException: disk full", lines[3]);
        Assert.Contains("   --- End of inner exception stack trace ---", lines);
        Assert.Contains(lines, line => line.Contains("V8Host.Script.Run", StringComparison.Ordinal));
    }
}
