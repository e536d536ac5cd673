namespace V8Host.Engine.Bulk;

/// <summary>
/// A JS object or array the BulkData.js walker read, as the .NET values of its tape: it stands in
/// for the JS value where the per-value conversion would have read that value's fields or elements.
/// </summary>
internal abstract class TapeNode
{
}

/// <summary>A plain JS object read by the schema node <see cref="Node"/>: its fields' values, in <see cref="BulkNode.Names"/> order.</summary>
internal sealed class TapeObject(BulkNode node, object?[] values) : TapeNode
{
    public BulkNode Node { get; } = node;

    public object?[] Values { get; } = values;
}

/// <summary>A JS array's elements.</summary>
internal sealed class TapeArray(object?[] items) : TapeNode
{
    public object?[] Items { get; } = items;
}

/// <summary>A plain JS object read as a string-keyed dictionary: its own enumerable keys and their values.</summary>
internal sealed class TapeDictionary(string[] keys, object?[] values) : TapeNode
{
    public string[] Keys { get; } = keys;

    public object?[] Values { get; } = values;
}
