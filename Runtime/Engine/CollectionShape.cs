namespace V8Host.Engine;

/// <summary>
/// Recognizes the collection types of types.md: arrays and lists (JS Array), string-keyed
/// dictionaries (plain object), other dictionaries (Map), sets (Set) and value tuples (fixed-length Array).
/// </summary>
internal static class CollectionShape
{
    private static readonly Type[] s_listDefinitions =
    {
        typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(IEnumerable<>), typeof(ICollection<>), typeof(IReadOnlyCollection<>),
    };

    private static readonly Type[] s_dictionaryDefinitions =
    {
        typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>),
    };

    private static readonly Type[] s_setDefinitions =
    {
        typeof(HashSet<>), typeof(ISet<>), typeof(IReadOnlySet<>),
    };

    private static readonly Type[] s_tupleDefinitions =
    {
        typeof(ValueTuple<>), typeof(ValueTuple<,>), typeof(ValueTuple<,,>), typeof(ValueTuple<,,,>), typeof(ValueTuple<,,,,>),
        typeof(ValueTuple<,,,,,>), typeof(ValueTuple<,,,,,,>), typeof(ValueTuple<,,,,,,,>),
    };

    public static bool TryGetElementType(Type type, out Type elementType)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            elementType = type.GetElementType()!;
            return true;
        }

        if (type.IsGenericType && s_listDefinitions.Contains(type.GetGenericTypeDefinition()))
        {
            elementType = type.GetGenericArguments()[0];
            return true;
        }

        elementType = typeof(object);
        return false;
    }

    /// <summary>A dictionary target with string keys (a plain object, or a Map).</summary>
    public static bool TryGetDictionaryValueType(Type type, out Type valueType)
    {
        if (TryGetDictionaryTypes(type, out var keyType, out valueType) && keyType == typeof(string))
            return true;
        valueType = typeof(object);
        return false;
    }

    /// <summary>A dictionary target with any key type (non-string keys read from a Map).</summary>
    public static bool TryGetDictionaryTypes(Type type, out Type keyType, out Type valueType)
    {
        if (type.IsGenericType && s_dictionaryDefinitions.Contains(type.GetGenericTypeDefinition()))
        {
            var arguments = type.GetGenericArguments();
            (keyType, valueType) = (arguments[0], arguments[1]);
            return true;
        }

        keyType = valueType = typeof(object);
        return false;
    }

    /// <summary>A set target (read from a JS Set).</summary>
    public static bool TryGetSetElementType(Type type, out Type elementType)
    {
        if (type.IsGenericType && s_setDefinitions.Contains(type.GetGenericTypeDefinition()))
        {
            elementType = type.GetGenericArguments()[0];
            return true;
        }

        elementType = typeof(object);
        return false;
    }

    /// <summary>A value tuple target; <paramref name="elementTypes"/> are its elements in order, a nested <c>Rest</c> flattened.</summary>
    public static bool TryGetTupleElementTypes(Type type, out Type[] elementTypes)
    {
        if (!IsValueTuple(type))
        {
            elementTypes = Type.EmptyTypes;
            return false;
        }

        var arguments = type.GetGenericArguments();
        if (arguments.Length == 8 && TryGetTupleElementTypes(arguments[7], out var rest))
            elementTypes = arguments.Take(7).Concat(rest).ToArray();
        else
            elementTypes = arguments;
        return true;
    }

    public static bool IsValueTuple(Type type) => type.IsGenericType && s_tupleDefinitions.Contains(type.GetGenericTypeDefinition());

    /// <summary>The key type of a run-time dictionary value (its IDictionary&lt;,&gt; or IReadOnlyDictionary&lt;,&gt;), or null.</summary>
    public static Type? DictionaryKeyTypeOf(Type runtimeType)
    {
        foreach (var candidate in runtimeType.GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                return candidate.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>Whether a run-time value is a set (implements ISet&lt;T&gt; or IReadOnlySet&lt;T&gt;).</summary>
    public static bool IsSet(Type runtimeType) =>
        runtimeType.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));
}
