namespace V8Host.Engine;

/// <summary>Recognizes the collection types of types.md (arrays, lists, string-keyed dictionaries).</summary>
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

    public static bool TryGetDictionaryValueType(Type type, out Type valueType)
    {
        if (type.IsGenericType && s_dictionaryDefinitions.Contains(type.GetGenericTypeDefinition()) && type.GetGenericArguments()[0] == typeof(string))
        {
            valueType = type.GetGenericArguments()[1];
            return true;
        }

        valueType = typeof(object);
        return false;
    }
}
