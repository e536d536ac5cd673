using V8Host.Engine;

namespace V8Host;

/// <summary>
/// One V8 isolate: its own heap and limits. It is consumed by the first call that creates something
/// from it (<see cref="CreateContext"/>, <see cref="CreateContextBuilder"/>,
/// <see cref="CreateContextFromSnapshot"/>, <see cref="CreateScope"/>); the created object owns it
/// from then on, and any later use of the isolate throws <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class Isolate : IDisposable, IAsyncDisposable
{
    private EngineCore? _core;
    private string? _consumedBy;
    private bool _disposed;

    /// <summary>Creates an isolate.</summary>
    public Isolate(IsolateOptions? options = null)
    {
        _core = new EngineCore(options ?? new IsolateOptions(), null);
    }

    /// <summary>Creates an isolate whose contexts can start from <paramref name="snapshot"/> (<see cref="CreateContextFromSnapshot"/>).</summary>
    /// <exception cref="ArgumentException">The snapshot is not valid (not V8Host startup data, another format version, or corrupt); the message says which.</exception>
    public Isolate(StartupData snapshot, IsolateOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (!snapshot.IsValid())
            throw new ArgumentException($"The startup data is not a valid V8Host snapshot: {snapshot.Problem}.", nameof(snapshot));
        _core = new EngineCore(options ?? new IsolateOptions(), snapshot);
    }

    /// <summary>Whether the isolate can still be used (not consumed, not disposed).</summary>
    public bool IsAlive => _core is not null;

    /// <summary>Consumes the isolate and creates a plain context.</summary>
    public Context CreateContext() => new(Consume("CreateContext"));

    /// <summary>Consumes the isolate and returns a builder that configures the context before it exists.</summary>
    public ContextBuilder CreateContextBuilder() => new(Consume("CreateContextBuilder"));

    /// <summary>Consumes the isolate and creates a context from context <paramref name="index"/> of the isolate's snapshot.</summary>
    /// <exception cref="InvalidOperationException">The isolate was not created from a snapshot.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The snapshot has no such context.</exception>
    public Context CreateContextFromSnapshot(int index = 0)
    {
        var snapshot = _core?.Snapshot ?? (IsAlive ? throw new InvalidOperationException("CreateContextFromSnapshot needs an isolate created from StartupData.") : null);
        snapshot?.CheckContextIndex(index);
        return new Context(Consume("CreateContextFromSnapshot"), new ContextSetup().UseSnapshot(index));
    }

    /// <summary>Consumes the isolate and creates a scope for compiling one standalone script.</summary>
    public Scope CreateScope() => new(new Context(Consume("CreateScope")));

    /// <summary>Heap statistics of this isolate.</summary>
    public HeapStatistics GetHeapStatistics() => Current("GetHeapStatistics").GetHeapStatistics();

    /// <summary>Runs garbage collection; <paramref name="full"/> asks for an exhaustive collection.</summary>
    public void CollectGarbage(bool full = true) => Current("CollectGarbage").CollectGarbage(full);

    /// <summary>Tells V8 the host is low on memory: it collects garbage aggressively.</summary>
    public void LowMemoryNotification() => Current("LowMemoryNotification").CollectGarbage(true);

    /// <summary>Disposes the isolate if it was not consumed; a consumed isolate belongs to what consumed it.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Interlocked.Exchange(ref _core, null)?.Dispose();
    }

    private EngineCore Current(string operation) => _core ?? throw Unusable(operation);

    private EngineCore Consume(string operation)
    {
        var core = Interlocked.Exchange(ref _core, null) ?? throw Unusable(operation);
        _consumedBy = operation;
        return core;
    }

    private Exception Unusable(string operation) => _disposed && _consumedBy is null
        ? new ObjectDisposedException(nameof(Isolate), $"Isolate.{operation} was called after the isolate was disposed.")
        : new InvalidOperationException($"Isolate.{operation}: isolate already consumed by {_consumedBy}(); each isolate creates exactly one context, builder or scope. Create a new Isolate.");

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
