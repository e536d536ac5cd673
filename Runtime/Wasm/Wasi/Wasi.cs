using System.Security.Cryptography;
using System.Text;

namespace V8Host;

/// <summary>
/// WASI preview 1 (<c>wasi_snapshot_preview1</c>) for programs compiled to <c>wasm32-wasi</c>, the
/// subset a command-line program needs: arguments and environment, the standard streams (as .NET
/// text writers and readers), the wall and monotonic clocks, random bytes and <c>proc_exit</c>. There
/// is no file system: a program that opens files gets <c>EBADF</c>, and an import of a WASI call
/// outside this subset fails instantiation, naming it.
/// </summary>
/// <example>
/// <code>
/// var wasi = new Wasi(new WasiOptions { Args = ["hello"], Stdout = output });
/// using var module = context.CompileWasm(File.ReadAllBytes("hello.wasm"));
/// using var instance = context.InstantiateWasm(module, wasi.AddTo(new WasmImports()));
/// int exitCode = wasi.Run(instance);
/// </code>
/// </example>
public sealed class Wasi
{
    /// <summary>The import module WASI preview 1 programs import from.</summary>
    public const string ModuleName = "wasi_snapshot_preview1";

    /// <summary>The most iovecs one <c>fd_read</c> or <c>fd_write</c> may pass (POSIX's IOV_MAX).</summary>
    internal const int MaxIovecs = 1024;

    private const int Stdin = 0;
    private const int Stdout = 1;
    private const int Stderr = 2;
    private const byte CharacterDevice = 2;
    private const ulong RightFdRead = 1UL << 1;
    private const ulong RightFdWrite = 1UL << 6;
    private const int RealtimeClock = 0;
    private const int MonotonicClock = 1;

    private readonly byte[][] _args;
    private readonly byte[][] _environment;
    private readonly TimeProvider _time;
    private readonly WasiInput _stdin;
    private readonly WasiOutput _stdout;
    private readonly WasiOutput _stderr;
    private WasmMemory? _memory;

    /// <summary>Creates the WASI host for one program (one instance at a time).</summary>
    public Wasi(WasiOptions? options = null)
    {
        options ??= new WasiOptions();
        _args = options.Args.Select(NulTerminated).ToArray();
        _environment = options.Environment.Select(pair => NulTerminated(CheckedVariable(pair.Key, pair.Value))).ToArray();
        _time = options.TimeProvider ?? TimeProvider.System;
        _stdin = new WasiInput(options.Stdin);
        _stdout = new WasiOutput(options.Stdout ?? Console.Out);
        _stderr = new WasiOutput(options.Stderr ?? Console.Error);
    }

    /// <summary>Adds the WASI calls to <paramref name="imports"/> under <see cref="ModuleName"/>, and returns it.</summary>
    public WasmImports AddTo(WasmImports imports)
    {
        ArgumentNullException.ThrowIfNull(imports);
        return imports
            .Add(ModuleName, "args_get", new Func<int, int, int>((argv, buffer) => Guarded(memory => WriteStrings(memory, _args, argv, buffer))))
            .Add(ModuleName, "args_sizes_get", new Func<int, int, int>((count, size) => Guarded(memory => WriteSizes(memory, _args, count, size))))
            .Add(ModuleName, "environ_get", new Func<int, int, int>((environ, buffer) => Guarded(memory => WriteStrings(memory, _environment, environ, buffer))))
            .Add(ModuleName, "environ_sizes_get", new Func<int, int, int>((count, size) => Guarded(memory => WriteSizes(memory, _environment, count, size))))
            .Add(ModuleName, "clock_res_get", new Func<int, int, int>((clock, resolution) => Guarded(memory => ClockResolution(memory, clock, resolution))))
            .Add(ModuleName, "clock_time_get", new Func<int, long, int, int>((clock, _, time) => Guarded(memory => ClockTime(memory, clock, time))))
            .Add(ModuleName, "fd_close", new Func<int, int>(Close))
            .Add(ModuleName, "fd_fdstat_get", new Func<int, int, int>((fd, stat) => Guarded(memory => FileDescriptorStat(memory, fd, stat))))
            .Add(ModuleName, "fd_prestat_get", new Func<int, int, int>((_, _) => WasiErrno.BadFileDescriptor))
            .Add(ModuleName, "fd_prestat_dir_name", new Func<int, int, int, int>((_, _, _) => WasiErrno.BadFileDescriptor))
            .Add(ModuleName, "fd_read", new Func<int, int, int, int, int>((fd, iovs, count, read) => Guarded(memory => ReadInput(memory, fd, iovs, count, read))))
            .Add(ModuleName, "fd_seek", new Func<int, long, int, int, int>((fd, _, _, _) => IsOpen(fd) ? WasiErrno.InvalidSeek : WasiErrno.BadFileDescriptor))
            .Add(ModuleName, "fd_write", new Func<int, int, int, int, int>((fd, iovs, count, written) => Guarded(memory => WriteOutput(memory, fd, iovs, count, written))))
            .Add(ModuleName, "proc_exit", new Action<int>(code => throw new WasiExitException(code)))
            .Add(ModuleName, "random_get", new Func<int, int, int>((buffer, length) => Guarded(memory => RandomBytes(memory, buffer, length))))
            .Add(ModuleName, "sched_yield", new Func<int>(() => WasiErrno.Success));
    }

