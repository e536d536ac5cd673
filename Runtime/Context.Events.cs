namespace V8Host;

public sealed partial class Context
{
    /// <summary>
    /// Where the runtime writes what no script or host handled: errors thrown by timer callbacks and
    /// rejections nobody observed when <see cref="UnhandledRejection"/> has no handler. The context's
    /// console installs its error stream here; until then it is the process's standard error.
    /// </summary>
    internal Action<string> ErrorOutput { get; set; } = static text => System.Console.Error.WriteLine(text);

    /// <summary>Whether a console API was installed; a context without one gets the default console (standard output and error).</summary>
    internal bool HasConsole { get; set; }
}
