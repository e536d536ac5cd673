namespace V8Host.Engine;

/// <summary>Interrupts a context's running script when a call's timeout elapses.</summary>
internal sealed class Watchdog : IDisposable
{
    private readonly Timer _timer;
    private readonly object _gate = new();
    private bool _finished;
    private volatile bool _fired;

    private Watchdog(Context context, TimeSpan timeout)
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
                context.InterruptForTimeout();
            }
        });
        _timer.Change(timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; }

    public bool Fired => _fired;

    public static Watchdog? Start(Context context, TimeSpan? timeout)
    {
        if (timeout is not { } value)
            return null;
        if (value <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), value, "A timeout must be positive.");
        return new Watchdog(context, value);
    }

    public void Dispose()
    {
        lock (_gate)
            _finished = true;
        _timer.Dispose();
    }
}
