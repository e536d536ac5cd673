namespace V8Host;

/// <summary>
/// Script execution was stopped by a timeout, <see cref="Context.TerminateExecution"/> or cancellation.
/// The context stays usable.
/// </summary>
public sealed class ScriptTerminatedException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public ScriptTerminatedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
