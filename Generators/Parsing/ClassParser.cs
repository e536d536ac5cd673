using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds the model of a <c>[HostClass]</c> type: what JavaScript sees of it.</summary>
    internal static class ClassParser
    {
        public const string Attribute = "V8Host.HostClassAttribute";

        private static readonly HashSet<string> s_objectMembers = new() { "ToString", "Equals", "GetHashCode", "Deconstruct", "Finalize" };

        public static ClassModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(type);
            if (!MemberParser.IsPartialAll(type))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.TypeNotPartial, location, type.ToDisplayString()));
            if (type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GenericHostType, location, type.ToDisplayString()));

            var hostName = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string;
            var constructors = new List<MethodModel>();
            var methods = new List<MethodModel>();
            var properties = new List<PropertyModel>();
            var hasExplicitConstructor = type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.DeclaredAccessibility == Accessibility.Public);
            var hasRequiredMembers = MembersWithBases(type).Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true });
            var seen = new HashSet<string>();

            foreach (var member in MembersWithBases(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member.DeclaredAccessibility != Accessibility.Public || MemberParser.IsIgnored(member))
                    continue;
                var inherited = !SymbolEqualityComparer.Default.Equals(member.ContainingType, type);
                if (inherited && (member.IsStatic || member is IMethodSymbol { MethodKind: MethodKind.Constructor }))
                    continue; // a base's constructors and statics are not this class's
                if (!seen.Add(Signature(member)))
                    continue; // overridden or hidden by a more derived member
                var display = type.Name + "." + member.Name;
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor:
                        // Abstract types cannot be constructed; records' copy constructors are not API.
                        if (type.IsAbstract || (constructor.IsImplicitlyDeclared && (hasExplicitConstructor || type.IsRecord && constructor.Parameters.Length == 1)))
                            continue;
                        if (hasRequiredMembers && !MemberParser.HasAttribute(constructor, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute"))
                        {
                            diagnostics.Add(DiagnosticInfo.Create(Descriptors.RequiredMembers, constructor.IsImplicitlyDeclared ? location : LocationInfo.From(constructor), type.Name, constructor.ToDisplayString()));
                            continue;
                        }

                        if (MemberParser.Method(constructor, "new " + type.Name, null, diagnostics) is { } constructorModel)
                            constructors.Add(constructorModel);
                        break;
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary } method when !method.IsImplicitlyDeclared && !(method.IsOverride && s_objectMembers.Contains(method.Name)) && method.Name != "Deconstruct":
                        if (MemberParser.Method(method, display, MemberParser.ExplicitName(method, MemberParser.HostName), diagnostics) is { } methodModel)
                            methods.Add(methodModel);
                        break;
                    case IPropertySymbol { IsIndexer: true }:
                        diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedMember, LocationInfo.From(member), display, "an indexer"));
                        break;
                    case IPropertySymbol property when !property.IsImplicitlyDeclared && property.GetMethod is { DeclaredAccessibility: Accessibility.Public } && property.Name != "EqualityContract":
                        var canWrite = property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false };
                        if (MemberParser.Property(property, property.Type, property.IsStatic, canWrite, display, diagnostics) is { } propertyModel)
                            properties.Add(propertyModel);
                        break;
                    case IFieldSymbol field when !field.IsImplicitlyDeclared:
                        if (MemberParser.Property(field, field.Type, field.IsStatic || field.IsConst, !field.IsReadOnly && !field.IsConst, display, diagnostics) is { } fieldModel)
                            properties.Add(fieldModel);
                        break;
                    case IEventSymbol:
                        diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedMember, LocationInfo.From(member), display, "an event"));
                        break;
                }
            }

            return new ClassModel(
                MemberParser.Declaration(type),
                hostName,
                type.IsValueType,
                constructors.ToEquatableArray(),
                methods.ToEquatableArray(),
                properties.ToEquatableArray(),
                location,
                diagnostics.ToEquatableArray());
        }

        /// <summary>The type's members, then its base types' (up to, not including, <see cref="object"/>).</summary>
        private static IEnumerable<ISymbol> MembersWithBases(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                    yield return member;
            }
        }

        private static string Signature(ISymbol member) => member is IMethodSymbol method
            ? method.Name + "(" + string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString())) + ")"
            : member.Name;
    }
}
