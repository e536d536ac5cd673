namespace V8Host.Engine;

/// <summary>
/// The context's event loop: a FIFO queue of tasks (settlements of .NET tasks behind promises, due
/// timers, FinalizationRegistry callbacks), each run as one outermost call into the context, so that
/// its microtasks run before the next task. Posting is thread-safe and never touches the engine.
/// </summary>
/// <remarks>
/// <para>
/// In <see cref="EventLoopMode.Automatic"/> a post schedules a drain on the thread pool. The drain
/// only ever <em>tries</em> to take the context: when a call holds it, the drain gives up at once and
/// that call schedules the next drain as it releases the context (<see cref="OnContextReleased"/>).
/// No thread waits for the context on the loop's behalf, so neither a blocked SynchronizationContext
/// nor a sync-over-async caller can deadlock with it.
/// </para>
/// <para>In <see cref="EventLoopMode.Manual"/> tasks wait for the host to pump.</para>
/// </remarks>
internal sealed class EventLoop
{
    /// <summary>A drain yields the thread after this many tasks, so one busy context cannot hold a pool thread indefinitely.</summary>
    private const int TasksPerDrain = 64;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Context _context;
    private readonly Queue<(Action Run, TimeSpan? Limit)> _tasks = new();
    private readonly SemaphoreSlim _doorbell = new(0, 1);
    private readonly bool _automatic;
    private int _queued;
    private int _running;
    private int _externalWork;
    private int _drainScheduled;
    private volatile bool _drainRunningTask;
    private volatile bool _closed;

    public EventLoop(Context context, EventLoopMode mode)
    {
        _context = context;
        _automatic = mode == EventLoopMode.Automatic;
        Timers = new TimerQueue(this);
    }

    /// <summary>The timers scheduled by <c>setTimeout</c>/<c>setInterval</c> (<see cref="TimersApi"/>).</summary>
    public TimerQueue Timers { get; }

    /// <summary>Whether the automatic drain is running a task now (no host call is waiting for that task).</summary>
    public bool IsDrainRunningTask => _drainRunningTask;

    /// <summary>
    /// Whether anything could still run: queued or running tasks, active timers, or .NET work (tasks
    /// behind promises) that will queue a task when it completes.
    /// </summary>
    public bool HasPendingWork =>
        Volatile.Read(ref _queued) > 0 || Volatile.Read(ref _running) > 0 || Volatile.Read(ref _externalWork) > 0 || Timers.ActiveCount > 0;

    /// <summary>Queues <paramref name="task"/>; <paramref name="limit"/> bounds how long it may run (besides <see cref="IsolateOptions.EventLoopTaskTimeout"/>).</summary>
    public void Post(Action task, TimeSpan? limit = null)
    {
        if (_closed)
            return;
        lock (_tasks)
        {
            _tasks.Enqueue((task, limit));
            _queued++;
            Monitor.PulseAll(_tasks);
        }

        RingDoorbell();
        if (_automatic)
            ScheduleDrain();
    }

    /// <summary>Makes the loop take a turn soon (in automatic mode): the end of that task's call does deferred work, such as reporting rejections.</summary>
    public void RequestTurn() => Post(static () => { });

    public void BeginExternalWork() => Interlocked.Increment(ref _externalWork);

    public void EndExternalWork() => Interlocked.Decrement(ref _externalWork);

    /// <summary>
    /// Called by every outermost call into the context once it has let go of the context: a drain that
    /// found the context busy gave up, so the loop resumes here.
    /// </summary>
    public void OnContextReleased()
    {
        if (_automatic && Volatile.Read(ref _queued) > 0 && !_closed)
            ScheduleDrain();
    }

    /// <summary>Runs at most one task, waiting up to <paramref name="timeout"/> (none: do not wait) for one to arrive.</summary>
    public bool RunOnce(TimeSpan? timeout) => RunOnce(timeout, runLimit: null);

