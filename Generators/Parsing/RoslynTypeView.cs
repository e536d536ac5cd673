using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>A Roslyn type symbol as the shared binding rules see it.</summary>
    internal sealed class RoslynTypeView : ITypeView
    {
        private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private readonly KnownTypes _known;

        public RoslynTypeView(ITypeSymbol symbol, KnownTypes known)
        {
            Symbol = symbol;
            _known = known;
            Known = known.Identify(symbol);
        }

        public ITypeSymbol Symbol { get; }

        public WellKnownType Known { get; }

        /// <summary>The fully qualified C# name, nullable annotation included, for generated code.</summary>
        public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullName);

        public TypeShape Shape => Symbol switch
        {
            IArrayTypeSymbol => TypeShape.Array,
            ITypeParameterSymbol => TypeShape.TypeParameter,
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => TypeShape.Pointer,
            IErrorTypeSymbol or IDynamicTypeSymbol or { TypeKind: TypeKind.Error or TypeKind.Dynamic } => TypeShape.Unknown,
            not INamedTypeSymbol => TypeShape.Unknown,
            { TypeKind: TypeKind.Enum } => TypeShape.Enum,
            { TypeKind: TypeKind.Delegate } => TypeShape.Delegate,
            { TypeKind: TypeKind.Interface } => TypeShape.Interface,
            { IsValueType: true } => TypeShape.Struct,
            _ => TypeShape.Class,
        };

        public IReadOnlyList<ITypeView> TypeArguments => Symbol switch
        {
            INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.Select(e => View(e.Type)).ToList(),
            INamedTypeSymbol named => named.TypeArguments.Select(View).ToList(),
            _ => new List<ITypeView>(),
        };

        public ITypeView? ElementType => Symbol is IArrayTypeSymbol array ? View(array.ElementType) : null;

        public int ArrayRank => Symbol is IArrayTypeSymbol array ? array.Rank : 0;

        public bool IsNullableAnnotated => Symbol.IsReferenceType && Symbol.NullableAnnotation == NullableAnnotation.Annotated;

        public bool IsAbstract => Symbol.IsAbstract;

        public bool IsGeneric => Symbol is INamedTypeSymbol { IsGenericType: true };

        public bool IsEnumerable => Symbol.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) || Symbol.SpecialType == SpecialType.System_Collections_IEnumerable;

        public string Name => Symbol.Name;

        public string? Namespace => Symbol.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

        public string DisplayName => Symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        public bool HasAttribute(string attributeFullName) => _known.HasAttribute(Symbol, attributeFullName);

        public string? AttributeName(string attributeFullName) => _known.AttributeName(Symbol, attributeFullName);

        public IReadOnlyList<string> EnumMemberNames => Symbol.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => f.Name).ToList();

        public IReadOnlyList<KeyValuePair<string, ITypeView>> DelegateParameters =>
            Symbol is INamedTypeSymbol { DelegateInvokeMethod: { } invoke }
                ? invoke.Parameters.Select(p => new KeyValuePair<string, ITypeView>(p.Name, View(p.Type))).ToList()
                : new List<KeyValuePair<string, ITypeView>>();

        public ITypeView? DelegateReturn => Symbol is INamedTypeSymbol { DelegateInvokeMethod: { ReturnsVoid: false } invoke } ? View(invoke.ReturnType) : null;

        private RoslynTypeView View(ITypeSymbol type) => new(type, _known);
    }
}
