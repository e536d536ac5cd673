namespace V8Host.Tests.Hosting.Console;

/// <summary>Tests that redirect the process's standard streams: they must not run next to others.</summary>
[CollectionDefinition(nameof(StandardStreams), DisableParallelization = true)]
public sealed class StandardStreams;

[Collection(nameof(StandardStreams))]
public class DefaultConsoleTests
{
    [Fact]
    public void A_context_without_a_console_api_writes_to_standard_output_and_error()
    {
        var (stdout, stderr) = Redirected(() =>
        {
            using var context = new Isolate().CreateContextBuilder().Build();
            context.Eval("console.log('out', { a: 1 }); console.info('info'); console.debug('debug'); console.warn('warn'); console.error('err'); console.assert(false); console.trace('tr');");
        });

        Assert.Equal("out { a: 1 }\ninfo\ndebug\n", stdout);
        Assert.StartsWith("warn\nerr\nAssertion failed\nTrace: tr\n    at ", stderr);
    }

    [Fact]
    public void The_default_console_reads_the_streams_at_each_write()
    {
        using var context = new Isolate().CreateContextBuilder().Build();
        var (first, _) = Redirected(() => context.Eval("console.log('first')"));
        var (second, _) = Redirected(() => context.Eval("console.log('second')"));
        Assert.Equal("first\n", first);
        Assert.Equal("second\n", second);
    }

    [Fact]
    public void Unhandled_rejections_of_a_context_without_a_console_go_to_standard_error()
    {
        var (stdout, stderr) = Redirected(() =>
        {
            using var context = new Isolate().CreateContextBuilder().Build();
            context.Eval("Promise.reject(new Error('unobserved'))");
        });

        Assert.Equal("", stdout);
        Assert.Contains("unobserved", stderr);
    }

    [Fact]
    public void Discard_silences_the_console_and_unhandled_errors()
    {
        var (stdout, stderr) = Redirected(() =>
        {
            using var context = new Isolate().CreateContextBuilder().Install(ConsoleApi.Discard).Build();
            context.Eval("console.log('x'); console.error('y'); Promise.reject(new Error('z'));");
        });

        Assert.Equal("", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void An_installed_console_replaces_the_default()
    {
        var output = new StringWriter();
        var (stdout, stderr) = Redirected(() =>
        {
            using var context = new Isolate().CreateContextBuilder().Install(new ConsoleApi(output)).Build();
            context.Eval("console.log('mine'); console.error('also mine')");
        });

        Assert.Equal("", stdout + stderr);
        Assert.Equal("mine\nalso mine\n", output.ToString());
    }

    private static (string Stdout, string Stderr) Redirected(Action action)
    {
        var (savedOut, savedError) = (System.Console.Out, System.Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        System.Console.SetOut(stdout);
        System.Console.SetError(stderr);
        try
        {
            action();
        }
        finally
        {
            System.Console.SetOut(savedOut);
            System.Console.SetError(savedError);
        }

        return (stdout.ToString(), stderr.ToString());
    }
}
