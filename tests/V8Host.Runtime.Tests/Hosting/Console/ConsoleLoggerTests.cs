using Microsoft.Extensions.Logging;

namespace V8Host.Tests.Hosting.Console;

public class ConsoleLoggerTests
{
    [Fact]
    public void Methods_map_to_log_levels()
    {
        var logger = new CapturingLogger();
        using (var context = Consoles.With(new ConsoleApi(logger)))
        {
            context.Eval("""
                console.log('l'); console.info('i'); console.debug('d'); console.warn('w'); console.error('e');
                console.trace('t'); console.assert(false, 'a'); console.dir(1); console.table([]); console.count();
                console.group('g'); console.groupEnd(); console.countReset('none');
                """);
        }

        var levels = logger.Entries.Select(entry => (entry.State["Method"], entry.Level)).ToArray();
        Assert.Equal(new (object?, LogLevel)[]
        {
            ("log", LogLevel.Information), ("info", LogLevel.Information), ("debug", LogLevel.Debug),
            ("warn", LogLevel.Warning), ("error", LogLevel.Error), ("trace", LogLevel.Debug), ("assert", LogLevel.Error),
            ("dir", LogLevel.Information), ("table", LogLevel.Information), ("count", LogLevel.Information),
            ("group", LogLevel.Information), ("countReset", LogLevel.Warning),
        }, levels);
        Assert.Equal("console.warn", logger.Entries[3].EventId.Name);
    }

    [Fact]
    public void Entries_carry_the_message_and_the_callers_script_line_and_column()
    {
        var logger = new CapturingLogger();
        using var context = Consoles.With(new ConsoleApi(logger));
        using var script = context.Compile("const x = { a: 1 };\nfunction f() {\n  console.log('value %o', x);\n}\nf();", "app.js");
        script.Run();

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("value { a: 1 }", entry.Message);
        Assert.Equal("value { a: 1 }", entry.State["Message"]);
        Assert.Equal("app.js", entry.State["ScriptName"]);
        Assert.Equal(3, entry.State["Line"]);
        Assert.Equal(11, entry.State["Column"]);
        Assert.Null(entry.State["Label"]);
        Assert.Null(entry.State["Group"]);
    }

    [Fact]
    public void Detached_calls_still_report_their_caller()
    {
        var logger = new CapturingLogger();
        using var context = Consoles.With(new ConsoleApi(logger));
        using var script = context.Compile("const warn = console.warn;\n\nwarn('w');", "detached.js");
        script.Run();

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(("detached.js", 3), ((string?)entry.State["ScriptName"], (int?)entry.State["Line"]));
    }

    [Fact]
    public void Labels_and_groups_are_state_and_messages_are_not_indented()
    {
        var logger = new CapturingLogger();
        using (var context = Consoles.With(new ConsoleApi(logger)))
            context.Eval("console.count('clicks'); console.group('Outer'); console.group('Inner'); console.log('x\\ny'); console.groupEnd(); console.time('t'); console.timeEnd('t');");

        Assert.Equal("clicks: 1", logger.Entries[0].Message);
        Assert.Equal("clicks", logger.Entries[0].State["Label"]);
        Assert.Null(logger.Entries[1].State["Group"]);
        Assert.Equal("Outer", logger.Entries[2].State["Group"]);
        Assert.Equal("x\ny", logger.Entries[3].Message);
        Assert.Equal("Inner", logger.Entries[3].State["Group"]);
        Assert.Equal("t", logger.Entries[4].State["Label"]);
        Assert.Equal("Outer", logger.Entries[4].State["Group"]);
    }

    [Fact]
    public void Disabled_levels_are_skipped_and_unhandled_errors_are_error_entries()
    {
        var logger = new CapturingLogger(LogLevel.Information);
        using var context = Consoles.With(new ConsoleApi(logger));
        context.Eval("console.debug('hidden'); console.trace('hidden'); console.info('shown'); Promise.reject(new Error('nobody caught me')); 0");

        Assert.Equal(2, logger.Entries.Count);
        Assert.Equal("shown", logger.Entries[0].Message);
        var uncaught = logger.Entries[1];
        Assert.Equal(LogLevel.Error, uncaught.Level);
        Assert.Equal("uncaught", uncaught.State["Method"]);
        Assert.Contains("nobody caught me", uncaught.Message);
    }

    [Fact]
    public void The_caller_is_found_when_the_script_replaced_prepareStackTrace()
    {
        var logger = new CapturingLogger();
        using var context = Consoles.With(new ConsoleApi(logger));
        using var script = context.Compile("const hook = () => { throw new Error('hook'); }; Error.prepareStackTrace = hook;\nconsole.log('ok');\nError.prepareStackTrace === hook", "hooked.js");
        Assert.Equal(true, script.Run());

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(("hooked.js", 2), ((string?)entry.State["ScriptName"], (int?)entry.State["Line"]));
    }
}
