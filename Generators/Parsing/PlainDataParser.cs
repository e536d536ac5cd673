using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Shared;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds what a plain-data type's generated converter needs, by the shared <see cref="PlainDataRules"/>.</summary>
    internal static class PlainDataParser
    {
        /// <summary>A <c>[HostData]</c> type: its converter is emitted even when no binding uses it (for <c>Eval&lt;T&gt;</c>).</summary>
        public static MarkedPlainData ParseMarked(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var parser = new DeclarationParser(KnownTypes.For(context.SemanticModel.Compilation));
            var view = new RoslynTypeView(type, parser.Known);
            if (!PlainDataRules.IsPlainData(view))
            {
                var reason = type.IsAbstract ? "it is abstract" : type.IsGenericType ? "it is generic" : view.IsEnumerable ? "it is a collection"
                    : parser.Known.HasAttribute(type, BindingContract.HostClassAttribute) ? "it is a [HostClass] (host objects cross by reference)" : "it is not a class, struct or record of plain data";
                return new MarkedPlainData(EquatableArray<PlainDataModel>.Empty, new[] { DiagnosticInfo.Create(BindingProblems.NotPlainData, LocationInfo.From(type), type.ToDisplayString(), reason) }.ToEquatableArray());
            }

            parser.AddPlainData(type);
            return new MarkedPlainData(parser.PlainData, EquatableArray<DiagnosticInfo>.Empty);
        }

        public static PlainDataModel Parse(INamedTypeSymbol type, string fullName, DeclarationParser parser)
        {
            var known = parser.Known;
            var members = new List<PlainDataMember>();
            var seen = new HashSet<string>();
            foreach (var member in DataMemberOrder(type))
            {
                var (memberType, readable, canSet, isInit, isIndexer) = member switch
                {
                    IPropertySymbol p => (p.Type, p.GetMethod is { DeclaredAccessibility: Accessibility.Public }, p.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false },
                        p.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: true }, p.IsIndexer),
                    IFieldSymbol f => (f.Type, true, !f.IsReadOnly && !f.IsConst, false, false),
                    _ => (null!, false, false, false, false),
                };
                if (memberType is null || member is IFieldSymbol { IsConst: true })
                    continue;
                var compilerGenerated = (member.IsImplicitlyDeclared && member is not IFieldSymbol) || member.Name == "EqualityContract" || member is IFieldSymbol { AssociatedSymbol: not null };
                if (!PlainData.IsDataMember(member.DeclaredAccessibility == Accessibility.Public, member.IsStatic, readable, isIndexer,
                        known.HasAttribute(member, BindingContract.HostIgnoreAttribute), compilerGenerated) || !seen.Add(member.Name))
                    continue;
                var rule = parser.Classify(memberType, TypePosition.Element);
                var isRequired = member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true };
                members.Add(new PlainDataMember(member.Name, known.AttributeName(member, BindingContract.HostNameAttribute), RoslynTypeView.FullName(memberType), rule, canSet, isInit, isRequired));
            }

            var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type)).ToList();
            var chosen = PlainData.SelectConstructor(constructors.Select(c => (IReadOnlyList<string>)c.Parameters.Select(p => p.Name).ToList()).ToList(), members.Select(m => m.ClrName).ToList());
            EquatableArray<PlainDataParameter>? constructor = null;
            if (chosen >= 0 && !type.IsAbstract)
            {
                constructor = constructors[chosen].Parameters.Select(p =>
                {
                    var member = members.First(m => PlainData.BindsTo(p.Name, m.ClrName));
                    var rule = parser.Classify(p.Type, TypePosition.Element);
                    var required = PlainData.IsRequired(true, p.HasExplicitDefaultValue, rule.IsNullable, false);
                    return new PlainDataParameter(p.Name, member.ClrName, RoslynTypeView.FullName(p.Type), rule,
                        p.HasExplicitDefaultValue ? DeclarationParser.DefaultLiteral(p) : required ? null : "default!");
                }).ToEquatableArray();
            }

            var naming = known.Attribute(type.ContainingAssembly, BindingContract.HostNamingAttribute);
            var asDeclared = naming?.ConstructorArguments.FirstOrDefault().Value is int policy && policy == BindingContract.NamingAsDeclared;
            var inThisAssembly = type.DeclaringSyntaxReferences.Length > 0;
            return new PlainDataModel(fullName, type.Name, inThisAssembly, asDeclared, type.IsRecord || type.IsValueType, members.ToEquatableArray(), constructor);
        }

        /// <summary>The plain-data types a <c>[HostData]</c> type brings (itself and those nested in it), and its diagnostics.</summary>
        internal sealed record MarkedPlainData(EquatableArray<PlainDataModel> PlainData, EquatableArray<DiagnosticInfo> Diagnostics);

        /// <summary>
        /// Members in the order the keys of a copy take, the run-time converter's order: base types first, and
        /// in each type properties, then fields (<see cref="MemberRules.ValueMemberOrder"/>), as declared. A member hidden by a more derived one is left out.
        /// </summary>
        private static IEnumerable<ISymbol> DataMemberOrder(INamedTypeSymbol type)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
                chain.Insert(0, current);
            for (var i = 0; i < chain.Count; i++)
            {
                var hiding = new HashSet<string>(chain.Skip(i + 1).SelectMany(t => t.GetMembers()).Where(m => m is IFieldSymbol or IPropertySymbol).Select(m => m.Name));
                var members = chain[i].GetMembers().Where(m => !hiding.Contains(m.Name)).ToList();
                foreach (var member in members.Where(m => m is IFieldSymbol or IPropertySymbol).OrderBy(m => MemberRules.ValueMemberOrder(m is IFieldSymbol)))
                    yield return member;
            }
        }

        private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
            constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);
    }
}
