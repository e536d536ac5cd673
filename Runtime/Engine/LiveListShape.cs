namespace V8Host.Engine;

/// <summary>
/// The .NET half of a live list view (an <see cref="IList{T}"/> seen from JS as an Array). A .NET list
/// has no holes, which decides every edge the JS Array allows: writing past the end, deleting an
/// element in the middle, or growing <c>length</c> with elements that cannot be null is a precise
/// error instead of a silently different list.
/// </summary>
internal abstract class LiveListShape : LiveShape
{
    protected LiveListShape(Type collectionType, Type elementType)
        : base(collectionType, elementType)
    {
    }

    public override LiveKind Kind => LiveKind.List;

    /// <summary>The element at <paramref name="index"/>, or false past the end.</summary>
    public abstract bool TryGet(object list, double index, out object? item);

    /// <summary><c>view[index] = value</c>: replaces an element, or appends at <c>index == Count</c>.</summary>
    public abstract void Set(Context context, object list, double index, object? value, string member);

    /// <summary><c>view.length = length</c>: truncates; grows only with null elements (see remarks in the implementation).</summary>
    public abstract void SetLength(Context context, object list, double length, string member);

    /// <summary><c>delete view[index]</c>: only the last element can go (pop); true past the end, where nothing is.</summary>
    public abstract bool Delete(object list, double index, string member);

    /// <summary>Removes and returns the element at <paramref name="index"/> (pop, shift).</summary>
    public abstract object? RemoveAt(object list, int index, string member);

    /// <summary>Appends <paramref name="values"/> (JS values), all converted before the list changes; returns the new count.</summary>
    public abstract int Push(Context context, object list, object?[] values, string member);

    /// <summary>
    /// Replaces <paramref name="deleteCount"/> elements at <paramref name="start"/> by <paramref name="values"/>
    /// (splice, unshift), all converted before the list changes; returns the new count.
    /// </summary>
    public abstract int Splice(Context context, object list, int start, int deleteCount, object?[] values, string member);
}

/// <inheritdoc cref="LiveListShape"/>
internal sealed class LiveListShape<T> : LiveListShape
{
    // Growing `length` allocates; the same budget bounds it as a typed read of that many elements.
    private const long SlotCost = 16;

    public LiveListShape(Type collectionType)
        : base(collectionType, typeof(T))
    {
    }

    public override int Count(object collection) => ((ICollection<T>)collection).Count;

    public override bool IsReadOnly(object collection) => ((ICollection<T>)collection).IsReadOnly;

    public override bool TryGet(object list, double index, out object? item)
    {
        var typed = (IList<T>)list;
        if (index < typed.Count)
        {
            item = typed[(int)index];
            return true;
        }

        item = null;
        return false;
    }

    public override void Set(Context context, object list, double index, object? value, string member)
    {
        var typed = (IList<T>)list;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        var count = typed.Count;
        if (index > count)
            throw PastTheEnd(index, count, member);
        var element = ToElement<T>(context, value, Element(member, index));
        if (index < count)
        {
            typed[(int)index] = element;
            return;
        }

        ThrowIfFixedSize(list, member);
        typed.Add(element);
    }

    /// <remarks>
    /// Shrinking removes elements from the end, as for an Array. Growing would leave holes, which a .NET
    /// list cannot have; a list whose elements can be null is padded with null, exactly what writing
    /// <c>undefined</c> to each new index stores. Elements that cannot be null (Int32, a struct) make it
    /// a RangeError: push the elements instead.
    /// </remarks>
    public override void SetLength(Context context, object list, double length, string member)
    {
        var typed = (IList<T>)list;
        var count = typed.Count;
        if (length == count)
            return;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        ThrowIfFixedSize(list, member);
        if (length < count)
        {
            var keep = (int)length;
            if (typed is List<T> concrete)
                concrete.RemoveRange(keep, count - keep);
            else
            {
                for (var i = count - 1; i >= keep; i--)
                    typed.RemoveAt(i);
            }

            return;
        }

        if (!AcceptsNull)
        {
            throw new ConversionException(
                JsErrorKind.RangeError,
                $"{member}: cannot grow the length from {count} to {Format(length)}: a .NET list has no holes and its {LiveShape.DisplayName(typeof(T))} elements cannot be null; push the elements instead.");
        }

        if (length > Array.MaxLength || (length - count) * SlotCost > context.Options.MaxConversionBytes)
            throw new ConversionException(JsErrorKind.RangeError, $"{member}: cannot grow the length from {count} to {Format(length)}: more than IsolateOptions.MaxConversionBytes allows.");
        var added = (int)length - count;
        if (typed is List<T> growable)
            growable.AddRange(new T[added]);
        else
        {
            for (var i = 0; i < added; i++)
                typed.Add(default!);
        }
    }

