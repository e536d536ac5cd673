using V8Host.Debugging;

namespace V8Host;

/// <summary>
/// The V8 inspector of a context whose isolate was created with <see cref="IsolateOptions.EnableInspector"/>:
/// a debugging port that Chrome DevTools, chrome://inspect and VS Code attach to, and in-process
/// sessions (<see cref="Connect"/>) speaking the same Chrome DevTools Protocol. Any number of
/// clients can be attached at once (docs/debugging.md says how they share V8's single session).
/// </summary>
public sealed class Inspector
{
    private readonly InspectorHub _hub;
    private readonly InspectorEndpoint _endpoint;

    internal Inspector(InspectorHub hub, InspectorEndpoint endpoint)
    {
        _hub = hub;
        _endpoint = endpoint;
    }

    /// <summary>The TCP port debuggers attach to (<see cref="IsolateOptions.InspectorPort"/>, or the free port chosen for 0).</summary>
    public int Port => _endpoint.Port;

    /// <summary>The URL that opens Chrome DevTools on this context: <c>devtools://devtools/bundled/js_app.html?ws=127.0.0.1:&lt;port&gt;/&lt;id&gt;</c> (paste it into Chrome's address bar).</summary>
    public string DevToolsUrl => _endpoint.DevToolsUrl;

    /// <summary>The WebSocket a DevTools protocol client connects to: <c>ws://127.0.0.1:&lt;port&gt;/&lt;id&gt;</c>.</summary>
    public string WebSocketUrl => _endpoint.WebSocketUrl;

    /// <summary>Whether a script of this context is paused in the debugger right now.</summary>
    public bool IsPaused => _hub.IsPaused;

    /// <summary>Opens an in-process session.</summary>
    /// <param name="onMessage">
    /// Receives each response and event, in order, on a thread of the session's own. Without it,
    /// messages queue for <see cref="InspectorSession.TakeMessages"/>.
    /// </param>
    /// <exception cref="ObjectDisposedException">The context was disposed.</exception>
    public InspectorSession Connect(Action<string>? onMessage = null) => new(_hub, onMessage);

    internal InspectorHub Hub => _hub;

    internal void Close()
    {
        _endpoint.Dispose();
        _hub.Dispose();
    }
}
