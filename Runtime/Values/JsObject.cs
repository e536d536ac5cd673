using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.ClearScript;

namespace V8Host;

/// <summary>
/// A JavaScript object as a live <see cref="IDictionary{TKey,TValue}"/>: reads and writes go to the
/// object itself. Keys are its own enumerable string keys (<c>Object.keys</c>); the indexer also reads
/// inherited properties (getters of class instances, for example).
/// </summary>
public class JsObject : JsHandle, IDictionary<string, object?>
{
    internal JsObject(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>Gets or sets a property. Reading a property the object does not have throws <see cref="KeyNotFoundException"/>.</summary>
    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The JavaScript object has no property '{key}'.");
        set => Set(key, value);
    }

    /// <summary>Reads property <paramref name="key"/> converted to <typeparamref name="T"/> (types.md).</summary>
    /// <exception cref="InvalidCastException">The value cannot be converted to <typeparamref name="T"/>.</exception>
    public T Get<T>(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Use("Get", target => Context.ConvertResult<T>(Context.Bridge.Get(target, key), $"property '{key}'"));
    }

    /// <summary>Writes property <paramref name="key"/> as a JS assignment would (setters run); .NET collections are copied into JS values.</summary>
    /// <exception cref="InvalidOperationException">The object refused the write (a read-only property, a frozen object, a setter-less accessor).</exception>
    public void Set(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Use("Set", target =>
        {
            if (!Context.Bridge.Set(target, key, Context.Values.ToEngine(value)))
                throw new InvalidOperationException($"JsObject.Set: the JavaScript object refused the write to '{key}' (read-only, frozen or without a setter).");
        });
    }

    /// <inheritdoc />
    public ICollection<string> Keys => Use("Keys", target => Entries(target, withValues: false, "JsObject.Keys").Select(entry => entry.Key).ToArray());

    /// <inheritdoc />
    public ICollection<object?> Values => Use("Values", target => Entries(target, withValues: true, "JsObject.Values").Select(entry => entry.Value).ToArray());

    /// <inheritdoc />
    public int Count => Use("Count", target => Entries(target, withValues: false, "JsObject.Count").Count);

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        Use("Add", target =>
        {
            if (Context.Bridge.HasOwn(target, key))
                throw new ArgumentException($"The JavaScript object already has a property '{key}'.", nameof(key));
            if (!Context.Bridge.DefineValue(target, key, Context.Values.ToEngine(value)))
                throw new InvalidOperationException($"JsObject.Add: the JavaScript object refused the new property '{key}' (it is frozen or not extensible).");
        });
    }

    /// <inheritdoc />
    public bool ContainsKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Use("ContainsKey", target => Context.Bridge.HasOwn(target, key));
    }

    /// <inheritdoc />
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Use("Remove", target => Context.Bridge.HasOwn(target, key) && Context.Bridge.Remove(target, key));
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        // One engine call unless the value is undefined: only then can the property be missing.
        var (found, result) = Use("TryGetValue", target => Context.Bridge.Get(target, key) is var raw && (raw is not Undefined || Context.Bridge.Has(target, key))
            ? (true, Context.Values.ToHost(raw))
            : (false, null));
        value = result;
        return found;
    }

    /// <inheritdoc />
    public void Clear() => Use("Clear", target =>
    {
        foreach (var (key, _) in Entries(target, withValues: false, "JsObject.Clear"))
            Context.Bridge.Remove(target, key);
    });

    /// <summary>A snapshot of the own enumerable properties, taken when enumeration starts.</summary>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Use("GetEnumerator", target => Entries(target, withValues: true, "JsObject.GetEnumerator")).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this)
            array[arrayIndex++] = pair;
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)this).Contains(item) && Remove(item.Key);

    // Keys (and values, as .NET values) in one engine call per chunk of keys, not one per key and value.
    private List<KeyValuePair<string, object?>> Entries(ScriptObject target, bool withValues, string what)
    {
        var entries = Context.Values.ReadEntries(target, withValues, what);
        if (withValues)
        {
            for (var i = 0; i < entries.Count; i++)
                entries[i] = new(entries[i].Key, Context.Values.ToHost(entries[i].Value));
        }

        return entries;
    }
}
