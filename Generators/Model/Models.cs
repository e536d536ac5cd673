using System;

namespace V8Host.Generators.Model
{
    /// <param name="DefaultLiteral">C# expression for an optional parameter's default.</param>
    /// <param name="ElementFullName">For <c>params T[]</c>: the element type.</param>
    internal sealed record ParameterModel(string Name, TypeRef Type, bool IsOptional, string? DefaultLiteral, bool IsParams, string? ElementFullName, string? ElementTypeScript);

    /// <summary>A method or constructor. <paramref name="HostName"/> is an explicit <c>[HostName]</c>/<c>[HostFunction("…")]</c> name.</summary>
    internal sealed record MethodModel(string ClrName, string? HostName, bool IsStatic, EquatableArray<ParameterModel> Parameters, TypeRef Return, LocationInfo Location);

    internal sealed record PropertyModel(string ClrName, string? HostName, bool IsStatic, TypeRef Type, bool CanWrite, LocationInfo Location);

    /// <summary>Where the generated partial declaration goes.</summary>
    /// <param name="Containers">Enclosing types, outermost first, as "keyword Name" (they must be partial too).</param>
    internal sealed record TypeDeclaration(string? Namespace, EquatableArray<string> Containers, string Keyword, string Name, string FullName);

    internal sealed record ClassModel(
        TypeDeclaration Declaration,
        string? HostName,
        bool IsStruct,
        EquatableArray<MethodModel> Constructors,
        EquatableArray<MethodModel> Methods,
        EquatableArray<PropertyModel> Properties,
        LocationInfo Location,
        EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The <c>[HostFunction]</c> methods of one type.</summary>
    /// <param name="CanEmit">False when the declaring type cannot take a generated part (not partial, generic).</param>
    /// <param name="ModuleName">For a <c>[HostModule]</c>: the module name (imported as <c>host:</c> + name); null for <c>[HostFunction]</c> sets.</param>
    internal sealed record FunctionSetModel(TypeDeclaration Declaration, EquatableArray<MethodModel> Functions, EquatableArray<DiagnosticInfo> Diagnostics, bool CanEmit = true, string? ModuleName = null);

    internal enum ProfileEntryKind
    {
        Class,
        Functions,
        Profile,
        Module,
    }

    /// <summary>A type listed by a profile. <paramref name="JsNames"/> are the global names it defines (for duplicate checks).</summary>
    internal sealed record ProfileEntry(string FullName, ProfileEntryKind Kind, EquatableArray<string> JsNames, LocationInfo Location);

    internal sealed record ProfileModel(TypeDeclaration Declaration, EquatableArray<ProfileEntry> Entries, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The assembly-wide naming policy (<c>[assembly: HostNaming]</c>).</summary>
    internal sealed record NamingPolicy(bool AsDeclared)
    {
        public string Apply(string clrName, string? hostName) => hostName ?? (AsDeclared ? clrName : Shared.JsNaming.CamelCase(clrName));
    }
}
