using System.ComponentModel;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Binding;

/// <summary>The JavaScript return value of one host call, written by generated bindings.</summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct HostResult
{
    private readonly V8FastResult _result;
    private readonly Context _context;

    internal HostResult(Context context, V8FastResult result)
    {
        _context = context;
        _result = result;
    }

    /// <summary>Returns <c>undefined</c>.</summary>
    public void SetUndefined() => _result.SetUndefined();

    /// <summary>Returns a boolean.</summary>
    public void Set(bool value) => _result.Set(value);

    /// <summary>Returns a number.</summary>
    public void Set(int value) => _result.Set(value);

    /// <summary>Returns a number.</summary>
    public void Set(double value) => _result.Set(value);

    /// <summary>Returns a string, or <c>null</c>.</summary>
    public void Set(string? value)
    {
        if (value is null)
            _result.SetNull();
        else
            _result.Set(value);
    }

    /// <summary>Returns any other types.md row (collections are copied, tasks become promises, host-class instances keep identity).</summary>
    public void SetObject(object? value) => _context.HostCalls.SetReturnValue(_result, value, null, decimalAsString: false);

    /// <summary>Returns a value whose conversion may fail (a decimal with no exact JS number): the error names <paramref name="member"/>.</summary>
    public void SetObject(object? value, string member) => _context.HostCalls.SetReturnValue(_result, value, member + ": return value", decimalAsString: false);

    /// <summary>Returns a <c>[HostDecimalAsString]</c> result: its decimals cross as strings.</summary>
    public void SetDecimalAsString(object? value) => _context.HostCalls.SetReturnValue(_result, value, null, decimalAsString: true);

    /// <summary>
    /// Returns a live view of a mutable .NET collection (api.md §5): JS gets it by reference, so
    /// <c>order.items.push(x)</c> changes the .NET list, and the same collection instance is the same JS
    /// object (<c>order.items === order.items</c>) for as long as JS holds it.
    /// </summary>
    /// <param name="collection">
    /// An <see cref="IList{T}"/> (a JS Array view), an <see cref="IDictionary{TKey,TValue}"/> with string
    /// keys (a plain-object view), or an <see cref="ISet{T}"/> or other <see cref="ICollection{T}"/> (a
    /// Set-like view); the shape is read from its run-time type. <see langword="null"/> returns
    /// <c>null</c>; an array or another value without a live shape is converted like
    /// <see cref="SetObject(object)"/> (a copy).
    /// </param>
    /// <param name="member">The member as JS names it ("Order.items"), shown in the view's errors ("Order.items[3] expects …").</param>
    /// <remarks>
    /// Elements convert with the runtime's types.md rules each time they cross. A write JS makes that
    /// the collection cannot take (wrong element type, read-only or fixed-size collection, an index past
    /// the end of a list) is a TypeError or RangeError naming the member, never a silent drop.
    /// </remarks>
    public void SetLive(object? collection, string member)
    {
        ArgumentException.ThrowIfNullOrEmpty(member);
        _context.LiveCollections.SetResult(_result, collection, member);
    }
}
