using V8Host.Binding;

namespace V8Host.Engine.Bulk;

/// <summary>One node of a <see cref="BulkSchema"/>.</summary>
internal sealed class BulkNode
{
    public static readonly BulkNode Leaf = new(NodeKind.Leaf, null, null, Array.Empty<string>(), -1, null);

    private BulkNode(NodeKind kind, Type? type, HostDataBinding? reading, string[] names, int index, BulkNode? element)
    {
        Kind = kind;
        Type = type;
        Reading = reading;
        Names = names;
        Whats = reading is null ? names : Array.ConvertAll(names, name => $"{reading.DisplayName}.{name}");
        Fields = new BulkNode[names.Length];
        Index = index;
        Element = element;
    }

    public enum NodeKind
    {
        Leaf,
        Object,
        Array,
        Dictionary,
    }

    public NodeKind Kind { get; }

    /// <summary>The plain-data type of an object node.</summary>
    public Type? Type { get; }

    /// <summary>The converter that reads an object node's values.</summary>
    public HostDataBinding? Reading { get; }

    /// <summary>The fields an object node reads, in the order of <see cref="Fields"/>.</summary>
    public string[] Names { get; }

    /// <summary>How errors name each field (<c>Order.total</c>), made once instead of once per value read.</summary>
    public string[] Whats { get; }

    public BulkNode[] Fields { get; }

    /// <summary>An object node's place in the schema's type table.</summary>
    public int Index { get; }

    /// <summary>The elements of an array node, the values of a dictionary node.</summary>
    public BulkNode? Element { get; }

    public static BulkNode ObjectOf(Type type, HostDataBinding reading, string[] names, int index) => new(NodeKind.Object, type, reading, names, index, null);

    public static BulkNode ArrayOf(BulkNode element) => new(NodeKind.Array, null, null, Array.Empty<string>(), -1, element);

    public static BulkNode DictionaryOf(BulkNode value) => new(NodeKind.Dictionary, null, null, Array.Empty<string>(), -1, value);
}
