namespace V8Host;

/// <summary>
/// A WASI program called <c>proc_exit</c>. <see cref="Wasi.Run"/> turns it into the exit code it
/// returns; a call into a bound instance's exports other than through <see cref="Wasi.Run"/> sees it
/// as the <see cref="Exception.InnerException"/> of the <see cref="JavaScriptException"/> that ends the call.
/// </summary>
public sealed class WasiExitException : Exception
{
    /// <summary>Creates the exception for exit code <paramref name="exitCode"/>.</summary>
    public WasiExitException(int exitCode)
        : base($"The WASI program exited with code {exitCode} (proc_exit).")
    {
        ExitCode = exitCode;
    }

    /// <summary>The code the program passed to <c>proc_exit</c>.</summary>
    public int ExitCode { get; }
}
