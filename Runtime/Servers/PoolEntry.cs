using System.Diagnostics;

namespace V8Host;

/// <summary>One context of a <see cref="ContextPool"/>, with its baseline and the state of its current rent.</summary>
internal sealed class PoolEntry
{
    private readonly object _gate = new();
    private Timer? _expiry;
    private long _deadline;

    public PoolEntry(Context context, PoolBaseline baseline)
    {
        Context = context;
        Baseline = baseline;
    }

    public Context Context { get; }

    public PoolBaseline Baseline { get; }

    /// <summary>How many times the context was rented.</summary>
    public int Uses { get; private set; }

    /// <summary>Which rent is current: a stale <see cref="PooledContext"/> cannot return a later one.</summary>
    public long Rent { get; private set; }

    public bool IsRented { get; private set; }

    /// <summary>Whether the current rent outlived <see cref="ContextPoolOptions.MaxRentDuration"/>.</summary>
    public bool Expired { get; private set; }

    public long BeginRent(TimeSpan? maxDuration)
    {
        lock (_gate)
        {
            Uses++;
            Rent++;
            IsRented = true;
            Expired = false;
            Context.RentSources = new RentSources();
            if (maxDuration is { } duration)
            {
                _deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                _expiry ??= new Timer(static state => ((PoolEntry)state!).OnExpiry(), this, Timeout.Infinite, Timeout.Infinite);
                _expiry.Change(duration, Timeout.InfiniteTimeSpan);
            }

            return Rent;
        }
    }

    /// <summary>Ends rent <paramref name="rent"/>; false when it is not the current one (already returned).</summary>
    public bool EndRent(long rent)
    {
        lock (_gate)
        {
            if (!IsRented || Rent != rent)
                return false;
            IsRented = false;
            _expiry?.Change(Timeout.Infinite, Timeout.Infinite);
            return true;
        }
    }

    private void OnExpiry()
    {
        lock (_gate)
        {
            // A late timer of an earlier rent finds the entry idle.
            if (!IsRented)
                return;
            // Early (timers and Stopwatch need not agree to the millisecond), or a later rent's deadline: wait the rest.
            var left = _deadline - Stopwatch.GetTimestamp();
            if (left > 0)
            {
                _expiry?.Change(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency) + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
                return;
            }

            Expired = true;
            Context.TerminateExecution();
        }
    }

    /// <summary>Disposes the context (and the rent timer).</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _expiry?.Dispose();
            _expiry = null;
        }

        Context.Dispose();
    }
}
