using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Numerics;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine.Bulk;

/// <summary>
/// Writes a .NET plain-data graph as the JSON text BulkData.js <c>decode</c> builds in one engine
/// call: <c>[[item…],[patch…]]</c>. JSON carries what it says exactly: strings as UTF-16 (a lone
/// surrogate stays the code unit it was, which System.Text.Json would refuse or replace), finite
/// doubles in shortest round-trip form (-0 included), safe integers, booleans, null, plain objects
/// and arrays. Every other value is converted by the per-value path into an engine value of the side
/// list, and a patch (its path from the item array) puts it in place. Errors name the member as the
/// per-value path does (<c>Order.total</c>, <c>Order.lines[3]</c>).
/// </summary>
internal sealed class BulkJsonWriter : IDisposable
{
    /// <summary>A chunk of a top-level list is sent once it holds this many characters …</summary>
    public const int ChunkChars = 1 << 20;

    /// <summary>… or this many side values (each one an argument of the engine call).</summary>
    public const int ChunkSides = 1 << 12;

    // One item larger than this goes the per-value way: V8 strings stop at 2^29 - 24 characters,
    // and each side value is a call argument.
    private const int MaxChars = 1 << 28;
    private const int MaxSides = 1 << 15;

    private readonly Marshaller _marshaller;
    private readonly EngineCopies _copies;
    private readonly HashSet<object> _emitted = new(ReferenceEqualityComparer.Instance);
    private readonly List<object?> _side = new();
    private char[] _text = ArrayPool<char>.Shared.Rent(4096);
    private int _length;
    private char[] _patches = ArrayPool<char>.Shared.Rent(256);
    private int _patchLength;
    private PathKey[] _path = new PathKey[16];
    private int _depth;
    private int _items;

    public BulkJsonWriter(Marshaller marshaller, EngineCopies copies)
    {
        _marshaller = marshaller;
        _copies = copies;
        Begin();
    }

    /// <summary>Items written since the last <see cref="TakeChunk"/>.</summary>
    public int Items => _items;

    /// <summary>Whether the chunk is large enough to send.</summary>
    public bool ChunkFull => _length >= ChunkChars || _side.Count >= ChunkSides;

    /// <summary>
    /// Enters the top-level collection whose elements are the items, as the per-value path would
    /// (one level of depth; remembered, so it cannot reappear inside itself as a copy).
    /// </summary>
    public void EnterRoot(object collection)
    {
        Enter(collection);
    }

    /// <summary>Leaves the top-level collection.</summary>
    public void LeaveRoot() => _copies.Depth--;

    /// <summary>Writes the next item of the chunk.</summary>
    public void WriteItem(object? value, string? what)
    {
        if (_items > 0)
            Append(',');
        Push(new PathKey(null, _items));
        WriteValue(value, new What(what), decimalAsString: false);
        _depth--;
        _items++;
    }

    /// <summary>The chunk's text and side values; the writer then starts a new chunk.</summary>
    public (string Text, object?[] Side) TakeChunk()
    {
        Append(']');
        Append(',');
        Append('[');
        Append(_patches.AsSpan(0, _patchLength));
        Append(']');
        Append(']');
        var text = new string(_text, 0, _length);
        var side = _side.ToArray();
        _side.Clear();
        _patchLength = 0;
        _items = 0;
        Begin();
        return (text, side);
    }

