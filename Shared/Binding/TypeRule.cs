using System;

namespace V8Host.Shared.Binding
{
    /// <summary>How generated code reads or writes a value: a fast typed accessor, or the runtime's conversion.</summary>
    internal enum ValueKind
    {
        Void,
        Boolean,
        Int32,
        Int64,
        Double,
        Single,
        String,
        NullableString,

        /// <summary>Any other row: converted by the runtime's marshaller (<c>args.Get&lt;T&gt;</c>, <c>result.SetObject</c>).</summary>
        Other,

        /// <summary>A nullable reference type other than string (<c>args.GetNullable&lt;T&gt;</c>).</summary>
        NullableReference,

        /// <summary>Supplied by the runtime: the calling <c>Context</c>.</summary>
        Context,

        /// <summary>Supplied by the runtime: cancelled when execution is terminated or the context disposed.</summary>
        CancellationToken,
    }

    /// <summary>The JS type of a value, for dispatching overloads of the same arity.</summary>
    internal enum JsCategory
    {
        Any,
        Boolean,
        Number,
        String,
        BigInt,
        Object,
        Array,
        Function,
    }

    /// <summary>The row of docs/types.md a type falls in.</summary>
    internal enum TypeRow
    {
        Unsupported,
        Void,
        Boolean,
        Integer,
        FloatingPoint,
        Decimal,
        String,
        Char,
        BigInteger,
        Date,
        DateOnly,
        TimeOnly,
        TimeSpan,
        Guid,
        Uri,
        Enum,
        Nullable,
        List,
        Dictionary,
        Set,
        Map,
        Tuple,
        Bytes,
        HostClass,
        PlainData,
        Task,
        Delegate,
        JsHandle,
        Undefined,
        Object,
        Context,
        CancellationToken,
    }

    /// <summary>Where a type appears; some rows are legal only in some positions.</summary>
    internal enum TypePosition
    {
        /// <summary>A JS argument converted to .NET.</summary>
        Parameter,

        /// <summary>A host function's result: JS receives a fresh value.</summary>
        Return,

        /// <summary>A host-class property or method result: mutable collections are live views, copies are <c>readonly</c>.</summary>
        MemberReturn,

        /// <summary>An element, value or member nested inside another value.</summary>
        Element,
    }

    /// <summary>
    /// The decision for one type in one position: the fast-path accessor, the types.md row, the JS type
    /// for overload dispatch and the TypeScript JS sees. Equatable, so generator models can cache.
    /// </summary>
    /// <param name="IsLive">A mutable collection returned by a host-class member: JS gets a live view.</param>
    /// <param name="NullElements">Elements (or values) of a collection accept null.</param>
    /// <param name="DecimalAsString">A decimal (possibly nested) that crosses as a string (<c>[HostDecimalAsString]</c>).</param>
    /// <param name="Suggestion">For an unsupported type: the nearest supported alternative.</param>
    internal sealed record TypeRule(
        TypeRow Row,
        ValueKind Kind,
        JsCategory Category,
        string TypeScript,
        bool IsNullable = false,
        bool IsValueTask = false,
        bool IsEnumAsString = false,
        bool IsLive = false,
        bool NullElements = false,
        bool DecimalAsString = false,
        string? Suggestion = null)
    {
        public bool IsSupported => Row != TypeRow.Unsupported;

        public static TypeRule Unsupported(string suggestion) => new(TypeRow.Unsupported, ValueKind.Other, JsCategory.Any, "unknown", Suggestion: suggestion ?? throw new ArgumentNullException(nameof(suggestion)));
    }
}
