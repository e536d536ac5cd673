namespace V8Host;

/// <summary>
/// A context rented from a <see cref="ContextPool"/>. Disposing it returns the context: reset to the
/// pool's baseline for the next renter, or disposed and replaced when it cannot be (terminated, past a
/// limit, spent, or left with state a reset cannot undo). Dispose it exactly where the rent ends;
/// <see cref="Context"/> throws <see cref="ObjectDisposedException"/> afterwards, and JS handles taken
/// during the rent must not be used after it.
/// </summary>
public sealed class PooledContext : IDisposable, IAsyncDisposable
{
    private readonly ContextPool _pool;
    private readonly PoolEntry _entry;
    private readonly long _rent;
    private int _returned;

    internal PooledContext(ContextPool pool, PoolEntry entry, long rent)
    {
        _pool = pool;
        _entry = entry;
        _rent = rent;
    }

    /// <summary>The rented context.</summary>
    /// <exception cref="ObjectDisposedException">The context was returned.</exception>
    public Context Context => Volatile.Read(ref _returned) == 0
        ? _entry.Context
        : throw new ObjectDisposedException(nameof(PooledContext), "PooledContext.Context: the context was returned to the pool.");

    /// <summary>Returns the context to the pool (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _returned, 1) == 0)
            _pool.Return(_entry, _rent);
    }

    /// <summary>Returns the context to the pool; the reset runs synchronously (it is a short JS call).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
