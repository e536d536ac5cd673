using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Parsing;
using V8Host.Shared;
using V8Host.Shared.Binding;

namespace V8Host.Analyzers.Conversions
{
    /// <summary>
    /// Whether a JavaScript value can ever convert to the <c>T</c> of a typed read, by the same type table
    /// the generator and the runtime use (<see cref="TypeRules"/>). Only certain failures count: a type of
    /// the user's own may be a host class (or a base of one) registered at run time.
    /// </summary>
    internal static class TypedReadTarget
    {
        private const string PlatformSuggestion = "JsObject, or a record or class of your own (it crosses as plain data)";

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
            var rule = Classify(type, compilation);
            if (rule.IsSupported)
            {
                // Parameter-only kinds: injected into host calls, never produced from a JS value.
                if (rule.Kind is not (ValueKind.Context or ValueKind.CancellationToken))
                    return true;
                suggestion = "a value type from types.md";
                return false;
            }

            if (!IsCertain(type, compilation))
                return true;
            suggestion = IsV8HostType(type) ? "JsObject or a .NET value from types.md"
                : rule.Suggestion!.StartsWith("a [HostClass] type", System.StringComparison.Ordinal) ? PlatformSuggestion
                : rule.Suggestion!;
            return false;
        }

        /// <summary>Plain data per api.md §5: the type table's own rule.</summary>
        public static bool IsPlainData(ITypeSymbol type, Compilation compilation) => Classify(type, compilation).Row == TypeRow.PlainData;

        private static TypeRule Classify(ITypeSymbol type, Compilation compilation) =>
            TypeRules.Classify(new RoslynTypeView(type, Generators.Parsing.KnownTypes.For(compilation)), TypePosition.Parameter);

        /// <summary>
        /// Whether the type table's "no" is final: every type involved is the platform's or V8Host's own
        /// (at any depth of nesting), and none is a base of a value a read hands back anyway.
        /// </summary>
        private static bool IsCertain(ITypeSymbol type, Compilation compilation) => type switch
        {
            ITypeParameterSymbol => false,
            IArrayTypeSymbol array => array.Rank != 1 || IsCertainWhereUnsupported(array.ElementType, compilation),
            INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.All(e => IsCertainWhereUnsupported(e.Type, compilation)),
            INamedTypeSymbol { IsGenericType: true } generic when IsKnownContainer(generic, compilation) => generic.TypeArguments.All(a => IsCertainWhereUnsupported(a, compilation)),
            _ => IsLibraryType(type) && !IsBaseOfAValueRead(type, compilation),
        };

        /// <summary>A part of a composite type: fine when the table supports it, else its failure must be certain too.</summary>
        private static bool IsCertainWhereUnsupported(ITypeSymbol type, Compilation compilation) =>
            Classify(type, compilation).IsSupported || IsCertain(type, compilation);

        /// <summary>A generic the table knows (List, Dictionary …): whether it converts depends only on its arguments.</summary>
        private static bool IsKnownContainer(INamedTypeSymbol type, Compilation compilation) =>
            Generators.Parsing.KnownTypes.For(compilation).Identify(type) != WellKnownType.None;

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

        /// <summary>Types whose conversions V8Host knows for certain: the platform's and V8Host's own.</summary>
        private static bool IsLibraryType(ITypeSymbol type) =>
            type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer ||
            (PlainData.IsPlatformType(type.ContainingNamespace?.ToDisplayString()) && !IsClearScriptType(type)) || IsV8HostType(type);

        /// <summary>ClearScript's own types (ScriptObject …): the engine's objects may be handed back as them.</summary>
        private static bool IsClearScriptType(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "Microsoft.ClearScript" || ns.StartsWith("Microsoft.ClearScript.", System.StringComparison.Ordinal));

        private static bool IsV8HostType(ITypeSymbol type) => type.ContainingNamespace?.ToDisplayString() == "V8Host";
    }
}
