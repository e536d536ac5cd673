using System.Text;

namespace V8Host.Tests.Wasm;

/// <summary>
/// WASI preview 1 against a real wasm32-wasi program (tests/WasmModules/wasi_hello.c, built by Debian's
/// clang and wasi-libc): arguments, environment, clock, random bytes, stdin, stdout, stderr, exit code.
/// </summary>
public sealed class WasiTests : IDisposable
{
    private static readonly byte[] s_hello = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "WasmModules", "wasi_hello.wasm"));

    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private (int ExitCode, string Stdout, string Stderr) RunHello(WasiOptions options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var wasi = new Wasi(new WasiOptions
        {
            Args = options.Args,
            Environment = options.Environment,
            Stdin = options.Stdin,
            TimeProvider = options.TimeProvider,
            Stdout = stdout,
            Stderr = stderr,
        });
        using var module = _context.CompileWasm(s_hello);
        using var instance = _context.InstantiateWasm(module, wasi.AddTo(new WasmImports()));
        var exitCode = wasi.Run(instance);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_wasi_program_gets_its_arguments_environment_and_stdin_and_its_output_and_exit_code_come_back()
    {
        var (exitCode, stdout, stderr) = RunHello(new WasiOptions
        {
            Args = ["hello", "one", "zwei-ü"],
            Environment = new Dictionary<string, string> { ["GREETING"] = "grüß dich" },
            Stdin = new StringReader("first line\nsecond: 𝄞 ünïcode\n"),
        });

        Assert.Equal(3, exitCode);
        Assert.Equal(
            "hello from wasi, args: hello one zwei-ü\n" +
            "GREETING=grüß dich\n" +
            "random bytes: yes\n" +
            "clock after 2020: yes\n" +
            "echo: first line\n" +
            "echo: second: 𝄞 ünïcode\n",
            stdout);
        Assert.Equal("done, exiting with 3\n", stderr);
    }

    [Fact]
    public void Without_options_the_program_has_no_arguments_no_environment_and_an_empty_stdin()
    {
        var (exitCode, stdout, _) = RunHello(new WasiOptions());

        Assert.Equal(3, exitCode);
        Assert.Equal("hello from wasi, args:\nGREETING=(unset)\nrandom bytes: yes\nclock after 2020: yes\n", stdout);
    }

    [Fact]
    public void The_wall_clock_comes_from_the_time_provider()
    {
        var (_, stdout, _) = RunHello(new WasiOptions { TimeProvider = new FixedTime(new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero)) });

        Assert.Contains("clock after 2020: no\n", stdout);
    }

    [Fact]
    public void A_long_stdin_is_read_whole_across_many_fd_read_calls()
    {
        var lines = Enumerable.Range(0, 2000).Select(i => $"line {i} " + new string('x', i % 200)).ToList();
        var (_, stdout, _) = RunHello(new WasiOptions { Stdin = new StringReader(string.Join("\n", lines) + "\n") });

        var echoed = stdout.Split('\n').Where(line => line.StartsWith("echo: ", StringComparison.Ordinal)).Select(line => line["echo: ".Length..]).ToList();
        Assert.Equal(lines, echoed);
    }

    [Fact]
    public void Bad_options_are_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new Wasi(new WasiOptions { Environment = new Dictionary<string, string> { ["A=B"] = "x" } }));
        Assert.Contains("WasiOptions.Environment", error.Message);
        error = Assert.Throws<ArgumentException>(() => new Wasi(new WasiOptions { Args = ["a\0b"] }));
        Assert.Contains("WasiOptions.Args", error.Message);
    }

    [Fact]
    public void A_utf8_sequence_split_across_two_writes_is_decoded_whole()
    {
        var writer = new StringWriter();
        var output = new WasiOutput(writer);
        var bytes = Encoding.UTF8.GetBytes("a𝄞é");
        output.Write(bytes.AsSpan(0, 3));
        output.Write(bytes.AsSpan(3));
        output.Write([0xE2, 0x82]);
        output.Flush();

        Assert.Equal("a𝄞é\uFFFD", writer.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