    public override bool Delete(object list, double index, string member)
    {
        var typed = (IList<T>)list;
        var count = typed.Count;
        if (index >= count)
            return true;
        if (index != count - 1)
        {
            throw new ConversionException(
                JsErrorKind.TypeError,
                $"{Element(member, index)} cannot be deleted: a .NET list has no holes; use splice({Format(index)}, 1) to remove it.");
        }

        RemoveAt(list, count - 1, member);
        return true;
    }

    public override object? RemoveAt(object list, int index, string member)
    {
        var typed = (IList<T>)list;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        ThrowIfFixedSize(list, member);
        var item = typed[index];
        typed.RemoveAt(index);
        return item;
    }

    public override int Push(Context context, object list, object?[] values, string member)
    {
        var typed = (IList<T>)list;
        if (values.Length == 0)
            return typed.Count;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        ThrowIfFixedSize(list, member);
        var elements = Convert(context, values, typed.Count, member);
        if (typed is List<T> concrete)
            concrete.AddRange(elements);
        else
        {
            foreach (var element in elements)
                typed.Add(element);
        }

        return typed.Count;
    }

    public override int Splice(Context context, object list, int start, int deleteCount, object?[] values, string member)
    {
        var typed = (IList<T>)list;
        var count = typed.Count;
        // The glue clamps both against the count it read; a valueOf that changed the list meanwhile lands here.
        if (start < 0 || start > count || deleteCount < 0 || deleteCount > count - start)
            throw new ConversionException(JsErrorKind.RangeError, $"{member}: splice({start}, {deleteCount}) is out of range for a list of {count} elements (the list changed during the call).");
        if (deleteCount == 0 && values.Length == 0)
            return count;
        ThrowIfReadOnly(typed.IsReadOnly, member);
        if (deleteCount != values.Length)
            ThrowIfFixedSize(list, member);
        var elements = Convert(context, values, start, member);

        var replaced = Math.Min(deleteCount, elements.Length);
        for (var i = 0; i < replaced; i++)
            typed[start + i] = elements[i];
        if (deleteCount > replaced)
        {
            var removeAt = start + replaced;
            if (typed is List<T> shrinking)
                shrinking.RemoveRange(removeAt, deleteCount - replaced);
            else
            {
                for (var i = deleteCount - replaced; i > 0; i--)
                    typed.RemoveAt(removeAt);
            }
        }
        else if (elements.Length > replaced)
        {
            var insertAt = start + replaced;
            if (typed is List<T> growing)
                growing.InsertRange(insertAt, elements[replaced..]);
            else
            {
                for (var i = replaced; i < elements.Length; i++)
                    typed.Insert(insertAt++, elements[i]);
            }
        }

        return typed.Count;
    }

    private static T[] Convert(Context context, object?[] values, int firstIndex, string member)
    {
        var elements = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
            elements[i] = ToElement<T>(context, values[i], Element(member, firstIndex + i));
        return elements;
    }

    private static string Element(string member, double index) => $"{member}[{Format(index)}]";

    private static string Format(double number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ConversionException PastTheEnd(double index, int count, string member) =>
        new(JsErrorKind.RangeError, $"{Element(member, index)}: index {Format(index)} is past the end of the list (length {count}); a .NET list has no holes, so elements are added at the end (push).");
}
