namespace V8Host;

/// <summary>One console call, formatted: what a sink writes.</summary>
/// <param name="Method">The console method that wrote it.</param>
/// <param name="IsWarning">One of Node's process warnings (an unknown count or timer label); it goes to the error stream.</param>
/// <param name="Text">The formatted message, without group indentation.</param>
/// <param name="Label">The count or timer label, for those methods.</param>
/// <param name="Indent">Spaces of group indentation (2 per open group).</param>
/// <param name="Group">The label of the innermost open group ("" for an unlabeled one), or null outside groups.</param>
/// <param name="ScriptName">The calling frame's script (only captured for sinks that want it).</param>
internal readonly record struct ConsoleEntry(
    ConsoleMethod Method,
    bool IsWarning,
    string Text,
    string? Label,
    int Indent,
    string? Group,
    string? ScriptName,
    int? Line,
    int? Column)
{
    /// <summary>Whether Node writes this to standard error.</summary>
    public bool IsError => IsWarning || Method is ConsoleMethod.Warn or ConsoleMethod.Error or ConsoleMethod.Trace or ConsoleMethod.Assert;

    /// <summary>The method's JS name ("log", "countReset" …).</summary>
    public string MethodName => Method switch
    {
        ConsoleMethod.CountReset => "countReset",
        ConsoleMethod.TimeLog => "timeLog",
        ConsoleMethod.TimeEnd => "timeEnd",
        ConsoleMethod.GroupCollapsed => "groupCollapsed",
        _ => Method.ToString().ToLowerInvariant(),
    };
}
