using System.Collections;
using System.Collections.Concurrent;

namespace V8Host.Engine;

/// <summary>Which JS view a live collection gets; the numbers are shared with LiveCollections.js.</summary>
internal enum LiveKind
{
    List = 0,
    Dictionary = 1,
    Set = 2,
}

/// <summary>
/// How one .NET collection type is viewed live from JavaScript: a list (<see cref="IList{T}"/>), a
/// string-keyed dictionary (<see cref="IDictionary{TKey,TValue}"/>), or a set-like collection
/// (<see cref="ISet{T}"/>, or an <see cref="ICollection{T}"/> that is neither). Detected from the
/// run-time type once and cached; the typed subclasses do the element work without reflection.
/// </summary>
internal abstract class LiveShape
{
    private static readonly ConcurrentDictionary<Type, (LiveShape? Shape, string? Ambiguity)> s_shapes = new();

    protected LiveShape(Type collectionType, Type elementType)
    {
        CollectionType = collectionType;
        ElementType = elementType;
        TypeName = DisplayName(collectionType);
        // Reference types and Nullable<T> hold null; a JS undefined or null converts to it.
        AcceptsNull = !elementType.IsValueType || Nullable.GetUnderlyingType(elementType) is not null;
    }

    public abstract LiveKind Kind { get; }

    public Type CollectionType { get; }

    public Type ElementType { get; }

    /// <summary>The collection type as error messages show it ("List&lt;Int32&gt;").</summary>
    public string TypeName { get; }

    public bool AcceptsNull { get; }

    public abstract int Count(object collection);

    public abstract bool IsReadOnly(object collection);

    /// <summary>
    /// The live shape of <paramref name="type"/>, or null when it has none (arrays, read-only
    /// interfaces only, dictionaries with non-string keys): such values cross as copies.
    /// </summary>
    /// <exception cref="ConversionException">The type implements a collection interface for more than one element type.</exception>
    public static LiveShape? Of(Type type, string member)
    {
        var (shape, ambiguity) = s_shapes.GetOrAdd(type, Create);
        return ambiguity is null
            ? shape
            : throw new ConversionException(JsErrorKind.TypeError, $"{member}: the .NET type {DisplayName(type)} {ambiguity}; a live view needs exactly one.");
    }

    private static (LiveShape? Shape, string? Ambiguity) Create(Type type)
    {
        if (type.IsArray || type == typeof(string))
            return (null, null);
        var interfaces = type.IsInterface ? type.GetInterfaces().Append(type).ToArray() : type.GetInterfaces();

        var dictionaries = Implemented(interfaces, typeof(IDictionary<,>));
        if (dictionaries.Length > 0)
        {
            // A dictionary with other keys is the Map row of types.md: a copy, never a list of pairs.
            var stringKeyed = dictionaries.Where(d => d.GetGenericArguments()[0] == typeof(string)).ToArray();
            if (stringKeyed.Length == 0)
                return (null, null);
            return dictionaries.Length == 1
                ? (Make(typeof(LiveDictionaryShape<>), type, stringKeyed[0].GetGenericArguments()[1]), null)
                : (null, "implements IDictionary<TKey, TValue> more than once");
        }

        foreach (var (definition, implementation) in new[] { (typeof(IList<>), typeof(LiveListShape<>)), (typeof(ISet<>), typeof(LiveSetShape<>)), (typeof(ICollection<>), typeof(LiveSetShape<>)) })
        {
            var found = Implemented(interfaces, definition);
            if (found.Length > 1)
                return (null, $"implements {definition.Name[..^2]}<T> for more than one T");
            if (found.Length == 1)
                return (Make(implementation, type, found[0].GetGenericArguments()[0]), null);
        }

        return (null, null);
    }

    private static Type[] Implemented(Type[] interfaces, Type definition) =>
        interfaces.Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == definition).ToArray();

    private static LiveShape Make(Type implementation, Type collectionType, Type elementType) =>
        (LiveShape)Activator.CreateInstance(implementation.MakeGenericType(elementType), collectionType)!;

    /// <summary>"List&lt;Int32&gt;", "Dictionary&lt;String, Item&gt;": the C# spelling without namespaces.</summary>
    internal static string DisplayName(Type type)
    {
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`');
        return $"{(tick < 0 ? name : name[..tick])}<{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}>";
    }

    /// <summary>Throws the JS TypeError for a write to a read-only collection.</summary>
    protected void ThrowIfReadOnly(bool readOnly, string member)
    {
        if (readOnly)
            throw new ConversionException(JsErrorKind.TypeError, $"{member} is read-only: the .NET {TypeName} cannot be changed from JavaScript.");
    }

    /// <summary>A fixed-size list (IList.IsFixedSize) takes element writes but no insertions or removals.</summary>
    protected void ThrowIfFixedSize(object collection, string member)
    {
        if (collection is IList { IsFixedSize: true })
            throw new ConversionException(JsErrorKind.TypeError, $"{member} has a fixed size: elements of the .NET {TypeName} can be replaced, not added or removed.");
    }

    /// <summary>A JS value as an element: the runtime's typed conversion, naming the element in errors.</summary>
    protected static T ToElement<T>(Context context, object? value, string what) =>
        (T)context.Values.ToClr(value, typeof(T), what)!;
}
