namespace V8Host.SnapshotBaker;

/// <summary>
/// An error in MSBuild's canonical format, <c>file(line,col): error CODE: message</c>: the build task
/// turns each such line of the baker's output into a build error that IDEs link to the file and line.
/// </summary>
internal sealed record BuildError(string Code, string File, int? Line, int? Column, string Message)
{
    /// <summary>A script failed while baking (syntax error, exception, bad warm-up).</summary>
    public const string ScriptFailed = "V8H2001";

    /// <summary>A script ran longer than the bake's time limit.</summary>
    public const string ScriptTimedOut = "V8H2002";

    /// <summary>A script ran out of memory or stack.</summary>
    public const string ScriptResources = "V8H2003";

    /// <summary>A listed script or warm-up file does not exist.</summary>
    public const string FileNotFound = "V8H2004";

    /// <summary>The baker itself could not run (no native V8 for the build machine, bad arguments …).</summary>
    public const string BakerFailed = "V8H2000";

    public override string ToString()
    {
        var position = Line is { } line ? Column is { } column ? $"({line},{column})" : $"({line})" : "";
        // One line per error: a message with line breaks would become several unrelated build messages.
        var message = Message.ReplaceLineEndings(" ");
        return $"{File}{position}: error {Code}: {message}";
    }
}
