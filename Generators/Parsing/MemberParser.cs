using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Turns methods, constructors and properties into models, collecting the diagnostics they deserve.</summary>
    internal static class MemberParser
    {
        public const string HostIgnore = "V8Host.HostIgnoreAttribute";
        public const string HostName = "V8Host.HostNameAttribute";

        public static bool IsIgnored(ISymbol symbol) => HasAttribute(symbol, HostIgnore);

        public static bool HasAttribute(ISymbol symbol, string fullName) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == fullName);

        public static string? ExplicitName(ISymbol symbol, string attribute) =>
            symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == attribute)?.ConstructorArguments.FirstOrDefault().Value as string;

        /// <summary>A method or constructor, or null (with diagnostics) when it cannot be bound.</summary>
        public static MethodModel? Method(IMethodSymbol method, string displayName, string? hostName, List<DiagnosticInfo> diagnostics)
        {
            var location = LocationInfo.From(method);
            var ok = true;
            if (method.IsGenericMethod)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.GenericMember, location, displayName));
                ok = false;
            }

            if (method.IsAsync && method.ReturnsVoid)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.AsyncVoid, location, displayName));
                ok = false;
            }

            var parameters = new List<ParameterModel>();
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                var parameter = method.Parameters[i];
                var parameterLocation = LocationInfo.From(parameter);
                if (parameter.RefKind != RefKind.None)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.ByRefParameter, parameterLocation, parameter.Name, displayName, parameter.RefKind.ToString().ToLowerInvariant()));
                    ok = false;
                    continue;
                }

                var isParams = parameter.IsParams && parameter.Type is IArrayTypeSymbol;
                var classified = isParams && parameter.Type is IArrayTypeSymbol paramsArray
                    ? TypeClassifier.Classify(paramsArray.ElementType, false, out var suggestion)
                    : TypeClassifier.Classify(parameter.Type, false, out suggestion);
                if (classified is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameterType, parameterLocation, parameter.Name, displayName, parameter.Type.ToDisplayString(), suggestion));
                    ok = false;
                    continue;
                }

                var injectedMisplaced = (classified.Kind == ValueKind.Context && i != 0) || (classified.Kind == ValueKind.CancellationToken && i != method.Parameters.Length - 1);
                if (injectedMisplaced)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedParameterType, parameterLocation, parameter.Name, displayName, parameter.Type.ToDisplayString(),
                        classified.Kind == ValueKind.Context ? "Context only as the first parameter" : "CancellationToken only as the last parameter"));
                    ok = false;
                    continue;
                }

                if (isParams)
                {
                    parameters.Add(new ParameterModel(parameter.Name, new TypeRef(TypeClassifier.FullName(parameter.Type), classified.TypeScript + "[]", ValueKind.Other, JsCategory.Any),
                        false, null, true, TypeClassifier.FullName(((IArrayTypeSymbol)parameter.Type).ElementType), classified.TypeScript));
                    continue;
                }

                parameters.Add(new ParameterModel(parameter.Name, classified, parameter.HasExplicitDefaultValue, parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : null, false, null, null));
            }

            TypeRef? returned;
            if (method.MethodKind == MethodKind.Constructor)
            {
                returned = new TypeRef("void", "void", ValueKind.Void, JsCategory.Any);
            }
            else
            {
                returned = TypeClassifier.Classify(method.ReturnType, true, out var suggestion);
                if (returned is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedReturnType, location, displayName, method.ReturnType.ToDisplayString(), suggestion));
                    ok = false;
                }
            }

            return ok ? new MethodModel(method.Name, hostName, method.IsStatic, parameters.ToEquatableArray(), returned!, location) : null;
        }

        public static PropertyModel? Property(ISymbol member, ITypeSymbol type, bool isStatic, bool canWrite, string displayName, List<DiagnosticInfo> diagnostics)
        {
            var classified = TypeClassifier.Classify(type, true, out var suggestion);
            var location = LocationInfo.From(member);
            if (classified is null || classified.Kind is ValueKind.Void or ValueKind.Context or ValueKind.CancellationToken)
            {
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.UnsupportedReturnType, location, displayName, type.ToDisplayString(), classified is null ? suggestion : "a value type from types.md"));
                return null;
            }

            if (canWrite && TypeClassifier.Classify(type, false, out _) is null)
                canWrite = false;
            return new PropertyModel(member.Name, ExplicitName(member, HostName), isStatic, classified, canWrite, location);
        }

        public static TypeDeclaration Declaration(INamedTypeSymbol type)
        {
            var containers = new List<string>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                containers.Insert(0, Keyword(outer) + " " + outer.Name);
            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            return new TypeDeclaration(ns, containers.ToEquatableArray(), Keyword(type), type.Name, TypeClassifier.FullName(type));
        }

        /// <summary>Whether the type and every type containing it are declared partial.</summary>
        public static bool IsPartialAll(INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.ContainingType)
            {
                var partial = current.DeclaringSyntaxReferences
                    .Select(r => r.GetSyntax())
                    .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>()
                    .Any(d => d.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
                if (!partial)
                    return false;
            }

            return true;
        }

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { IsValueType: true } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        private static string DefaultLiteral(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
                return parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "default" : "null";
            if (parameter.Type.TypeKind == TypeKind.Enum)
                return "(" + TypeClassifier.FullName(parameter.Type) + ")" + SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
            return value switch
            {
                bool b => b ? "true" : "false",
                string s => SymbolDisplay.FormatLiteral(s, quote: true),
                char c => SymbolDisplay.FormatLiteral(c, quote: true),
                float f => float.IsNaN(f) ? "float.NaN" : float.IsPositiveInfinity(f) ? "float.PositiveInfinity" : float.IsNegativeInfinity(f) ? "float.NegativeInfinity"
                    : f.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "f",
                double d => double.IsNaN(d) ? "double.NaN" : double.IsPositiveInfinity(d) ? "double.PositiveInfinity" : double.IsNegativeInfinity(d) ? "double.NegativeInfinity"
                    : d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d",
                decimal m => m.ToString(System.Globalization.CultureInfo.InvariantCulture) + "m",
                long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L",
                ulong ul => ul.ToString(System.Globalization.CultureInfo.InvariantCulture) + "UL",
                uint u => u.ToString(System.Globalization.CultureInfo.InvariantCulture) + "U",
                _ => "(" + TypeClassifier.FullName(parameter.Type) + ")" + System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }
}
