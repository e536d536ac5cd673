using System.ComponentModel;
using Microsoft.ClearScript;
using V8Host.Engine;
using V8Host.Shared;

namespace V8Host.Binding;

/// <summary>
/// Reads the properties of the JS object a plain-data value is created from. One reader serves one
/// object of one conversion; it knows the type's name for error messages (<c>Order.total</c>).
/// A property is present when reading it (inherited properties and getters included) gives
/// anything but <c>undefined</c>.
/// </summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostDataReader
{
    private readonly Marshaller _marshaller;
    private readonly ScriptObject? _source;
    private readonly HostDataBinding _binding;
    private readonly string _typeName;

    // The binding's fields, read in one engine call before the first Get; a name outside them
    // (a converter that reads different members per value) is read on its own.
    private readonly string[]? _fields;
    private readonly object?[]? _values;
    private readonly string[]? _whats;
    private List<string>? _requested;
    private List<Type>? _requestedTypes;

    internal HostDataReader(Marshaller marshaller, ScriptObject source, HostDataBinding binding)
    {
        _marshaller = marshaller;
        _source = source;
        _binding = binding;
        _typeName = binding.DisplayName;
        _fields = binding.Fields;
        if (_fields is null)
        {
            _requested = new List<string>();
            _requestedTypes = new List<Type>();
            return;
        }

        // Null when the glue refused the batch (long strings): each field is then read on its own.
        _values = marshaller.TakePrefetched(source, _fields) ?? marshaller.ReadFields(source, _fields, _typeName);
        if (_values is null)
            _fields = null;
    }

    /// <summary>
    /// A reader of values the bulk walker read already (Marshaller.Bulk.cs): <paramref name="values"/>
    /// are the properties <paramref name="fields"/>, in order, and <paramref name="whats"/> how errors
    /// name them. A converter that asks for another
    /// property makes the bulk read give way to the per-value one.
    /// </summary>
    internal HostDataReader(Marshaller marshaller, HostDataBinding binding, string[] fields, string[] whats, object?[] values)
    {
        _marshaller = marshaller;
        _binding = binding;
        _typeName = binding.DisplayName;
        _fields = fields;
        _whats = whats;
        _values = values;
    }

    /// <summary>
    /// After a converter ran: a binding without declared fields learns them, and the types it read
    /// them as, from its first read (generated converters read the same names every time).
    /// </summary>
    internal void Complete()
    {
        if (_requested is not { Count: > 0 } || _binding.Fields is not null)
            return;
        // Types first: a bulk schema takes a binding's fields only with their types.
        _binding.FieldTypes = _requestedTypes!.ToArray();
        _binding.Fields = _requested.ToArray();
    }

    /// <summary>
    /// A required member: property <paramref name="name"/> converted to <typeparamref name="T"/>.
    /// Absent or <c>undefined</c> is a <c>TypeError</c> "Order.total: missing property 'total'"
    /// unless <typeparamref name="T"/> is a nullable value type (then <see langword="null"/>);
    /// <c>null</c> is accepted only by a nullable value type.
    /// </summary>
    /// <param name="name">The member's JS name.</param>
    /// <param name="nullElements">The elements of a collection member may be null.</param>
    public T Get<T>(string name, bool nullElements = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryRead(name, typeof(T), allowNull: false, nullElements, decimalAsString: false, out var value))
            return (T)value!;
        return Nullable.GetUnderlyingType(typeof(T)) is not null
            ? default!
            : throw new ConversionException(JsErrorKind.TypeError, PlainData.MissingMessage(_typeName, name));
    }

    /// <summary>
    /// An optional member (a settable or <c>init</c> member, or a parameter with a default): false
    /// when property <paramref name="name"/> is absent or <c>undefined</c>; otherwise converts it
    /// (a wrong type is still an error naming <c>Type.name</c>). <c>null</c> is accepted for
    /// reference types and nullable value types.
    /// </summary>
    /// <param name="name">The member's JS name.</param>
    /// <param name="value">The converted value, or <see langword="default"/> when absent.</param>
    /// <param name="nullElements">The elements of a collection member may be null.</param>
    public bool TryGet<T>(string name, out T value, bool nullElements = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryRead(name, typeof(T), allowNull: true, nullElements, decimalAsString: false, out var read))
        {
            value = (T)read!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The reflection converter's entry, with the member's own options.</summary>
    internal bool TryRead(string name, Type type, bool allowNull, bool nullElements, bool decimalAsString, out object? value)
    {
        var index = _fields is null ? -1 : Array.IndexOf(_fields, name);
        if (index >= 0 && _whats is not null)
            return _marshaller.ConvertNamedMember(_values![index], _whats[index], name, type, allowNull, nullElements, decimalAsString, out value);
        return _marshaller.ConvertMember(index >= 0 ? _values![index] : Raw(name, type), _typeName, name, type, allowNull, nullElements, decimalAsString, out value);
    }

    // A property outside the fields read in advance.
    private object? Raw(string name, Type type)
    {
        _requested?.Add(name);
        _requestedTypes?.Add(type);
        return _marshaller.ReadProperty(_source ?? throw new Engine.Bulk.BulkFallback(), name);
    }
}
