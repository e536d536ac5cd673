using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Reads a <c>[HostClass]</c> type: its candidate members (by the shared <see cref="MemberRules"/>) as declarations.</summary>
    internal static class ClassParser
    {
        public const string Attribute = BindingContract.HostClassAttribute;

        public static DeclarationModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var known = KnownTypes.For(context.SemanticModel.Compilation);
            var parser = new DeclarationParser(known);
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(type);
            var isPartial = DeclarationParser.IsPartialAll(type);
            if (!isPartial)
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.TypeNotPartial, location, type.ToDisplayString()));
            if (type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.GenericHostType, location, type.ToDisplayString()));

            var jsName = context.Attributes[0].ConstructorArguments.Length > 0 ? context.Attributes[0].ConstructorArguments[0].Value as string : null;
            var seen = new HashSet<string>();
            foreach (var member in DeclarationParser.MembersWithBases(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var facts = parser.Facts(member, type);
                if (!MemberRules.IsCandidate(facts) || !seen.Add(DeclarationParser.HidingKey(member, facts.Kind)))
                    continue;
                switch (member)
                {
                    case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                        if (!type.IsAbstract)
                            parser.AddMethod(constructor, null, isClassMember: true);
                        break;
                    case IMethodSymbol method:
                        parser.AddMethod(method, MemberRules.ExplicitName(known.AttributeName(method, BindingContract.HostNameAttribute), known.AttributeName(method, BindingContract.HostFunctionAttribute)), isClassMember: true);
                        break;
                    case IPropertySymbol property when property.IsIndexer || property.GetMethod is { DeclaredAccessibility: Accessibility.Public }:
                        parser.AddValueMember(property, property.Type, property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false });
                        break;
                    case IFieldSymbol field:
                        parser.AddValueMember(field, field.Type, !field.IsReadOnly && !field.IsConst);
                        break;
                    case IEventSymbol eventSymbol:
                        parser.AddValueMember(eventSymbol, eventSymbol.Type, false);
                        break;
                }
            }

            return new DeclarationModel(BindingKind.Class, DeclarationParser.Declaration(type), jsName ?? type.Name, type.IsValueType, parser.Members, parser.Locations,
                location, diagnostics.ToEquatableArray(), isPartial && !type.IsGenericType, parser.PlainData);
        }
    }
}
