namespace V8Host.Debugging;

/// <summary>
/// One party speaking the DevTools protocol through the hub: an in-process <see cref="InspectorSession"/>
/// or a DevTools/VS Code WebSocket connection. What the hub remembers per client (the domains it
/// enabled, the breakpoints it set, its blackbox patterns) lets several clients share V8's single
/// inspector session and lets one leave without taking the others' state with it.
/// </summary>
internal abstract class InspectorClient
{
    /// <summary>Domains this client enabled ("Debugger", "Runtime", …). Guarded by the hub's lock.</summary>
    internal HashSet<string> EnabledDomains { get; } = new(StringComparer.Ordinal);

    /// <summary>Breakpoint ids V8 gave this client's requests. Guarded by the hub's lock.</summary>
    internal HashSet<string> Breakpoints { get; } = new(StringComparer.Ordinal);

    /// <summary>The client's own <c>Debugger.setBlackboxPatterns</c> list. Guarded by the hub's lock.</summary>
    internal IReadOnlyList<string> BlackboxPatterns { get; set; } = Array.Empty<string>();

    /// <summary>How many of this client's requests V8 has yet to answer, by domain. Guarded by the hub's lock.</summary>
    internal Dictionary<string, int> PendingByDomain { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// How many bytes of messages may wait for a client that does not read them (a session whose
    /// host never calls TakeMessages, a stalled debugger) before it is disconnected: a script
    /// flooding the console must not grow the process without bound.
    /// </summary>
    internal const long MaxQueuedBytes = 64L * 1024 * 1024;

    private long _queuedBytes;

    /// <summary>Whether more than <see cref="MaxQueuedBytes"/> waited; the hub then disconnects the client.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Counts a message about to be queued; false (and <see cref="Overflowed"/>) when the queue is full.</summary>
    protected bool TryReserve(int bytes)
    {
        if (Interlocked.Add(ref _queuedBytes, bytes) <= MaxQueuedBytes)
            return true;
        Interlocked.Add(ref _queuedBytes, -bytes);
        Overflowed = true;
        return false;
    }

    /// <summary>Counts a queued message as taken by the client.</summary>
    protected void Release(int bytes) => Interlocked.Add(ref _queuedBytes, -bytes);

    /// <summary>Who the client is, for errors and logs ("in-process session", "DevTools at 127.0.0.1:50123").</summary>
    public abstract string Description { get; }

    /// <summary>
    /// Queues one message (UTF-8 JSON) for the client. Called with the hub's lock held, so that every
    /// client sees messages in the order V8 sent them: it must not block.
    /// </summary>
    public abstract void Deliver(byte[] utf8);

    /// <summary>Ends the connection because the target is going away; the hub has already detached the client.</summary>
    public abstract void Close(string reason);
}
