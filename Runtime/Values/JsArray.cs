using System.Collections;
using Microsoft.ClearScript;

namespace V8Host;

/// <summary>A JavaScript Array as a live <see cref="IList{T}"/>: reads and writes go to the array itself.</summary>
public sealed class JsArray : JsHandle, IList<object?>
{
    internal JsArray(Context context, long id)
        : base(context, id)
    {
    }

    /// <inheritdoc />
    public object? this[int index]
    {
        get => Use("get_Item", target => Context.Values.ToHost(ElementAt(target, index)));
        set => Use("set_Item", target => Items(target)[CheckIndex(target, index)] = Context.Values.ToEngine(value)!);
    }

    /// <summary>Reads element <paramref name="index"/> converted to <typeparamref name="T"/> (types.md).</summary>
    /// <exception cref="InvalidCastException">The element cannot be converted to <typeparamref name="T"/>.</exception>
    public T Get<T>(int index) =>
        Use("Get", target => Context.ConvertResult<T>(ElementAt(target, index), $"element [{index}]"));

    /// <summary>The array's <c>length</c>.</summary>
    /// <exception cref="NotSupportedException">The length exceeds <see cref="int.MaxValue"/> (JS arrays reach 2^32−1).</exception>
    public int Count => Use("Count", target => Length(target) is var length && length <= int.MaxValue
        ? (int)length
        : throw new NotSupportedException($"JsArray.Count: the JavaScript array's length ({length}) exceeds Int32.MaxValue."));

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>Appends an element (<c>push</c>).</summary>
    public void Add(object? item) => Use("Add", target => Context.Bridge.Append(target, Context.Values.ToEngine(item)));

    /// <summary>Sets <c>length</c> to 0.</summary>
    /// <exception cref="InvalidOperationException">The array is frozen or its length is read-only.</exception>
    public void Clear() => Use("Clear", target =>
    {
        if (!Context.Bridge.SetLength(target, 0))
            throw new InvalidOperationException("JsArray.Clear: the JavaScript array refused the new length (it is frozen or its length is read-only).");
    });

    /// <inheritdoc />
    public bool Contains(object? item) => IndexOf(item) >= 0;

    /// <inheritdoc />
    public void CopyTo(object?[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        foreach (var item in this)
            array[arrayIndex++] = item;
    }

    /// <summary>
    /// Index of the first element equal to <paramref name="item"/>, or -1. Primitives compare by value;
    /// a <see cref="JsHandle"/> matches the same JS object; a host-class instance matches its JS object.
    /// </summary>
    public int IndexOf(object? item) => Use("IndexOf", target =>
    {
        // One search inside V8 (strict equality, as Array.prototype.indexOf): a sparse array of
        // millions of slots costs no crossing per slot. Only values with a JS identity can match an
        // object; a .NET collection would be a new copy.
        object? wanted = item switch
        {
            JsHandle handle => Context.Resolve(handle, "JsArray.IndexOf"),
            null or string or bool or int or double or long or float or short or byte or sbyte or ushort or uint or ulong or decimal or char or System.Numerics.BigInteger or JsUndefined => Context.Values.ToEngine(item),
            _ when Context.HostClasses.TryGetJsObject(item, out var hostObject) => hostObject,
            _ => null,
        };
        return wanted is null && item is not null ? -1 : Context.Bridge.IndexOf(target, wanted);
    });

    /// <inheritdoc />
    public void Insert(int index, object? item) => Use("Insert", target =>
    {
        if (index < 0 || index > Length(target))
            throw new ArgumentOutOfRangeException(nameof(index), index, "Index must be within the array or at its end.");
        Context.Bridge.Insert(target, index, Context.Values.ToEngine(item));
    });

    /// <inheritdoc />
    public bool Remove(object? item)
    {
        var index = IndexOf(item);
        if (index < 0)
            return false;
        RemoveAt(index);
        return true;
    }

    /// <inheritdoc />
    public void RemoveAt(int index) => Use("RemoveAt", target => Context.Bridge.RemoveAt(target, CheckIndex(target, index)));

    /// <summary>A snapshot of the elements, taken when enumeration starts.</summary>
    /// <exception cref="NotSupportedException">The length exceeds <see cref="int.MaxValue"/>.</exception>
    public IEnumerator<object?> GetEnumerator() =>
        Use("GetEnumerator", target =>
        {
            var length = Length(target);
            var count = length <= int.MaxValue ? (int)length : throw new NotSupportedException("JsArray: the JavaScript array's length exceeds Int32.MaxValue.");
            return Context.Values.SnapshotElements(target, count, "JsArray.GetEnumerator");
        }).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IList<object> Items(ScriptObject target) => (IList<object>)target;

    // One engine call for an element that is not undefined; only an undefined one may be past the end.
    private object ElementAt(ScriptObject target, int index)
    {
        var value = index >= 0 ? Context.Bridge.ElementAt(target, index) : Undefined.Value;
        if (value is Undefined)
            CheckIndex(target, index);
        return value;
    }

    private int CheckIndex(ScriptObject target, int index) =>
        index >= 0 && index < Length(target) ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "Index is outside the JavaScript array.");

    // `length` itself: ClearScript's IList.Count overflows past Int32.MaxValue.
    private long Length(ScriptObject target) =>
        (long)Convert.ToDouble(Context.Bridge.Get(target, "length"), System.Globalization.CultureInfo.InvariantCulture);
}
