using V8Host.Debugging;

namespace V8Host;

public sealed partial class Context
{
    /// <summary>
    /// The context's V8 inspector: the port DevTools and VS Code attach to, and in-process sessions
    /// (docs/debugging.md).
    /// </summary>
    /// <exception cref="InvalidOperationException">The isolate was created without <see cref="IsolateOptions.EnableInspector"/>.</exception>
    public Inspector Inspector => _core.Inspector ??
        throw new InvalidOperationException("Context.Inspector: the isolate was created without IsolateOptions.EnableInspector = true.");

    /// <summary>
    /// Called by every operation that runs the user's code before it takes the context: with
    /// <see cref="IsolateOptions.WaitForDebugger"/>, the first one waits here until a debugger
    /// lets it run, and then pauses on its first statement.
    /// </summary>
    /// <exception cref="ScriptTerminatedException"><see cref="TerminateExecution"/> was called while it waited.</exception>
    /// <exception cref="ObjectDisposedException">The context was disposed while it waited.</exception>
    internal void AwaitDebugger(string operation, CancellationToken cancellationToken = default)
    {
        if (_core.Inspector?.Hub is not { WaitsForDebugger: true } hub)
            return;
        switch (hub.WaitForDebugger(cancellationToken))
        {
            case InspectorHub.DebuggerWait.Cancelled:
                throw new ScriptTerminatedException($"{operation} was terminated while it waited for a debugger (IsolateOptions.WaitForDebugger).");
            case InspectorHub.DebuggerWait.Closed:
                throw new ObjectDisposedException(nameof(Context), $"{operation}: the context was disposed while it waited for a debugger.");
        }
    }

    /// <summary>Whether the isolate runs V8's inspector (<see cref="IsolateOptions.EnableInspector"/>).</summary>
    internal bool HasInspector => _core.Inspector is not null;

    /// <summary>
    /// The text V8 compiles for user code named <paramref name="name"/>: with the inspector on, named for
    /// the debugger (<see cref="SourceUrl"/>). Every user compile passes here, so a pooled context's rent
    /// also records the source (<see cref="RentSources"/>).
    /// </summary>
    internal string ForDebugger(string source, string name)
    {
        RentSources?.Record(source);
        return _core.Inspector is null ? source : SourceUrl.Append(source, name);
    }
}
