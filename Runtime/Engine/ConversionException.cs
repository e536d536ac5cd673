namespace V8Host.Engine;

/// <summary>A value could not be converted to the requested .NET type (types.md).</summary>
internal sealed class ConversionException : Exception
{
    public ConversionException(JsErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public JsErrorKind Kind { get; }
}
