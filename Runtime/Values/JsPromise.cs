using System.Runtime.CompilerServices;

namespace V8Host;

/// <summary>
/// A JavaScript Promise. <c>await promise</c> gives its value (a rejection throws
/// <see cref="JavaScriptException"/>); <see cref="Wait"/> blocks while pumping the context's event loop.
/// </summary>
public sealed class JsPromise : JsHandle
{
    private Task<object?>? _task;

    internal JsPromise(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>A task that completes when the promise settles. Continuations never run on the engine's stack.</summary>
    public Task<object?> AsTask()
    {
        if (_task is { } task)
            return task;
        _task = Use("AsTask", target => Context.Watch(target));
        Context.ObserveRejection(Id);
        return _task;
    }

    /// <summary>Makes the promise awaitable.</summary>
    public TaskAwaiter<object?> GetAwaiter() => AsTask().GetAwaiter();

    /// <summary>
    /// Blocks until the promise settles, running the context's queued tasks meanwhile, and returns its value.
    /// </summary>
    /// <exception cref="JavaScriptException">The promise was rejected.</exception>
    /// <exception cref="TimeoutException">It did not settle within <paramref name="timeout"/>.</exception>
    /// <exception cref="InvalidOperationException">No timeout was given and nothing left could ever settle it.</exception>
    public object? Wait(TimeSpan? timeout = null)
    {
        var task = AsTask();
        Context.EventLoop.PumpUntil(task, timeout, "JsPromise.Wait");
        return task.GetAwaiter().GetResult();
    }
}
