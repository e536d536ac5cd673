namespace V8Host;

/// <summary>
/// A CPU profile taken by <see cref="Context.StartCpuProfile"/> and <see cref="Context.StopCpuProfile"/>:
/// the call tree with hit counts and the samples in time order, in the <c>.cpuprofile</c> format that
/// Chrome DevTools (Performance panel, "Load profile"), VS Code and speedscope open. It holds only the
/// JSON text, so it outlives its context.
/// </summary>
public sealed class CpuProfile
{
    private readonly string _json;

    internal CpuProfile(string title, string json)
    {
        Title = title;
        _json = json;
    }

    /// <summary>The title given to <see cref="Context.StartCpuProfile"/>, or the one V8Host chose.</summary>
    public string Title { get; }

    /// <summary>The profile as <c>.cpuprofile</c> JSON: <c>nodes</c>, <c>startTime</c>, <c>endTime</c>, <c>samples</c>, <c>timeDeltas</c>.</summary>
    public string ToJson() => _json;

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> (UTF-8), replacing the file.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, _json);
    }
}
