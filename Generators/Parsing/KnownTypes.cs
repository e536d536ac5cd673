using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>
    /// The types the binding rules know, resolved once per compilation and compared as symbols (never
    /// as display strings). Shared by the generator and the analyzers.
    /// </summary>
    internal sealed class KnownTypes
    {
        private static readonly ConditionalWeakTable<Compilation, KnownTypes> s_cache = new();

        private static readonly KeyValuePair<string, WellKnownType>[] s_byMetadataName =
        {
            Pair("System.Half", WellKnownType.Half),
            Pair("System.DateTimeOffset", WellKnownType.DateTimeOffset),
            Pair("System.DateOnly", WellKnownType.DateOnly),
            Pair("System.TimeOnly", WellKnownType.TimeOnly),
            Pair("System.TimeSpan", WellKnownType.TimeSpan),
            Pair("System.Guid", WellKnownType.Guid),
            Pair("System.Uri", WellKnownType.Uri),
            Pair("System.Numerics.BigInteger", WellKnownType.BigInteger),
            Pair("System.Threading.Tasks.Task", WellKnownType.Task),
            Pair("System.Threading.Tasks.ValueTask", WellKnownType.ValueTask),
            Pair("System.Threading.Tasks.Task`1", WellKnownType.TaskOfT),
            Pair("System.Threading.Tasks.ValueTask`1", WellKnownType.ValueTaskOfT),
            Pair("System.Threading.CancellationToken", WellKnownType.CancellationToken),
            Pair("System.Memory`1", WellKnownType.MemoryOfT),
            Pair("System.ReadOnlyMemory`1", WellKnownType.ReadOnlyMemoryOfT),
            Pair("System.Span`1", WellKnownType.SpanOfT),
            Pair("System.ReadOnlySpan`1", WellKnownType.ReadOnlySpanOfT),
            Pair("System.Collections.Generic.List`1", WellKnownType.ListOfT),
            Pair("System.Collections.Generic.HashSet`1", WellKnownType.HashSetOfT),
            Pair("System.Collections.Generic.ISet`1", WellKnownType.ISetOfT),
            Pair("System.Collections.Generic.IReadOnlySet`1", WellKnownType.IReadOnlySetOfT),
            Pair("System.Collections.Generic.Dictionary`2", WellKnownType.DictionaryOfTKeyTValue),
            Pair("System.Collections.Generic.IDictionary`2", WellKnownType.IDictionaryOfTKeyTValue),
            Pair("System.Collections.Generic.IReadOnlyDictionary`2", WellKnownType.IReadOnlyDictionaryOfTKeyTValue),
            Pair("System.IO.Stream", WellKnownType.Stream),
            Pair("V8Host.Context", WellKnownType.Context),
            Pair("V8Host.JsHandle", WellKnownType.JsHandle),
            Pair("V8Host.JsObject", WellKnownType.JsObject),
            Pair("V8Host.JsArray", WellKnownType.JsArray),
            Pair("V8Host.JsFunction", WellKnownType.JsFunction),
            Pair("V8Host.JsPromise", WellKnownType.JsPromise),
            Pair("V8Host.JsArrayBuffer", WellKnownType.JsArrayBuffer),
            Pair("V8Host.JsTypedArray", WellKnownType.JsTypedArray),
            Pair("V8Host.JsUndefined", WellKnownType.JsUndefined),
        };

        private readonly Dictionary<ITypeSymbol, WellKnownType> _types = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<string, INamedTypeSymbol?> _attributes = new();
        private readonly Compilation _compilation;

        private KnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            foreach (var pair in s_byMetadataName)
            {
                if (compilation.GetTypeByMetadataName(pair.Key) is { } symbol)
                    _types[symbol] = pair.Value;
            }

            // Resolved up front: analyzers read this cache from several threads.
            foreach (var name in s_attributeNames)
                _attributes[name] = compilation.GetTypeByMetadataName(name);
        }

        private static readonly string[] s_attributeNames =
        {
            BindingContract.HostClassAttribute, BindingContract.HostFunctionAttribute, BindingContract.HostModuleAttribute,
            BindingContract.HostProfileAttribute, BindingContract.HostNameAttribute, BindingContract.HostIgnoreAttribute,
            BindingContract.HostEnumAsStringAttribute, BindingContract.HostNamingAttribute, BindingContract.HostDataAttribute,
            BindingContract.HostDecimalAsStringAttribute, BindingContract.SetsRequiredMembersAttribute,
            "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        };

        public static KnownTypes For(Compilation compilation) => s_cache.GetValue(compilation, c => new KnownTypes(c));

        /// <summary>The rules' name for a type (its generic definition for constructed types).</summary>
        public WellKnownType Identify(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Void: return WellKnownType.Void;
                case SpecialType.System_Object: return WellKnownType.Object;
                case SpecialType.System_Boolean: return WellKnownType.Boolean;
                case SpecialType.System_Char: return WellKnownType.Char;
                case SpecialType.System_SByte: return WellKnownType.SByte;
                case SpecialType.System_Byte: return WellKnownType.Byte;
                case SpecialType.System_Int16: return WellKnownType.Int16;
                case SpecialType.System_UInt16: return WellKnownType.UInt16;
                case SpecialType.System_Int32: return WellKnownType.Int32;
                case SpecialType.System_UInt32: return WellKnownType.UInt32;
                case SpecialType.System_Int64: return WellKnownType.Int64;
                case SpecialType.System_UInt64: return WellKnownType.UInt64;
                case SpecialType.System_IntPtr: return WellKnownType.IntPtr;
                case SpecialType.System_UIntPtr: return WellKnownType.UIntPtr;
                case SpecialType.System_Single: return WellKnownType.Single;
                case SpecialType.System_Double: return WellKnownType.Double;
                case SpecialType.System_Decimal: return WellKnownType.Decimal;
                case SpecialType.System_String: return WellKnownType.String;
                case SpecialType.System_DateTime: return WellKnownType.DateTime;
                case SpecialType.System_Nullable_T: return WellKnownType.NullableOfT;
                case SpecialType.System_Collections_Generic_IList_T: return WellKnownType.IListOfT;
                case SpecialType.System_Collections_Generic_ICollection_T: return WellKnownType.ICollectionOfT;
                case SpecialType.System_Collections_Generic_IEnumerable_T: return WellKnownType.IEnumerableOfT;
                case SpecialType.System_Collections_Generic_IReadOnlyList_T: return WellKnownType.IReadOnlyListOfT;
                case SpecialType.System_Collections_Generic_IReadOnlyCollection_T: return WellKnownType.IReadOnlyCollectionOfT;
            }

            if (type is INamedTypeSymbol named)
            {
                if (named.IsTupleType)
                    return WellKnownType.ValueTuple;
                var definition = named.OriginalDefinition;
                if (definition.SpecialType != SpecialType.None && !ReferenceEquals(definition, type))
                    return Identify(definition);
                if (_types.TryGetValue(definition, out var known))
                    return known;
            }

            return WellKnownType.None;
        }

        /// <summary>Whether <paramref name="symbol"/> carries the attribute with this metadata name.</summary>
        public bool HasAttribute(ISymbol symbol, string attributeMetadataName) => Attribute(symbol, attributeMetadataName) is not null;

        /// <summary>The attribute with this metadata name on <paramref name="symbol"/>, or null.</summary>
        public AttributeData? Attribute(ISymbol symbol, string attributeMetadataName)
        {
            var attributeType = _attributes.TryGetValue(attributeMetadataName, out var cached) ? cached : _compilation.GetTypeByMetadataName(attributeMetadataName);
            if (attributeType is null)
                return null;
            foreach (var attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                    return attribute;
            }

            return null;
        }

        /// <summary>The attribute's first constructor argument as a string (<c>[HostName("x")]</c>).</summary>
        public string? AttributeName(ISymbol symbol, string attributeMetadataName) =>
            Attribute(symbol, attributeMetadataName)?.ConstructorArguments.Length > 0 ? Attribute(symbol, attributeMetadataName)!.ConstructorArguments[0].Value as string : null;

        private static KeyValuePair<string, WellKnownType> Pair(string name, WellKnownType type) => new(name, type);
    }
}
