namespace V8Host.Engine;

/// <summary>
/// The .NET half of a set-like live view: an <see cref="ISet{T}"/>, or an <see cref="ICollection{T}"/>
/// that is neither a list nor a dictionary (whose <c>add</c> may then keep duplicates, as the
/// collection's own Add does).
/// </summary>
internal abstract class LiveSetShape : LiveShape
{
    protected LiveSetShape(Type collectionType, Type elementType)
        : base(collectionType, elementType)
    {
    }

    public override LiveKind Kind => LiveKind.Set;

    /// <summary>Whether the collection contains the JS value; a value that is not a T is in no collection of T.</summary>
    public abstract bool Has(Context context, object collection, object? value, string member);

    public abstract void Add(Context context, object collection, object? value, string member);

    public abstract bool Delete(Context context, object collection, object? value, string member);

    public abstract void Clear(object collection, string member);

    /// <summary>The elements, copied: JS iterates the copy, so changing the collection meanwhile is safe.</summary>
    public abstract object?[] Items(object collection);
}

/// <inheritdoc cref="LiveSetShape"/>
internal sealed class LiveSetShape<T> : LiveSetShape
{
    public LiveSetShape(Type collectionType)
        : base(collectionType, typeof(T))
    {
    }

    public override int Count(object collection) => ((ICollection<T>)collection).Count;

    public override bool IsReadOnly(object collection) => ((ICollection<T>)collection).IsReadOnly;

    public override bool Has(Context context, object collection, object? value, string member) =>
        TryConvert(context, value, member, out var element) && ((ICollection<T>)collection).Contains(element);

    public override void Add(Context context, object collection, object? value, string member)
    {
        var typed = (ICollection<T>)collection;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        typed.Add(ToElement<T>(context, value, $"{member}.add: value"));
    }

    public override bool Delete(Context context, object collection, object? value, string member)
    {
        var typed = (ICollection<T>)collection;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        return TryConvert(context, value, member, out var element) && typed.Remove(element);
    }

    public override void Clear(object collection, string member)
    {
        var typed = (ICollection<T>)collection;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        typed.Clear();
    }

    public override object?[] Items(object collection)
    {
        var typed = (ICollection<T>)collection;
        var copy = new T[typed.Count];
        typed.CopyTo(copy, 0);
        var items = new object?[copy.Length];
        for (var i = 0; i < copy.Length; i++)
            items[i] = copy[i];
        return items;
    }

    // Set.prototype.has never throws for a value of another type: it is simply not there.
    private static bool TryConvert(Context context, object? value, string member, out T element)
    {
        try
        {
            element = ToElement<T>(context, value, $"{member}: value");
            return true;
        }
        catch (ConversionException)
        {
            element = default!;
            return false;
        }
    }
}
