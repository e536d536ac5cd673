using System.Collections;
using System.Globalization;
using System.Numerics;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace V8Host.Engine;

/// <summary>Typed reads: an engine value converted to a requested .NET type per types.md.</summary>
internal sealed partial class Marshaller
{
    /// <summary>
    /// Converts <paramref name="value"/> (an engine value) to <paramref name="type"/>.
    /// <paramref name="what"/> names the target in error messages ("parameter 'x' of add").
    /// <paramref name="allowNull"/>: a reference-type target accepts null/undefined;
    /// <paramref name="allowNullElements"/>: so do the elements of a collection target.
    /// <paramref name="decimalAsString"/>: <c>[HostDecimalAsString]</c> is on the target (a decimal reads from a string).
    /// Throws <see cref="ConversionException"/>; values nested more than <see cref="MaxNesting"/> deep are a RangeError.
    /// </summary>
    /// <exception cref="ScriptResourceException">The value is larger than <see cref="IsolateOptions.MaxConversionBytes"/> allows.</exception>
    /// <exception cref="ScriptTerminatedException">The call's timeout elapsed or it was terminated while converting.</exception>
    public object? ToClr(object? value, Type type, string what, bool allowNull = true, bool allowNullElements = true, bool decimalAsString = false)
    {
        if (_conversionDepth == 0)
            _conversionSpent = 0;
        if (_conversionDepth >= MaxNesting && value is ScriptObject or Bulk.TapeNode)
            throw new ConversionException(JsErrorKind.RangeError, $"{what}: the value is nested more than {MaxNesting} levels deep (or refers back to itself).");
        _conversionDepth++;
        try
        {
            return ConvertValue(value, type, what, allowNull, allowNullElements, decimalAsString);
        }
        finally
        {
            _conversionDepth--;
        }
    }

    // Bytes one typed read may allocate, counted across its nested collections: a script can make a
    // small heap value (one string referenced a million times, a sparse array) expand enormously.
    private const long ElementCost = 16;

    /// <summary>Nesting a typed read follows before failing: a script's object graph may be cyclic or arbitrarily deep.</summary>
    internal const int MaxNesting = 256;
    private int _conversionDepth;
    private long _conversionSpent;

    private void Charge(long bytes, string what)
    {
        _conversionSpent += bytes;
        if (_conversionSpent > _context.Options.MaxConversionBytes)
        {
            throw new ScriptResourceException(
                $"{what}: the value is too large to convert; it would need more than {_context.Options.MaxConversionBytes:N0} bytes (IsolateOptions.MaxConversionBytes).");
        }
    }

    private object? ConvertValue(object? value, Type type, string what, bool allowNull, bool allowNullElements, bool decimalAsString)
    {
        // Inside a collection each string is a fresh .NET copy, however often JS references it.
        if (value is string nested && _conversionDepth > 1)
            Charge(2L * nested.Length, what);

        if (value is Bulk.TapeNode tape)
            return ConvertTape(tape, Nullable.GetUnderlyingType(type) ?? type, what, allowNullElements);

        if (type == typeof(object))
            return ToHost(value);

        var isMissing = value is null || value is Undefined;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
            return isMissing ? null : ConvertValue(value, underlying, what, allowNull, allowNullElements, decimalAsString);

        if (isMissing)
        {
            if (!type.IsValueType && allowNull && type != typeof(JsHandle) && !typeof(JsHandle).IsAssignableFrom(type))
                return null;
            if (type == typeof(JsUndefined) && value is Undefined)
                return JsUndefined.Value;
            throw Mismatch(value, type, what);
        }

        if (type.IsInstanceOfType(value) && value is not ScriptObject)
            return value;