    /// <summary>
    /// After the whole value is written: a collection the per-value path copied for a side value
    /// (inside a Map, say) that JSON also holds would be two JS objects instead of one.
    /// </summary>
    public void CheckShared()
    {
        foreach (var copied in _copies.Collections.Keys)
        {
            if (_emitted.Contains(copied))
                throw new BulkFallback();
        }
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_text);
        ArrayPool<char>.Shared.Return(_patches);
    }

    /// <summary>One member of a plain-data object (<see cref="Binding.HostDataWriter"/> in bulk mode).</summary>
    internal void WriteMember(string typeName, string name, object? value, bool decimalAsString, bool first)
    {
        if (!first)
            Append(',');
        WriteString(name);
        Append(':');
        Push(new PathKey(name, 0));
        WriteValue(value, new What(typeName, name), decimalAsString);
        _depth--;
    }

    private void Begin()
    {
        _length = 0;
        Append('[');
        Append('[');
    }

    private void WriteValue(object? value, What what, bool decimalAsString)
    {
        switch (value)
        {
            case null:
                Append("null");
                return;
            case string s:
                WriteString(s);
                return;
            case bool b:
                Append(b ? "true" : "false");
                return;
            case int i:
                WriteInteger(i);
                return;
            case double d:
                WriteNumber(d, what);
                return;
            case char c:
                WriteString(c.ToString());
                return;
            case sbyte or byte or short or ushort:
                WriteInteger(Convert.ToInt32(value, CultureInfo.InvariantCulture));
                return;
            case uint u:
                WriteInteger(u);
                return;
            case long l when l is >= -ExactNumber.MaxSafeInteger and <= ExactNumber.MaxSafeInteger:
                WriteInteger(l);
                return;
            case ulong ul when ul <= ExactNumber.MaxSafeInteger:
                WriteInteger((long)ul);
                return;
            case nint n:
                WriteValue((long)n, what, false);
                return;
            case nuint un:
                WriteValue((ulong)un, what, false);
                return;
            case float f:
                WriteNumber(f, what);
                return;
            case decimal m:
                if (decimalAsString)
                    WriteString(m.ToString(CultureInfo.InvariantCulture));
                else
                    WriteNumber(ExactNumber.FromDecimal(m, what.Text), what);
                return;
            case Enum e:
                WriteValue(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture), what, false);
                return;
            case byte[] bytes:
                WriteBytes(bytes);
                return;
            case ReadOnlyMemory<byte> rom:
                WriteBytes(rom.Span);
                return;
            case Memory<byte> memory:
                WriteBytes(memory.Span);
                return;
            case long or ulong or BigInteger or DateTime or DateTimeOffset or JsUndefined or JsHandle or Delegate or Task or ValueTask or IV8FastHostObject:
                WriteSide(value, what, decimalAsString);
                return;
        }

        if (value.GetType() is { IsGenericType: true } generic && generic.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            WriteSide(value, what, false);
            return;
        }

        if (ScalarRows.TryToEngine(value, out var scalar))
        {
            WriteValue(scalar, what, false);
            return;
        }

        if (_marshaller.IsHostObject(value))
        {
            WriteSide(value, what, false);
            return;
        }

        switch (EngineShape.Of(value))
        {
            case EngineShape.Kind.PlainData:
                WriteObject(value, what);
                return;
            case EngineShape.Kind.StringDictionary:
                var dictionary = (IDictionary)value;
                WriteDictionary(value, what, dictionary.Keys.Cast<string>().Select(key => (key, dictionary[key])));
                return;
            case EngineShape.Kind.ReadOnlyStringDictionary:
                WriteDictionary(value, what, EngineShape.Pairs(value).Select(pair => ((string)pair.Key!, pair.Value)));
                return;
            case EngineShape.Kind.Other when value is IEnumerable sequence:
                WriteArray(sequence, what);
                return;
            default:
                // Tuples, Maps and Sets, and what cannot cross (the per-value path words that error).
                WriteSide(value, what, false);
                return;
        }
    }

    private void WriteObject(object value, What what)
    {
        var binding = PlainDataConverter.For(value.GetType())!;
        if (_copies.Depth >= EngineCopies.MaxDepth || !_copies.Writing.Add(value))
            throw new BulkFallback();
        _copies.Depth++;
        try
        {
            Append('{');
            binding.Write(value, new Binding.HostDataWriter(this, binding.DisplayName));
            Append('}');
        }
        finally
        {
            _copies.Writing.Remove(value);
            _copies.Depth--;
        }
    }

    private void WriteArray(IEnumerable sequence, What what)
    {
        Enter(sequence);
        try
        {
            var parent = what.Text;
            Append('[');
            var index = 0;
            foreach (var item in sequence)
            {
                if (index > 0)
                    Append(',');
                Push(new PathKey(null, index));
                WriteValue(item, new What(parent, index), false);
                _depth--;
                index++;
            }

            Append(']');
        }
        finally
        {
            _copies.Depth--;
        }
    }

    private void WriteDictionary(object dictionary, What what, IEnumerable<(string Key, object? Value)> entries)
    {
        Enter(dictionary);
        try
        {
            var parent = what.Text;
            Append('{');
            var first = true;
            foreach (var (key, item) in entries)
            {
                if (!first)
                    Append(',');
                first = false;
                WriteString(key);
                Append(':');
                Push(new PathKey(key, 0));
                WriteValue(item, parent is null ? default : new What(parent, key), false);
                _depth--;
            }

            Append('}');
        }
        finally
        {
            _copies.Depth--;
        }
    }

    // A collection copy is one JS object however often the graph refers to it, which JSON cannot say.
    private void Enter(object collection)
    {
        if (_copies.Depth >= EngineCopies.MaxDepth || !_emitted.Add(collection) || _copies.Collections.ContainsKey(collection))
            throw new BulkFallback();
        _copies.Depth++;
    }

    // Bytes as a JSON array of numbers that a patch turns into a Uint8Array: no engine call per buffer.
    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Reserve(2 + 4 * bytes.Length);
        _text[_length++] = '[';
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0)
                _text[_length++] = ',';
            bytes[i].TryFormat(_text.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
            _length += written;
        }

        _text[_length++] = ']';
        WritePatch(-1);
    }

    private void WriteSide(object? value, What what, bool decimalAsString)
    {
        if (_side.Count >= MaxSides)
            throw new BulkFallback();
        var index = _side.Count;
        _side.Add(_marshaller.ToEngineValue(value, what.Text, decimalAsString, _copies));
        Append('0');
        WritePatch(index);
    }

    // The path of the value just written, then what goes there: a side value's index, or -1 for bytes.
    private void WritePatch(int index)
    {
        if (_patchLength > 0)
            AppendPatch(',');
        WritePatchInteger(_depth);
        for (var i = 0; i < _depth; i++)
        {
            AppendPatch(',');
            if (_path[i].Name is { } name)
                WriteJsonString(name, patch: true);
            else
                WritePatchInteger(_path[i].Index);
        }

        AppendPatch(',');
        WritePatchInteger(index);
    }

    private void WriteNumber(double value, What what)
    {
        if (!double.IsFinite(value))
        {
            WriteSide(value, what, false);
            return;
        }

        Reserve(32);
        // "R" is the shortest text that reads back as the same double ("-0", "1E+21"): JSON.parse reads it exactly.
        value.TryFormat(_text.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
        _length += written;
    }

    private void WriteInteger(long value)
    {
        Reserve(24);
        value.TryFormat(_text.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void WriteString(string value) => WriteJsonString(value, patch: false);

    // Escapes only what JSON requires (quote, backslash, control characters); every other UTF-16
    // code unit, a lone surrogate too, is copied as it is, and JSON.parse keeps it.
    private void WriteJsonString(string value, bool patch)
    {
        if (patch)
        {
            var start = _length;
            WriteJsonString(value, patch: false);
            var length = _length - start;
            while (_patchLength + length > _patches.Length)
                _patches = Grow(_patches, _patchLength);
            _text.AsSpan(start, length).CopyTo(_patches.AsSpan(_patchLength));
            _patchLength += length;
            _length = start;
            return;
        }

        Reserve(value.Length + 2);
        _text[_length++] = '"';
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= ' ' && c != '"' && c != '\\')
                continue;
            Append(value.AsSpan(run, i - run));
            Reserve(6);
            _text[_length++] = '\\';
            switch (c)
            {
                case '"':
                case '\\':
                    _text[_length++] = c;
                    break;
                case '\n':
                    _text[_length++] = 'n';
                    break;
                case '\r':
                    _text[_length++] = 'r';
                    break;
                case '\t':
                    _text[_length++] = 't';
                    break;
                default:
                    _text[_length++] = 'u';
                    _text[_length++] = '0';
                    _text[_length++] = '0';
                    _text[_length++] = "0123456789abcdef"[c >> 4];
                    _text[_length++] = "0123456789abcdef"[c & 15];
                    break;
            }

            run = i + 1;
        }

        Append(value.AsSpan(run));
        Append('"');
    }

    private void WritePatchInteger(int value)
    {
        if (_patchLength + 11 > _patches.Length)
            _patches = Grow(_patches, _patchLength);
        value.TryFormat(_patches.AsSpan(_patchLength), out var written, default, CultureInfo.InvariantCulture);
        _patchLength += written;
    }

    private void AppendPatch(char c)
    {
        if (_patchLength == _patches.Length)
            _patches = Grow(_patches, _patchLength);
        _patches[_patchLength++] = c;
    }

    private void Push(PathKey key)
    {
        if (_depth == _path.Length)
            Array.Resize(ref _path, _path.Length * 2);
        _path[_depth++] = key;
    }

    private void Append(char c)
    {
        Reserve(1);
        _text[_length++] = c;
    }

    private void Append(string text) => Append(text.AsSpan());

    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }

    private void Reserve(int more)
    {
        if (_length + more <= _text.Length)
            return;
        if ((long)_length + more > MaxChars)
            throw new BulkFallback();
        while (_length + more > _text.Length)
            _text = Grow(_text, _length);
    }

    private static char[] Grow(char[] buffer, int used)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, 256));
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        return larger;
    }

    private readonly record struct PathKey(string? Name, int Index);

    /// <summary>
    /// How errors name the value being written, built only when one is needed: a member
    /// ("Order.total"), an element ("Order.lines[3]"), an entry ("Order.tags.red") or given text.
    /// </summary>
    private readonly struct What
    {
        private readonly string? _prefix;
        private readonly string? _member;
        private readonly int _index;
        private readonly byte _form;

        public What(string? text) => (_prefix, _form) = (text, 0);

        public What(string typeName, string member) => (_prefix, _member, _form) = (typeName, member, 1);

        public What(string? parent, int index) => (_prefix, _index, _form) = (parent, index, 2);

        public string? Text => _form switch
        {
            1 => $"{_prefix}.{_member}",
            2 => _prefix is null ? null : $"{_prefix}[{_index}]",
            _ => _prefix,
        };
    }
}
