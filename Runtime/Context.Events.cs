using System.Collections.Concurrent;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host;

public sealed partial class Context
{
    /// <summary>
    /// Raised when a promise is rejected and no handler is attached by the time the task that
    /// rejected it (the script call, timer or host-task settlement) has run its microtasks, as Node's
    /// <c>unhandledRejection</c>. Raised on the thread that ran the task, while the context is
    /// held: handlers may call into the context. Without a handler the rejection is written to the
    /// console's error stream.
    /// </summary>
    public event EventHandler<UnhandledRejectionEventArgs>? UnhandledRejection;

    /// <summary>
    /// Where the runtime writes what no script or host handled: errors thrown by timer callbacks and
    /// rejections nobody observed when <see cref="UnhandledRejection"/> has no handler. The context's
    /// console installs its error stream here; until then it is the process's standard error.
    /// </summary>
    internal Action<string> ErrorOutput { get; set; } = static text => System.Console.Error.WriteLine(text);

    /// <summary>Whether a console API was installed; a context without one gets the default console (standard output and error).</summary>
    internal bool HasConsole { get; set; }

    /// <summary>The Web APIs' glue once <see cref="WebApis"/> is installed (a second install is a no-op).</summary>
    internal Hosting.Web.WebGlue? WebGlue { get; set; }

    // Rejections V8 reported without a handler, in order; a handler added later in the same task takes
    // its promise off again. Only touched while the context is held.
    private readonly List<(ScriptObject Promise, object? Reason)> _unhandledRejections = new();

    // Rejected promises handed to .NET as a JsPromise (by handle id): the host's to observe, as a
    // returned Task is. Reported only if the handle is released, or the context disposed, unobserved.
    private readonly ConcurrentDictionary<long, (ScriptObject Promise, object? Reason)> _handedOverRejections = new();

    // Handed-over rejections whose handle was released unobserved (possibly by a finalizer, which
    // must not touch the engine): reported at the end of the next outermost call.
    private readonly ConcurrentQueue<(ScriptObject Promise, object? Reason)> _abandonedRejections = new();

    private bool HasRejectionsToReport => _unhandledRejections.Count > 0 || _uncountedRejections > 0 || !_abandonedRejections.IsEmpty;

    /// <summary>
    /// Pending unhandled rejections kept for description; past this many, a loop of rejections
    /// (<c>for (;;) Promise.reject(0)</c>) would make the report outlast any timeout, so the rest are
    /// only counted, and the count is reported.
    /// </summary>
    private const int MaxPendingRejections = 1000;

    private int _uncountedRejections;

    private void TrackRejection(V8PromiseRejectionEventKind kind, ScriptObject promise, object? reason)
    {
        if (kind == V8PromiseRejectionEventKind.RejectedWithoutHandler)
        {
            if (_unhandledRejections.Count < MaxPendingRejections)
            {
                _unhandledRejections.Add((promise, reason));
                return;
            }

            _uncountedRejections++;
            promise.Dispose();
            return;
        }

        if (kind == V8PromiseRejectionEventKind.HandlerAddedAfterRejection)
            ForgetRejection(promise);
        promise.Dispose();
    }

    /// <summary>A handler was attached: the rejection is handled, wherever it was waiting.</summary>
    private void ForgetRejection(ScriptObject promise)
    {
        DropUnhandled(entry => entry.Promise.Equals(promise));
        foreach (var (id, entry) in _handedOverRejections)
        {
            if (entry.Promise.Equals(promise) && _handedOverRejections.TryRemove(id, out _))
                entry.Promise.Dispose();
        }
    }

    /// <summary>Removes (and releases) the pending unhandled rejections that <paramref name="match"/> selects.</summary>
    private void DropUnhandled(Predicate<(ScriptObject Promise, object? Reason)> match)
    {
        for (var i = _unhandledRejections.Count - 1; i >= 0; i--)
        {
            if (match(_unhandledRejections[i]))
            {
                _unhandledRejections[i].Promise.Dispose();
                _unhandledRejections.RemoveAt(i);
            }
        }
    }

