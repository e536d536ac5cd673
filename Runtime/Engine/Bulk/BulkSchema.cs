using System.Numerics;
using System.Text;
using System.Text.Json;
using V8Host.Binding;

namespace V8Host.Engine.Bulk;

/// <summary>
/// What the BulkData.js walker reads of a JS value that converts to a .NET type: for a plain-data
/// type, the fields its converter reads (in the order it reads them) and what each of them is; for
/// a list or array type, its elements; everything else is a leaf, handed to .NET as it is and
/// converted there the per-value way. The decisions follow <c>Marshaller.ConvertValue</c>, so the
/// walker reads into a value only where that conversion would read into it too.
/// </summary>
internal sealed class BulkSchema
{
    private BulkSchema(BulkNode root, string text, bool complete) => (Root, Text, Complete) = (root, text, complete);

    /// <summary>The node of the type the schema was built for.</summary>
    public BulkNode Root { get; }

    /// <summary>The schema as the walker takes it: <c>[[type…], rootNode]</c>, a type <c>[[name…], [node…]]</c>, a node <c>0</c>, <c>[1, type]</c>, <c>[2, node]</c> (elements) or <c>[3, node]</c> (dictionary values).</summary>
    public string Text { get; }

    /// <summary>
    /// False when a plain-data type in it has a generated converter that has not read a value yet
    /// (only its first read tells which members it reads): that type is a leaf until then.
    /// </summary>
    public bool Complete { get; }

    /// <summary>The schema of <paramref name="type"/>; <paramref name="isHostClass"/> tells the types that cross by reference in this context.</summary>
    public static BulkSchema Build(Type type, Func<Type, bool> isHostClass)
    {
        var builder = new Builder(isHostClass);
        var root = builder.NodeOf(type);
        var text = new StringBuilder("[[");
        for (var i = 0; i < builder.Objects.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var node = builder.Objects[i];
            text.Append('[').Append(JsonSerializer.Serialize(node.Names)).Append(",[");
            for (var j = 0; j < node.Fields.Length; j++)
            {
                if (j > 0)
                    text.Append(',');
                Write(text, node.Fields[j]);
            }

            text.Append("]]");
        }

        text.Append("],");
        Write(text, root);
        text.Append(']');
        return new BulkSchema(root, text.ToString(), builder.Complete);
    }

    private static void Write(StringBuilder text, BulkNode node)
    {
        switch (node.Kind)
        {
            case BulkNode.NodeKind.Object:
                text.Append("[1,").Append(node.Index).Append(']');
                break;
            case BulkNode.NodeKind.Array or BulkNode.NodeKind.Dictionary:
                text.Append(node.Kind == BulkNode.NodeKind.Array ? "[2," : "[3,");
                Write(text, node.Element!);
                text.Append(']');
                break;
            default:
                text.Append('0');
                break;
        }
    }

    private sealed class Builder(Func<Type, bool> isHostClass)
    {
        private readonly Dictionary<Type, BulkNode> _objects = new();

        public List<BulkNode> Objects { get; } = new();

        public bool Complete { get; private set; } = true;

        public BulkNode NodeOf(Type declared)
        {
            var type = Nullable.GetUnderlyingType(declared) ?? declared;
            if (IsLeaf(type))
                return BulkNode.Leaf;
            if (CollectionShape.TryGetDictionaryValueType(type, out var valueType))
                return BulkNode.DictionaryOf(NodeOf(valueType));
            if (CollectionShape.TryGetDictionaryTypes(type, out _, out _) || CollectionShape.TryGetSetElementType(type, out _))
                return BulkNode.Leaf;
            if (CollectionShape.TryGetElementType(type, out var elementType))
                return BulkNode.ArrayOf(NodeOf(elementType));
            if (CollectionShape.TryGetTupleElementTypes(type, out _) || isHostClass(type) || PlainDataConverter.For(type) is not { } binding)
                return BulkNode.Leaf;
            if (_objects.TryGetValue(type, out var known))
                return known;

            // Generated converters leave reading to the run-time one when C# cannot express it.
            var reading = binding.Read is null ? PlainDataConverter.Reflected(type)! : binding;
            var (names, types) = (reading.Fields, reading.FieldTypes);
            if (names is null || types is null || names.Length != types.Length)
            {
                Complete = false;
                return BulkNode.Leaf;
            }

            var node = BulkNode.ObjectOf(type, reading, names, Objects.Count);
            _objects[type] = node;
            Objects.Add(node);
            for (var i = 0; i < types.Length; i++)
                node.Fields[i] = NodeOf(types[i]);
            return node;
        }

        private static bool IsLeaf(Type type) =>
            type == typeof(object) || type.IsPrimitive || Type.GetTypeCode(type) != TypeCode.Object
            || type == typeof(nint) || type == typeof(nuint) || ScalarRows.Handles(type) || type == typeof(BigInteger) || type == typeof(DateTimeOffset)
            || type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>)
            || typeof(JsHandle).IsAssignableFrom(type) || type == typeof(JsUndefined) || typeof(Delegate).IsAssignableFrom(type);
    }
}
