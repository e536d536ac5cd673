using System.Collections.Concurrent;
using System.ComponentModel;

namespace V8Host.Binding;

/// <summary>Writes the data members of a plain-data value onto the JS object that represents it (api.md §5).</summary>
/// <param name="value">The .NET value; never null (null crosses as JS <c>null</c> without a converter).</param>
/// <param name="writer">Defines the JS object's own properties.</param>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void HostDataWrite(object value, HostDataWriter writer);

/// <summary>Creates a plain-data value from the JS object that represents it (api.md §5).</summary>
/// <param name="reader">Reads and converts the JS object's properties.</param>
/// <returns>The new .NET value.</returns>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object HostDataRead(HostDataReader reader);

/// <summary>
/// The by-value converter of one plain-data type (a record, POCO or struct that crosses as a copy):
/// how its values become plain JS objects and how JS objects become its values. The source generator
/// registers one per plain-data type it sees; other types get a converter built once at run time
/// from reflection, following the same rules (<c>V8Host.Shared.PlainData</c>).
/// </summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostDataBinding
{
    private static readonly ConcurrentDictionary<Type, HostDataBinding> s_registered = new();
    private static int s_generation;

    /// <summary>Changes whenever a binding is registered: what was derived from the registered bindings (bulk schemas) is stale then.</summary>
    internal static int Generation => Volatile.Read(ref s_generation);

    /// <summary>Creates a converter for <paramref name="type"/>.</summary>
    /// <param name="type">The plain-data type.</param>
    /// <param name="write">Writes a value's members (the value is of <paramref name="type"/>).</param>
    /// <param name="read">Creates a value from a JS object; <see langword="null"/> when generated code cannot (init-only members of a non-record class): the run-time converter reads it.</param>
    /// <param name="typeScript">The type's TypeScript declaration (<c>interface Order { … }</c>), if known.</param>
    /// <exception cref="ArgumentNullException"><paramref name="type"/> or <paramref name="write"/> is null.</exception>
    public HostDataBinding(Type type, HostDataWrite write, HostDataRead? read, string? typeScript = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(write);
        Type = type;
        Write = write;
        Read = read;
        TypeScript = typeScript;
        DisplayName = Engine.PlainDataConverter.DisplayNameOf(type);
    }

    /// <summary>The plain-data type.</summary>
    public Type Type { get; }

    /// <summary>The type's TypeScript declaration, or <see langword="null"/>.</summary>
    public string? TypeScript { get; }

    internal HostDataWrite Write { get; }

    internal HostDataRead? Read { get; }

    /// <summary>
    /// The JS names a read asks for, read from the source object in one engine call: the reflection
    /// converter declares them; a registered binding's are learnt from its first read.
    /// </summary>
    internal string[]? Fields { get; set; }

    /// <summary>
    /// The .NET types <see cref="Fields"/> are read as, in the same order (what a bulk read walks
    /// into): the reflection converter declares them; a registered binding's are learnt with its fields.
    /// </summary>
    internal Type[]? FieldTypes { get; set; }

    /// <summary>How error messages name the type ("Order").</summary>
    internal string DisplayName { get; }

    /// <summary>
    /// Registers <paramref name="binding"/> for its type, process-wide (every isolate and context);
    /// a registered binding is used instead of the run-time reflection converter. Registering the
    /// same type again replaces the earlier binding.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="binding"/> is null.</exception>
    public static void Register(HostDataBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        s_registered[binding.Type] = binding;
        Interlocked.Increment(ref s_generation);
    }

    /// <summary>The registered binding of <paramref name="type"/>, or null.</summary>
    internal static HostDataBinding? Registered(Type type) => s_registered.TryGetValue(type, out var binding) ? binding : null;
}