    /// <summary>A promise just became the JsPromise <paramref name="handleId"/>: an unhandled rejection of it is now the host's to observe.</summary>
    internal void HandOverRejection(ScriptObject promise, long handleId)
    {
        if (_unhandledRejections.Count == 0)
            return;
        var index = _unhandledRejections.FindIndex(entry => entry.Promise.Equals(promise));
        if (index >= 0)
        {
            _handedOverRejections[handleId] = _unhandledRejections[index];
            _unhandledRejections.RemoveAt(index);
        }
    }

    /// <summary>The host awaited or waited for the JsPromise: it sees the rejection itself.</summary>
    internal void ObserveRejection(long handleId)
    {
        if (_handedOverRejections.TryRemove(handleId, out var entry))
            entry.Promise.Dispose();
    }

    /// <summary>The JsPromise was released without being observed; thread-safe and engine-free (finalizers call it).</summary>
    private void AbandonRejection(long handleId)
    {
        if (!_handedOverRejections.TryRemove(handleId, out var entry))
            return;
        _abandonedRejections.Enqueue(entry);

        // Something must run for the report to happen.
        EventLoop.RequestTurn();
    }

    /// <summary>A rejection whose reason reaches the host as the exception a call throws is not reported again.</summary>
    private void ClaimRejectionReason(object reason)
    {
        if (_unhandledRejections.Count > 0)
            DropUnhandled(entry => Equals(entry.Reason, reason));
    }

    /// <summary>
    /// Called when an outermost call's action has returned (its microtasks ran): what is still
    /// unhandled now stays unhandled. It runs under the call's timeout, at depth 1, so that calls a
    /// handler makes are nested and never report themselves. Only the rejections present when it
    /// starts are reported: those a handler or a reason's getter adds are left to the next task, so a
    /// script that keeps rejecting cannot hold the context. A handler's own exception is written to
    /// <see cref="ErrorOutput"/>, so that it neither hides the call's result nor goes nowhere.
    /// </summary>
    private void ReportUnhandledRejections()
    {
        while (_abandonedRejections.TryDequeue(out var abandoned))
            _unhandledRejections.Add(abandoned);
        var count = _unhandledRejections.Count;
        for (var i = 0; i < count && _unhandledRejections.Count > 0 && !_disposed && _spentReason is null; i++)
        {
            if (_terminationRequested || _watchdog?.Fired == true)
                break;
            var (promise, reason) = _unhandledRejections[0];
            _unhandledRejections.RemoveAt(0);
            var exception = DescribeRejection(reason);
            var handlers = UnhandledRejection;

            // The host's handler first; without one, the global unhandledrejection event (WebApis); a
            // rejection neither handles is written out.
            var canceled = exception is not null && handlers is null && DispatchUncaught("unhandledrejection", reason, promise, exception);
            promise.Dispose();
            if (exception is null || canceled)
                continue;

            if (handlers is null)
            {
                WriteError("Uncaught (in promise) " + DescribeUncaught(exception));
                continue;
            }

            try
            {
                handlers(this, new UnhandledRejectionEventArgs(exception));
            }
            catch (Exception failure)
            {
                WriteError("Context.UnhandledRejection handler threw: " + failure);
            }
        }

        if (_uncountedRejections > 0)
        {
            WriteError($"Uncaught (in promise): {_uncountedRejections} more unhandled rejections in one task, past the {MaxPendingRejections} that are described one by one.");
            _uncountedRejections = 0;
        }

        // Left for later: the loop's next turn reports them.
        if (_unhandledRejections.Count > 0 && !_disposed)
            EventLoop.RequestTurn();
    }

    /// <summary>
    /// Disposal: rejections the host was handed and never observed are written out (the context can
    /// no longer raise events to code that might call into it).
    /// </summary>
    private void ReportUnobservedRejectionsOnDispose()
    {
        foreach (var entry in _handedOverRejections.Values.Concat(_abandonedRejections))
        {
            if (DescribeRejection(entry.Reason) is { } exception)
                WriteError("Uncaught (in promise) " + DescribeUncaught(exception));
        }

        _handedOverRejections.Clear();
        _abandonedRejections.Clear();
    }

