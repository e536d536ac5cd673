using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds the model of a <c>[HostProfile]</c> class: the bindings it bundles.</summary>
    internal static class ProfileParser
    {
        public const string Attribute = "V8Host.HostProfileAttribute";

        /// <summary>Name markers: an explicit JS name as is, a CLR name (to apply the naming policy to) prefixed with '~'.</summary>
        public const char PolicyMarker = '~';

        public static ProfileModel Parse(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(type);
            if (!MemberParser.IsPartialAll(type))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.TypeNotPartial, location, type.ToDisplayString()));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.StaticProfile, location, type.ToDisplayString()));
            if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && baseType.ToDisplayString() != "V8Host.HostProfile")
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.ProfileBaseClass, location, type.ToDisplayString(), baseType.ToDisplayString()));

            var attribute = context.Attributes[0];
            var attributeLocation = attribute.ApplicationSyntaxReference is { } reference
                ? LocationInfo.From(Location.Create(reference.SyntaxTree, reference.Span))
                : location;
            var listed = attribute.ConstructorArguments.Where(a => !a.IsNull).SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : ImmutableArrayOf(a))
                .Select(v => v.Value).OfType<INamedTypeSymbol>();

            var entries = new List<ProfileEntry>();
            if (FunctionParser.FunctionNames(type).Any())
                entries.Add(Functions(type, location));
            foreach (var listedType in listed)
            {
                if (MemberParser.HasAttribute(listedType, ClassParser.Attribute))
                {
                    var jsName = MemberParser.ExplicitName(listedType, ClassParser.Attribute) ?? listedType.Name;
                    entries.Add(new ProfileEntry(TypeClassifier.FullName(listedType), ProfileEntryKind.Class, new[] { jsName }.ToEquatableArray(), attributeLocation));
                }
                else if (MemberParser.HasAttribute(listedType, ModuleParser.Attribute))
                {
                    var module = MemberParser.ExplicitName(listedType, ModuleParser.Attribute) ?? string.Empty;
                    entries.Add(new ProfileEntry(TypeClassifier.FullName(listedType), ProfileEntryKind.Module, new[] { "host:" + module }.ToEquatableArray(), attributeLocation));
                }
                else if (MemberParser.HasAttribute(listedType, Attribute))
                {
                    entries.Add(new ProfileEntry(TypeClassifier.FullName(listedType), ProfileEntryKind.Profile, EquatableArray<string>.Empty, attributeLocation));
                }
                else if (FunctionParser.FunctionNames(listedType).Any())
                {
                    entries.Add(Functions(listedType, attributeLocation));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.NothingToExpose, attributeLocation, type.Name, listedType.ToDisplayString()));
                }
            }

            return new ProfileModel(MemberParser.Declaration(type), entries.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static ProfileEntry Functions(INamedTypeSymbol type, LocationInfo location) =>
            new(TypeClassifier.FullName(type), ProfileEntryKind.Functions,
                FunctionParser.FunctionNames(type).Select(n => n.HostName ?? PolicyMarker + n.ClrName).Distinct().ToEquatableArray(), location);

        private static IEnumerable<TypedConstant> ImmutableArrayOf(TypedConstant constant) => new[] { constant };
    }
}