    /// <summary>Like <see cref="RunOnce(TimeSpan?)"/>; the task may run at most <paramref name="runLimit"/> (besides the task timeout).</summary>
    private bool RunOnce(TimeSpan? timeout, TimeSpan? runLimit)
    {
        if (!TryTake(timeout ?? TimeSpan.Zero, out var task))
            return false;
        RunTask(task, runLimit);
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
            cancellationToken.ThrowIfCancellationRequested();
            if (!RunOnce(null))
                await _doorbell.WaitAsync(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Blocks until <paramref name="task"/> completes, the timeout passes, or nothing can complete it
    /// any more. The loop runs meanwhile: on this thread in manual mode, or when the caller holds the
    /// context (no drain can enter it then), else by itself.
    /// </summary>
    public void PumpUntil(Task task, TimeSpan? timeout, string operation)
    {
        if (!task.IsCompleted && _context.IsInScriptOnCurrentThread)
        {
            throw new InvalidOperationException(
                $"{operation} cannot wait inside a call from this context's script: promise reactions run only once the script has returned. Return a Task from the host function instead.");
        }

        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        while (!task.IsCompleted)
        {
            if (!HasPendingWork && deadline is null)
                throw new InvalidOperationException($"{operation}: the promise is still pending and the event loop has nothing left that could settle it.");
            var remaining = deadline is { } d ? d - DateTime.UtcNow : PollInterval;
            if (remaining <= TimeSpan.Zero)
                throw new TimeoutException($"{operation}: the promise did not settle within {timeout!.Value.TotalMilliseconds:0.###} ms.");
            var slice = remaining < PollInterval ? remaining : PollInterval;

            // A task this thread runs is bounded by what is left of the wait (a top-level await that spins
            // after its first await would otherwise hold the waiter forever); in automatic mode the drain runs it.
            if (_automatic && !_context.IsHeldByCurrentThread)
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne(slice);
            else
                RunOnce(slice, runLimit: deadline is null ? null : remaining);
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> without blocking a thread, pumping in manual mode. Gives up
    /// with <see cref="InvalidOperationException"/> when nothing left could complete the task (no
    /// task queued or running, no timer, no .NET work behind a promise), instead of waiting forever.
    /// </summary>
    public async Task WaitAsync(Task task, string operation, CancellationToken cancellationToken)
    {
        while (!task.IsCompleted)
        {
            if (cancellationToken.IsCancellationRequested)
                throw new ScriptTerminatedException($"{operation} was cancelled.");
            if (!HasPendingWork)
            {
                // A task that just ran settled the promise before it stopped counting as running.
                if (task.IsCompleted)
                    break;
                throw new InvalidOperationException($"{operation}: the promise is still pending and the event loop has nothing left that could settle it.");
            }

            if (_automatic || !RunOnce(null))
            {
                var wake = _automatic ? Task.Delay(PollInterval, cancellationToken) : _doorbell.WaitAsync(PollInterval, cancellationToken);
                await Task.WhenAny(task, wake).ConfigureAwait(false);
            }
        }
    }

    public void Close()
    {
        _closed = true;
        Timers.Close();
        lock (_tasks)
        {
            _tasks.Clear();
            _queued = 0;
        }
    }

    private bool TryTake(TimeSpan wait, out (Action Run, TimeSpan? Limit) task)
    {
        lock (_tasks)
        {
            var deadline = DateTime.UtcNow + wait;
            while (_tasks.Count == 0)
            {
                var remaining = deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero || !Monitor.Wait(_tasks, remaining))
                {
                    if (_tasks.Count > 0)
                        break;
                    task = default;
                    return false;
                }
            }

            task = _tasks.Dequeue();
            _queued--;

            // Counted as running before it leaves the queue's lock: a waiter must never see "nothing
            // pending" while a task that will settle its promise is between queue and engine.
            Interlocked.Increment(ref _running);
            return true;
        }
    }

    /// <summary>Runs a task as its own outermost call (its microtasks run when it returns), under the shortest of its limits.</summary>
    private void RunTask((Action Run, TimeSpan? Limit) task, TimeSpan? runLimit = null)
    {
        var limit = Shortest(Shortest(_context.Options.EventLoopTaskTimeout, task.Limit), runLimit);
        if (limit < TimeSpan.FromMilliseconds(1))
            limit = TimeSpan.FromMilliseconds(1);
        try
        {
            _context.Run<object?>("event loop task", _ =>
            {
                task.Run();
                return null;
            }, limit);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static TimeSpan? Shortest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private void ScheduleDrain()
    {
        if (Interlocked.Exchange(ref _drainScheduled, 1) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(static loop => loop.Drain(), this, preferLocal: false);
    }

    private void Drain()
    {
        // Cleared first: a post from now on schedules another drain, so no task is left behind.
        Volatile.Write(ref _drainScheduled, 0);
        if (_closed || !_context.TryHold())
            return;
        try
        {
            // A waiting host call goes first; its release schedules the next drain.
            for (var i = 0; i < TasksPerDrain && !_closed && !_context.HasWaitingCallers && TryTake(TimeSpan.Zero, out var task); i++)
            {
                try
                {
                    _drainRunningTask = true;
                    RunTask(task);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // Disposal stops a running task as it drops the queued ones: the host asked for that. (Tested
                    // here, not in a filter: filters run before the finally that closes the loop.)
                    if (exception is ScriptTerminatedException && _closed)
                        return;

                    // Nobody called this task, so nobody can catch what it threw: it is reported, never dropped.
                    Report(exception);
                }
                finally
                {
                    _drainRunningTask = false;
                }
            }
        }
        finally
        {
            _context.ReleaseHold();
        }

        OnContextReleased();
    }

    private void Report(Exception exception)
    {
        if (exception is JavaScriptException script)
            _context.ReportUncaught(script);
        else
            _context.WriteError($"An event-loop task failed: {exception.GetType().Name}: {exception.Message}");
    }

    private void RingDoorbell()
    {
        try
        {
            if (_doorbell.CurrentCount == 0)
                _doorbell.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another post rang it first: one ring wakes the waiter either way.
        }
    }
}
