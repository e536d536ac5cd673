using System.Collections;
using System.Globalization;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Engine.Bulk;

namespace V8Host.Engine;

/// <summary>
/// Bulk plain data (issue 16): a plain-data value or a collection of them crosses in a constant
/// number of engine calls, one per large chunk, instead of one per record or property. .NET → JS
/// writes the graph as JSON for JSON.parse (<see cref="BulkJsonWriter"/>); JS → .NET walks the JS
/// value by a schema of the .NET type and hands back one tape per chunk (<see cref="BulkSchema"/>,
/// <see cref="BulkTapeReader"/>). Values either path cannot carry exactly are engine values beside
/// the text, converted the per-value way; a value that needs the per-value path as a whole
/// (<see cref="BulkFallback"/>) takes it.
/// </summary>
internal sealed partial class Marshaller
{
    // BulkData.js gives up on one element past 4 × CHUNK_VALUES values (or 4 × CHUNK_CHARS characters).
    private const long WalkLimitValues = 4L << 17;

    private readonly Dictionary<Type, BulkSchema> _schemas = new();
    private int _schemaGeneration;

    // Set when a walk found the element nested deeper than MaxNesting; while _perValue > 0 the
    // element is read the per-value way all through, which fails at the limit as it always did
    // (a walk at every level would also put an engine call on the native stack per level).
    private bool _tooDeep;
    private int _perValue;
    private ScriptObject? _bulkReader;
    private (string Text, object?[] Side)? _tape;

    /// <summary>Engine calls conversions made (tests count them: a bulk conversion makes a constant number).</summary>
    internal long GlueCalls { get; private set; }

    // Every engine call a conversion makes goes through here, so GlueCalls counts it.
    private Bridge Glue
    {
        get
        {
            GlueCalls++;
            return _context.Bridge;
        }
    }

    /// <summary>A value the bulk writer cannot put in JSON, converted the per-value way (<see cref="BulkJsonWriter"/>).</summary>
    internal object? ToEngineValue(object? value, string? what, bool decimalAsString, EngineCopies copies) => ToEngine(value, what, decimalAsString, copies);

    /// <summary>Whether <paramref name="value"/> is an instance of a host class, which crosses by reference.</summary>
    internal bool IsHostObject(object value) => _context.HostClasses.TryGetJsObject(value, out _);

    /// <summary>
    /// Plain data, a string-keyed dictionary or a sequence as JS values in one engine call per chunk;
    /// false when the value takes the per-value path (another shape, or a <see cref="BulkFallback"/>).
    /// With <paramref name="textResult"/>, a value that fits one chunk and needs no side values is
    /// the chunk's text instead, <paramref name="kind"/> saying how BulkData.js decode reads it.
    /// </summary>
    private bool TryToEngineBulk(object value, string? what, bool textResult, out object? result, out ResultKind kind)
    {
        result = null;
        kind = ResultKind.None;
        var shape = EngineShape.Of(value);
        var single = shape is EngineShape.Kind.PlainData or EngineShape.Kind.StringDictionary or EngineShape.Kind.ReadOnlyStringDictionary;
        // Only a collection: a fallback enumerates the value again, and a lazy sequence may not
        // enumerate twice (or may have effects); those take the per-value path from the start.
        var sequence = shape == EngineShape.Kind.Other ? value as ICollection : null;
        if (!single && sequence is null)
            return false;

        var copies = new EngineCopies();
        using var writer = new BulkJsonWriter(this, copies);
        try
        {
            if (single)
            {
                writer.WriteItem(value, what);
                writer.CheckShared();
                var (text, side) = writer.TakeChunk();
                if (textResult && side.Length == 0)
                {
                    kind = ResultKind.JsonItem;
                    result = text;
                }
                else
                {
                    result = Glue.BulkDecode(1, null, text, side);
                }

                return true;
            }

            ScriptObject? target = null;
            writer.EnterRoot(value);
            var index = 0;
            foreach (var item in sequence!)
            {
                writer.WriteItem(item, what is null ? null : $"{what}[{index}]");
                index++;
                if (writer.ChunkFull)
                {
                    target = SendChunk(writer, target);
                    // Each chunk is a crossing into V8, where the call's timeout cannot reach.
                    _context.ThrowIfTerminated(what ?? "passing a value to JavaScript");
                }
            }

            writer.LeaveRoot();
            writer.CheckShared();
            if (target is null && textResult)
            {
                var (text, side) = writer.TakeChunk();
                if (side.Length == 0)
                {
                    kind = ResultKind.JsonItems;
                    result = text;
                }
                else
                {
                    result = Glue.BulkDecode(0, null, text, side);
                }

                return true;
            }

            result = writer.Items > 0 || target is null ? SendChunk(writer, target) : target;
            return true;
        }
        catch (BulkFallback)
        {
            return false;
        }
    }

