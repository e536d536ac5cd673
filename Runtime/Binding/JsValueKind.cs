using System.ComponentModel;

namespace V8Host.Binding;

/// <summary>The JS type of an argument, for dispatching overloads of the same arity.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum JsValueKind
{
    /// <summary>Anything.</summary>
    Any,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A number.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A bigint.</summary>
    BigInt,

    /// <summary>A non-array, non-function object (including Dates and host-class instances).</summary>
    Object,

    /// <summary>An Array.</summary>
    Array,

    /// <summary>A function.</summary>
    Function,
}
