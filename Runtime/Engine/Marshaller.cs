using System.Collections;
using System.Numerics;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>
/// Converts between ClearScript's engine values and V8Host's .NET values (api.md §3): untyped
/// results, and .NET values passed into JavaScript. Typed reads are in Marshaller.Typed.cs.
/// </summary>
internal sealed partial class Marshaller
{
    // Array elements cross in chunks: one engine call per chunk instead of one per element.
    private const int AppendChunk = 256;

    private readonly Context _context;

    public Marshaller(Context context) => _context = context;

    /// <summary>An engine value as the untyped result table of api.md §3 (objects become handles).</summary>
    public object? ToHost(object? value) => value switch
    {
        null => null,
        Undefined => JsUndefined.Value,
        bool or string or int or BigInteger => value,
        long l => l is >= int.MinValue and <= int.MaxValue ? (int)l : (object)(double)l,
        float f => NormalizeNumber(f),
        double d => NormalizeNumber(d),
        DateTime dt => AsUtc(dt),
        ScriptObject target => _context.HostClasses.Unbox(target) ?? Wrap(target),
        _ => value, // a .NET object that went through JavaScript comes back as itself
    };

    /// <summary>Wraps an engine object in the handle type that matches its JavaScript kind.</summary>
    public JsHandle Wrap(ScriptObject target)
    {
        var kind = target is IJavaScriptObject js ? js.Kind : JavaScriptObjectKind.Unknown;
        var handle = _context.Track(target, kind switch
        {
            JavaScriptObjectKind.Array => static (c, id) => new JsArray(c, id),
            JavaScriptObjectKind.Function => static (c, id) => new JsFunction(c, id),
            JavaScriptObjectKind.Promise => static (c, id) => new JsPromise(c, id),
            JavaScriptObjectKind.ArrayBuffer => static (c, id) => new JsArrayBuffer(c, id),
            JavaScriptObjectKind.TypedArray or JavaScriptObjectKind.DataView => static (c, id) => new JsTypedArray(c, id),
            _ => static (c, id) => new JsObject(c, id),
        });
        if (kind == JavaScriptObjectKind.Promise)
            _context.HandOverRejection(target, handle.Id);
        return handle;
    }

    /// <summary>A .NET value as an engine value. Collections, plain data and byte buffers are copied.</summary>
    /// <exception cref="ArgumentException">The value (or something it contains) cannot cross, or plain data in it has a cycle.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A decimal in it has no exact JavaScript number (a RangeError in JS).</exception>
    public object? ToEngine(object? value) => ToEngine(value, what: null, decimalAsString: false, copies: null);

    /// <summary>
    /// Like <see cref="ToEngine(object?)"/>, with <paramref name="what"/> naming the member in errors
    /// ("total: return value"; a plain-data member names itself as "Order.total"), and
    /// <paramref name="decimalAsString"/> (<c>[HostDecimalAsString]</c> on the member) making a decimal
    /// a string. Host-function returns should come through here so a decimal error names the function.
    /// </summary>
    public object? ToEngine(object? value, string? what, bool decimalAsString = false) => ToEngine(value, what, decimalAsString, copies: null);

    /// <summary>
    /// A host call's return value, as <see cref="ToEngine(object?, string?, bool)"/> converts it, except
    /// that bulk plain data which fits one chunk and which JSON says in full comes back as its JSON
    /// text, with <paramref name="kind"/> telling the call's JS wrapper to decode it (Bootstrap.js
    /// fromHost): the same JS values, without an engine call from .NET to build them.
    /// </summary>
    public object? ToEngineResult(object value, string? what, bool decimalAsString, out ResultKind kind) =>
        ToEngine(value, what, decimalAsString, copies: null, textResult: true, out kind);

    private object? ToEngine(object? value, string? what, bool decimalAsString, EngineCopies? copies) =>
        ToEngine(value, what, decimalAsString, copies, textResult: false, out _);

