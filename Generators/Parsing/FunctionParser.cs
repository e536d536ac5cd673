using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Reads one <c>[HostFunction]</c> method as a one-member declaration of its type (sets are grouped later).</summary>
    internal static class FunctionParser
    {
        public const string Attribute = BindingContract.HostFunctionAttribute;

        /// <summary>
        /// The function's declaration, or null where the attribute only names a member: on host-class
        /// instance methods (bound as members) and in host modules (the module binds its exports).
        /// </summary>
        public static DeclarationModel? Parse(GeneratorAttributeSyntaxContext context)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var type = method.ContainingType;
            var known = KnownTypes.For(context.SemanticModel.Compilation);
            if (known.HasAttribute(type, BindingContract.HostModuleAttribute) || (!method.IsStatic && known.HasAttribute(type, BindingContract.HostClassAttribute)))
                return null;

            var diagnostics = new List<DiagnosticInfo>();
            var declaration = DeclarationParser.Declaration(type);
            var parser = new DeclarationParser(known);
            if (!method.IsStatic)
            {
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.InstanceHostFunction, LocationInfo.From(method), type.Name + "." + method.Name));
                return new DeclarationModel(BindingKind.Functions, declaration, null, false, EquatableArray<DeclaredMember>.Empty, EquatableArray<MemberLocations>.Empty,
                    LocationInfo.From(method), diagnostics.ToEquatableArray(), false, EquatableArray<PlainDataModel>.Empty);
            }

            // Type-level problems are reported once per set (a profile reports its own).
            var isPartial = DeclarationParser.IsPartialAll(type);
            if (!isPartial && !known.HasAttribute(type, BindingContract.HostProfileAttribute))
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.TypeNotPartial, LocationInfo.From(type), type.ToDisplayString()));
            if (type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.GenericHostType, LocationInfo.From(type), type.ToDisplayString()));

            var hostName = context.Attributes[0].ConstructorArguments.Length > 0 ? context.Attributes[0].ConstructorArguments[0].Value as string : null;
            parser.AddMethod(method, MemberRules.ExplicitName(known.AttributeName(method, BindingContract.HostNameAttribute), hostName), isClassMember: false);
            return new DeclarationModel(BindingKind.Functions, declaration, null, false, parser.Members, parser.Locations, LocationInfo.From(method),
                diagnostics.ToEquatableArray(), isPartial && !type.IsGenericType, parser.PlainData);
        }

        /// <summary>The static <c>[HostFunction]</c> methods of a type, as the names a profile defines.</summary>
        public static IEnumerable<ProfileName> FunctionNames(INamedTypeSymbol type, KnownTypes known) =>
            type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.IsStatic && known.HasAttribute(m, Attribute))
                .Select(m => new ProfileName(m.Name, MemberRules.ExplicitName(known.AttributeName(m, BindingContract.HostNameAttribute), known.AttributeName(m, Attribute))));
    }
}
