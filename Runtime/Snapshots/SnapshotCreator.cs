namespace V8Host;

/// <summary>
/// Builds <see cref="StartupData"/>: scripts given to <see cref="Eval"/> run first in every context
/// added afterwards; <see cref="AddContext"/> records a context (the scripts so far plus its own).
/// Every script is run while the snapshot is created, so errors surface here, not at startup.
/// </summary>
public sealed class SnapshotCreator : IDisposable, IAsyncDisposable
{
    private readonly List<SnapshotScript> _prelude = new();
    private readonly List<IReadOnlyList<SnapshotScript>> _contexts = new();
    private Context? _defaultContext;
    private bool _blobCreated;

    /// <summary>Starts a creator, keeping the contexts of <paramref name="existing"/> (their indexes stay the same).</summary>
    public SnapshotCreator(StartupData? existing = null)
    {
        if (existing is not null)
        {
            if (!existing.IsValid())
                throw new ArgumentException("The startup data is not a valid V8Host snapshot.", nameof(existing));
            _contexts.AddRange(existing.Contexts);
        }

        _defaultContext = new Isolate().CreateContext();
    }

    /// <summary>Whether the creator can still take scripts and produce a blob.</summary>
    public bool IsAlive => _defaultContext is not null;

    /// <summary>Runs <paramref name="source"/> in the default context; contexts added later start with it.</summary>
    /// <exception cref="JavaScriptException">The script failed.</exception>
    public void Eval(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = Live("Eval");
        var script = Capture(context, $"<snapshot-prelude-{_prelude.Count}>", source);
        _prelude.Add(script);
    }

    /// <summary>Adds a context: the prelude so far, then <paramref name="source"/>. Returns its index.</summary>
    /// <exception cref="JavaScriptException">A script failed.</exception>
    public int AddContext(string? source = null)
    {
        Live("AddContext");
        var scripts = new List<SnapshotScript>(_prelude);
        if (source is not null)
        {
            using var context = new Isolate().CreateContext();
            foreach (var script in _prelude)
                context.Compile(script.Source, script.Name, cachedData: script.CodeCache).Run();
            scripts.Add(Capture(context, $"<snapshot-context-{_contexts.Count}>", source));
        }

        _contexts.Add(scripts);
        return _contexts.Count - 1;
    }

    /// <summary>Produces the startup data and ends the creator.</summary>
    public StartupData CreateBlob()
    {
        Live("CreateBlob");
        var data = StartupData.Create(_contexts);
        _blobCreated = true;
        Dispose();
        return data;
    }

    /// <summary>Releases the creator's working isolate.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _defaultContext, null)?.Dispose();
    }

    private static SnapshotScript Capture(Context context, string name, string source)
    {
        var script = context.Compile(source, name);
        script.Run();
        return new SnapshotScript(name, source, script.CreateCodeCache());
    }

    private Context Live(string operation) => _defaultContext ?? throw (_blobCreated
        ? new InvalidOperationException($"SnapshotCreator.{operation}: the creator was already consumed by CreateBlob().")
        : new ObjectDisposedException(nameof(SnapshotCreator), $"SnapshotCreator.{operation} was called after the creator was disposed."));

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
