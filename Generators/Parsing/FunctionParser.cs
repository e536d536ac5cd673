using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Builds the model of one <c>[HostFunction]</c> method.</summary>
    internal static class FunctionParser
    {
        public const string Attribute = "V8Host.HostFunctionAttribute";

        /// <summary>The function and the type it belongs to; null for instance members of host classes (they are bound as members).</summary>
        public static FunctionSetModel? Parse(GeneratorAttributeSyntaxContext context)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var type = method.ContainingType;
            var diagnostics = new List<DiagnosticInfo>();
            var display = type.Name + "." + method.Name;
            if (!method.IsStatic)
            {
                if (MemberParser.HasAttribute(type, ClassParser.Attribute))
                    return null;
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InstanceHostFunction, LocationInfo.From(method), display));
                return new FunctionSetModel(MemberParser.Declaration(type), EquatableArray<MethodModel>.Empty, diagnostics.ToEquatableArray());
            }

            // Type-level problems are reported once, at the type (a profile reports its own).
            var isPartial = MemberParser.IsPartialAll(type);
            if (!isPartial && !MemberParser.HasAttribute(type, ProfileParser.Attribute))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.TypeNotPartial, LocationInfo.From(type), type.ToDisplayString()));
            if (type.IsGenericType)
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GenericHostType, LocationInfo.From(type), type.ToDisplayString()));

            var hostName = context.Attributes[0].ConstructorArguments.FirstOrDefault().Value as string;
            var model = MemberParser.Method(method, display, hostName, diagnostics);
            var functions = model is null ? EquatableArray<MethodModel>.Empty : new[] { model }.ToEquatableArray();
            return new FunctionSetModel(MemberParser.Declaration(type), functions, diagnostics.ToEquatableArray(), isPartial && !type.IsGenericType);
        }

        /// <summary>The static <c>[HostFunction]</c> methods of a type, as (explicit name, CLR name) pairs.</summary>
        public static IEnumerable<(string? HostName, string ClrName)> FunctionNames(INamedTypeSymbol type) =>
            type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.IsStatic && MemberParser.HasAttribute(m, Attribute))
                .Select(m => (MemberParser.ExplicitName(m, Attribute), m.Name));
    }
}