    /// <summary>
    /// Gives the WASI calls <paramref name="instance"/>'s memory (its export <c>memory</c>). <see cref="Run"/>
    /// does this; call it yourself for a library ("reactor") module whose exports you call directly.
    /// </summary>
    public void Bind(WasmInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        _memory = instance.GetMemory("memory");
    }

    /// <summary>
    /// Runs the program: binds <paramref name="instance"/>, calls its <c>_start</c> export and returns
    /// the exit code (0 when <c>_start</c> returns, the code of <c>proc_exit</c> otherwise). The
    /// standard output and error writers are flushed either way.
    /// </summary>
    /// <exception cref="JavaScriptException">The program trapped.</exception>
    /// <exception cref="ScriptTerminatedException">A timeout or <see cref="Context.TerminateExecution"/> stopped it.</exception>
    public int Run(WasmInstance instance)
    {
        Bind(instance);
        var start = instance.GetFunction<Action>("_start");
        try
        {
            start();
            return 0;
        }
        catch (JavaScriptException error) when (ExitOf(error) is { } exit)
        {
            return exit.ExitCode;
        }
        finally
        {
            _stdout.Flush();
            _stderr.Flush();
        }
    }

    private static WasiExitException? ExitOf(Exception error)
    {
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is WasiExitException exit)
                return exit;
        }

        return null;
    }

    /// <summary>Runs a call that touches the program's memory; an address outside it is the program's <c>EFAULT</c>.</summary>
    private int Guarded(Func<WasiMemory, int> call)
    {
        var memory = _memory ?? throw new InvalidOperationException(
            $"A WASI call ran before its instance was bound: call Wasi.Run(instance) or Wasi.Bind(instance) first.");
        try
        {
            return call(new WasiMemory(memory));
        }
        catch (ArgumentOutOfRangeException)
        {
            return WasiErrno.Fault;
        }
    }

    private static int WriteSizes(WasiMemory memory, byte[][] strings, int countAddress, int sizeAddress)
    {
        memory.WriteUInt32(countAddress, (uint)strings.Length);
        memory.WriteUInt32(sizeAddress, (uint)strings.Sum(s => s.Length));
        return WasiErrno.Success;
    }

    private static int WriteStrings(WasiMemory memory, byte[][] strings, int pointersAddress, int bufferAddress)
    {
        var offset = (uint)bufferAddress;
        for (var i = 0; i < strings.Length; i++)
        {
            memory.WriteUInt32(pointersAddress + 4 * i, offset);
            memory.Write(offset, strings[i]);
            offset += (uint)strings[i].Length;
        }

        return WasiErrno.Success;
    }

    private int ClockResolution(WasiMemory memory, int clock, int address)
    {
        ulong? nanoseconds = clock switch
        {
            RealtimeClock => 100,
            MonotonicClock => (ulong)Math.Max(1, 1_000_000_000 / _time.TimestampFrequency),
            _ => null,
        };
        if (nanoseconds is not { } value)
            return WasiErrno.Invalid;
        memory.WriteUInt64(address, value);
        return WasiErrno.Success;
    }

    private int ClockTime(WasiMemory memory, int clock, int address)
    {
        ulong nanoseconds;
        switch (clock)
        {
            case RealtimeClock:
                nanoseconds = (ulong)(_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
                break;
            case MonotonicClock:
                nanoseconds = (ulong)(UInt128.CreateTruncating(_time.GetTimestamp()) * 1_000_000_000 / (ulong)_time.TimestampFrequency);
                break;
            default:
                // The CPU-time clocks: V8Host does not measure a program's CPU time apart from the host's.
                return WasiErrno.Invalid;
        }

        memory.WriteUInt64(address, nanoseconds);
        return WasiErrno.Success;
    }

    private bool IsOpen(int fd) => fd switch
    {
        Stdin => !_stdin.IsClosed,
        Stdout => !_stdout.IsClosed,
        Stderr => !_stderr.IsClosed,
        _ => false,
    };

    private int Close(int fd)
    {
        if (!IsOpen(fd))
            return WasiErrno.BadFileDescriptor;
        switch (fd)
        {
            case Stdin:
                _stdin.Close();
                break;
            case Stdout:
                _stdout.Close();
                break;
            default:
                _stderr.Close();
                break;
        }

        return WasiErrno.Success;
    }

    private int FileDescriptorStat(WasiMemory memory, int fd, int address)
    {
        if (!IsOpen(fd))
            return WasiErrno.BadFileDescriptor;
        // A character device that cannot seek: C's isatty says yes, so stdout is line-buffered as on a terminal.
        Span<byte> stat = stackalloc byte[24];
        stat.Clear();
        stat[0] = CharacterDevice;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(stat[8..], fd == Stdin ? RightFdRead : RightFdWrite);
        memory.Write((uint)address, stat);
        return WasiErrno.Success;
    }

    private int ReadInput(WasiMemory memory, int fd, int iovsAddress, int count, int readAddress)
    {
        if (fd != Stdin || _stdin.IsClosed)
            return WasiErrno.BadFileDescriptor;
        var total = 0u;
        foreach (var (buffer, length) in memory.ReadIovecs(iovsAddress, count))
        {
            var chunk = new byte[Math.Min(length, 64 * 1024)];
            var read = _stdin.Read(chunk);
            memory.Write(buffer, chunk.AsSpan(0, read));
            total += (uint)read;
            // Like a pipe: return what there is rather than wait to fill every buffer.
            if (read < chunk.Length)
                break;
        }

        memory.WriteUInt32(readAddress, total);
        return WasiErrno.Success;
    }

    private int WriteOutput(WasiMemory memory, int fd, int iovsAddress, int count, int writtenAddress)
    {
        var output = fd switch
        {
            Stdout => _stdout,
            Stderr => _stderr,
            _ => null,
        };
        if (output is null || output.IsClosed)
            return WasiErrno.BadFileDescriptor;
        var total = 0u;
        foreach (var (buffer, length) in memory.ReadIovecs(iovsAddress, count))
        {
            // In slices, so that a program writing its whole memory at once costs no copy of that size.
            var slice = new byte[Math.Min(length, 64 * 1024)];
            for (var done = 0u; done < length; done += (uint)slice.Length)
            {
                var part = slice.AsSpan(0, (int)Math.Min(slice.Length, length - done));
                memory.Read(buffer + done, part);
                output.Write(part);
            }

            total += length;
        }

        memory.WriteUInt32(writtenAddress, total);
        return WasiErrno.Success;
    }

    private static int RandomBytes(WasiMemory memory, int bufferAddress, int length)
    {
        var chunk = new byte[Math.Min((uint)length, 64 * 1024)];
        for (var done = 0u; done < (uint)length; done += (uint)chunk.Length)
        {
            var part = chunk.AsSpan(0, (int)Math.Min(chunk.Length, (uint)length - done));
            RandomNumberGenerator.Fill(part);
            memory.Write((uint)bufferAddress + done, part);
        }

        return WasiErrno.Success;
    }

    private static string CheckedVariable(string name, string value)
    {
        if (name.Length == 0 || name.Contains('=') || name.Contains('\0') || value.Contains('\0'))
            throw new ArgumentException($"WasiOptions.Environment: '{name}' is not a variable name a WASI program can read (empty, or containing '=' or NUL).", "options");
        return name + "=" + value;
    }

    private static byte[] NulTerminated(string text)
    {
        if (text.Contains('\0'))
            throw new ArgumentException("WasiOptions.Args: an argument contains NUL, which a C program cannot see past.", "options");
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
