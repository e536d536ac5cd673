using System.ComponentModel;
using V8Host.Engine;

namespace V8Host.Binding;

/// <summary>
/// Defines the properties of the JS object that a plain-data value becomes. One writer serves one
/// object of one conversion; it knows the type's name for error messages (<c>Order.total</c>).
/// </summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostDataWriter
{
    private readonly Marshaller? _marshaller;
    private readonly string _typeName;
    private readonly EngineCopies? _copies;

    // Converted [name, value, …]: the JS object is created from them in one engine call.
    private readonly List<object?>? _entries;

    // Bulk mode: the members become JSON text of the whole graph instead (Bulk/BulkJsonWriter.cs).
    private readonly Engine.Bulk.BulkJsonWriter? _bulk;
    private bool _written;

    internal HostDataWriter(Marshaller marshaller, string typeName, EngineCopies copies)
    {
        _marshaller = marshaller;
        _typeName = typeName;
        _copies = copies;
        _entries = new List<object?>();
    }

    internal HostDataWriter(Engine.Bulk.BulkJsonWriter bulk, string typeName)
    {
        _bulk = bulk;
        _typeName = typeName;
    }

    /// <summary>The converted entries written so far, as [name0, value0, name1, value1, …].</summary>
    internal object?[] Entries => _entries!.ToArray();

    /// <summary>
    /// Defines the own data property <paramref name="name"/> (the member's JS name) with
    /// <paramref name="value"/> converted per types.md: nested plain data and collections are
    /// copied, <c>long</c> beyond ±(2^53-1) becomes a bigint, a <c>decimal</c> with no exact
    /// JavaScript number is an error naming <c>Type.name</c>.
    /// </summary>
    /// <typeparam name="T">The member's declared type.</typeparam>
    /// <exception cref="ArgumentException">The value (or something it contains) cannot cross, or it contains a cycle.</exception>
    public void Set<T>(string name, T value)
    {
        ArgumentNullException.ThrowIfNull(name);
        SetValue(name, value, decimalAsString: false);
    }

    /// <summary>The reflection converter's entry: <paramref name="decimalAsString"/> is <c>[HostDecimalAsString]</c> on the member.</summary>
    internal void SetValue(string name, object? value, bool decimalAsString)
    {
        if (_bulk is not null)
        {
            _bulk.WriteMember(_typeName, name, value, decimalAsString, first: !_written);
            _written = true;
            return;
        }

        _entries!.Add(name);
        _entries.Add(_marshaller!.ToEngineMember(_typeName, name, value, decimalAsString, _copies!));
    }
}
