namespace V8Host;

/// <summary>What a <see cref="ModuleLoader"/> read for a resolved module URL: its text and how to evaluate it.</summary>
public sealed class ModuleSource
{
    /// <summary>Describes a module's source.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined <see cref="ModuleKind"/>.</exception>
    public ModuleSource(string text, ModuleKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined ModuleKind.");
        Text = text;
        Kind = kind;
    }

    /// <summary>The module's source text.</summary>
    public string Text { get; }

    /// <summary>How the text is evaluated.</summary>
    public ModuleKind Kind { get; }
}
