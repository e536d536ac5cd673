using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Generators.Parsing;

namespace V8Host.Analyzers.Conversions
{
    /// <summary>
    /// Whether a JavaScript value can ever convert to the <c>T</c> of a typed read: the generator's types.md
    /// classifier, plus the rows api.md §5 adds (plain data, Guid, TimeSpan, DateOnly, TimeOnly, Uri, sets,
    /// maps with any key, value tuples, Half, nint) at any depth of nesting.
    /// </summary>
    internal static class TypedReadTarget
    {
        private const string PlatformSuggestion = "JsObject, or a record or class of your own (it crosses as plain data)";

        // Value types api.md §5 adds to types.md (both directions), besides nint.
        private static readonly ImmutableHashSet<string> s_addedValueTypes = ImmutableHashSet.Create(
            "global::System.Guid", "global::System.TimeSpan", "global::System.DateOnly", "global::System.TimeOnly",
            "global::System.Uri", "global::System.Half");

        // Generic types that convert when each of their type arguments does.
        private static readonly ImmutableHashSet<string> s_containers = ImmutableHashSet.Create(
            "global::System.Nullable<T>",
            "global::System.Collections.Generic.List<T>", "global::System.Collections.Generic.IList<T>",
            "global::System.Collections.Generic.IReadOnlyList<T>", "global::System.Collections.Generic.IEnumerable<T>",
            "global::System.Collections.Generic.ICollection<T>", "global::System.Collections.Generic.IReadOnlyCollection<T>",
            "global::System.Collections.Generic.HashSet<T>", "global::System.Collections.Generic.ISet<T>",
            "global::System.Collections.Generic.IReadOnlySet<T>",
            "global::System.Collections.Generic.Dictionary<TKey, TValue>", "global::System.Collections.Generic.IDictionary<TKey, TValue>",
            "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>");

        // What ClearScript's script objects implement: a read to one of these hands the script object back
        // instead of throwing, so it is not certain to fail.
        private static readonly ImmutableHashSet<string> s_scriptObjectBases = ImmutableHashSet.Create(
            "System.IDisposable", "System.IAsyncDisposable", "System.Dynamic.IDynamicMetaObjectProvider", "System.Dynamic.DynamicObject",
            "System.Reflection.IReflect", "System.Runtime.InteropServices.Expando.IExpando",
            "System.Collections.IEnumerable", "System.Collections.ICollection", "System.Collections.IList");

        // The .NET values JS primitives arrive as: a read to a base or interface of one returns the value.
        private static readonly SpecialType[] s_primitiveValues = { SpecialType.System_String, SpecialType.System_Double, SpecialType.System_Boolean, SpecialType.System_DateTime };

        /// <summary>Whether a read to <paramref name="type"/> can succeed; when it cannot, <paramref name="suggestion"/> names what to use instead.</summary>
        public static bool IsReadable(ITypeSymbol type, Compilation compilation, out string suggestion)
        {
            suggestion = string.Empty;
            switch (type)
            {
                case ITypeParameterSymbol:
                case INamedTypeSymbol { TypeKind: TypeKind.Delegate }: // the runtime adapts any delegate type to a JS function
                    return true;
                case IArrayTypeSymbol { Rank: not 1 }:
                    suggestion = "a jagged array (T[][]) or a list";
                    return false;
                case IArrayTypeSymbol array:
                    return IsReadable(array.ElementType, compilation, out suggestion);
                case INamedTypeSymbol { IsTupleType: true } tuple:
                    return AllReadable(tuple.TupleElements.Select(e => e.Type), compilation, out suggestion);
                case INamedTypeSymbol { IsGenericType: true } generic when s_containers.Contains(generic.ConstructedFrom.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)):
                    return AllReadable(generic.TypeArguments, compilation, out suggestion);
            }

            if (type.SpecialType == SpecialType.System_IntPtr || s_addedValueTypes.Contains(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)))
                return true;

            var classified = TypeClassifier.Classify(type, isReturn: false, out var nearest);
            if (classified is not null)
            {
                // Parameter-only kinds: injected into host calls, never produced from a JS value.
                if (classified.Kind is not (ValueKind.Context or ValueKind.CancellationToken))
                    return true;
                suggestion = "a value type from types.md";
                return false;
            }

            if (IsPlainData(type))
                return true;

            // Any other type of the user's may be a host class, or a base or interface of one, registered at run time.
            if (!IsLibraryType(type) || IsBaseOfAValueRead(type, compilation))
                return true;
            if (IsV8HostType(type))
                suggestion = "JsObject or a .NET value from types.md";
            else if (nearest.StartsWith("a [HostClass] type", System.StringComparison.Ordinal))
                suggestion = PlatformSuggestion; // a platform type cannot be marked [HostClass]
            else
                suggestion = nearest;
            return false;
        }

        /// <summary>Plain data per api.md §5, decided by <see cref="PlainDataRule"/> from the symbol's facts.</summary>
        public static bool IsPlainData(ITypeSymbol type) =>
            type is INamedTypeSymbol named && PlainDataRule.IsPlainDataCandidate(
                named.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
                FullMetadataName(named),
                isClassOrStruct: named.TypeKind is TypeKind.Class or TypeKind.Struct,
                isAbstract: named.IsAbstract || named.IsStatic,
                isGenericDefinition: named.IsUnboundGenericType || named.TypeArguments.Any(a => a is ITypeParameterSymbol),
                isEnumerable: named.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable),
                isDelegate: named.TypeKind == TypeKind.Delegate,
                isHostClass: named.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "V8Host.HostClassAttribute"));

        /// <summary>A base or interface of a value a read produces anyway (<c>IComparable</c> of a number, <c>IDisposable</c> of a script object).</summary>
        private static bool IsBaseOfAValueRead(ITypeSymbol type, Compilation compilation)
        {
            if (s_scriptObjectBases.Contains(type.ToDisplayString()))
                return true;
            var values = s_primitiveValues.Select(compilation.GetSpecialType).Cast<ITypeSymbol?>()
                .Append(compilation.GetTypeByMetadataName("System.Numerics.BigInteger"));
            foreach (var value in values)
            {
                if (value is null)
                    continue;
                for (var current = value; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, type))
                        return true;
                }

                if (value.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, type)))
                    return true;
            }

            return false;
        }

        private static bool AllReadable(System.Collections.Generic.IEnumerable<ITypeSymbol> types, Compilation compilation, out string suggestion)
        {
            foreach (var type in types)
            {
                if (!IsReadable(type, compilation, out suggestion))
                    return false;
            }

            suggestion = string.Empty;
            return true;
        }

        /// <summary>Types whose conversions V8Host knows for certain: the platform's and V8Host's own.</summary>
        private static bool IsLibraryType(ITypeSymbol type) =>
            type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ||
            (PlainDataRule.IsPlatformNamespace(type.ContainingNamespace?.ToDisplayString()) && !IsClearScriptType(type)) || IsV8HostType(type);

        /// <summary>ClearScript's own types (ScriptObject …): the engine's objects may be handed back as them.</summary>
        private static bool IsClearScriptType(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "Microsoft.ClearScript" || ns.StartsWith("Microsoft.ClearScript.", System.StringComparison.Ordinal));

        private static bool IsV8HostType(ITypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == "V8Host";

        private static string FullMetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                name = outer.MetadataName + "+" + name;
            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }
    }
}
