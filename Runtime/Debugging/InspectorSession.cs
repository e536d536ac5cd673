using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using V8Host.Debugging;

namespace V8Host;

/// <summary>
/// An in-process client of the context's V8 inspector: it sends Chrome DevTools Protocol requests
/// (<c>Runtime.evaluate</c>, <c>Debugger.setBreakpointByUrl</c>, <c>Profiler.start</c> …) and receives
/// V8's responses and events, alongside any DevTools or VS Code attached at the same time
/// (docs/debugging.md). Created by <see cref="Inspector.Connect"/>.
/// </summary>
/// <remarks>
/// Messages come from V8 on a thread of their own. With an <c>onMessage</c> callback they are
/// handed to it one at a time, in order, on a thread that belongs to this session, so a callback
/// may block (waiting for a pause, say) or call <see cref="Send"/>; without one they queue until
/// <see cref="TakeMessages"/>. While a script is paused its thread waits inside V8: the session
/// keeps working (evaluate on the paused call frame, then <c>Debugger.resume</c>), but calls
/// into the paused context itself wait for the resume.
/// </remarks>
public sealed class InspectorSession : IDisposable
{
    private readonly Client _client;
    private readonly InspectorHub _hub;
    // Each message with the bytes it holds of the client's queue bound (none for the farewell).
    private readonly ConcurrentQueue<(string Message, int Reserved)> _queue = new();
    private string? _closeReason;
    private readonly Channel<(string Message, int Reserved)>? _callbackQueue;
    private readonly Action<string>? _onMessage;
    private Exception? _callbackFailure;
    private int _disposed;

    internal InspectorSession(InspectorHub hub, Action<string>? onMessage)
    {
        _hub = hub;
        _onMessage = onMessage;
        _client = new Client(this);
        if (onMessage is not null)
        {
            _callbackQueue = Channel.CreateUnbounded<(string Message, int Reserved)>(new UnboundedChannelOptions { SingleReader = true });
            _ = Task.Run(DeliverToCallbackAsync);
        }

        hub.Attach(_client);
    }

    /// <summary>Whether the session is still connected (not disposed, and the context is alive).</summary>
    public bool IsConnected => Volatile.Read(ref _disposed) == 0 && !_client.Closed;

    /// <summary>
    /// Sends one DevTools protocol request, a JSON object with an integer <c>id</c>, a string
    /// <c>method</c> and optional <c>params</c>. The response arrives as a message with the same id.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not such an object.</exception>
    /// <exception cref="ObjectDisposedException">The session was disposed or its context is gone.</exception>
    /// <exception cref="InvalidOperationException">The <c>onMessage</c> callback threw (the exception is the inner one); raised once.</exception>
    public void Send(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ThrowIfUnusable();
        var utf8 = Encoding.UTF8.GetBytes(json);
        if (!CdpMessage.TryParse(utf8, out var message, out var problem) || message.Id is null || message.Method is null)
            throw new ArgumentException($"Not a DevTools protocol request: {problem ?? "it needs an integer \"id\" and a string \"method\""}.", nameof(json));
        _hub.Receive(_client, utf8);
    }

    /// <summary>Returns the messages received since the last call, oldest first (empty when an <c>onMessage</c> callback takes them).</summary>
    /// <exception cref="InvalidOperationException">The <c>onMessage</c> callback threw (the exception is the inner one); raised once.</exception>
    public IReadOnlyList<string> TakeMessages()
    {
        ThrowIfCallbackFailed();
        var messages = new List<string>();
        while (_queue.TryDequeue(out var queued))
        {
            messages.Add(queued.Message);
            _client.Taken(queued.Reserved);
        }

        return messages;
    }

    /// <summary>
    /// Disconnects. What this session set up goes with it: its breakpoints, and the domains no
    /// other client uses (a script it left paused resumes unless another debugger holds it).
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _hub.Detach(_client);
        _callbackQueue?.Writer.TryComplete();
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_client.Closed)
        {
            throw new ObjectDisposedException(nameof(InspectorSession), _closeReason == "message_queue_full"
                ? $"The inspector session was disconnected: more than {InspectorClient.MaxQueuedBytes / (1024 * 1024)} MiB of messages waited for it. Call TakeMessages regularly, or connect with an onMessage callback that keeps up."
                : "The inspector session ended because its context was disposed.");
        }
        ThrowIfCallbackFailed();
    }

    private void ThrowIfCallbackFailed()
    {
        if (Interlocked.Exchange(ref _callbackFailure, null) is { } failure)
            throw new InvalidOperationException($"The inspector session's onMessage callback threw {failure.GetType().Name}: {failure.Message}", failure);
    }

    private async Task DeliverToCallbackAsync()
    {
        await foreach (var (message, reserved) in _callbackQueue!.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                _client.Taken(reserved);
                _onMessage!(message);
            }
            catch (Exception exception)
            {
                // Kept for the session's next call; later messages are still delivered.
                Interlocked.CompareExchange(ref _callbackFailure, exception, null);
            }
        }
    }

    private void Deliver(byte[] utf8, bool reserve = true)
    {
        if (Volatile.Read(ref _disposed) != 0 || (reserve && !_client.Reserve(utf8.Length)))
            return;
        var message = Encoding.UTF8.GetString(utf8);
        var queued = (message, reserve ? utf8.Length : 0);
        if (_callbackQueue is not null)
            _callbackQueue.Writer.TryWrite(queued);
        else
            _queue.Enqueue(queued);
    }

    private sealed class Client(InspectorSession session) : InspectorClient
    {
        public bool Closed { get; private set; }

        public override string Description => "in-process inspector session";

        public override void Deliver(byte[] utf8) => session.Deliver(utf8);

        public bool Reserve(int bytes) => TryReserve(bytes);

        public void Taken(int reserved) => Release(reserved);

        public override void Close(string reason)
        {
            // V8's own farewell, so that a callback waiting for messages learns why they stopped.
            session._closeReason = reason;
            session.Deliver(CdpMessage.Detached(reason), reserve: false);
            Closed = true;
            session._callbackQueue?.Writer.TryComplete();
        }
    }
}
