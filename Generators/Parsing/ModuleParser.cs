using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds the model of a <c>[HostModule("name")]</c> class: its public static methods are the module's exports.</summary>
    internal static class ModuleParser
    {
        public const string Attribute = "V8Host.HostModuleAttribute";

        public static FunctionSetModel Parse(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var location = LocationInfo.From(type);
            var isPartial = MemberParser.IsPartialAll(type);
            if (!isPartial)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.TypeNotPartial, location, type.ToDisplayString()));
            if (type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GenericHostType, location, type.ToDisplayString()));

            var name = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            if (name.Length == 0 || name.Any(char.IsWhiteSpace))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsName, location, name, "host module " + type.Name));

            var exports = new List<MethodModel>();
            foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
            {
                if (method is not { IsStatic: true, MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsImplicitlyDeclared: false } || MemberParser.IsIgnored(method))
                    continue;
                var hostName = MemberParser.ExplicitName(method, MemberParser.HostName) ?? MemberParser.ExplicitName(method, FunctionParser.Attribute);
                if (MemberParser.Method(method, name + "." + method.Name, hostName, diagnostics) is { } model)
                    exports.Add(model);
            }

            return new FunctionSetModel(MemberParser.Declaration(type), exports.ToEquatableArray(), diagnostics.ToEquatableArray(), isPartial && !type.IsGenericType, name);
        }
    }
}
