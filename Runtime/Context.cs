using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Engine;

namespace V8Host;

/// <summary>
/// A V8 execution context: where scripts run. Owns its isolate, every JS handle, script and module
/// created in it; disposing the context releases all of them.
/// </summary>
/// <remarks>
/// All members may be called from any thread: calls are serialized per context.
/// <see cref="TerminateExecution"/> and <see cref="Dispose"/> never wait for running script to
/// finish first: they stop it.
/// </remarks>
public sealed partial class Context : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan TerminationRetryInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan HeapCheckThreshold = TimeSpan.FromMilliseconds(1);

    private readonly EngineCore _core;
    private readonly object _sync = new();
    private readonly object _terminationGate = new();
    private readonly ConcurrentDictionary<long, ScriptObject> _handles = new();

    // The guarded calls of the JsFunctions that .NET has called (GuardedCallOf), by handle id: released with their handle.
    private readonly ConcurrentDictionary<long, ScriptObject> _guardedCalls = new();
    private readonly ConcurrentQueue<IDisposable> _pendingReleases = new();
    private readonly ConcurrentDictionary<IDisposable, byte> _ownedResources = new(ReferenceEqualityComparer.Instance);
    private long _nextHandleId;
    private volatile bool _disposed;
    private int _disposeStarted;
    private volatile string? _spentReason;
    private int _executionDepth;
    private int _waitingCallers;
    private bool _coreDisposed;
    private volatile bool _terminationRequested;
    private int _terminationDepth;
    private bool _engineReleased;
    private Timer? _terminator;
    private Watchdog? _watchdog;
    private long _stackBudget = -1;
    private string? _reentryRefusedBy;

    internal Context(EngineCore core, ContextSetup? setup = null)
    {
        _core = core;
        try
        {
            Bridge = new Bridge(core.Engine, ArrayBufferBytesAvailable(), FinalizationPending(), core.Inspector is not null,
                core.Options.MaxWasmMemoryBytes is { } wasmBytes ? Math.Floor(wasmBytes / (double)WasmMemory.PageSize) : double.PositiveInfinity);
            Values = new Marshaller(this);
            HostCalls = new HostCallSupport(this);
            EventLoop = new EventLoop(this, core.Options.EventLoop);
            HostClasses = new HostClassRegistry(this);
            Modules = new ModuleRegistry(this);
            core.Engine.PromiseRejectionCallback = TrackRejection;
            core.Inspector?.Hub.UseProfiler(new Debugging.InspectorProfiler(this));
            setup?.Apply(this);
            if (!HasConsole)
                ConsoleApi.InstallDefault(this);
        }
        catch
        {
            core.Dispose();
            throw;
        }
    }

    /// <summary>Limits.js asks before committing ArrayBuffer memory: what MaxArrayBufferBytes still allows.</summary>
    private V8FastHostFunction ArrayBufferBytesAvailable() => new("arrayBufferBytesAvailable", (bool _, in V8FastArgs _, in V8FastResult result) =>
        result.Set(Options.MaxArrayBufferBytes is { } limit ? Math.Max(0, limit - _core.GetHeapStatistics().ExternalMemory) : double.PositiveInfinity));

    /// <summary>
    /// How long one turn of FinalizationRegistry callbacks may run. Cleanup callbacks are meant to be
    /// short, and the garbage collector decides when they run, so a host call (CollectGarbage, an Eval
    /// without a timeout) could otherwise wait behind a cleanup that never ends.
    /// </summary>
    internal static readonly TimeSpan FinalizationTurnLimit = TimeSpan.FromSeconds(1);

    /// <summary>Limits.js queued FinalizationRegistry callbacks: they run as one event-loop task, bounded by <see cref="FinalizationTurnLimit"/>.</summary>
    private V8FastHostFunction FinalizationPending() => new("finalizationPending", (bool _, in V8FastArgs _, in V8FastResult _) =>
        EventLoop.Post(() => Bridge.RunFinalizationCallbacks.Invoke(false), FinalizationTurnLimit));

    /// <summary>Whether the context (and its isolate) is still usable.</summary>
    public bool IsAlive => !_disposed && _spentReason is null;

    internal Bridge Bridge { get; }

    internal Marshaller Values { get; }

    internal HostCallSupport HostCalls { get; }

    internal EventLoop EventLoop { get; }

    internal HostClassRegistry HostClasses { get; }

    internal ModuleRegistry Modules { get; }

    internal IsolateOptions Options => _core.Options;

    /// <summary>Number of JS handles currently held by .NET in this context (for leak tests).</summary>
    internal int LiveHandleCount => _handles.Count;

    /// <summary>Number of guarded calls bound for JsFunctions still held (for leak tests).</summary>
    internal int LiveGuardedCallCount => _guardedCalls.Count;

    /// <summary>Number of scripts the context still has to dispose (for leak tests).</summary>
    internal int OwnedResourceCount => _ownedResources.Count;

    /// <summary>Heap statistics of this context's isolate.</summary>
    public HeapStatistics GetHeapStatistics() => Run("Context.GetHeapStatistics", _ => _core.GetHeapStatistics());

    /// <summary>Runs garbage collection; <paramref name="full"/> asks for an exhaustive collection.</summary>
    public void CollectGarbage(bool full = true) => Run<object?>("Context.CollectGarbage", _ =>
    {
        _core.CollectGarbage(full);
        return null;
    });

    /// <summary>Tells V8 the host is low on memory: it collects garbage aggressively.</summary>
    public void LowMemoryNotification() => CollectGarbage(full: true);

    /// <summary>
    /// Stops the script currently running in this context, from any thread. The interrupted call throws
    /// <see cref="ScriptTerminatedException"/>; the context stays usable.
    /// </summary>
    /// <returns><see langword="true"/> when a script was running and was asked to stop.</returns>
    public bool TerminateExecution()
    {
        if (_disposed)
            return false;
        if (Volatile.Read(ref _executionDepth) == 0)
            return _core.Inspector?.Hub.CancelWait() ?? false;
        StartTerminating(depth: 1);
        CancelExecutionToken();
        return true;
    }

    /// <summary>Withdraws a termination request that has not taken effect yet.</summary>
    /// <returns><see langword="true"/> when a request was pending.</returns>
    public bool CancelTerminateExecution()
    {
        if (_disposed)
            return false;
        var pending = _terminationRequested;
        StopTerminating();
        lock (_terminationGate)
        {
            if (!_engineReleased)
                _core.Engine.CancelInterrupt();
        }

        return pending;
    }

    /// <summary>
    /// ClearScript ignores an interrupt that arrives while no script is on the stack (between our entry
    /// and its execution scope, or during a host callback's return), and cancels termination whenever a
    /// nested call returns, so a termination request is repeated until the call it targets, at
    /// <paramref name="depth"/> of nested calls, has returned. Calls below it, which caught a nested
    /// timeout, run on.
    /// </summary>
    private void StartTerminating(int depth)
    {
        lock (_terminationGate)
        {
            // A watchdog or another thread may fire just as the engine is being released.
            if (_engineReleased)
                return;
            _terminationDepth = _terminationRequested ? Math.Min(_terminationDepth, depth) : depth;
            _terminationRequested = true;
            _core.Interrupt();
            _terminator ??= new Timer(_ =>
            {
                lock (_terminationGate)
                {
                    if (_terminationRequested && !_engineReleased && Volatile.Read(ref _executionDepth) >= _terminationDepth)
                        _core.Interrupt();
                }
            }, null, TerminationRetryInterval, TerminationRetryInterval);
        }
    }

    private void StopTerminating()
    {
        lock (_terminationGate)
        {
            _terminationRequested = false;
            _terminator?.Dispose();
            _terminator = null;
        }
    }

    /// <summary>
    /// Disposes the context, its isolate and everything created in it. Running script is terminated.
    /// Safe to call more than once and from any thread; when called from a host function running
    /// inside this context, disposal completes as soon as the outermost script call returns.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposeStarted, 1) == 1)
            return;
        _disposed = true;
        _executionCancellation.Cancel();
        if (Volatile.Read(ref _executionDepth) > 0)
            StartTerminating(depth: 1);

        lock (_sync)
        {
            if (_executionDepth == 0)
                DisposeCore();
        }
    }

    private void DisposeCore()
    {
        // Both the disposing thread and the outermost call that was running when disposal began get here.
        if (_coreDisposed)
            return;
        _coreDisposed = true;
        ReportUnobservedRejectionsOnDispose();
        EventLoop.Close();
        foreach (var resource in _ownedResources.Keys)
            resource.Dispose();
        _ownedResources.Clear();
        _handles.Clear();
        _guardedCalls.Clear();
        while (_pendingReleases.TryDequeue(out _))
        {
        }

        try
        {
            Bridge.Disconnect();
        }
        catch (Exception exception) when (exception is IScriptEngineException)
        {
            // The engine refused even this call (terminated mid-teardown); nothing more can be cut.
        }

        // A profile still being recorded must end before the isolate does (CpuProfileRecorder.Abandon).
        Interlocked.Exchange(ref _cpuProfile, null)?.Abandon(_core.Engine);

        lock (_terminationGate)
        {
            _engineReleased = true;
            _terminator?.Dispose();
            _terminator = null;
        }

        _core.Dispose();

        // Only now: the parking thread may hold V8's sampling, which ended with the isolate.
        _cpuProfileParking?.Stop();
    }

    /// <summary>
    /// The single entry into the engine: serializes callers, validates the context, applies the
    /// timeout and the stack budget, and turns engine exceptions into V8Host exceptions.
    /// </summary>
    internal T Run<T>(string operation, Func<V8ScriptEngine, T> action, TimeSpan? timeout = null)
    {
        try
        {
            return RunHeld(operation, action, timeout);
        }
        finally
        {
            // Outermost on this thread: a drain that found the context busy resumes now.
            if (!Monitor.IsEntered(_sync))
            {
                EventLoop.OnContextReleased();
                _cpuProfileParking?.CallEnded();
            }
        }
    }

    /// <summary>
    /// Takes the context for a call. A call with a timeout that finds the context still busy with an
    /// event-loop task when the timeout has passed stops that task: nobody waits for a background
    /// task, and the host asked for its call to finish in time. The call's own timeout starts once
    /// it holds the context.
    /// </summary>
    private void Enter(TimeSpan? timeout)
    {
        if (Monitor.IsEntered(_sync))
        {
            Monitor.Enter(_sync);
            return;
        }

        Interlocked.Increment(ref _waitingCallers);
        try
        {
            if (timeout is not { } limit || limit <= TimeSpan.Zero)
            {
                Monitor.Enter(_sync);
                return;
            }

            if (Monitor.TryEnter(_sync, limit))
                return;
            if (EventLoop.IsDrainRunningTask)
                StartTerminating(depth: 1);
            Monitor.Enter(_sync);

            // The interrupt was meant for the loop's task; it must not reach this call.
            StopTerminating();
        }
        finally
        {
            Interlocked.Decrement(ref _waitingCallers);
        }
    }

    /// <summary>Whether a host call waits for the context: an event-loop drain then yields it.</summary>
    internal bool HasWaitingCallers => Volatile.Read(ref _waitingCallers) > 0;

    /// <summary>Takes the context for an event-loop drain if nobody holds it; never waits.</summary>
    internal bool TryHold() => Monitor.TryEnter(_sync);

    internal void ReleaseHold() => Monitor.Exit(_sync);

    /// <summary>Whether this thread is inside a call into the context (a host function, a drain).</summary>
    internal bool IsHeldByCurrentThread => Monitor.IsEntered(_sync);

    /// <summary>Whether this thread is running inside script of this context (a host function called from JS).</summary>
    internal bool IsInScriptOnCurrentThread => Monitor.IsEntered(_sync) && _executionDepth > 0;

    private T RunHeld<T>(string operation, Func<V8ScriptEngine, T> action, TimeSpan? timeout)
    {
        Enter(timeout);
        try
        {
            // Set only while its setter holds the context: a caller that got past Enter is that thread.
            if (_reentryRefusedBy is { } holder)
                throw new InvalidOperationException(
                    $"{operation} was called inside the callback of {holder}: the span that callback holds points into the engine's memory, which script could detach, shrink or free. Call into the context after the callback returns.");
            ThrowIfUnusable(operation);
            ApplyPendingReleases();
            EnsureStack(operation);

            // V8 samples only the thread that started its profiler. A nested call is on this thread already.
            _cpuProfile?.Follow(_core.Engine);
            var depth = _executionDepth + 1;
            using var watchdog = Watchdog.Start(this, timeout, depth);
            var outerWatchdog = _watchdog;
            _watchdog = watchdog ?? outerWatchdog;
            _executionDepth = depth;
            var started = depth == 1 ? Stopwatch.GetTimestamp() : 0;
            try
            {
                var result = action(_core.Engine);

                // Under the call's own timeout: describing a hostile rejection reason runs its script.
                if (depth == 1 && HasRejectionsToReport)
                {
                    ReportUnhandledRejections();

                    // A handler disposed the context: the call itself had completed.
                    if (_disposed)
                        return result;
                }

                // The request arrived while .NET code ran (a host call, a conversion) and the script
                // returned before V8 saw it: the call still failed to finish in time.
                if (watchdog?.Fired == true || (_terminationRequested && _terminationDepth <= depth))
                    throw Terminated(operation, watchdog);
                // A call this short cannot have allocated much past the sampler: skip the heap query.
                if (depth == 1 && Stopwatch.GetElapsedTime(started) >= HeapCheckThreshold && _core.IsOverHeapLimit())
                    throw HeapLimitExceeded(operation, inner: null);
                return result;
            }
            catch (Exception exception) when (exception is IScriptEngineException)
            {
                throw TranslateEngineException(exception, watchdog, operation);
            }
            catch (OverflowException exception) when (exception.TargetSite?.DeclaringType?.Assembly == typeof(V8ScriptEngine).Assembly)
            {
                // ClearScript turns every JS Date into a DateTime as it crosses; JS dates reach ±275,760 years.
                throw new InvalidCastException($"{operation}: a JavaScript Date outside the range of .NET DateTime (years 1 to 9999) cannot be converted.", exception);
            }
            finally
            {
                _watchdog = outerWatchdog;
                _executionDepth = depth - 1;
                if (depth == 1)
                    HostClasses.EndTransfer();
                if (_terminationRequested && _terminationDepth >= depth)
                    StopTerminating();
                if (depth == 1 && _disposed)
                    DisposeCore();
            }
        }
        finally
        {
            Monitor.Exit(_sync);
        }
    }

    /// <summary>
    /// Caps V8's stack limit to the stack this thread really has (a MaxStackBytes larger than the
    /// thread, or V8's default on a small thread, would overflow it), and refuses a nested call that
    /// would start with too little stack left.
    /// </summary>
    private void EnsureStack(string operation)
    {
        if (_executionDepth > 0)
        {
            if (!NativeStack.HasRoomForHostCall())
                throw new InsufficientExecutionStackException($"{operation}: Maximum call stack size exceeded (too little native stack left for a nested call).");
            return;
        }

        var budget = NativeStack.BudgetFor(Options.MaxStackBytes);
        if (budget < NativeStack.MinimumForHostCall)
            throw new InsufficientExecutionStackException($"{operation}: the calling thread has too little stack left to run script.");
        if (budget != _stackBudget)
        {
            _core.Engine.MaxRuntimeStackUsage = (UIntPtr)(ulong)budget;
            _stackBudget = budget;
        }
    }

    /// <summary>
    /// Throws <see cref="ScriptTerminatedException"/> when the running call timed out or was terminated.
    /// Long .NET-side work inside a call (conversions) checks this: V8's interrupt only reaches script.
    /// </summary>
    internal void ThrowIfTerminated(string operation)
    {
        if (_watchdog?.Fired == true || _terminationRequested || _disposed)
            throw Terminated(operation, _watchdog);
    }

    private static ScriptTerminatedException Terminated(string operation, Watchdog? watchdog, Exception? inner = null) =>
        watchdog?.Fired == true
            ? new ScriptTerminatedException($"{operation} timed out after {watchdog.Timeout.TotalMilliseconds:0.###} ms.", inner)
            : new ScriptTerminatedException($"{operation} was terminated.", inner);

    internal void ThrowIfUnusable(string operation)
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(Context), $"{operation} was called after the context was disposed.");
        if (_spentReason is { } reason)
            throw new ScriptResourceException($"{operation} cannot run: {reason} Dispose this context and create a new isolate.");
    }

    /// <summary>Owned resources (scripts, modules) are disposed with the context.</summary>
    internal void Own(IDisposable resource) => _ownedResources.TryAdd(resource, 0);

    /// <summary>A resource disposed on its own no longer needs the context to dispose it.</summary>
    internal void Disown(IDisposable resource) => _ownedResources.TryRemove(resource, out _);

    /// <summary>A timeout of the call at <paramref name="depth"/>: stop it, and cancel the token host functions were given.</summary>
    internal void InterruptForTimeout(int depth)
    {
        StartTerminating(depth);
        CancelExecutionToken();
    }

    /// <summary>
    /// Runs <paramref name="action"/>, which hands user code a span over the engine's memory
    /// (JsArrayBuffer.WithSpan), with every call into this context from this thread refused until it
    /// returns: script could detach or shrink that memory under the span. Other threads wait for the
    /// context as for any call. Called inside a call that holds the context.
    /// </summary>
    internal T WithReentryRefused<T>(string operation, Func<T> action)
    {
        _reentryRefusedBy = operation;
        try
        {
            return action();
        }
        finally
        {
            _reentryRefusedBy = null;
        }
    }

    // ---- Handle table -------------------------------------------------------------------------

    internal JsHandle Track(ScriptObject target, Func<Context, long, JsHandle> create)
    {
        var id = Interlocked.Increment(ref _nextHandleId);
        _handles[id] = target;
        return create(this, id);
    }

    internal bool IsHandleAlive(long id) => !_disposed && _handles.ContainsKey(id);

    // "JsFunction.Invoke" …, for error messages: built once per handle type and member (members are literals), not per call.
    private static readonly ConcurrentDictionary<(Type Type, string Member), string> s_operationNames = new();

    internal T UseHandle<T>(JsHandle handle, string member, Func<ScriptObject, T> action)
    {
        var operation = s_operationNames.GetOrAdd((handle.GetType(), member), static key => $"{key.Type.Name}.{key.Member}");
        return Run(operation, _ => action(Resolve(handle, operation)));
    }

    /// <summary>The engine object behind a handle; the handle must belong to this context and be alive.</summary>
    internal ScriptObject Resolve(JsHandle handle, string operation)
    {
        if (!ReferenceEquals(handle.Context, this))
            throw new ArgumentException($"{operation}: the {handle.GetType().Name} belongs to a different context.");
        if (_disposed)
            throw new ObjectDisposedException(handle.GetType().Name, $"{operation} was called after the handle's context was disposed.");
        if (!_handles.TryGetValue(handle.Id, out var target))
            throw new ObjectDisposedException(handle.GetType().Name, $"{operation} was called on a {handle.GetType().Name} that was disposed.");
        return target;
    }

    /// <summary>
    /// The function's guarded call (Bridge.BindCall), bound on its first call and kept with the handle:
    /// each later call passes only its arguments. Called inside a call that holds the context, with the
    /// handle's live target.
    /// </summary>
    internal ScriptObject GuardedCallOf(JsFunction function, ScriptObject target)
    {
        if (_guardedCalls.TryGetValue(function.Id, out var call))
            return call;
        call = Bridge.BindCall(target);
        _guardedCalls[function.Id] = call;
        // Disposed on another thread meanwhile: its release did not see this call, so it goes now.
        if (!_handles.ContainsKey(function.Id) && _guardedCalls.TryRemove(function.Id, out var orphan))
            _pendingReleases.Enqueue(orphan);
        return call;
    }

    internal void ReleaseHandle(long id)
    {
        QueueRelease(id);
        if (Monitor.TryEnter(_sync))
        {
            try
            {
                if (!_disposed)
                    ApplyPendingReleases();
            }
            finally
            {
                Monitor.Exit(_sync);
            }
        }
    }

    /// <summary>Called from finalizers: never touches the engine, only queues.</summary>
    internal void QueueRelease(long id)
    {
        if (!_disposed && _handles.TryRemove(id, out var target))
            _pendingReleases.Enqueue(target);
        if (!_disposed && _guardedCalls.TryRemove(id, out var call))
            _pendingReleases.Enqueue(call);
        if (!_handedOverRejections.IsEmpty)
            AbandonRejection(id);
    }

    private void ApplyPendingReleases()
    {
        while (_pendingReleases.TryDequeue(out var target))
            target.Dispose();
    }

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
