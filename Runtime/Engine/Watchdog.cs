namespace V8Host.Engine;

/// <summary>Interrupts a context's running script when a call's timeout elapses.</summary>
internal sealed class Watchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _finished;
    private volatile bool _fired;

    private Watchdog(Context context, TimeSpan timeout, int depth)
    {
        Timeout = timeout;
        _timer = new Timer(_ =>
        {
            // The gate keeps a late timer tick from interrupting whatever call runs after this one.
            lock (_gate)
            {
                if (_finished)
                    return;
                _fired = true;
                context.InterruptForTimeout(depth);
            }
        });
        _timer.Change(timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; }

    public bool Fired => _fired;

    /// <summary>A watchdog for one call, or null when the call has no timeout.</summary>
    /// <param name="context">The context whose call is guarded.</param>
    /// <param name="timeout">How long the call may run.</param>
    /// <param name="depth">The nesting depth of the call it guards: only that call and the calls it makes are stopped.</param>
    public static Watchdog? Start(Context context, TimeSpan? timeout, int depth)
    {
        if (timeout is not { } value)
            return null;
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), value, "A timeout must be positive.");
        return new Watchdog(context, value, depth);
    }

    public void Dispose()
    {
        lock (_gate)
            _finished = true;
        _timer.Dispose();
    }
}
