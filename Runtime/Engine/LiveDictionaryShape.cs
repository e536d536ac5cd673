namespace V8Host.Engine;

/// <summary>The .NET half of a live dictionary view: an <see cref="IDictionary{TKey,TValue}"/> with string keys seen from JS as a plain object.</summary>
internal abstract class LiveDictionaryShape : LiveShape
{
    protected LiveDictionaryShape(Type collectionType, Type valueType)
        : base(collectionType, valueType)
    {
    }

    public override LiveKind Kind => LiveKind.Dictionary;

    public abstract bool TryGet(object dictionary, string key, out object? value);

    public abstract bool Has(object dictionary, string key);

    public abstract void Set(Context context, object dictionary, string key, object? value, string member);

    public abstract void Delete(object dictionary, string key, string member);

    /// <summary>The keys in the dictionary's own order, copied (a .NET enumerator must not outlive a change).</summary>
    public abstract string[] Keys(object dictionary);
}

/// <inheritdoc cref="LiveDictionaryShape"/>
internal sealed class LiveDictionaryShape<T> : LiveDictionaryShape
{
    public LiveDictionaryShape(Type collectionType)
        : base(collectionType, typeof(T))
    {
    }

    public override int Count(object collection) => ((ICollection<KeyValuePair<string, T>>)collection).Count;

    public override bool IsReadOnly(object collection) => ((ICollection<KeyValuePair<string, T>>)collection).IsReadOnly;

    public override bool TryGet(object dictionary, string key, out object? value)
    {
        if (((IDictionary<string, T>)dictionary).TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    public override bool Has(object dictionary, string key) => ((IDictionary<string, T>)dictionary).ContainsKey(key);

    public override void Set(Context context, object dictionary, string key, object? value, string member)
    {
        var typed = (IDictionary<string, T>)dictionary;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        typed[key] = ToElement<T>(context, value, $"{member}.{key}");
    }

    public override void Delete(object dictionary, string key, string member)
    {
        var typed = (IDictionary<string, T>)dictionary;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        typed.Remove(key);
    }

    public override string[] Keys(object dictionary)
    {
        var keys = ((IDictionary<string, T>)dictionary).Keys;
        var copy = new string[keys.Count];
        keys.CopyTo(copy, 0);
        return copy;
    }
}
