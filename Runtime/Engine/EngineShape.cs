using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace V8Host.Engine;

/// <summary>
/// What a .NET object that is not a primitive becomes in JS (types.md), decided once per run-time
/// type: a plain object (string-keyed dictionary), a Map (other keys), a Set, an Array (sequences,
/// value tuples) or a plain-data copy.
/// </summary>
internal static class EngineShape
{
    private static readonly ConcurrentDictionary<Type, Kind> s_kinds = new();
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Key, PropertyInfo Value)> s_pairs = new();

    public enum Kind
    {
        Other,
        PlainData,
        Tuple,
        StringDictionary,
        ReadOnlyStringDictionary,
        Map,
        ReadOnlyMap,
        Set,

        /// <summary>Keys typed as object (or untyped, as in Hashtable): decided per value by <see cref="Of"/>.</summary>
        AnyKeyDictionary,
    }

    /// <summary>The shape of <paramref name="value"/>. A dictionary typed with object keys is a plain object when every key is a string, else a Map.</summary>
    public static Kind Of(object value)
    {
        var kind = s_kinds.GetOrAdd(value.GetType(), Classify);
        if (kind != Kind.AnyKeyDictionary)
            return kind;
        foreach (var candidate in ((IDictionary)value).Keys)
        {
            if (candidate is not string)
                return Kind.Map;
        }

        return Kind.StringDictionary;
    }

    /// <summary>The key/value pairs of a read-only dictionary that is not an <see cref="IDictionary"/>.</summary>
    public static IEnumerable<(object? Key, object? Value)> Pairs(object value)
    {
        foreach (var pair in (IEnumerable)value)
        {
            var (key, item) = s_pairs.GetOrAdd(pair.GetType(), static t => (t.GetProperty("Key")!, t.GetProperty("Value")!));
            yield return (key.GetValue(pair), item.GetValue(pair));
        }
    }

    private static Kind Classify(Type type)
    {
        if (CollectionShape.IsValueTuple(type) && typeof(ITuple).IsAssignableFrom(type))
            return Kind.Tuple;
        if (typeof(IDictionary).IsAssignableFrom(type))
        {
            var keyType = CollectionShape.DictionaryKeyTypeOf(type);
            return keyType == typeof(string) ? Kind.StringDictionary
                : keyType is null || keyType == typeof(object) ? Kind.AnyKeyDictionary
                : Kind.Map;
        }
        if (CollectionShape.DictionaryKeyTypeOf(type) is { } key)
            return key == typeof(string) ? Kind.ReadOnlyStringDictionary : Kind.ReadOnlyMap;
        if (CollectionShape.IsSet(type))
            return Kind.Set;
        if (typeof(IEnumerable).IsAssignableFrom(type))
            return Kind.Other;
        return PlainDataConverter.For(type) is not null ? Kind.PlainData : Kind.Other;
    }
}