    private ScriptObject SendChunk(BulkJsonWriter writer, ScriptObject? target)
    {
        var (text, side) = writer.TakeChunk();
        return (ScriptObject)Glue.BulkDecode(target is null ? 0 : 2, target, text, side);
    }

    private ScriptObject BulkReader => _bulkReader ??= Glue.BulkReader(new V8FastHostFunction("receiveTape", (bool _, in V8FastArgs args, in V8FastResult _) =>
    {
        var side = new object?[args.Count - 1];
        for (var i = 0; i < side.Length; i++)
            side[i] = args.IsUndefined(i + 1) ? Undefined.Value : args.Get<object>(i + 1);
        _tape = (args.GetString(0, "text"), side);
    }));

    /// <summary>The schema of <paramref name="type"/> in this context (cached once every converter in it has read a value).</summary>
    private BulkSchema SchemaOf(Type type)
    {
        if (_schemaGeneration != Binding.HostDataBinding.Generation)
        {
            _schemas.Clear();
            _schemaGeneration = Binding.HostDataBinding.Generation;
        }

        if (_schemas.TryGetValue(type, out var cached))
            return cached;
        var schema = BulkSchema.Build(type, _context.HostClasses.IsDefined);
        if (schema.Complete)
            _schemas[type] = schema;
        return schema;
    }

    /// <summary>
    /// Walks <paramref name="count"/> elements of <paramref name="source"/> from <paramref name="start"/>
    /// (or, with count -1, <paramref name="source"/> itself) in one engine call. Null: the first element
    /// alone is too large for a chunk. A chunk whose strings exceed what is left of MaxConversionBytes
    /// is refused before any of it is copied.
    /// </summary>
    private (BulkTapeReader Tape, int Read)? Walk(ScriptObject source, BulkSchema schema, int start, int count, string what)
    {
        if (_perValue > 0)
            return null;
        var left = _context.Options.MaxConversionBytes - _conversionSpent;
        _tape = null;
        GlueCalls++;
        var read = Convert.ToInt32(BulkReader.Invoke(false, source, schema.Text, start, count, MaxNesting - _conversionDepth, (double)Math.Max(0, left / 2)), CultureInfo.InvariantCulture);
        if (read == -2)
        {
            // The walk that gave up is charged as values converted: otherwise a graph that shares
            // subtrees exponentially would be walked to the limit again at every level below it.
            Charge(WalkLimitValues * ElementCost, what);
            return null;
        }

        if (read == -3)
        {
            _tooDeep = true;
            return null;
        }

        if (read == -1)
            Charge(_context.Options.MaxConversionBytes + 1, what);
        // The walker hands its tape over last, after every getter (which may convert values itself) ran.
        var (text, side) = _tape ?? throw new InvalidOperationException("The bulk data glue did not hand back the values it read.");
        _tape = null;
        return (new BulkTapeReader(text, side), read);
    }

    /// <summary>
    /// Fills <paramref name="array"/> from the JS array <paramref name="source"/> in one engine call
    /// per chunk. False: the elements need the per-value path (<see cref="BulkFallback"/>); what this
    /// charged is given back, so the per-value read is charged as if it came first.
    /// </summary>
    private bool TryFillBulk(ScriptObject source, Array array, Type elementType, string what, bool allowNullElements)
    {
        if (_perValue > 0)
            return false;
        var spent = _conversionSpent;
        try
        {
            var schema = SchemaOf(elementType);
            var start = 0;
            // A generated converter tells what it reads by reading: the first element teaches the schema.
            if (!schema.Complete && array.Length > 0)
            {
                array.SetValue(ToClr(Glue.Get(source, 0), elementType, $"{what}[0]", allowNullElements, allowNullElements), 0);
                schema = SchemaOf(elementType);
                start = 1;
            }

            while (start < array.Length)
            {
                if (start > 0)
                    _context.ThrowIfTerminated(what);
                if (Walk(source, schema, start, array.Length - start, what) is not { } chunk)
                {
                    var item = Glue.Get(source, start);
                    array.SetValue(PerValueIf(TakeTooDeep(), () => ToClr(item, elementType, $"{what}[{start}]", allowNullElements, allowNullElements)), start);
                    start++;
                    continue;
                }

                for (var i = 0; i < chunk.Read; i++, start++)
                    array.SetValue(ToClr(chunk.Tape.Read(schema.Root), elementType, $"{what}[{start}]", allowNullElements, allowNullElements), start);
            }

            return true;
        }
        catch (BulkFallback)
        {
            _conversionSpent = spent;
            return false;
        }
    }

