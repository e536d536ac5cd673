using System.Collections.Generic;

namespace V8Host.Shared.Binding
{
    /// <summary>What kind of type a view is, as far as the rules care.</summary>
    internal enum TypeShape
    {
        Class,
        Struct,
        Interface,
        Enum,
        Delegate,
        Array,
        TypeParameter,
        Pointer,

        /// <summary>A type the compiler could not resolve, or <c>dynamic</c>: nothing crosses as it.</summary>
        Unknown,
    }

    /// <summary>
    /// One .NET type as the binding rules see it. The generator implements it over Roslyn symbols and
    /// the runtime over <c>System.Type</c>, so <see cref="TypeRules"/> decide once for both paths.
    /// </summary>
    internal interface ITypeView
    {
        /// <summary>The type's identity, or its generic definition's; <see cref="WellKnownType.None"/> for others.</summary>
        WellKnownType Known { get; }

        TypeShape Shape { get; }

        /// <summary>The type arguments of a constructed generic type (empty otherwise).</summary>
        IReadOnlyList<ITypeView> TypeArguments { get; }

        /// <summary>An array's element type.</summary>
        ITypeView? ElementType { get; }

        /// <summary>An array's rank (0 for other types).</summary>
        int ArrayRank { get; }

        /// <summary>A reference type annotated nullable (<c>string?</c>); value types use <c>Nullable&lt;T&gt;</c>.</summary>
        bool IsNullableAnnotated { get; }

        bool IsAbstract { get; }

        /// <summary>An open generic type, or a type with type parameters of its own.</summary>
        bool IsGeneric { get; }

        /// <summary>Implements <c>System.Collections.IEnumerable</c>.</summary>
        bool IsEnumerable { get; }

        /// <summary>The simple name (<c>Order</c>).</summary>
        string Name { get; }

        /// <summary>The containing namespace, or null for the global namespace.</summary>
        string? Namespace { get; }

        /// <summary>The C# display name for messages (<c>List&lt;Order&gt;</c>).</summary>
        string DisplayName { get; }

        /// <summary>Whether the type carries the attribute (by full metadata name).</summary>
        bool HasAttribute(string attributeFullName);

        /// <summary>The attribute's first constructor argument when it is a string (<c>[HostClass("Item")]</c>).</summary>
        string? AttributeName(string attributeFullName);

        /// <summary>An enum's member names, in declaration order.</summary>
        IReadOnlyList<string> EnumMemberNames { get; }

        /// <summary>A delegate's parameters (name and type).</summary>
        IReadOnlyList<KeyValuePair<string, ITypeView>> DelegateParameters { get; }

        /// <summary>A delegate's return type (null for void).</summary>
        ITypeView? DelegateReturn { get; }
    }
}
