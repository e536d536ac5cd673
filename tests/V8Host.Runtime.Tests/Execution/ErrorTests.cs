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
}
