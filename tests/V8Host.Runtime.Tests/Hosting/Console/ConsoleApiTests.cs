using System.Text.RegularExpressions;

namespace V8Host.Tests.Hosting.Console;

public class ConsoleApiTests
{
    [Fact]
    public void Output_and_error_methods_go_to_their_writers()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using (var context = Consoles.With(new ConsoleApi(output, error)))
        {
            context.Eval("""
                console.log('log'); console.info('info'); console.debug('debug'); console.dir('dir'); console.dirxml('dirxml');
                console.table([1]); console.count('c'); console.group('g'); console.groupEnd();
                console.warn('warn'); console.error('error'); console.trace('trace'); console.assert(false, 'assert');
                console.countReset('missing');
                """);
        }

        var stdout = output.ToString();
        var stderr = error.ToString();
        Assert.StartsWith("log\ninfo\ndebug\n'dir'\ndirxml\n┌", stdout);
        Assert.EndsWith("c: 1\ng\n", stdout);
        Assert.StartsWith("warn\nerror\nTrace: trace\n    at ", stderr);
        Assert.EndsWith("Assertion failed: assert\nWarning: Count for 'missing' does not exist\n", stderr);
    }

    [Fact]
    public void Error_writer_defaults_to_the_output_writer_and_keeps_call_order()
    {
        Assert.Equal("1\n2\n3\n", Consoles.Output("console.log(1); console.error(2); console.log(3);"));
    }

    [Fact]
    public void Methods_work_detached_and_console_is_replaceable()
    {
        var output = new StringWriter();
        using var context = Consoles.With(new ConsoleApi(output));
        context.Eval("const log = console.log; const { warn, count } = console; log('a', 1); warn.call(null, 'b'); count(); count();");
        Assert.Equal("a 1\nb\ndefault: 1\ndefault: 2\n", output.ToString());

        var descriptor = context.Eval<string>("const d = Object.getOwnPropertyDescriptor(globalThis, 'console'); `${d.writable} ${d.enumerable} ${d.configurable}`");
        Assert.Equal("true false true", descriptor);
        Assert.Equal("[object console]", context.Eval<string>("Object.prototype.toString.call(console)"));
        Assert.Equal("log", context.Eval<string>("console.log.name"));

        context.Eval("const saved = console; console = { log() { throw new Error('replaced'); } }; saved.log('still');");
        Assert.EndsWith("still\n", output.ToString());
        context.Eval("delete globalThis.console;");
        Assert.Equal("undefined", context.Eval<string>("typeof console"));
    }

    [Fact]
    public void Unhandled_errors_go_to_the_error_writer_even_after_console_is_replaced()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using var context = Consoles.With(new ConsoleApi(output, error));
        context.Eval("globalThis.console = undefined; Promise.reject(new Error('lost')); 0");
        Assert.Contains("Uncaught (in promise)", error.ToString());
        Assert.Contains("lost", error.ToString());
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void A_throwing_writer_becomes_a_JS_error_naming_the_method()
    {
        using var context = Consoles.With(new ConsoleApi(new FailingWriter()));
        var message = context.Eval<string>("try { console.warn('x'); 'no error' } catch (e) { (e instanceof Error) + ' ' + e.message }");
        Assert.Equal("true console.warn: the console's sink threw IOException: disk full", message);
        var table = context.Eval<string>("try { console.table([1]); 'no error' } catch (e) { e.message }");
        Assert.StartsWith("console.table: ", table);
        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void Trace_prints_the_message_and_the_callers_stack()
    {
        var output = Consoles.Output("function inner() { console.trace('hi %d', 5); } function outer() { inner(); } outer();");
        var lines = output.Split('\n');
        Assert.Equal("Trace: hi 5", lines[0]);
        Assert.StartsWith("    at inner (", lines[1]);
        Assert.StartsWith("    at outer (", lines[2]);
        Assert.DoesNotContain("v8host:", output);
        Assert.StartsWith("Trace\n    at ", Consoles.Output("console.trace()"));
    }

    [Fact]
    public void Trace_and_errors_ignore_a_scripts_prepareStackTrace()
    {
        var output = Consoles.Output("""
            Error.prepareStackTrace = () => { throw new Error('hook ran'); };
            const e = new Error('boom');
            function f() { console.trace('t'); } f();
            console.log(e);
            console.log(Error.prepareStackTrace.toString().includes('hook ran'));
            """);
        Assert.StartsWith("Trace: t\n    at f (", output);
        Assert.Contains("Error: boom\n    at ", output);
        Assert.DoesNotContain("hook ran'", output.Replace("true", ""));
        Assert.EndsWith("true\n", output);
    }

    [Fact]
    public void Timers_print_elapsed_time_and_warn_about_unknown_labels()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        using (var context = Consoles.With(new ConsoleApi(output, error)))
        {
            context.Eval("""
                console.time(); console.time('t'); console.time('t');
                console.timeLog('t', 'extra', { a: 1 });
                console.timeEnd('t'); console.timeEnd('t'); console.timeLog('nope'); console.timeEnd();
                """);
        }

        var lines = output.ToString().Split('\n');
        Assert.Matches(new Regex(@"^t: \d+(\.\d{1,3})?ms extra \{ a: 1 \}$"), lines[0]);
        Assert.Matches(new Regex(@"^t: \d+(\.\d{1,3})?ms$"), lines[1]);
        Assert.Matches(new Regex(@"^default: \d+(\.\d{1,3})?ms$"), lines[2]);
        Assert.Equal(
            "Warning: Label 't' already exists for console.time()\n" +
            "Warning: No such label 't' for console.timeEnd()\n" +
            "Warning: No such label 'nope' for console.timeLog()\n",
            error.ToString());
    }

    [Fact]
    public void Labels_that_cannot_become_strings_are_errors_naming_the_method()
    {
        using var context = Consoles.With(new ConsoleApi(new StringWriter()));
        Assert.Equal("TypeError: console.count: the label cannot be a symbol.",
            context.Eval<string>("try { console.count(Symbol('s')); '' } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Equal("TypeError: console.time: the label could not be converted to a string (no).",
            context.Eval<string>("try { console.time({ toString() { throw new Error('no'); } }); '' } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Equal("TypeError: console.table: the properties argument must be an array of column names.",
            context.Eval<string>("try { console.table([], 'a'); '' } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Equal("TypeError: console.dir: options.depth must be a number or null.",
            context.Eval<string>("try { console.dir({}, { depth: 'deep' }); '' } catch (e) { `${e.name}: ${e.message}` }"));
    }

    [Fact]
    public void Group_indentation_applies_to_every_line_and_never_goes_negative()
    {
        var output = Consoles.Output("console.groupEnd(); console.group('a'); console.group(); console.log('x\\ny'); console.groupEnd(); console.groupEnd(); console.groupEnd(); console.log('z');");
        Assert.Equal("a\n    x\n    y\nz\n", output);
    }

    [Fact]
    public void Host_objects_show_their_class_and_properties_without_running_host_getters()
    {
        var output = new StringWriter();
        using var context = new Isolate().CreateContextBuilder().AddHostClass<Point>().Install(new ConsoleApi(output)).Build();
        context.Eval("const p = new Point(3, 4); p.own = 1; console.log(p); console.log({ p }); console.log('%s', p);");
        Assert.Equal(
            "Point {\n  own: 1,\n  x: [Getter/Setter],\n  y: [Getter],\n  label: [Getter/Setter]\n}\n" +
            "{\n  p: Point {\n    own: 1,\n    x: [Getter/Setter],\n    y: [Getter],\n    label: [Getter/Setter]\n  }\n}\n" +
            "Point {\n  own: 1,\n  x: [Getter/Setter],\n  y: [Getter],\n  label: [Getter/Setter]\n}\n",
            output.ToString());
    }

    [Fact]
    public void Constructor_arguments_are_checked()
    {
        Assert.Equal("output", Assert.Throws<ArgumentNullException>(() => new ConsoleApi((TextWriter)null!)).ParamName);
        Assert.Equal("logger", Assert.Throws<ArgumentNullException>(() => new ConsoleApi((Microsoft.Extensions.Logging.ILogger)null!)).ParamName);
        Assert.Equal("profile", Assert.Throws<ArgumentNullException>(() => new ConsoleApi(new StringWriter()).Register(null!)).ParamName);
    }

    [Fact]
    public void A_profile_installs_the_console()
    {
        var output = new StringWriter();
        var profile = new HostProfile().Install(new ConsoleApi(output));
        using var context = new Isolate().CreateContextBuilder().UseProfile(profile).Build();
        context.Eval("console.log({ via: 'profile' })");
        Assert.Equal("{ via: 'profile' }\n", output.ToString());
    }
}

public class ConsoleModuleTests
{
    [Fact]
    public void A_module_namespace_prints_as_in_node()
    {
        var output = new StringWriter();
        using var context = Consoles.With(new ConsoleApi(output));
        using var module = context.CompileModule("export const a = 1; export function f() {} export let later = 2;", "m.mjs");
        module.Instantiate();
        module.Evaluate();
        context.SetGlobal("ns", module.Namespace);
        context.Eval("console.log(ns)");
        Assert.Equal("[Module: null prototype] { a: 1, f: [Function: f], later: 2 }\n", output.ToString());
    }
}
