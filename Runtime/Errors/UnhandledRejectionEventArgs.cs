namespace V8Host;

/// <summary>A promise was rejected and nothing handled the rejection by the end of the task that rejected it.</summary>
public sealed class UnhandledRejectionEventArgs : EventArgs
{
    internal UnhandledRejectionEventArgs(JavaScriptException exception) => Exception = exception;

    /// <summary>The rejection reason, as an exception (<see cref="JavaScriptException.ThrownValue"/> holds the value itself).</summary>
    public JavaScriptException Exception { get; }
}
