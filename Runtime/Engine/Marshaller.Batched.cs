using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>
/// Batched reads for typed conversions: array elements, Map and Set entries and plain-data fields
/// cross from V8 in chunks handed back through one fast host call (DataGlue.js readers), instead
/// of one engine call per value.
/// </summary>
internal sealed partial class Marshaller
{
    private const int ReadChunk = 256;
    private (ScriptObject Fields, ScriptObject Elements, ScriptObject Rows, ScriptObject Entries)? _readers;
    private object?[]? _received;

    private bool _receivedTooMuch;

    // Each string becomes a .NET copy as it is received: once the strings of a batch would exceed
    // what is left of MaxConversionBytes, the rest are not copied and the read fails (the
    // conversion itself charges the strings it keeps, as for values read one at a time).
    private (ScriptObject Fields, ScriptObject Elements, ScriptObject Rows, ScriptObject Entries) Readers => _readers ??= Glue.Readers(new V8FastHostFunction("receive", (bool _, in V8FastArgs args, in V8FastResult _) =>
    {
        var values = new object?[args.Count];
        var left = _context.Options.MaxConversionBytes - _conversionSpent;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = args.IsUndefined(i) ? Undefined.Value : args.Get<object>(i);
            if (values[i] is string text && (left -= 2L * text.Length) < 0)
            {
                _receivedTooMuch = true;
                break;
            }
        }

        _received = values;
    }));

    // The glue calls the receiver last, after any getter (script code, which may convert values
    // itself) has run, so a nested batch never overwrites this one. Null: the glue refused the
    // batch (it holds long strings); the caller reads it one value at a time.
    private object?[]? Receive(Func<object> read, string what) =>
        Receive(read, what, out var status) is { } values && status is true ? values : null;

    // As above, for a reader whose result says more than done (true) or refused (false): `status` is
    // that result, and the values are handed back whenever it is not false.
    private object?[]? Receive(Func<object> read, string what, out object status)
    {
        _received = null;
        _receivedTooMuch = false;
        GlueCalls++;
        status = read();
        if (status is false)
            return null;
        var values = _received ?? throw new InvalidOperationException("The data glue did not hand back the values it read.");
        _received = null;
        if (_receivedTooMuch)
        {
            _receivedTooMuch = false;
            Charge(_context.Options.MaxConversionBytes + 1, what);
        }

        return values;
    }

    // Fields of the element ToList is converting, read with its chunk; ReadPlainData takes them
    // when it reads that very object.
    private (ScriptObject Source, ArraySegment<object?> Values)? _prefetched;

    /// <summary>The fields a plain-data element type reads (so a list of it is read in chunks of rows), or null.</summary>
    private string[]? PlainDataFields(Type elementType)
    {
        var type = Nullable.GetUnderlyingType(elementType) ?? elementType;
        if (type == typeof(object) || type == typeof(string) || type.IsPrimitive || typeof(JsHandle).IsAssignableFrom(type) || _context.HostClasses.IsDefined(type))
            return null;
        return PlainDataConverter.For(type)?.Fields;
    }

    /// <summary>All elements of an array the glue built (Map entries, Set values), read in chunks.</summary>
    private object?[] ReadElements(ScriptObject array, int length, string what)
    {
        var values = new object?[length];
        for (var start = 0; start < length; start += ReadChunk)
        {
            if (start > 0)
                _context.ThrowIfTerminated(what);
            ReadElementChunk(array, start, Math.Min(ReadChunk, length - start), what).CopyTo(values, start);
        }

        return values;
    }

    /// <summary>
    /// The first <paramref name="count"/> elements of <paramref name="array"/> as .NET values (<see cref="ToHost"/>),
    /// read in chunks: a JsArray's snapshot. The list grows as chunks arrive, so a sparse array's length
    /// allocates nothing ahead, and the call's timeout is checked between chunks.
    /// </summary>
    internal List<object?> SnapshotElements(ScriptObject array, int count, string what)
    {
        var snapshot = new List<object?>(Math.Min(count, 1 << 16));
        for (var start = 0; start < count; start += ReadChunk)
        {
            if (start > 0)
                _context.ThrowIfTerminated(what);
            foreach (var item in ReadElementChunk(array, start, Math.Min(ReadChunk, count - start), what))
                snapshot.Add(ToHost(item));
        }

        return snapshot;
    }

    // One engine call, or one per element when the glue refused the chunk (long strings).
    private object?[] ReadElementChunk(ScriptObject array, int start, int size, string what)
    {
        if (Receive(() => Readers.Elements.Invoke(false, array, start, size), what) is { } chunk)
            return chunk;
        var values = new object?[size];
        for (var i = 0; i < size; i++)
            values[i] = Glue.Get(array, start + i);
        return values;
    }

    private static object[] RowsArguments(ScriptObject array, int start, int count, string[] fields)
    {
        var args = new object[fields.Length + 3];
        args[0] = array;
        args[1] = start;
        args[2] = count;
        fields.CopyTo(args, 3);
        return args;
    }

    /// <summary>The prefetched fields of <paramref name="source"/>, if ToList read them with its chunk.</summary>
    internal object?[]? TakePrefetched(ScriptObject source, string[] fields)
    {
        if (_prefetched is not { } prefetched || !ReferenceEquals(prefetched.Source, source) || prefetched.Values.Count != fields.Length)
            return null;
        _prefetched = null;
        return prefetched.Values.ToArray();
    }

    /// <summary>The values of <paramref name="names"/> on <paramref name="source"/>, read in one engine call (null: read them one at a time) (<see cref="Binding.HostDataReader"/>).</summary>
    internal object?[]? ReadFields(ScriptObject source, string[] names, string what) => Receive(() =>
    {
        var args = new object[names.Length + 1];
        args[0] = source;
        names.CopyTo(args, 1);
        return Readers.Fields.Invoke(false, args);
    }, what);

    /// <summary>
    /// The own enumerable string keys of <paramref name="source"/> (<c>Object.keys</c>, in its order), each with
    /// its value read by [[Get]] when <paramref name="withValues"/> (else null): one engine call per
    /// <see cref="ReadChunk"/> keys, where reading the keys and then each value was one engine call per key
    /// and per value.
    /// </summary>
    internal List<KeyValuePair<string, object?>> ReadEntries(ScriptObject source, bool withValues, string what)
    {
        var stride = withValues ? 2 : 1;
        var entries = new List<KeyValuePair<string, object?>>();
        object? keys = null;
        for (var start = 0; ; start += ReadChunk)
        {
            if (start > 0)
                _context.ThrowIfTerminated(what);
            var chunk = Receive(() => Readers.Entries.Invoke(false, source, keys, start, ReadChunk, withValues), what, out var next);
            if (chunk is null)
                return ReadEntriesOneByOne(source, keys as ScriptObject, start, withValues, entries, what);
            for (var i = 0; i + stride - 1 < chunk.Length; i += stride)
                entries.Add(new((string)chunk[i]!, withValues ? chunk[i + 1] : null));
            if (next is not ScriptObject more)
                return entries;
            keys = more;
        }
    }

    // The rest of ReadEntries after the glue refused a chunk (long strings): one engine call per key
    // and value, so a typed read checks MaxConversionBytes value by value.
    private List<KeyValuePair<string, object?>> ReadEntriesOneByOne(
        ScriptObject source, ScriptObject? keys, int start, bool withValues, List<KeyValuePair<string, object?>> entries, string what)
    {
        var rest = keys is null ? Glue.Keys(source).ToArray() : ReadElements(keys, (int)(AsDouble(Glue.Get(keys, "length")) ?? 0), what).Skip(start).Cast<string>().ToArray();
        for (var i = 0; i < rest.Length; i++)
        {
            if ((i & 255) == 255)
                _context.ThrowIfTerminated(what);
            entries.Add(new(rest[i], withValues ? Glue.Get(source, rest[i]) : null));
        }

        return entries;
    }

    /// <summary>One property of a plain-data source object, read on its own (not prefetched).</summary>
    internal object? ReadProperty(ScriptObject source, string name) => Glue.Get(source, name);
}
