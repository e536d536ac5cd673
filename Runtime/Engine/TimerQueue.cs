using System.Diagnostics;

namespace V8Host.Engine;

/// <summary>
/// Due times of a context's timers, with HTML's timer semantics: timers run in due-time order, timers
/// due at the same time in the order they were scheduled, each as its own event-loop task; nested
/// timers are clamped to 4 ms from the sixth level on; a cleared timer never runs. The JS side
/// (<c>Timers.js</c>) keeps each timer's callback and arguments; this side knows only ids and times.
/// </summary>
internal sealed class TimerQueue
{
    /// <summary>HTML: from this nesting level on, a timeout below <see cref="ClampMilliseconds"/> is raised to it.</summary>
    private const int ClampNestingLevel = 5;

    private const double ClampMilliseconds = 4;

    /// <summary>
    /// Each timer costs .NET memory that V8's heap limit does not see; past this many active timers in
    /// one context, <c>setTimeout</c> throws a RangeError instead of letting a loop exhaust the process.
    /// </summary>
    public const int MaxActiveTimers = 1_000_000;

    private readonly EventLoop _loop;
    private readonly object _gate = new();
    private readonly PriorityQueue<Entry, (double Due, long Order)> _due = new();
    private readonly Dictionary<int, Entry> _active = new();
    private readonly Timer _wake;
    private long _order;
    private double _armedFor = double.PositiveInfinity;
    private bool _closed;

    // The task now running a timer callback, if any; only read and written while the context is held.
    private Entry? _running;
    private long _taskStarted;

    public TimerQueue(EventLoop loop)
    {
        _loop = loop;
        _wake = new Timer(static state => ((TimerQueue)state!).PostDueTimers(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Timers that are scheduled and not cleared (a repeating one counts until it is cleared).</summary>
    public int ActiveCount
    {
        get
        {
            lock (_gate)
                return _active.Count;
        }
    }

    /// <summary>
    /// The glue's <c>fire(id)</c>: runs a timer's callback and reports what it threw. Set when the
    /// timers API is installed.
    /// </summary>
    public Func<int, bool>? Fire { get; set; }

    /// <summary>The Timers.js table that owns the callbacks, once loaded (<c>TimersApi.Glue</c>).</summary>
    public Microsoft.ClearScript.ScriptObject? Glue { get; set; }

    /// <summary>Schedules timer <paramref name="id"/> (allocated by the glue) to fire after <paramref name="delay"/> ms.</summary>
    /// <returns><see langword="false"/> when the context already has <see cref="MaxActiveTimers"/> timers.</returns>
    public bool Schedule(int id, double delay, bool repeat)
    {
        var nesting = _running?.Nesting ?? 0;
        var entry = new Entry(id, repeat ? delay : -1, nesting + 1);
        lock (_gate)
        {
            if (_active.Count >= MaxActiveTimers)
                return false;
            if (!_closed)
            {
                _active[id] = entry;
                Enqueue(entry, Now() + Clamp(delay, nesting));
            }

            return true;
        }
    }

    public void Cancel(int id)
    {
        lock (_gate)
        {
            if (_active.Remove(id, out var entry))
                entry.Cleared = true;
        }
    }

    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            _active.Clear();
            _due.Clear();
        }

        _wake.Dispose();
    }

    /// <summary>
    /// The time timers are scheduled from: inside a timer task, the time the task started, as Node's
    /// loop time is cached per iteration, so that timers scheduled by one callback with equal delays
    /// are due at exactly the same time and run in the order they were scheduled.
    /// </summary>
    private double Now() => Milliseconds(_running is null ? Stopwatch.GetTimestamp() : _taskStarted);

    private static double Milliseconds(long timestamp) => timestamp * 1000.0 / Stopwatch.Frequency;

    private static double Clamp(double delay, int nesting) =>
        nesting > ClampNestingLevel && delay < ClampMilliseconds ? ClampMilliseconds : delay;

    private void Enqueue(Entry entry, double due)
    {
        _due.Enqueue(entry, (due, _order++));
        if (due < _armedFor)
            Arm(due);
    }

    private void Arm(double due)
    {
        _armedFor = due;
        var wait = Math.Max(0, due - Milliseconds(Stopwatch.GetTimestamp()));
        _wake.Change((long)Math.Ceiling(wait), Timeout.Infinite);
    }

    /// <summary>The wake-up timer's callback: every due timer becomes one event-loop task, in due order.</summary>
    private void PostDueTimers()
    {
        var due = new List<Entry>();
        lock (_gate)
        {
            if (_closed)
                return;
            _armedFor = double.PositiveInfinity;
            var now = Milliseconds(Stopwatch.GetTimestamp());
            while (_due.TryPeek(out var entry, out var priority) && priority.Due <= now)
            {
                _due.Dequeue();
                if (!entry.Cleared)
                    due.Add(entry);
            }

            if (_due.TryPeek(out _, out var next))
                Arm(next.Due);
        }

        foreach (var entry in due)
            _loop.Post(() => Run(entry));
    }

    /// <summary>Runs inside an event-loop task (the context is held).</summary>
    private void Run(Entry entry)
    {
        if (entry.Cleared || Fire is not { } fire)
            return;
        if (!entry.Repeats)
        {
            lock (_gate)
                _active.Remove(entry.Id);
        }

        _running = entry;
        _taskStarted = Stopwatch.GetTimestamp();
        try
        {
            fire(entry.Id);
        }
        finally
        {
            _running = null;
        }

        if (entry.Repeats)
        {
            lock (_gate)
            {
                if (!entry.Cleared && !_closed)
                {
                    // HTML reruns the timer steps from within the interval's own task: one level deeper each time.
                    var next = new Entry(entry.Id, entry.Interval, entry.Nesting + 1);
                    _active[entry.Id] = next;
                    Enqueue(next, Milliseconds(_taskStarted) + Clamp(entry.Interval, entry.Nesting));
                }
            }
        }
    }

    private sealed class Entry(int id, double interval, int nesting)
    {
        public int Id { get; } = id;

        /// <summary>The repeat interval in ms, or −1 for a one-shot timer.</summary>
        public double Interval { get; } = interval;

        public bool Repeats => Interval >= 0;

        public int Nesting { get; } = nesting;

        public bool Cleared { get; set; }
    }
}
