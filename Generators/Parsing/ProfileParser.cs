using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds the model of a <c>[HostProfile]</c> class: the bindings it bundles.</summary>
    internal static class ProfileParser
    {
        public const string Attribute = BindingContract.HostProfileAttribute;

        public static ProfileModel Parse(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var known = KnownTypes.For(context.SemanticModel.Compilation);
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(type);
            if (!DeclarationParser.IsPartialAll(type))
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.TypeNotPartial, location, type.ToDisplayString()));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.StaticProfile, location, type.ToDisplayString()));
            if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.ToDisplayString() != "V8Host.HostProfile")
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.ProfileBaseClass, location, type.ToDisplayString(), baseType.ToDisplayString()));

            var attribute = context.Attributes[0];
            var attributeLocation = attribute.ApplicationSyntaxReference is { } reference
                ? LocationInfo.From(Location.Create(reference.SyntaxTree, reference.Span))
                : location;
            var listed = attribute.ConstructorArguments.Where(a => !a.IsNull).SelectMany(a => a.Kind == TypedConstantKind.Array ? (IEnumerable<TypedConstant>)a.Values : new[] { a })
                .Select(v => v.Value).OfType<INamedTypeSymbol>();

            var entries = new List<ProfileEntry>();
            if (FunctionParser.FunctionNames(type, known).Any())
                entries.Add(Functions(type, known, location));
            foreach (var listedType in listed)
            {
                if (known.HasAttribute(listedType, BindingContract.HostClassAttribute))
                {
                    var jsName = known.AttributeName(listedType, BindingContract.HostClassAttribute) ?? listedType.Name;
                    entries.Add(Entry(listedType, ProfileEntryKind.Class, new ProfileName(listedType.Name, jsName), attributeLocation));
                }
                else if (known.HasAttribute(listedType, BindingContract.HostModuleAttribute))
                {
                    var module = known.AttributeName(listedType, BindingContract.HostModuleAttribute) ?? string.Empty;
                    entries.Add(Entry(listedType, ProfileEntryKind.Module, new ProfileName(listedType.Name, BindingContract.ModulePrefix + module), attributeLocation));
                }
                else if (known.HasAttribute(listedType, Attribute))
                {
                    entries.Add(new ProfileEntry(RoslynTypeView.FullName(listedType), ProfileEntryKind.Profile, EquatableArray<ProfileName>.Empty, attributeLocation));
                }
                else if (FunctionParser.FunctionNames(listedType, known).Any())
                {
                    entries.Add(Functions(listedType, known, attributeLocation));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(BindingProblems.NothingToExpose, attributeLocation, type.Name, listedType.ToDisplayString()));
                }
            }

            return new ProfileModel(DeclarationParser.Declaration(type), entries.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static ProfileEntry Entry(INamedTypeSymbol type, ProfileEntryKind kind, ProfileName name, LocationInfo location) =>
            new(RoslynTypeView.FullName(type), kind, new[] { name }.ToEquatableArray(), location);

        private static ProfileEntry Functions(INamedTypeSymbol type, KnownTypes known, LocationInfo location) =>
            new(RoslynTypeView.FullName(type), ProfileEntryKind.Functions, FunctionParser.FunctionNames(type, known).Distinct().ToEquatableArray(), location);
    }
}
