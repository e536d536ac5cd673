namespace V8Host;

/// <summary>
/// A script exceeded a resource limit (heap size). The process survives, but the context's isolate is
/// spent: every later call on it throws this exception again, so dispose it and create a new one.
/// </summary>
public sealed class ScriptResourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScriptResourceException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
