namespace V8Host;

/// <summary>Where a <see cref="ConsoleApi"/> sends console calls and the context's unhandled errors.</summary>
internal abstract class ConsoleSink
{
    /// <summary>Whether entries carry the caller's script name, line and column (capturing them costs a stack walk per call).</summary>
    public virtual bool WantsLocation => false;

    /// <summary>Writes one console call, synchronously; exceptions become a JS Error naming the method.</summary>
    public abstract void Write(in ConsoleEntry entry);

    /// <summary>Writes an error no script handled (a timer callback's, an unhandled rejection), as console.error would.</summary>
    public abstract void WriteUncaught(string text);
}
