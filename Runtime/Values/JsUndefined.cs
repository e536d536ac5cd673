namespace V8Host;

/// <summary>The JavaScript <c>undefined</c> value as seen from .NET.</summary>
/// <remarks>JS <c>null</c> maps to .NET <see langword="null"/>; <c>undefined</c> maps to <see cref="Value"/>.</remarks>
public sealed class JsUndefined
{
    private JsUndefined()
    {
    }

    /// <summary>The single instance representing <c>undefined</c>.</summary>
    public static JsUndefined Value { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "undefined";
}