    private object? ToEngine(object? value, string? what, bool decimalAsString, EngineCopies? copies, bool textResult, out ResultKind kind)
    {
        kind = ResultKind.None;
        switch (value)
        {
            case null:
                return null;
            case JsUndefined:
                return Undefined.Value;
            case JsHandle handle:
                return _context.Resolve(handle, "passing a value to JavaScript");
            case bool or string or int or double or BigInteger:
                return value;
            case char c:
                return c.ToString();
            case sbyte or byte or short or ushort:
                return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            case uint u:
                return (double)u;
            case long l:
                return ExactNumber.FromInt64(l);
            case ulong ul:
                return ExactNumber.FromUInt64(ul);
            case nint n:
                return ExactNumber.FromInt64(n);
            case nuint un:
                return ExactNumber.FromUInt64(un);
            case float f:
                return (double)f;
            case decimal m:
                return decimalAsString ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : ExactNumber.FromDecimal(m, what);
            case DateTime dt:
                return AsUtc(dt);
            case DateTimeOffset dto:
                return dto.UtcDateTime;
            case Enum e:
                return ToEngine(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture), what, false, copies);
            case byte[] bytes:
                return Glue.NewUint8Array(bytes);
            case ReadOnlyMemory<byte> rom:
                return Glue.NewUint8Array(rom.Span);
            case Memory<byte> mem:
                return Glue.NewUint8Array(mem.Span);
            case Delegate function:
                return _context.HostCalls.CreateDelegateFunction(function.Method.Name, function);
            case Task task:
                return _context.HostCalls.CreatePromise(task);
            case ValueTask valueTask:
                return _context.HostCalls.CreatePromise(valueTask.AsTask());
            case not null when value.GetType() is { IsGenericType: true } generic && generic.GetGenericTypeDefinition() == typeof(ValueTask<>):
                return _context.HostCalls.CreatePromise((Task)generic.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(value, null)!);
            case IV8FastHostObject:
                return value;
        }

        if (ScalarRows.TryToEngine(value, out var scalar))
            return scalar;

        if (_context.HostClasses.TryGetJsObject(value, out var hostObject))
            return hostObject;

