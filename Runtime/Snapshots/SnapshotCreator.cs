namespace V8Host;

/// <summary>
/// Builds <see cref="StartupData"/>: scripts given to <see cref="Eval"/> run in the default context and
/// start every context added afterwards; <see cref="AddContext"/> records a context (those scripts plus
/// its own) and returns its index.
/// </summary>
/// <remarks>
/// Every script runs while the snapshot is created, so its errors surface here, not at startup. Each
/// added context runs its scripts in a fresh isolate, then its optional warm-up, and only then takes the
/// code caches: they hold what ran, not just what V8 compiles eagerly. The warm-up is not stored; a
/// context started from the snapshot runs its scripts again (from the caches), never the warm-up.
/// </remarks>
public sealed class SnapshotCreator : IDisposable, IAsyncDisposable
{
    private readonly List<SnapshotSource> _prelude = new();
    private readonly List<IReadOnlyList<SnapshotScript>> _contexts = new();
    private Context? _defaultContext;
    // The context AddContext is working in, so that Dispose from another thread reaches a script
    // running there: without ScriptTimeout that is the host's only way to stop an endless one.
    private Context? _working;
    private string? _cacheTag;
    private bool _blobCreated;

    /// <summary>Starts a creator, keeping the contexts of <paramref name="existing"/> (their indexes stay the same).</summary>
    /// <exception cref="ArgumentException"><paramref name="existing"/> is not valid startup data.</exception>
    public SnapshotCreator(StartupData? existing = null)
    {
        if (existing is not null)
        {
            if (!existing.IsValid())
                throw new ArgumentException($"The startup data is not a valid V8Host snapshot: {existing.Problem}.", nameof(existing));
            _contexts.AddRange(existing.Contexts);
        }

        _defaultContext = new Isolate().CreateContext();
    }

    /// <summary>Whether the creator can still take scripts and produce a blob.</summary>
    public bool IsAlive => _defaultContext is not null;

    /// <summary>The longest any one script (or warm-up) may run; null for no limit. A script that runs longer throws <see cref="ScriptTerminatedException"/>.</summary>
    public TimeSpan? ScriptTimeout { get; set; }

    /// <summary>Runs <paramref name="source"/> in the default context; contexts added later start with it.</summary>
    /// <param name="source">The script.</param>
    /// <param name="filename">The name its errors and stack frames show, here and in contexts started from the snapshot.</param>
    /// <exception cref="JavaScriptException">The script failed.</exception>
    /// <exception cref="ScriptTerminatedException">The script ran longer than <see cref="ScriptTimeout"/>.</exception>
    public void Eval(string source, string? filename = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var context = Live("Eval");
        var script = new SnapshotSource(filename ?? $"<snapshot-prelude-{_prelude.Count}>", source);
        try
        {
            using var compiled = context.Compile(script.Source, script.Name);
            compiled.Run(ScriptTimeout);
        }
        finally
        {
            // A script over the heap limit spends the isolate: every later Eval, and CreateBlob,
            // would fail in it although the failed script is not kept. A fresh one runs the kept prelude.
            if (!context.IsAlive && ReferenceEquals(Interlocked.CompareExchange(ref _defaultContext, null, context), context))
                Renew(context);
        }

        _prelude.Add(script);
    }

    private void Renew(Context spent)
    {
        spent.Dispose();
        var fresh = new Isolate().CreateContext();
        try
        {
            foreach (var kept in _prelude)
            {
                using var compiled = fresh.Compile(kept.Source, kept.Name);
                compiled.Run(ScriptTimeout);
            }
        }
        catch
        {
            fresh.Dispose();
            throw;
        }

        _defaultContext = fresh;
    }

    /// <summary>
    /// Adds a context: the scripts given to <see cref="Eval"/> so far, then <paramref name="source"/>.
    /// <paramref name="warmUp"/>, when given, runs after them before the caches are taken, so the functions
    /// it calls are compiled into the snapshot; it is not part of the context. Returns the context's index.
    /// </summary>
    /// <exception cref="JavaScriptException">A script or the warm-up failed; the creator stays usable.</exception>
    /// <exception cref="ScriptTerminatedException">A script ran longer than <see cref="ScriptTimeout"/>.</exception>
    public int AddContext(string? source = null, string? warmUp = null, string? filename = null, string? warmUpFilename = null)
    {
        Live("AddContext");
        var sources = new List<SnapshotSource>(_prelude);
        if (source is not null)
            sources.Add(new SnapshotSource(filename ?? $"<snapshot-context-{_contexts.Count}>", source));

        using var context = new Isolate().CreateContext();
        // A full fence, like Dispose's exchange: either Dispose sees this context, or this sees Dispose.
        Interlocked.Exchange(ref _working, context);
        if (Volatile.Read(ref _defaultContext) is null)
            Live("AddContext");
        try
        {
            return RecordContext(context, sources, warmUp, warmUpFilename);
        }
        finally
        {
            Interlocked.CompareExchange(ref _working, null, context);
        }
    }

    private int RecordContext(Context context, List<SnapshotSource> sources, string? warmUp, string? warmUpFilename)
    {
        var compiled = new List<Script>(sources.Count);
        foreach (var script in sources)
        {
            compiled.Add(context.Compile(script.Source, script.Name));
            compiled[^1].Run(ScriptTimeout);
        }

        if (warmUp is not null)
        {
            using var warm = context.Compile(warmUp, warmUpFilename ?? $"<snapshot-warm-up-{_contexts.Count}>");
            warm.Run(ScriptTimeout);
        }

        var scripts = new List<SnapshotScript>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
            scripts.Add(new SnapshotScript(sources[i].Name, sources[i].Source, compiled[i].CreateCodeCacheAfterRun()));
        _cacheTag ??= scripts.Count > 0 ? CodeCacheHeader.Tag(scripts[0].CodeCache) : null;
        _contexts.Add(scripts);
        return _contexts.Count - 1;
    }

    /// <summary>Produces the startup data and ends the creator.</summary>
    public StartupData CreateBlob()
    {
        Live("CreateBlob");
        var data = StartupData.Create(_contexts, _cacheTag ?? CodeCacheHeader.Current);
        _blobCreated = true;
        Dispose();
        return data;
    }

    /// <summary>Releases the creator's working isolate; a script still running in it (or in the context <see cref="AddContext"/> is adding) is terminated.</summary>
    public void Dispose()
    {
        Interlocked.Exchange(ref _defaultContext, null)?.Dispose();
        Volatile.Read(ref _working)?.Dispose();
    }

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private Context Live(string operation) => _defaultContext ?? throw (_blobCreated
        ? new InvalidOperationException($"SnapshotCreator.{operation}: the creator was already consumed by CreateBlob().")
        : new ObjectDisposedException(nameof(SnapshotCreator), $"SnapshotCreator.{operation} was called after the creator was disposed."));

    private sealed record SnapshotSource(string Name, string Source);
}