        // Hot path of host calls: ClearScript hands every JS number over as a double.
        if (value is double d && type == typeof(int) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;

        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Boolean:
                return value is bool ? value : throw Mismatch(value, type, what);
            case TypeCode.String:
                return value is string ? value : throw Mismatch(value, type, what);
            case TypeCode.Char:
                return value is string { Length: 1 } s ? s[0] : throw Mismatch(value, type, what, "a string of length 1");
            case TypeCode.Double:
                return AsDouble(value) ?? throw Mismatch(value, type, what);
            case TypeCode.Single:
                return (float)(AsDouble(value) ?? throw Mismatch(value, type, what));
            case TypeCode.Decimal:
                return ToDecimal(value, what, decimalAsString);
            case TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64:
                return type.IsEnum ? ToEnum(value, type, what) : ToInteger(value, type, what);
            case TypeCode.DateTime:
                return value is DateTime dt ? AsUtc(dt) : throw Mismatch(value, type, what, "a Date");
        }

        if (type == typeof(nint))
            return (nint)(long)ToInteger(value, typeof(long), what);
        if (type == typeof(nuint))
            return (nuint)(ulong)ToInteger(value, typeof(ulong), what);
        if (ScalarRows.Handles(type))
            return ScalarRows.ToClr(value!, type, what, AsDouble(value));
        if (type == typeof(BigInteger))
            return value is BigInteger ? value : throw Mismatch(value, type, what, "a bigint");
        if (type == typeof(DateTimeOffset))
            return value is DateTime date ? new DateTimeOffset(AsUtc(date)) : throw Mismatch(value, type, what, "a Date");
        if (type == typeof(byte[]))
            return ReadBytes(value, what);
        if (type == typeof(ReadOnlyMemory<byte>))
            return new ReadOnlyMemory<byte>(ReadBytes(value, what));
        if (type == typeof(Memory<byte>))
            return new Memory<byte>(ReadBytes(value, what));

        if (typeof(JsHandle).IsAssignableFrom(type))
        {
            var host = value is ScriptObject target ? Wrap(target) : null;
            if (host is not null && type.IsInstanceOfType(host))
                return host;
            host?.Dispose();
            throw Mismatch(value, type, what);
        }

        if (typeof(Delegate).IsAssignableFrom(type))
            return value is ScriptObject function && function is IJavaScriptObject { Kind: JavaScriptObjectKind.Function }
                ? DelegateAdapter.Create(_context, (JsFunction)Wrap(function), type)
                : throw Mismatch(value, type, what, "a function");

        // A live view of a .NET collection (a host-class member) going back into .NET is that collection.
        if (value is ScriptObject view && _context.LiveCollections.HasViews && IsCollectionType(type) && _context.LiveCollections.CollectionOf(view) is { } collection && type.IsInstanceOfType(collection))
            return collection;

        if (CollectionShape.TryGetDictionaryValueType(type, out var valueType))
            return ToDictionary(value, type, valueType, what, allowNullElements);
        if (CollectionShape.TryGetDictionaryTypes(type, out var keyType, out valueType))
            return ToMap(value, type, keyType, valueType, what, allowNullElements);
        if (CollectionShape.TryGetSetElementType(type, out var elementType))
            return ToSet(value, type, elementType, what, allowNullElements);
        if (CollectionShape.TryGetElementType(type, out elementType))
            return ToList(value, type, elementType, what, allowNullElements);
        if (CollectionShape.TryGetTupleElementTypes(type, out var elementTypes))
            return ToTuple(value, type, elementTypes, what, allowNullElements);

        if (type.IsInstanceOfType(value))
            return value;
        if (value is ScriptObject candidate && _context.HostClasses.Unbox(candidate) is { } instance)
            return type.IsInstanceOfType(instance) ? instance : throw Mismatch(value, type, what);
        // A type registered with AddHostClass crosses by reference even without [HostClass].
        if (!_context.HostClasses.IsDefined(type) && PlainDataConverter.For(type) is { } binding)
            return ReadPlainData(value, type, binding, what);
        throw Mismatch(value, type, what);
    }

    private static bool IsCollectionType(Type type) =>
        CollectionShape.TryGetElementType(type, out _) || CollectionShape.TryGetDictionaryValueType(type, out _) || CollectionShape.TryGetSetElementType(type, out _);