        if (copies is null && TryToEngineBulk(value, what, textResult, out var bulk, out kind))
            return bulk;
        copies ??= new EngineCopies();
        return Nested(copies, what, () => ToEngineObject(value, what, copies));
    }

    // One level deeper into the .NET graph: bounded, so a deep graph is an error, not a stack overflow.
    private static T Nested<T>(EngineCopies copies, string? what, Func<T> convert)
    {
        if (copies.Depth >= EngineCopies.MaxDepth)
            throw new ArgumentException($"{what ?? "The value"}: the value is nested more than {EngineCopies.MaxDepth} levels deep; it cannot be copied to JavaScript.");
        copies.Depth++;
        try
        {
            return convert();
        }
        finally
        {
            copies.Depth--;
        }
    }

    private object ToEngineObject(object value, string? what, EngineCopies copies)
    {
        var shape = EngineShape.Of(value);
        if (shape == EngineShape.Kind.PlainData)
            return Glue.ObjectFrom(WriteEntries(value, what, copies));
        if (shape == EngineShape.Kind.Tuple)
        {
            // A tuple is a value: each occurrence is its own array.
            var tuple = (System.Runtime.CompilerServices.ITuple)value;
            var array = Glue.NewArray();
            for (var i = 0; i < tuple.Length; i++)
                Glue.Append(array, ToEngine(tuple[i], what is null ? null : $"{what}[{i}]", false, copies));
            return array;
        }

        if (copies.Collections.TryGetValue(value, out var existing))
            return existing;

        switch (shape)
        {
            case EngineShape.Kind.Map:
            {
                var target = Glue.NewMap();
                copies.Collections[value] = target;
                foreach (DictionaryEntry entry in (IDictionary)value)
                    Glue.MapSet(target, ToEngine(entry.Key, what, false, copies), ToEngine(entry.Value, what, false, copies));
                return target;
            }

            case EngineShape.Kind.ReadOnlyMap:
            {
                var target = Glue.NewMap();
                copies.Collections[value] = target;
                foreach (var (key, item) in EngineShape.Pairs(value))
                    Glue.MapSet(target, ToEngine(key, what, false, copies), ToEngine(item, what, false, copies));
                return target;
            }

            case EngineShape.Kind.Set:
            {
                var target = Glue.NewSet();
                copies.Collections[value] = target;
                foreach (var item in (IEnumerable)value)
                    Glue.SetAdd(target, ToEngine(item, what, false, copies));
                return target;
            }
        }

        if (TryGetStringDictionary(value, shape, out var entries))
        {
            var target = Glue.NewObject();
            copies.Collections[value] = target;
            foreach (var (key, item) in entries)
                Glue.DefineValue(target, key, ToEngine(item, what is null ? null : $"{what}.{key}", false, copies));
            return target;
        }

        if (value is IEnumerable sequence)
        {
            var target = Glue.NewArray();
            copies.Collections[value] = target;
            var tape = new List<object?>();
            var rows = 0;
            var index = 0;
            foreach (var item in sequence)
            {
                var itemWhat = what is null ? null : $"{what}[{index}]";
                index++;
                if (item is not null && EngineShape.Of(item) == EngineShape.Kind.PlainData && !_context.HostClasses.TryGetJsObject(item, out _))
                {
                    var members = Nested(copies, itemWhat, () => WriteEntries(item, itemWhat, copies));
                    tape.Add(members.Length / 2);
                    tape.AddRange(members);
                }
                else
                {
                    tape.Add(-1);
                    tape.Add(ToEngine(item, itemWhat, false, copies));
                }

                if (++rows == AppendChunk || tape.Count >= 8 * AppendChunk)
                {
                    Glue.AppendRows(target, tape);
                    tape.Clear();
                    rows = 0;
                }
            }

            if (tape.Count > 0)
                Glue.AppendRows(target, tape);
            return target;
        }

        throw new ArgumentException(
            $"{(what is null ? "" : what + ": ")}A value of type {value.GetType().FullName} cannot be passed to JavaScript. Pass primitives, collections, " +
            "dictionaries, sets, byte arrays, delegates, JS handles, plain data (records, POCOs, structs), or an instance of a [HostClass] type.");
    }

    /// <summary>
    /// Plain data as [name0, value0, …] engine values, from which the glue creates a new plain JS
    /// object whose own data properties they are. A value met again while it is being written is a cycle.
    /// </summary>
    private object?[] WriteEntries(object value, string? what, EngineCopies copies)
    {
        var binding = PlainDataConverter.For(value.GetType())!;
        if (!copies.Writing.Add(value))
        {
            throw new ArgumentException(
                $"{what ?? "The value"}: this {binding.DisplayName} refers back to itself (a cycle). Plain data crosses as a copy, which cannot " +
                "hold a cycle; break the cycle, mark the member [HostIgnore], or make the type a [HostClass] to pass it by reference.");
        }

        try
        {
            var writer = new Binding.HostDataWriter(this, binding.DisplayName, copies);
            binding.Write(value, writer);
            return writer.Entries;
        }
        finally
        {
            copies.Writing.Remove(value);
        }
    }

    /// <summary>One member of a plain-data object as an engine value (<see cref="Binding.HostDataWriter"/>); errors name it "Type.name".</summary>
    internal object? ToEngineMember(string typeName, string name, object? value, bool decimalAsString, EngineCopies copies) =>
        ToEngine(value, $"{typeName}.{name}", decimalAsString, copies);

    private static bool TryGetStringDictionary(object value, EngineShape.Kind shape, out IEnumerable<(string Key, object? Value)> entries)
    {
        switch (shape)
        {
            case EngineShape.Kind.StringDictionary:
                var dictionary = (IDictionary)value;
                entries = dictionary.Keys.Cast<string>().Select(key => (key, dictionary[key]));
                return true;
            case EngineShape.Kind.ReadOnlyStringDictionary:
                entries = EngineShape.Pairs(value).Select(pair => ((string)pair.Key!, pair.Value));
                return true;
            default:
                entries = Array.Empty<(string, object?)>();
                return false;
        }
    }

    private static object NormalizeNumber(double value) =>
        value == Math.Floor(value) && value is >= int.MinValue and <= int.MaxValue && !(value == 0 && double.IsNegative(value))
            ? (int)value
            : (object)value;

    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
