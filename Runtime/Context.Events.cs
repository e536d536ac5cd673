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

    // Rejections V8 reported without a handler, in order; a handler added later in the same task takes
    // its promise off again. Only touched while the context is held.
    private readonly List<(ScriptObject Promise, object? Reason)> _unhandledRejections = new();

    private void TrackRejection(V8PromiseRejectionEventKind kind, ScriptObject promise, object? reason)
    {
        if (kind == V8PromiseRejectionEventKind.RejectedWithoutHandler)
        {
            _unhandledRejections.Add((promise, reason));
        }
        else if (kind == V8PromiseRejectionEventKind.HandlerAddedAfterRejection)
        {
            ClaimRejection(promise);
            promise.Dispose();
        }
        else
        {
            promise.Dispose();
        }
    }

    /// <summary>
    /// A promise handed to .NET as a <see cref="JsPromise"/> is the host's to observe (awaiting it
    /// throws its rejection), as a returned Task is: its rejection is not reported as unhandled.
    /// </summary>
    internal void ClaimRejection(ScriptObject promise)
    {
        if (_unhandledRejections.Count == 0)
            return;
        var index = _unhandledRejections.FindIndex(entry => entry.Promise.Equals(promise));
        if (index >= 0)
        {
            _unhandledRejections[index].Promise.Dispose();
            _unhandledRejections.RemoveAt(index);
        }
    }

    /// <summary>A rejection whose reason reaches the host as the exception a call throws is not reported again.</summary>
    private void ClaimRejectionReason(object reason)
    {
        for (var i = _unhandledRejections.Count - 1; i >= 0; i--)
        {
            if (Equals(_unhandledRejections[i].Reason, reason))
            {
                _unhandledRejections[i].Promise.Dispose();
                _unhandledRejections.RemoveAt(i);
            }
        }
    }

    /// <summary>
    /// Called when an outermost call has returned (its microtasks ran): what is still unhandled now
    /// stays unhandled. A handler's own exception is written to <see cref="ErrorOutput"/>, so that it
    /// neither hides the call's result nor goes nowhere.
    /// </summary>
    private void ReportUnhandledRejections()
    {
        while (_unhandledRejections.Count > 0 && !_disposed && _spentReason is null)
        {
            var (promise, reason) = _unhandledRejections[0];
            _unhandledRejections.RemoveAt(0);
            promise.Dispose();
            JavaScriptException exception;
            try
            {
                exception = CreateJavaScriptException(reason);
            }
            catch (Exception failure) when (failure is IScriptEngineException or ScriptTerminatedException)
            {
                WriteError("Uncaught (in promise): the rejection reason could not be described (" + failure.Message + ").");
                continue;
            }

            var handlers = UnhandledRejection;
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
    }

    private V8FastHostFunction? _reportError;

    /// <summary>
    /// HTML's "report the exception" as a function glue can call: the error, with its stack, goes to
    /// <see cref="ErrorOutput"/> as "Uncaught …".
    /// </summary>
    internal V8FastHostFunction ReportErrorFunction => _reportError ??= new V8FastHostFunction("reportError", (bool _, in V8FastArgs args, in V8FastResult _) =>
        ReportUncaught(CreateJavaScriptException(args.Get<object>(0))));

    internal void ReportUncaught(JavaScriptException exception) => WriteError("Uncaught " + DescribeUncaught(exception));

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