    // A bigint is accepted wherever a number is (range-checked for integers), as ClearScript's fast
    // argument reads do; generated and reflection bindings behave the same.
    private static double? AsDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        BigInteger big => (double)big,
        _ => null,
    };

    // Exact (ExactNumber): ClearScript hands a JS number as an int, long or double depending on the
    // path (host-call arguments are doubles, Eval results may be longs), a bigint as a BigInteger.
    private static object ToInteger(object? value, Type type, string what)
    {
        var code = Type.GetTypeCode(type);
        return value switch
        {
            int i => ExactNumber.ToInteger(i, code, type.Name, what),
            long l => ExactNumber.ToInteger(l, code, type.Name, what),
            BigInteger big => ExactNumber.ToInteger(big, code, type.Name, what),
            _ => ExactNumber.ToInteger(AsDouble(value) ?? throw Mismatch(value, type, what), code, type.Name, what),
        };
    }

    private static decimal ToDecimal(object? value, string what, bool asString) => value switch
    {
        string text when asString => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ConversionException(JsErrorKind.TypeError, $"{what} expects a decimal string; got {DescribeValue(value)}."),
        int i => i,
        long l => l,
        BigInteger big => ExactNumber.ToDecimal(big, what),
        _ => ExactNumber.ToDecimal(AsDouble(value) ?? throw Mismatch(value, typeof(decimal), what, asString ? "a decimal string or a number" : null), what),
    };

    private static object ToEnum(object? value, Type type, string what)
    {
        if (value is string name)
        {
            return Enum.TryParse(type, name, ignoreCase: false, out var parsed) && Enum.IsDefined(type, parsed!)
                ? parsed!
                : throw new ConversionException(JsErrorKind.RangeError, $"{what}: '{name}' is not a member of {type.Name} ({string.Join(", ", Enum.GetNames(type))}).");
        }

        var number = ToInteger(value, Enum.GetUnderlyingType(type), what);
        var result = Enum.ToObject(type, number);
        return Enum.IsDefined(type, result) || type.IsDefined(typeof(FlagsAttribute), false)
            ? result
            : throw new ConversionException(JsErrorKind.RangeError, $"{what}: {number} is not a value of {type.Name}.");
    }

    // At the bytes' live size (ClearScript's own copy would trust a size it read once): a detached or
    // out-of-bounds buffer is a TypeError, not an empty array.
    private byte[] ReadBytes(object? value, string what)
    {
        try
        {
            return value switch
            {
                IArrayBufferView view => new BufferBytes("", isView: true).ToArray(_context, (ScriptObject)view, what),
                IArrayBuffer buffer => new BufferBytes("", isView: false).ToArray(_context, (ScriptObject)buffer, what),
                _ => throw Mismatch(value, typeof(byte[]), what, "a Uint8Array or ArrayBuffer"),
            };
        }
        catch (InvalidOperationException gone)
        {
            throw new ConversionException(JsErrorKind.TypeError, gone.Message);
        }
    }

    private object ToList(object? value, Type type, Type elementType, string what, bool allowNullElements)
    {
        if (value is not IList<object> items || value is not IJavaScriptObject { Kind: JavaScriptObjectKind.Array })
            throw Mismatch(value, type, what, "an Array");
        // `length` itself: ClearScript's IList.Count overflows past Int32.MaxValue.
        var length = AsDouble(Glue.Get((ScriptObject)value, "length")) ?? 0;
        Charge((long)Math.Min(length * ElementCost, long.MaxValue / 2), what);
        if (length > Array.MaxLength)
            throw new ScriptResourceException($"{what}: an Array of length {length} is longer than a .NET array can be.");
        var count = (int)length;
        var array = Array.CreateInstance(elementType, count);
        if (TryFillBulk((ScriptObject)value, array, elementType, what, allowNullElements))
            return AsListOf(array, type, elementType);
        var fields = PlainDataFields(elementType);
        var stride = fields is null ? 1 : fields.Length + 2;
        for (var start = 0; start < count; start += ReadChunk)
        {
            // Each chunk is a crossing into V8, where the call's timeout cannot reach.
            if (start > 0)
                _context.ThrowIfTerminated(what);
            var size = Math.Min(ReadChunk, count - start);
            var chunk = fields is null
                ? Receive(() => Readers.Elements.Invoke(false, value, start, size), what)
                : Receive(() => Readers.Rows.Invoke(false, RowsArguments((ScriptObject)value, start, size, fields)), what);
            for (var i = 0; i < size; i++)
            {
                var item = chunk is null ? Glue.Get((ScriptObject)value, start + i) : chunk[i * stride];
                if (fields is not null && chunk is not null && item is ScriptObject source && chunk[i * stride + 1] is true)
                    _prefetched = (source, new ArraySegment<object?>(chunk, i * stride + 2, fields.Length));
                try
                {
                    array.SetValue(ToClr(item, elementType, $"{what}[{start + i}]", allowNullElements, allowNullElements), start + i);
                }
                finally
                {
                    _prefetched = null;
                }
            }
        }
        return AsListOf(array, type, elementType);
    }

    private object ToDictionary(object? value, Type type, Type valueType, string what, bool allowNullElements)
    {
        if (value is not ScriptObject target || value is IJavaScriptObject { Kind: not JavaScriptObjectKind.Unknown })
            throw Mismatch(value, type, what, "a plain object or a Map");
        if (TryReadBulk(target, type, what, allowNullElements, () => ToDictionary(target, valueType, what, allowNullElements)) is { } walked)
            return walked;
        return ToDictionary(target, valueType, what, allowNullElements);
    }

    // The per-value read: a Map's entries, or the object's keys and values in chunks.
    private object ToDictionary(ScriptObject target, Type valueType, string what, bool allowNullElements)
    {
        if (Glue.MapEntries(target) is { } entries)
            return ToMap(entries, typeof(string), valueType, what, allowNullElements);
        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType))!;
        var read = ReadEntries(target, withValues: true, what);
        Charge(read.Count * ElementCost, what);
        for (var i = 0; i < read.Count; i++)
        {
            var (key, value) = read[i];
            Charge(2L * key.Length, what);
            dictionary[key] = ToClr(value, valueType, $"{what}.{key}", allowNullElements, allowNullElements);
        }
        return dictionary;
    }

    private object ToMap(object? value, Type type, Type keyType, Type valueType, string what, bool allowNullElements) =>
        ToMap(value is ScriptObject ? Glue.MapEntries(value) ?? throw Mismatch(value, type, what, "a Map") : throw Mismatch(value, type, what, "a Map"),
            keyType, valueType, what, allowNullElements);

    /// <summary>A dictionary from a Map's flat [key, value, …] entries (DataGlue.js mapEntries).</summary>
    private object ToMap(ScriptObject entries, Type keyType, Type valueType, string what, bool allowNullElements)
    {
        var length = (int)(AsDouble(Glue.Get(entries, "length")) ?? 0);
        Charge(length * ElementCost, what);
        var items = ReadElements(entries, length, what);
        var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(keyType, valueType))!;
        for (var i = 0; i + 1 < length; i += 2)
        {
            var key = ToClr(items[i], keyType, $"{what} key", allowNull: false, allowNullElements);
            var keyText = Convert.ToString(key, CultureInfo.InvariantCulture);
            var item = ToClr(items[i + 1], valueType, $"{what}[{keyText}]", allowNullElements, allowNullElements);
            if (dictionary.Contains(key!))
                throw new ConversionException(JsErrorKind.TypeError, $"{what}: two Map keys convert to the same {keyType.Name} key ({keyText}).");
            dictionary[key!] = item;
        }
        return dictionary;
    }

    private object ToSet(object? value, Type type, Type elementType, string what, bool allowNullElements)
    {
        var values = value is ScriptObject ? Glue.SetValues(value) : null;
        if (values is null)
            throw Mismatch(value, type, what, "a Set");
        var length = (int)(AsDouble(Glue.Get(values, "length")) ?? 0);
        Charge(length * ElementCost, what);
        var items = ReadElements(values, length, what);
        var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(elementType))!;
        var add = SetAdder(set.GetType());
        for (var i = 0; i < length; i++)
        {
            var item = ToClr(items[i], elementType, $"{what}[{i}]", allowNullElements, allowNullElements);
            if (!add(set, item))
                throw new ConversionException(JsErrorKind.TypeError, $"{what}: two Set elements convert to the same {elementType.Name} ({Convert.ToString(item, CultureInfo.InvariantCulture)}).");
        }
        return set;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, object?, bool>> s_setAdders = new();

    private static Func<object, object?, bool> SetAdder(Type setType) => s_setAdders.GetOrAdd(setType, static t =>
    {
        var add = t.GetMethod("Add")!;
        return (set, item) => (bool)add.Invoke(set, new[] { item })!;
    });

    private object ToTuple(object? value, Type type, Type[] elementTypes, string what, bool allowNullElements)
    {
        if (value is not IList<object> items || value is not IJavaScriptObject { Kind: JavaScriptObjectKind.Array })
            throw Mismatch(value, type, what, $"an Array of {elementTypes.Length} elements");
        var length = AsDouble(Glue.Get((ScriptObject)value, "length")) ?? 0;
        if (length != elementTypes.Length)
            throw new ConversionException(JsErrorKind.TypeError, $"{what} expects an Array of {elementTypes.Length} elements; got {length.ToString(CultureInfo.InvariantCulture)}.");
        var values = new object?[elementTypes.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = ToClr(items[i], elementTypes[i], $"{what}[{i}]", allowNullElements, allowNullElements);
        return CreateTuple(type, values, 0);
    }

    // ValueTuple`8 holds elements 8 and on in its Rest, another tuple.
    private static object CreateTuple(Type type, object?[] values, int offset)
    {
        var arguments = type.GetGenericArguments();
        var parts = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
            parts[i] = i == 7 ? CreateTuple(arguments[7], values, offset + 7) : values[offset + i];
        return Activator.CreateInstance(type, parts)!;
    }

    private object ReadPlainData(object? value, Type type, Binding.HostDataBinding binding, string what)
    {
        if (value is not ScriptObject source || value is IJavaScriptObject { Kind: not JavaScriptObjectKind.Unknown })
            throw Mismatch(value, type, what);
        // Fields the per-value list read prefetched are read already; anything else is walked whole.
        if (_prefetched is not { } prefetched || !ReferenceEquals(prefetched.Source, source))
        {
            if (TryReadBulk(source, type, what, allowNullElements: true, () => ReadPlainData(source, type, binding, what)) is { } walked)
                return walked;
        }

        Charge(ElementCost, what);
        // Generated converters leave reading to the run-time one when C# cannot express it (init-only members of a class).
        var reading = binding.Read is null ? PlainDataConverter.Reflected(type)! : binding;
        var reader = new Binding.HostDataReader(this, source, reading);
        var result = reading.Read!(reader);
        reader.Complete();
        return type.IsInstanceOfType(result)
            ? result
            : throw new InvalidOperationException($"The plain-data converter of {binding.DisplayName} returned {result?.GetType().Name ?? "null"} instead of a {type.Name}.");
    }

    /// <summary>Converts one member of a plain-data object (<see cref="Binding.HostDataReader"/>); false when it is absent or undefined.</summary>
    internal bool ConvertMember(object? raw, string typeName, string name, Type type, bool allowNull, bool allowNullElements, bool decimalAsString, out object? value) =>
        ConvertNamedMember(raw, $"{typeName}.{name}", name, type, allowNull, allowNullElements, decimalAsString, out value);

    /// <summary>Like <see cref="ConvertMember"/>, with how errors name the member (<c>Order.total</c>) already made.</summary>
    internal bool ConvertNamedMember(object? raw, string what, string name, Type type, bool allowNull, bool allowNullElements, bool decimalAsString, out object? value)
    {
        Charge(ElementCost + 2L * name.Length, what);
        if (raw is Undefined)
        {
            value = null;
            return false;
        }

        value = ToClr(raw, type, what, allowNull, allowNullElements, decimalAsString);
        return true;
    }

    private static ConversionException OutOfRange(string number, Type type, string what) =>
        new(JsErrorKind.RangeError, $"{what}: {number} is out of range for {type.Name}.");

    private static ConversionException Mismatch(object? value, Type type, string what, string? expected = null) =>
        new(JsErrorKind.TypeError, $"{what} expects {expected ?? Describe(type)}; got {DescribeValue(value)}.");

    /// <summary>How a .NET type reads from the JavaScript side, for error messages.</summary>
    internal static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return $"{Describe(inner)} or null";
        if (type.IsEnum)
            return $"a {type.Name} value (number or member name)";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "a boolean",
            TypeCode.String => "a string",
            TypeCode.Char => "a string of length 1",
            TypeCode.DateTime => "a Date",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 => $"an integer ({type.Name})",
            _ when type == typeof(BigInteger) => "a bigint",
            _ when type == typeof(JsObject) => "an object",
            _ when type == typeof(JsArray) => "an Array",
            _ when type == typeof(JsFunction) => "a function",
            _ when type == typeof(JsPromise) => "a Promise",
            _ when type == typeof(JsArrayBuffer) => "an ArrayBuffer",
            _ when type == typeof(JsTypedArray) => "a typed array",
            _ when type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>) || type == typeof(Memory<byte>) => "a Uint8Array or ArrayBuffer",
            _ when typeof(Delegate).IsAssignableFrom(type) => "a function",
            _ when type == typeof(nint) || type == typeof(nuint) => $"an integer ({type.Name})",
            _ when ScalarRows.Handles(type) => ScalarRows.Describe(type),
            _ when CollectionShape.TryGetDictionaryValueType(type, out _) => "a plain object or a Map",
            _ when CollectionShape.TryGetDictionaryTypes(type, out _, out _) => "a Map",
            _ when CollectionShape.TryGetSetElementType(type, out _) => "a Set",
            _ when CollectionShape.TryGetElementType(type, out _) => "an Array",
            _ when CollectionShape.TryGetTupleElementTypes(type, out var elements) => $"an Array of {elements.Length} elements",
            _ => $"a {HostClassName(type)}",
        };
    }

    /// <summary>The JS name a host class goes by ([HostClass("…")] or the type name).</summary>
    private static string HostClassName(Type type) =>
        (type.GetCustomAttributes(typeof(HostClassAttribute), false).FirstOrDefault() as HostClassAttribute)?.Name ?? type.Name;

    /// <summary>What a JavaScript value is, for error messages ("a string (\"abc\")").</summary>
    internal static string DescribeValue(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        bool b => b ? "true" : "false",
        string s => s.Length <= 32 ? $"a string (\"{s}\")" : "a string",
        int or long or double or float => $"a number ({Convert.ToString(value, CultureInfo.InvariantCulture)})",
        BigInteger => "a bigint",
        DateTime => "a Date",
        IJavaScriptObject { Kind: JavaScriptObjectKind.Array } => "an Array",
        IJavaScriptObject { Kind: JavaScriptObjectKind.Function } => "a function",
        IJavaScriptObject { Kind: JavaScriptObjectKind.Promise } => "a Promise",
        IJavaScriptObject { Kind: JavaScriptObjectKind.ArrayBuffer } => "an ArrayBuffer",
        IJavaScriptObject { Kind: JavaScriptObjectKind.TypedArray or JavaScriptObjectKind.DataView } => "a typed array",
        ScriptObject => "an object",
        _ => $"a {value.GetType().Name}",
    };
}
