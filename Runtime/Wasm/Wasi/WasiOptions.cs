namespace V8Host;

/// <summary>What a WASI program sees of its host (<see cref="Wasi"/>): its arguments, environment and standard streams.</summary>
public sealed class WasiOptions
{
    /// <summary>The program's arguments, <c>argv</c>, program name first as C programs expect (default: none).</summary>
    public IReadOnlyList<string> Args { get; init; } = Array.Empty<string>();

    /// <summary>The program's environment variables (default: none; the host's own environment is never passed on unasked).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where file descriptor 1 writes, decoded from UTF-8 (default: <see cref="Console.Out"/>).</summary>
    public TextWriter? Stdout { get; init; }

    /// <summary>Where file descriptor 2 writes, decoded from UTF-8 (default: <see cref="Console.Error"/>).</summary>
    public TextWriter? Stderr { get; init; }

    /// <summary>What file descriptor 0 reads, encoded as UTF-8 (default: nothing; the program reads end of file).</summary>
    public TextReader? Stdin { get; init; }

    /// <summary>The wall clock of <c>clock_time_get</c> (default: <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider? TimeProvider { get; init; }
}
