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
    // Integers beyond ±2^53 are not exact as JS numbers: they cross as bigint (types.md).
    private const long MaxSafeInteger = (1L << 53) - 1;

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
        return _context.Track(target, kind switch
        {
            JavaScriptObjectKind.Array => static (c, id) => new JsArray(c, id),
            JavaScriptObjectKind.Function => static (c, id) => new JsFunction(c, id),
            JavaScriptObjectKind.Promise => static (c, id) => new JsPromise(c, id),
            JavaScriptObjectKind.ArrayBuffer => static (c, id) => new JsArrayBuffer(c, id),
            JavaScriptObjectKind.TypedArray or JavaScriptObjectKind.DataView => static (c, id) => new JsTypedArray(c, id),
            _ => static (c, id) => new JsObject(c, id),
        });
    }

    /// <summary>A .NET value as an engine value. Collections and byte buffers are copied.</summary>
    public object? ToEngine(object? value) => ToEngine(value, null);

    private object? ToEngine(object? value, Dictionary<object, ScriptObject>? copies)
    {
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
                return l is >= -MaxSafeInteger and <= MaxSafeInteger ? (object)l : new BigInteger(l);
            case ulong ul:
                return ul <= MaxSafeInteger ? (object)(long)ul : new BigInteger(ul);
            case float f:
                return (double)f;
            case decimal m:
                return (double)m;
            case DateTime dt:
                return AsUtc(dt);
            case DateTimeOffset dto:
                return dto.UtcDateTime;
            case Enum e:
                return ToEngine(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), System.Globalization.CultureInfo.InvariantCulture), copies);
            case byte[] bytes:
                return _context.Bridge.NewUint8Array(bytes);
            case ReadOnlyMemory<byte> rom:
                return _context.Bridge.NewUint8Array(rom.Span);
            case Memory<byte> mem:
                return _context.Bridge.NewUint8Array(mem.Span);
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

        if (_context.HostClasses.TryGetJsObject(value, out var hostObject))
            return hostObject;

        copies ??= new Dictionary<object, ScriptObject>(ReferenceEqualityComparer.Instance);
        if (copies.TryGetValue(value, out var existing))
            return existing;

        if (TryGetStringDictionary(value, out var entries))
        {
            var target = _context.Bridge.NewObject();
            copies[value] = target;
            foreach (var (key, item) in entries)
                _context.Bridge.DefineValue(target, key, ToEngine(item, copies));
            return target;
        }

        if (value is IEnumerable sequence)
        {
            var target = _context.Bridge.NewArray();
            copies[value] = target;
            foreach (var item in sequence)
                _context.Bridge.Append(target, ToEngine(item, copies));
            return target;
        }

        throw new ArgumentException(
            $"A value of type {value.GetType().FullName} cannot be passed to JavaScript. Pass primitives, collections, " +
            "dictionaries with string keys, byte arrays, delegates, JS handles, or an instance of a [HostClass] type.");
    }

    private static bool TryGetStringDictionary(object value, out IEnumerable<(string Key, object? Value)> entries)
    {
        if (value is IDictionary dictionary)
        {
            foreach (var key in dictionary.Keys)
            {
                if (key is not string)
                {
                    throw new ArgumentException(
                        $"A {value.GetType().Name} with {key?.GetType().Name ?? "null"} keys cannot be passed to JavaScript: only string keys map to object properties.");
                }
            }

            entries = dictionary.Keys.Cast<string>().Select(key => (key, dictionary[key]));
            return true;
        }

        // IReadOnlyDictionary<string, T> without IDictionary: read it through its enumerator.
        var readOnly = value.GetType().GetInterfaces().FirstOrDefault(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string));
        if (readOnly is not null)
        {
            var keyProperty = typeof(KeyValuePair<,>).MakeGenericType(readOnly.GetGenericArguments()).GetProperty("Key")!;
            var valueProperty = keyProperty.DeclaringType!.GetProperty("Value")!;
            entries = ((IEnumerable)value).Cast<object>().Select(pair => ((string)keyProperty.GetValue(pair)!, valueProperty.GetValue(pair)));
            return true;
        }

        entries = Array.Empty<(string, object?)>();
        return false;
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
