namespace V8Host;

/// <summary>
/// A low-level scope over an isolate for compiling one standalone script. <see cref="Compile"/>
/// consumes the scope; the script stays usable until the scope is disposed.
/// </summary>
public sealed class Scope : IDisposable, IAsyncDisposable
{
    private readonly Context _context;
    private bool _consumed;

    internal Scope(Context context) => _context = context;

    /// <summary>Whether the scope can still compile (not consumed, not disposed).</summary>
    public bool IsAlive => !_consumed && _context.IsAlive;

    /// <summary>Compiles <paramref name="source"/>, consuming the scope.</summary>
    public Script Compile(string source, string filename = "<script>")
    {
        _context.ThrowIfUnusable("Scope.Compile");
        if (_consumed)
            throw new InvalidOperationException("Scope.Compile: the scope was already consumed by an earlier Compile().");
        var script = _context.Compile(source, filename);
        _consumed = true;
        return script;
    }

    /// <summary>Heap statistics of the scope's isolate.</summary>
    public HeapStatistics GetHeapStatistics() => _context.GetHeapStatistics();

    /// <summary>Disposes the isolate and the script compiled in this scope.</summary>
    public void Dispose() => _context.Dispose();

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
