using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>
    /// Turns symbols into the shared neutral declarations (<see cref="DeclaredMember"/>), classifying every
    /// type with the shared <see cref="TypeRules"/>, and records where each member is. Whether a member is
    /// bound and what is wrong with it are decided later, by the shared planner.
    /// </summary>
    internal sealed class DeclarationParser
    {
        private readonly KnownTypes _known;
        private readonly List<DeclaredMember> _members = new();
        private readonly List<MemberLocations> _locations = new();
        private readonly Dictionary<string, PlainDataModel> _plainData = new();

        public DeclarationParser(KnownTypes known) => _known = known;

        public KnownTypes Known => _known;

        public EquatableArray<DeclaredMember> Members => _members.ToEquatableArray();

        public EquatableArray<MemberLocations> Locations => _locations.ToEquatableArray();

        /// <summary>The plain-data types met in the declared signatures (nested ones included).</summary>
        public EquatableArray<PlainDataModel> PlainData => _plainData.Values.OrderBy(p => p.FullName, StringComparer.Ordinal).ToEquatableArray();

        /// <summary>The facts the shared member rules select on.</summary>
        public MemberFacts Facts(ISymbol member, INamedTypeSymbol boundType)
        {
            var kind = member switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor } => MemberKind.Constructor,
                IMethodSymbol => MemberKind.Method,
                IPropertySymbol { IsIndexer: true } => MemberKind.Indexer,
                IPropertySymbol => MemberKind.Property,
                IFieldSymbol => MemberKind.Field,
                _ => MemberKind.Event,
            };
            var overridesObject = member is IMethodSymbol { IsOverride: true } method && RootDefinition(method).ContainingType.SpecialType == SpecialType.System_Object;
            var isSpecial = member is IMethodSymbol { MethodKind: not (MethodKind.Ordinary or MethodKind.Constructor) };
            var compilerGenerated = member.IsImplicitlyDeclared && kind != MemberKind.Constructor
                || member is IPropertySymbol { Name: "EqualityContract" }
                || (member is IMethodSymbol { MethodKind: MethodKind.Constructor, IsImplicitlyDeclared: true } && HasExplicitPublicConstructor(boundType));
            return new MemberFacts(kind, member.Name, member.DeclaredAccessibility == Accessibility.Public, member.IsStatic,
                !SymbolEqualityComparer.Default.Equals(member.ContainingType, boundType), _known.HasAttribute(member, BindingContract.HostIgnoreAttribute),
                compilerGenerated, isSpecial, overridesObject);
        }

        /// <summary>Adds a method or constructor. <paramref name="isClassMember"/>: results of host-class instance members can be live views.</summary>
        public void AddMethod(IMethodSymbol method, string? explicitName, bool isClassMember)
        {
            var parameters = new List<DeclaredParameter>();
            var parameterLocations = new List<LocationInfo>();
            foreach (var parameter in method.Parameters)
            {
                parameterLocations.Add(LocationInfo.From(parameter));
                var isParams = parameter.IsParams && parameter.Type is IArrayTypeSymbol;
                var type = isParams ? ((IArrayTypeSymbol)parameter.Type).ElementType : parameter.Type;
                parameters.Add(new DeclaredParameter(
                    parameter.Name,
                    Classify(type, TypePosition.Parameter, _known.HasAttribute(parameter, BindingContract.HostDecimalAsStringAttribute)),
                    RoslynTypeView.FullName(type),
                    Display(parameter.Type),
                    parameter.RefKind == RefKind.None ? null : parameter.RefKind.ToString().ToLowerInvariant(),
                    isParams,
                    parameter.HasExplicitDefaultValue,
                    parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : null));
            }

            var isConstructor = method.MethodKind == MethodKind.Constructor;
            var position = isClassMember && !method.IsStatic ? TypePosition.MemberReturn : TypePosition.Return;
            var missingSetsRequired = isConstructor && HasRequiredMembers(method.ContainingType) && !_known.HasAttribute(method, BindingContract.SetsRequiredMembersAttribute);
            _members.Add(new DeclaredMember(
                isConstructor ? MemberKind.Constructor : MemberKind.Method,
                method.Name,
                explicitName,
                method.IsStatic,
                parameters.ToEquatableArray(),
                isConstructor ? null : Classify(method.ReturnType, position, method.GetReturnTypeAttributes().Any(a => a.AttributeClass?.ToDisplayString() == BindingContract.HostDecimalAsStringAttribute)),
                isConstructor ? "void" : RoslynTypeView.FullName(method.ReturnType),
                isConstructor ? method.ContainingType.Name : Display(method.ReturnType),
                IsGeneric: method.IsGenericMethod,
                IsAsyncVoid: method.IsAsync && method.ReturnsVoid,
                MissingSetsRequiredMembers: missingSetsRequired));
            _locations.Add(new MemberLocations(LocationInfo.From(method), parameterLocations.ToEquatableArray()));
        }

        /// <summary>Adds a property or field of a host class.</summary>
        public void AddValueMember(ISymbol member, ITypeSymbol type, bool canWrite)
        {
            var kind = member switch
            {
                IPropertySymbol { IsIndexer: true } => MemberKind.Indexer,
                IPropertySymbol => MemberKind.Property,
                IFieldSymbol => MemberKind.Field,
                _ => MemberKind.Event,
            };
            var position = member.IsStatic ? TypePosition.Return : TypePosition.MemberReturn;
            var asString = _known.HasAttribute(member, BindingContract.HostDecimalAsStringAttribute);
            var rule = kind is MemberKind.Indexer or MemberKind.Event ? TypeRule.Unsupported("a property") : Classify(type, position, asString);
            var writeRule = canWrite && kind is MemberKind.Property or MemberKind.Field ? Classify(type, TypePosition.Parameter, asString) : null;
            _members.Add(new DeclaredMember(kind, member.Name, _known.AttributeName(member, BindingContract.HostNameAttribute), member.IsStatic,
                EquatableArray<DeclaredParameter>.Empty, rule, RoslynTypeView.FullName(type), Display(type), writeRule));
            _locations.Add(new MemberLocations(LocationInfo.From(member), EquatableArray<LocationInfo>.Empty));
        }

        /// <summary>How messages spell a type (shared with the run-time path).</summary>
        public string Display(ITypeSymbol type) => TypeDisplay.Of(new RoslynTypeView(type, _known));

        /// <summary>Classifies a type, collecting the plain-data types it involves.</summary>
        public TypeRule Classify(ITypeSymbol type, TypePosition position, bool decimalAsString = false) =>
            TypeRules.Classify(new RoslynTypeView(type, _known), position, view => AddPlainData(((RoslynTypeView)view).Symbol), decimalAsString);

        /// <summary>Records a plain-data type (and, through its members, the ones nested in it).</summary>
        public void AddPlainData(ITypeSymbol type)
        {
            var fullName = RoslynTypeView.FullName(type.WithNullableAnnotation(NullableAnnotation.NotAnnotated));
            if (_plainData.ContainsKey(fullName))
                return;
            _plainData[fullName] = null!; // reserve: a type may contain itself
            _plainData[fullName] = PlainDataParser.Parse((INamedTypeSymbol)type, fullName, this);
        }

        public static TypeDeclaration Declaration(INamedTypeSymbol type)
        {
            var containers = new List<string>();
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                containers.Insert(0, Keyword(outer) + " " + Emitting.TypeDeclarationWriter.Identifier(outer.Name));
            var ns = type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
            return new TypeDeclaration(ns, containers.ToEquatableArray(), Keyword(type), type.Name, RoslynTypeView.FullName(type));
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

        /// <summary>The type's members, then its base types' (up to, not including, <see cref="object"/>).</summary>
        public static IEnumerable<ISymbol> MembersWithBases(INamedTypeSymbol type)
        {
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                    yield return member;
            }
        }

        public static string HidingKey(ISymbol member, MemberKind kind) =>
            MemberRules.HidingKey(kind, member.Name, member is IMethodSymbol method ? method.Parameters.Select(p => p.Type.ToDisplayString()) : Enumerable.Empty<string>());

        public static bool HasRequiredMembers(INamedTypeSymbol type) =>
            MembersWithBases(type).Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true });

        private static bool HasExplicitPublicConstructor(INamedTypeSymbol type) =>
            type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.DeclaredAccessibility == Accessibility.Public);

        private static IMethodSymbol RootDefinition(IMethodSymbol method)
        {
            var current = method;
            while (current.OverriddenMethod is { } overridden)
                current = overridden;
            return current;
        }

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, IsValueType: true } => "record struct",
            { IsRecord: true } => "record",
            { IsValueType: true } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        public static string DefaultLiteral(IParameterSymbol parameter)
        {
            var value = parameter.ExplicitDefaultValue;
            if (value is null)
                return parameter.Type.IsValueType && parameter.Type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T ? "default" : "null";
            if (parameter.Type.TypeKind == TypeKind.Enum)
                return "(" + RoslynTypeView.FullName(parameter.Type) + ")" + SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false);
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
                _ => "(" + RoslynTypeView.FullName(parameter.Type) + ")" + Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }
}
