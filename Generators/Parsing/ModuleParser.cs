using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Reads a <c>[HostModule("name")]</c> class: its public static methods are the module's exports.</summary>
    internal static class ModuleParser
    {
        public const string Attribute = BindingContract.HostModuleAttribute;

        public static DeclarationModel Parse(GeneratorAttributeSyntaxContext context)
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

            var name = context.Attributes[0].ConstructorArguments.Length > 0 ? context.Attributes[0].ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                diagnostics.Add(DiagnosticInfo.Create(BindingProblems.InvalidJsName, location, name, "host module " + type.Name));

            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (!method.IsStatic || method.MethodKind != MethodKind.Ordinary || !MemberRules.IsCandidate(parser.Facts(method, type)))
                    continue;
                // [HostFunction("x")] on an export names it, as [HostName("x")] does.
                parser.AddMethod(method, MemberRules.ExplicitName(known.AttributeName(method, BindingContract.HostNameAttribute), known.AttributeName(method, BindingContract.HostFunctionAttribute)), isClassMember: false);
            }

            return new DeclarationModel(BindingKind.Module, DeclarationParser.Declaration(type), name, false, parser.Members, parser.Locations, location,
                diagnostics.ToEquatableArray(), isPartial && !type.IsGenericType, parser.PlainData);
        }
    }
}