    /// <summary>
    /// The plain-data value or string-keyed dictionary of <paramref name="type"/> from the JS object
    /// <paramref name="source"/>, walked in one engine call; null when it needs the per-value path (a
    /// converter that has not read yet, a non-plain object such as a Map, a <see cref="BulkFallback"/>).
    /// </summary>
    private object? TryReadBulk(ScriptObject source, Type type, string what, bool allowNullElements, Func<object> perValue)
    {
        var schema = SchemaOf(type);
        if (_perValue > 0 || !schema.Complete || schema.Root.Kind is not (BulkNode.NodeKind.Object or BulkNode.NodeKind.Dictionary))
            return null;
        var spent = _conversionSpent;
        try
        {
            if (Walk(source, schema, 0, -1, what) is not { } walked)
                return TakeTooDeep() ? PerValueIf(true, perValue) : null;
            return walked.Tape.Read(schema.Root) is TapeNode node and (TapeObject or TapeDictionary) ? ConvertTape(node, type, what, allowNullElements) : null;
        }
        catch (BulkFallback)
        {
            _conversionSpent = spent;
            return null;
        }
    }

    private bool TakeTooDeep()
    {
        var tooDeep = _tooDeep;
        _tooDeep = false;
        return tooDeep;
    }

    private T PerValueIf<T>(bool perValue, Func<T> convert)
    {
        if (!perValue)
            return convert();
        _perValue++;
        try
        {
            return convert();
        }
        finally
        {
            _perValue--;
        }
    }

    /// <summary>A walked value converted to <paramref name="type"/>, where the per-value path would have read the JS value's fields or elements.</summary>
    private object ConvertTape(TapeNode node, Type type, string what, bool allowNullElements)
    {
        switch (node)
        {
            case TapeObject tape when tape.Node.Type == type && !_context.HostClasses.IsDefined(type):
                return ReadTapeObject(tape, type, what);
            case TapeArray tape when IsListTarget(type, out var elementType):
                var items = tape.Items;
                Charge(items.Length * ElementCost, what);
                var array = Array.CreateInstance(elementType, items.Length);
                for (var i = 0; i < items.Length; i++)
                    array.SetValue(ToClr(items[i], elementType, $"{what}[{i}]", allowNullElements, allowNullElements), i);
                return AsListOf(array, type, elementType);
            case TapeDictionary tape when CollectionShape.TryGetDictionaryValueType(type, out var valueType):
                var keys = tape.Keys;
                Charge(keys.Length * ElementCost, what);
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
                for (var i = 0; i < keys.Length; i++)
                {
                    Charge(2L * keys[i].Length, what);
                    dictionary[keys[i]] = ToClr(tape.Values[i], valueType, $"{what}.{keys[i]}", allowNullElements, allowNullElements);
                }

                return dictionary;
            default:
                // The converter asked for another type than the schema learnt: read this value again, per value.
                throw new BulkFallback();
        }
    }

    private static bool IsListTarget(Type type, out Type elementType)
    {
        elementType = typeof(object);
        return !CollectionShape.TryGetDictionaryTypes(type, out _, out _) && !CollectionShape.TryGetSetElementType(type, out _)
            && CollectionShape.TryGetElementType(type, out elementType);
    }

    private object ReadTapeObject(TapeObject tape, Type type, string what)
    {
        Charge(ElementCost, what);
        var reading = tape.Node.Reading!;
        var reader = new Binding.HostDataReader(this, reading, tape.Node.Names, tape.Node.Whats, tape.Values);
        var result = reading.Read!(reader);
        return type.IsInstanceOfType(result)
            ? result
            : throw new InvalidOperationException($"The plain-data converter of {reading.DisplayName} returned {result?.GetType().Name ?? "null"} instead of a {type.Name}.");
    }

    /// <summary>The list or array of type <paramref name="type"/> holding <paramref name="array"/>'s elements.</summary>
    private static object AsListOf(Array array, Type type, Type elementType)
    {
        if (type.IsArray || type.IsAssignableFrom(array.GetType()))
            return array;
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType), array.Length)!;
        foreach (var item in array)
            list.Add(item);
        return list;
    }
}
