namespace V8Host.Shared.Binding
{
    /// <summary>What kind of member a declaration is.</summary>
    internal enum MemberKind
    {
        Constructor,
        Method,
        Property,
        Field,
        Indexer,
        Event,
    }

    /// <summary>A parameter as declared, already classified by <see cref="TypeRules"/> (for <c>params T[]</c>: the element's rule).</summary>
    /// <param name="TypeName">The C# type (fully qualified) for generated code; the element type for <c>params</c>.</param>
    /// <param name="TypeDisplay">The C# type as users write it, for messages.</param>
    /// <param name="RefKind">"ref", "out" or "in" for by-reference parameters; null otherwise.</param>
    /// <param name="DefaultLiteral">For the generator: a C# expression for the default value.</param>
    internal sealed record DeclaredParameter(
        string Name,
        TypeRule Type,
        string TypeName,
        string TypeDisplay,
        string? RefKind = null,
        bool IsParams = false,
        bool HasDefault = false,
        string? DefaultLiteral = null);

    /// <summary>
    /// A member as declared, in the neutral form both paths produce (the generator from symbols, the
    /// runtime from reflection) after <see cref="MemberRules.IsCandidate"/> chose it. Everything the
    /// planner decides follows from these facts.
    /// </summary>
    /// <param name="Type">A method's return, or a property's or field's type (as read); null for constructors.</param>
    /// <param name="WriteType">A writable property's type as written (parameter position); null when read-only.</param>
    /// <param name="MissingSetsRequiredMembers">A constructor of a type with required members that does not set them.</param>
    internal sealed record DeclaredMember(
        MemberKind Kind,
        string ClrName,
        string? ExplicitName,
        bool IsStatic,
        EquatableArray<DeclaredParameter> Parameters,
        TypeRule? Type,
        string TypeName,
        string TypeDisplay,
        TypeRule? WriteType = null,
        bool IsGeneric = false,
        bool IsAsyncVoid = false,
        bool MissingSetsRequiredMembers = false);

    /// <summary>The assembly-wide naming policy (<c>[assembly: HostNaming]</c>).</summary>
    internal sealed record NamingPolicy(bool AsDeclared)
    {
        public static NamingPolicy CamelCase { get; } = new(false);

        public string Apply(string clrName, string? explicitName) => explicitName ?? (AsDeclared ? clrName : JsNaming.CamelCase(clrName));
    }
}
