namespace V8Host;

/// <summary>Who drives a context's event loop (<see cref="IsolateOptions.EventLoop"/>).</summary>
public enum EventLoopMode
{
    /// <summary>
    /// The runtime runs due timers and settled host tasks by itself, on the thread pool, whenever the
    /// context is not busy: <c>await promise</c> completes without the host pumping.
    /// </summary>
    Automatic,

    /// <summary>
    /// Nothing runs until the host pumps (<see cref="Context.RunEventLoopOnce"/>,
    /// <see cref="Context.RunUntilIdle"/>, <see cref="Context.RunUntilIdleAsync"/>, or waiting on a
    /// promise): for games, tests and deterministic hosts that decide when script runs.
    /// </summary>
    Manual,
}
