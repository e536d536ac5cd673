using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using V8Host;

namespace ScriptServer;

/// <summary>
/// Converts a script's completion value to JSON on the .NET side, from what an untyped Eval returns
/// (docs/runtime.md, "Values"), never through the script's own <c>JSON.stringify</c>, which a script
/// can replace. Primitives, arrays and plain objects convert; null and undefined are null. Anything
/// JSON cannot carry as it is (functions, symbols, Maps, bigints, NaN, cycles, a result past the
/// size limit) throws <see cref="ResultException"/> naming it, rather than changing the value.
/// </summary>
/// <remarks>
/// Reading an object's properties runs its getters and a proxy's traps, as <c>JSON.stringify</c>
/// would; the caller bounds the whole conversion in time (<see cref="ScriptRunner"/>).
/// </remarks>
public sealed class ResultConverter(int maxCharacters, int maxDepth)
{
    private readonly List<object> _path = [];  // keys and indexes down to the value being converted
    private long _charactersLeft = maxCharacters;

    public JsonNode? Convert(object? value) => Convert(value, 0);

    private JsonNode? Convert(object? value, int depth)
    {
        // Each value is charged the characters it takes in JSON (escapes aside), so the limit is the text's size.
        switch (value)
        {
            case null or JsUndefined:
                Charge(4);
                return null;
            case bool flag:
                Charge(flag ? 4 : 5);
                return JsonValue.Create(flag);
            case int number:
                Charge(number.ToString(CultureInfo.InvariantCulture).Length);
                return JsonValue.Create(number);
            case double number when double.IsFinite(number):
                Charge(number.ToString("R", CultureInfo.InvariantCulture).Length);
                return JsonValue.Create(number);
            case double number:
                throw new ResultException($"{Path} is {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot carry.");
            case string text:
                Charge(text.Length + 2);
                return JsonValue.Create(text);
            case BigInteger:
                throw new ResultException($"{Path} is a bigint, which JSON cannot carry (convert it with String() or Number() first).");
            case DateTime date:
                // A Date is an instant; JSON.stringify writes it as this ISO 8601 text too.
                Charge(26);
                return JsonValue.Create(date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            case JsFunction:
                throw new ResultException($"{Path} is a function, which JSON cannot carry.");
            case JsPromise:
                throw new ResultException($"{Path} is a Promise: the server returns completion values as they are and does not wait for promises.");
            case JsArrayBuffer or JsTypedArray:
                throw new ResultException($"{Path} is binary data (an ArrayBuffer or typed array), which JSON cannot carry (convert it with Array.from first).");
            case JsArray array:
                return ConvertArray(array, depth);
            case JsObject obj:
                return ConvertObject(obj, depth);
            default:
                // Symbols, host objects: the runtime hands over something that is not data.
                throw new ResultException($"{Path} is {Describe(value)}, which JSON cannot carry.");
        }
    }

    private JsonArray ConvertArray(JsArray array, int depth)
    {
        using (array)
        {
            CheckDepth(depth);
            var count = array.Count;
            Charge(2L + Math.Max(0, count - 1)); // brackets and commas, before reading: new Array(1e9) fails here, not after a billion reads
            var result = new JsonArray();
            for (var i = 0; i < count; i++)
            {
                _path.Add(i);
                result.Add(Convert(array[i], depth + 1));
                _path.RemoveAt(_path.Count - 1);
            }
            return result;
        }
    }

    private JsonObject ConvertObject(JsObject obj, int depth)
    {
        using (obj)
        {
            // The runtime's display string is Object.prototype.toString, taken before any user code
            // ran: "[object Object]" for plain objects and instances of classes, "[object Map]" ….
            var kind = obj.ToString();
            if (kind != "[object Object]")
                throw new ResultException($"{Path} is {Describe(kind)}, which JSON cannot carry as it is (convert it to an array or a plain object first).");
            CheckDepth(depth);
            Charge(2);
            var result = new JsonObject();
            foreach (var key in obj.Keys)
            {
                Charge(key.Length + 4); // "key": and the comma
                _path.Add(key);
                result[key] = Convert(obj[key], depth + 1);
                _path.RemoveAt(_path.Count - 1);
            }

            return result;
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth >= maxDepth)
            throw new ResultException($"{Path} nests deeper than {maxDepth} levels: the result is cyclic or too deep for the server.");
    }

    private void Charge(long characters)
    {
        _charactersLeft -= characters;
        if (_charactersLeft < 0)
            throw new ResultException($"The result is larger than {maxCharacters:N0} characters of JSON (the server's limit; it passed it at {Path.ToLowerInvariant()[0]}{Path[1..]}).");
    }

    private static string Describe(object value) => value switch
    {
        "[object Map]" => "a Map",
        "[object Set]" => "a Set",
        "[object WeakMap]" or "[object WeakSet]" or "[object WeakRef]" => $"a {((string)value)[8..^1]}",
        "[object Error]" => "an Error",
        "[object RegExp]" => "a RegExp",
        string kind when kind.StartsWith("[object ", StringComparison.Ordinal) => $"an object of kind {kind[8..^1]}",
        string kind => kind,
        _ when value.GetType().FullName == "Microsoft.ClearScript.Undefined" => "undefined",
        _ when value.GetType().Name.Contains("Symbol", StringComparison.OrdinalIgnoreCase) => "a symbol",
        _ => $"a host value ({value.GetType().Name})",
    };

    /// <summary>Where the conversion is, as a JS expression: <c>the result.items[3].name</c>.</summary>
    private string Path
    {
        get
        {
            var text = new System.Text.StringBuilder("The result");
            foreach (var segment in _path)
                text.Append(segment is int index ? $"[{index}]" : $".{segment}");
            return text.Length <= 100 ? text.ToString() : string.Concat(text.ToString(0, 97), "...");
        }
    }
}

/// <summary>A completion value JSON cannot carry, or one past the server's limits.</summary>
public sealed class ResultException(string message) : Exception(message);
