using V8Host.Shared.Binding;

namespace V8Host.Generators.Model
{
    /// <summary>Where the generated partial declaration goes.</summary>
    /// <param name="Containers">Enclosing types, outermost first, as "keyword Name" (they must be partial too).</param>
    internal sealed record TypeDeclaration(string? Namespace, EquatableArray<string> Containers, string Keyword, string Name, string FullName);

    /// <summary>Source locations of one declared member and its parameters, kept beside the declarations (never in emitted models).</summary>
    internal sealed record MemberLocations(LocationInfo Member, EquatableArray<LocationInfo> Parameters);

    /// <summary>
    /// What parsing found on one type: its declarations in the shared neutral form, where they are, and
    /// the type-level diagnostics. Planning turns it into a plan plus diagnostics.
    /// </summary>
    /// <param name="Kind">Host class, function set or host module.</param>
    /// <param name="JsName">A class's JS name; a module's name; null for function sets.</param>
    /// <param name="CanEmit">False when the type cannot take a generated part (not partial, generic).</param>
    internal sealed record DeclarationModel(
        BindingKind Kind,
        TypeDeclaration Declaration,
        string? JsName,
        bool IsStruct,
        EquatableArray<DeclaredMember> Members,
        EquatableArray<MemberLocations> Locations,
        LocationInfo Location,
        EquatableArray<DiagnosticInfo> Diagnostics,
        bool CanEmit,
        EquatableArray<PlainDataModel> PlainData);

    internal enum BindingKind
    {
        Class,
        Functions,
        Module,
    }

    /// <summary>A planned binding, ready to emit; location-free so that moving code re-emits nothing.</summary>
    internal sealed record BindingModel(BindingKind Kind, TypeDeclaration Declaration, bool IsStruct, ClassPlan? Class, FunctionSetPlan? Functions);

    /// <summary>
    /// Planning's two outputs: the binding (null when it has errors) and the diagnostics. A binding with
    /// errors on a type that can take a generated part gets a <see cref="Placeholder"/>: the binding member
    /// still exists, so code that names it (profiles) compiles and the errors stand alone.
    /// </summary>
    internal sealed record PlannedBinding(BindingModel? Binding, EquatableArray<DiagnosticInfo> Diagnostics, BindingModel? Placeholder = null);

    internal enum ProfileEntryKind
    {
        Class,
        Functions,
        Profile,
        Module,
    }

    /// <summary>A type listed by a profile.</summary>
    /// <param name="Names">The global names it defines, as (CLR name, explicit name) so the naming policy applies at emit time.</param>
    internal sealed record ProfileEntry(string FullName, ProfileEntryKind Kind, EquatableArray<ProfileName> Names, LocationInfo Location);

    /// <summary>A name a profile entry defines: explicit (<see cref="ExplicitName"/>) or by policy from <see cref="ClrName"/>.</summary>
    internal sealed record ProfileName(string ClrName, string? ExplicitName);

    internal sealed record ProfileModel(TypeDeclaration Declaration, EquatableArray<ProfileEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>One member of a plain-data type, as its converter reads and writes it.</summary>
    /// <param name="CanSet">Settable after construction (a public setter).</param>
    /// <param name="IsInit">Set through an <c>init</c> accessor.</param>
    internal sealed record PlainDataMember(string ClrName, string? ExplicitName, string TypeName, TypeRule Type, bool CanSet, bool IsInit, bool IsRequired);

    /// <summary>A constructor parameter of a plain-data type and the member it fills.</summary>
    /// <param name="DefaultLiteral">What an absent value becomes; null when it is required (no default, not nullable).</param>
    internal sealed record PlainDataParameter(string Name, string Member, string TypeName, TypeRule Type, string? DefaultLiteral);

    /// <summary>A plain-data type seen in a signature or marked [HostData]: what its generated converter needs.</summary>
    /// <param name="AsDeclared">The naming policy of the type's own assembly, when it is not the compilation's.</param>
    /// <param name="IsRecord">A record (or struct), whose init members can be set with <c>with</c>.</param>
    /// <param name="Constructor">The constructor reads use; null when JS objects cannot become this type.</param>
    internal sealed record PlainDataModel(
        string FullName,
        string Name,
        bool InThisAssembly,
        bool AsDeclared,
        bool IsRecord,
        EquatableArray<PlainDataMember> Members,
        EquatableArray<PlainDataParameter>? Constructor);
}
