using System.Globalization;

namespace V8Host.Engine.Bulk;

/// <summary>
/// Reads what one call of the BulkData.js walker handed over: the JSON text
/// <c>[[value…],[position…]]</c> of a flat list of primitives, and the values at those positions of
/// the list (the side values: whatever JSON cannot say exactly, as ClearScript converts them).
/// <see cref="Read"/> rebuilds one element by the schema the walker followed.
/// </summary>
internal sealed class BulkTapeReader
{
    private readonly string _text;
    private readonly object?[] _side;
    private readonly int[] _positions;
    private readonly int _end;
    private int _at;
    private int _index;
    private int _special;

    public BulkTapeReader(string text, object?[] side)
    {
        _text = text;
        _side = side;
        // The positions are numbers only, so the last '[' opens them.
        var open = text.LastIndexOf('[');
        if (!text.StartsWith("[[", StringComparison.Ordinal) || open < 2 || text[open - 1] != ',' || text[open - 2] != ']')
            throw Corrupt();
        _positions = ParsePositions(text.AsSpan(open + 1, text.Length - open - 3));
        if (_positions.Length != side.Length)
            throw Corrupt();
        _end = open - 2;
        _at = 2;
    }

    /// <summary>The next value the walker wrote at a <paramref name="node"/>.</summary>
    public object? Read(BulkNode node)
    {
        var value = Next(out var special);
        if (special || node.Kind == BulkNode.NodeKind.Leaf || value is null)
            return value;
        if (node.Kind == BulkNode.NodeKind.Object)
        {
            var values = new object?[node.Fields.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = Read(node.Fields[i]);
            return new TapeObject(node, values);
        }

        var length = value is int n ? n : throw Corrupt();
        if (length < 0 || length > _end - _at)
            throw Corrupt();
        if (node.Kind == BulkNode.NodeKind.Dictionary)
        {
            var keys = new string[length];
            var entries = new object?[length];
            for (var i = 0; i < length; i++)
            {
                keys[i] = Next(out _) as string ?? throw Corrupt();
                entries[i] = Read(node.Element!);
            }

            return new TapeDictionary(keys, entries);
        }

        var items = new object?[length];
        for (var i = 0; i < items.Length; i++)
            items[i] = Read(node.Element!);
        return new TapeArray(items);
    }

    private object? Next(out bool special)
    {
        var value = ParseValue();
        special = _special < _positions.Length && _positions[_special] == _index;
        _index++;
        return special ? _side[_special++] : value;
    }

    private object? ParseValue()
    {
        if (_at < _end && _text[_at] == ',')
            _at++;
        if (_at >= _end)
            throw Corrupt();
        switch (_text[_at])
        {
            case '"':
                return ParseString();
            case 'n':
                return Literal("null", null);
            case 't':
                return Literal("true", true);
            case 'f':
                return Literal("false", false);
            default:
                return ParseNumber();
        }
    }

    private object? Literal(string word, object? value)
    {
        if (string.CompareOrdinal(_text, _at, word, 0, word.Length) != 0)
            throw Corrupt();
        _at += word.Length;
        return value;
    }

    // JSON.stringify writes the shortest text that reads back as the same double, and .NET parses
    // correctly rounded, so every finite number arrives exactly (the walker sent -0 as a side value).
    private object ParseNumber()
    {
        var start = _at;
        var integral = true;
        while (_at < _end && _text[_at] is not (',' or ']'))
        {
            if (_text[_at] is '.' or 'e' or 'E')
                integral = false;
            _at++;
        }

        var span = _text.AsSpan(start, _at - start);
        if (integral && span.Length <= 10 && int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
            return small;
        return double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Corrupt();
    }

    // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates (\udXXX);
    // each escape reads back as the very code unit it stands for.
    private string ParseString()
    {
        var start = ++_at;
        while (_at < _end && _text[_at] != '"' && _text[_at] != '\\')
            _at++;
        if (_at < _end && _text[_at] == '"')
            return _text.Substring(start, _at++ - start);

        var builder = new System.Text.StringBuilder();
        builder.Append(_text, start, _at - start);
        while (_at < _end && _text[_at] != '"')
        {
            var c = _text[_at++];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_at >= _end)
                throw Corrupt();
            var escape = _text[_at++];
            builder.Append(escape switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' when _at + 4 <= _end && ushort.TryParse(_text.AsSpan(_at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit) => Unit(unit),
                _ => throw Corrupt(),
            });
        }

        if (_at >= _end)
            throw Corrupt();
        _at++;
        return builder.ToString();
    }

    private char Unit(ushort unit)
    {
        _at += 4;
        return (char)unit;
    }

    private static int[] ParsePositions(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
            return Array.Empty<int>();
        var positions = new List<int>();
        while (true)
        {
            var comma = text.IndexOf(',');
            positions.Add(int.Parse(comma < 0 ? text : text[..comma], NumberStyles.None, CultureInfo.InvariantCulture));
            if (comma < 0)
                return positions.ToArray();
            text = text[(comma + 1)..];
        }
    }

    private static InvalidOperationException Corrupt() => new("The bulk data glue handed back a malformed tape.");
}
