using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace V8Host;

/// <summary>
/// A pool of ready contexts for servers: rent one per request, run the request's script in it, and
/// dispose the <see cref="PooledContext"/> to give it back. A new context costs milliseconds; a rented
/// one is already set up (profile, snapshot, <see cref="ContextPoolOptions.Configure"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Isolation.</b> Each context has its own isolate (heap limit, termination). State one renter
/// leaves never reaches the next: when a context comes back its globals are reset to the baseline
/// captured after its set-up (added globals deleted, replaced or removed ones restored), and the
/// context is disposed instead of rented again when the reset cannot undo what the rent did: a
/// built-in or baseline object changed (<c>Array.prototype.map</c> replaced, a property added to a
/// global object), a top-level <c>let</c>, <c>const</c> or <c>class</c> binding was declared, modules
/// were loaded, timers or other event-loop work are pending, the rent was terminated or outlived
/// <see cref="ContextPoolOptions.MaxRentDuration"/>, the context hit a resource limit, or it reached
/// <see cref="ContextPoolOptions.MaxUsesPerContext"/>. The reset checks objects the baseline's globals
/// hold one level deep; state kept deeper inside them (a nested object of a global set with
/// <c>SetGlobal</c>) is the host's to keep immutable.
/// </para>
/// <para>
/// <b>Threading.</b> All members are thread-safe. At most <see cref="ContextPoolOptions.MaxSize"/>
/// contexts exist at once; renters past it wait (<see cref="RentAsync"/> with cancellation,
/// <see cref="Rent"/> with a timeout). Disposing the pool disposes its idle contexts; rented ones are
/// disposed when they are returned.
/// </para>
/// </remarks>
public sealed class ContextPool : IDisposable, IAsyncDisposable
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> the pool's instruments are on.</summary>
    public const string MeterName = "V8Host.ContextPool";

    private readonly ContextPoolOptions _options;
    private readonly ConcurrentStack<PoolEntry> _idle = new();
    // One permit per context that is rented or being created in the background: MaxSize in all.
    private readonly SemaphoreSlim _permits;
    private readonly CancellationTokenSource _disposing = new();
    private readonly ContextPoolMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ILogger? _consoleLogger;
    private int _live;
    private int _inUse;
    private int _created;
    private int _filling;
    private volatile bool _disposed;

    /// <summary>Creates a pool; with <see cref="ContextPoolOptions.MinIdle"/>, it starts creating that many contexts in the background.</summary>
    /// <exception cref="ArgumentException">An option is out of range (the message names it).</exception>
    public ContextPool(ContextPoolOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _permits = new SemaphoreSlim(_options.MaxSize, _options.MaxSize);
        _logger = (ILogger?)_options.LoggerFactory?.CreateLogger("V8Host.ContextPool") ?? NullLogger.Instance;
        _consoleLogger = _options.LoggerFactory?.CreateLogger("V8Host.Console");
        _metrics = new ContextPoolMetrics(_options.Name, () => Idle, () => InUse);
        FillIdle();
    }

    /// <summary>Contexts ready to rent.</summary>
    public int Idle => _idle.Count;

    /// <summary>Contexts rented now.</summary>
    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>Contexts the pool has created so far (including those since recycled).</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>Rents a context, waiting while <see cref="ContextPoolOptions.MaxSize"/> are rented.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public async ValueTask<PooledContext> RentAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed("RentAsync");
        var started = Stopwatch.GetTimestamp();
        if (!_permits.Wait(0))
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            try
            {
                await _permits.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw Disposed("RentAsync");
            }
        }

        return Lease(started);
    }

    /// <summary>Rents a context, waiting at most <paramref name="timeout"/> (null: as long as it takes) while <see cref="ContextPoolOptions.MaxSize"/> are rented.</summary>
    /// <exception cref="TimeoutException">No context was free in time.</exception>
    /// <exception cref="ObjectDisposedException">The pool is disposed.</exception>
    public PooledContext Rent(TimeSpan? timeout = null)
    {
        ThrowIfDisposed("Rent");
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (!_permits.Wait(timeout ?? Timeout.InfiniteTimeSpan, _disposing.Token))
                throw new TimeoutException($"ContextPool.Rent: no context was free within {timeout} ({_options.MaxSize} rented, ContextPoolOptions.MaxSize).");
        }
        catch (OperationCanceledException)
        {
            throw Disposed("Rent");
        }

        return Lease(started);
    }

    /// <summary>Disposes the idle contexts; rented ones are disposed when returned. Renting afterwards throws.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _disposing.Cancel();
        DrainIdle();
        _metrics.Dispose();
    }

    /// <summary>Disposes the pool (synchronously: disposing a context does not block on I/O).</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private PooledContext Lease(long started)
    {
        PoolEntry entry;
        long rent;
        try
        {
            ThrowIfDisposed("Rent");
            if (!_idle.TryPop(out entry!))
            {
                Interlocked.Increment(ref _live);
                try
                {
                    entry = CreateEntry();
                }
                catch
                {
                    Interlocked.Decrement(ref _live);
                    throw;
                }
            }

            Interlocked.Increment(ref _inUse);
            rent = entry.BeginRent(_options.MaxRentDuration);
        }
        catch
        {
            _permits.Release();
            throw;
        }

        _metrics.Rented(Stopwatch.GetElapsedTime(started));
        FillIdle();
        return new PooledContext(this, entry, rent);
    }

    /// <summary>A context coming back (from <see cref="PooledContext.Dispose"/>): reset and kept, or recycled.</summary>
    internal void Return(PoolEntry entry, long rent)
    {
        if (!entry.EndRent(rent))
            return;
        try
        {
            var reason = _disposed ? "pool-disposed" : RecycleReason(entry);
            if (reason is null)
                Keep(entry);
            else
                Retire(entry, reason);
        }
        finally
        {
            Interlocked.Decrement(ref _inUse);
            _permits.Release();
        }

        FillIdle();
    }

    /// <summary>Why the context cannot be rented again, or null after resetting it for the next renter.</summary>
    private string? RecycleReason(PoolEntry entry)
    {
        var context = entry.Context;
        var sources = context.RentSources;
        context.RentSources = null;
        context.ClearEventHandlers();
        if (!context.IsAlive)
            return "spent";
        if (entry.Expired)
            return "rent-expired";
        if (_options.MaxUsesPerContext > 0 && entry.Uses >= _options.MaxUsesPerContext)
            return "max-uses";
        if (context.HasPendingWork)
            return "pending-work";
        if (context.ModuleCount != entry.Baseline.Modules)
            return "modules";
        if (sources?.CandidateLines() is not { } candidates)
            return "too-much-source";
        var reset = entry.Baseline.Reset(candidates);
        if (reset is null)
            return null;
        _logger.LogDebug("V8Host pool '{Pool}': a context could not be reset: {Detail}.", _options.Name, reset);
        return reset.StartsWith(PoolBaseline.PendingPrefix, StringComparison.Ordinal) ? "pending-work" : "state";
    }

    private PoolEntry CreateEntry()
    {
        var isolate = _options.Snapshot is { } snapshot ? new Isolate(snapshot, _options.IsolateOptions) : new Isolate(_options.IsolateOptions);
        var builder = isolate.CreateContextBuilder();
        if (_options.Snapshot is not null)
            builder.UseSnapshot(_options.SnapshotIndex ?? 0);
        // First, so that a console the profile or Configure installs replaces it.
        if (_consoleLogger is not null)
            builder.Install(new ConsoleApi(_consoleLogger));
        if (_options.Profile is { } profile)
            builder.UseProfile(profile);
        _options.Configure?.Invoke(builder);
        var context = builder.Build();
        try
        {
            var entry = new PoolEntry(context, PoolBaseline.Capture(context, _options.FreezeBaseline));
            var created = Interlocked.Increment(ref _created);
            _metrics.Created();
            _logger.LogDebug("V8Host pool '{Pool}' created context {Number}.", _options.Name, created);
            return entry;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Makes <paramref name="entry"/> rentable; one that arrives as the pool is disposed is disposed with it.</summary>
    private void Keep(PoolEntry entry)
    {
        _idle.Push(entry);
        if (_disposed)
            DrainIdle();
    }

    private void DrainIdle()
    {
        while (_idle.TryPop(out var entry))
            Retire(entry, "pool-disposed");
    }

    private void Retire(PoolEntry entry, string reason)
    {
        Interlocked.Decrement(ref _live);
        _metrics.Recycled(reason);
        _logger.LogInformation("V8Host pool '{Pool}' recycled a context ({Reason}) after {Uses} rent(s).", _options.Name, reason, entry.Uses);
        entry.Retire();
    }

    /// <summary>Tops the idle contexts up to <see cref="ContextPoolOptions.MinIdle"/> on the thread pool, within <see cref="ContextPoolOptions.MaxSize"/>.</summary>
    private void FillIdle()
    {
        if (_options.MinIdle == 0 || _disposed || Idle >= _options.MinIdle || Interlocked.CompareExchange(ref _filling, 1, 0) != 0)
            return;
        _ = Task.Run(() =>
        {
            try
            {
                while (!_disposed && Idle < _options.MinIdle && _permits.Wait(0))
                {
                    try
                    {
                        if (Interlocked.Increment(ref _live) > _options.MaxSize)
                        {
                            Interlocked.Decrement(ref _live);
                            break;
                        }

                        PoolEntry entry;
                        try
                        {
                            entry = CreateEntry();
                        }
                        catch
                        {
                            Interlocked.Decrement(ref _live);
                            throw;
                        }

                        Keep(entry);
                    }
                    finally
                    {
                        _permits.Release();
                    }
                }
            }
            catch (Exception exception)
            {
                // Renting creates contexts itself and reports its own failure; here it is only logged.
                _logger.LogWarning(exception, "V8Host pool '{Pool}' could not create an idle context.", _options.Name);
            }
            finally
            {
                Volatile.Write(ref _filling, 0);
            }
        });
    }

    private void ThrowIfDisposed(string operation)
    {
        if (_disposed)
            throw Disposed(operation);
    }

    private static ObjectDisposedException Disposed(string operation) =>
        new(nameof(ContextPool), $"ContextPool.{operation}: the pool is disposed.");
}