    private JavaScriptException? DescribeRejection(object? reason)
    {
        try
        {
            return CreateJavaScriptException(reason);
        }
        catch (Exception failure) when (failure is IScriptEngineException or ScriptTerminatedException)
        {
            WriteError("Uncaught (in promise): the rejection reason could not be described (" + failure.Message + ").");
            return null;
        }
    }

    private V8FastHostFunction? _reportError;

    /// <summary>
    /// HTML's "report the exception" as a function glue can call: the error, with its stack, goes to
    /// <see cref="ErrorOutput"/> as "Uncaught …".
    /// </summary>
    internal V8FastHostFunction ReportErrorFunction => _reportError ??= new V8FastHostFunction("reportError", (bool _, in V8FastArgs args, in V8FastResult _) =>
        ReportUncaught(CreateJavaScriptException(args.Get<object>(0))));

    internal void ReportUncaught(JavaScriptException exception)
    {
        if (!DispatchUncaught("error", exception.EngineValue, promise: null, exception))
            WriteError("Uncaught " + DescribeUncaught(exception));
    }

    /// <summary>
    /// Set by <see cref="WebApis"/>: a JS function <c>(kind, value, message, filename, lineno, colno,
    /// promise)</c> that dispatches the global object's <c>error</c> (or <c>unhandledrejection</c>)
    /// event and returns whether a listener canceled it. Every report of an uncaught error or an
    /// unhandled rejection goes through it first.
    /// </summary>
    internal ScriptObject? UncaughtEventHook { get; set; }

    /// <summary>Dispatches the Web APIs' global event for an uncaught error or rejection; true when a listener canceled it (nothing is written then).</summary>
    private bool DispatchUncaught(string kind, object? value, ScriptObject? promise, JavaScriptException exception)
    {
        if (UncaughtEventHook is not { } hook || _disposed || _spentReason is not null || _terminationRequested || _watchdog?.Fired == true)
            return false;
        var message = "Uncaught " + exception.ErrorName switch
        {
            null => exception.JsMessage,
            { } name when exception.JsMessage.Length == 0 => name,
            { } name => name + ": " + exception.JsMessage,
        };
        try
        {
            // Nested in the call that reports, or (an event-loop task's failure) its own call under the task time limit.
            var timeout = IsInScriptOnCurrentThread ? null : Options.EventLoopTaskTimeout;
            return Run("Web APIs: global " + kind + " event", _ => hook.Invoke(false,
                kind,
                value ?? Undefined.Value,
                message,
                exception.ScriptResourceName ?? string.Empty,
                exception.LineNumber ?? 0,
                exception.StartColumn is { } column ? column + 1 : 0, // ErrorEvent.colno is 1-based
                (object?)promise ?? Undefined.Value), timeout) is true;
        }
        catch (Exception failure) when (failure is JavaScriptException or ScriptTerminatedException or ScriptResourceException or InvalidOperationException or InsufficientExecutionStackException)
        {
            // The dispatch itself could not run (the context is stopping, or too little stack is left): the error is still written out.
            return false;
        }
    }

    /// <summary>Writes to <see cref="ErrorOutput"/>; when that fails too, to standard error, so that nothing is lost.</summary>
    internal void WriteError(string text)
    {
        try
        {
            ErrorOutput(text);
        }
        catch (Exception)
        {
            // The error output itself failed (a closed writer); standard error is the last place left.
            System.Console.Error.WriteLine(text);
        }
    }

    /// <summary>An uncaught error as a console shows it: the JS stack when there is one, else name and message.</summary>
    internal static string DescribeUncaught(JavaScriptException exception) =>
        string.IsNullOrEmpty(exception.Stack) ? exception.Message : exception.Stack;
}
