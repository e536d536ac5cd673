namespace V8Host.Engine;

/// <summary>Which JavaScript error a failed conversion becomes when it happens inside a host call.</summary>
internal enum JsErrorKind
{
    Error = 0,
    TypeError = 1,
    RangeError = 2,
}

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
