namespace V8Host.Engine;

/// <summary>
/// The context's host-driven event loop: a queue of tasks (promise settlements from .NET tasks,
/// later timers and host callbacks) that run on the engine when the host pumps
/// (<see cref="Context.RunEventLoopOnce"/>, <see cref="Context.RunUntilIdle"/>, awaiting a promise).
/// Posting is thread-safe; running happens under the context's lock.
/// </summary>
internal sealed class EventLoop
{
    private readonly Context _context;
    private readonly Queue<Action> _tasks = new();
    private readonly SemaphoreSlim _signal = new(0);
    private int _externalWork;
    private volatile bool _closed;

    public EventLoop(Context context) => _context = context;

    /// <summary>Queued tasks, or .NET work (tasks behind promises) that will queue one when it completes.</summary>
    public bool HasPendingWork
    {
        get
        {
            lock (_tasks)
                return _tasks.Count > 0 || Volatile.Read(ref _externalWork) > 0;
        }
    }

    public void Post(Action task)
    {
        if (_closed)
            return;
        lock (_tasks)
            _tasks.Enqueue(task);
        _signal.Release();
    }

    public void BeginExternalWork() => Interlocked.Increment(ref _externalWork);

    public void EndExternalWork() => Interlocked.Decrement(ref _externalWork);

    /// <summary>Runs at most one task, waiting up to <paramref name="timeout"/> (none: do not wait) for one to arrive.</summary>
    public bool RunOnce(TimeSpan? timeout)
    {
        if (!_signal.Wait(timeout ?? TimeSpan.Zero))
            return false;
        Action task;
        lock (_tasks)
            task = _tasks.Dequeue();
        _context.Run<object?>("Context.RunEventLoopOnce", _ =>
        {
            task();
            return null;
        });
        return true;
    }

    public int RunUntilIdle(int? maxTasks)
    {
        if (maxTasks is < 0)
            throw new ArgumentOutOfRangeException(nameof(maxTasks), maxTasks, "maxTasks cannot be negative.");
        var count = 0;
        while ((maxTasks is null || count < maxTasks) && RunOnce(null))
            count++;
        return count;
    }

    public async Task RunUntilIdleAsync(CancellationToken cancellationToken)
    {
        while (HasPendingWork)
        {
            await _signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            _signal.Release();
            RunOnce(null);
        }
    }

    /// <summary>Runs tasks until <paramref name="task"/> completes, the timeout passes, or nothing can complete it any more.</summary>
    public void PumpUntil(Task task, TimeSpan? timeout, string operation)
    {
        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        while (!task.IsCompleted)
        {
            if (!HasPendingWork && deadline is null)
                throw new InvalidOperationException($"{operation}: the promise is still pending and the event loop has nothing left that could settle it.");
            var remaining = deadline is { } d ? d - DateTime.UtcNow : TimeSpan.FromMilliseconds(50);
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"{operation}: the promise did not settle within {timeout!.Value.TotalMilliseconds:0.###} ms.");
            RunOnce(remaining < TimeSpan.FromMilliseconds(50) ? remaining : TimeSpan.FromMilliseconds(50));
        }
    }

    public void Close() => _closed = true;
}
