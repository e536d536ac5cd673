namespace V8Host.Generators.Model
{
    /// <summary>How a value crosses the boundary; chosen at parse time so the emitter only writes text.</summary>
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

        /// <summary>Any other types.md row: converted by the runtime (<c>args.Get&lt;T&gt;</c>, <c>result.SetObject</c>).</summary>
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

    /// <summary>A .NET type as the emitter needs it.</summary>
    /// <param name="FullName">Fully qualified C# name (<c>global::…</c>), nullable annotation included.</param>
    /// <param name="TypeScript">The TypeScript type JS sees.</param>
    /// <param name="IsValueTask">A <c>ValueTask</c>/<c>ValueTask&lt;T&gt;</c> return, sent as a task.</param>
    /// <param name="IsEnumAsString">An enum returned by name (<c>[HostEnumAsString]</c>).</param>
    internal sealed record TypeRef(string FullName, string TypeScript, ValueKind Kind, JsCategory Category, bool IsValueTask = false, bool IsEnumAsString = false);
}
