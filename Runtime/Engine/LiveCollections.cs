using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>The LiveCollections.js functions .NET calls (picked once by <see cref="Bridge"/>).</summary>
internal sealed record LiveCollectionGlue(ScriptObject Install, ScriptObject Create, ScriptObject ViewOf, ScriptObject IdOf, ScriptObject ArrayOf, ScriptObject PushAll, ScriptObject Disconnect);

/// <summary>
/// Live views of .NET collections returned by host-class members (api.md §5): JS gets the collection
/// by reference — <c>order.items.push(x)</c> reaches the .NET list, and <c>order.items === order.items</c>.
/// Each .NET collection that reaches JS gets an id; its view (LiveCollections.js) passes the id to one
/// shared fast host function per operation, and the element conversions are the runtime's own
/// (<see cref="Marshaller.ToEngine(object?)"/>, <see cref="Marshaller.ToClr"/>), naming the view in errors.
/// </summary>
/// <remarks>
/// Lifetime mirrors <see cref="HostClassRegistry"/>: the table holds a collection only while its view
/// is alive; the glue keeps views weakly and reports collected ones through a FinalizationRegistry, and
/// the id is released. Ids are never reused, so a late release cannot drop a collection that was handed
/// to JS again under a new id. The release arrives from V8's own task runner, hence the lock.
/// The first view a collection gets fixes the member name its errors show.
/// </remarks>
internal sealed class LiveCollections
{
    // Engine values per call when .NET builds a JS array: far below V8's argument limit.
    private const int ArrayChunk = 4096;

    private readonly Context _context;
    private readonly Dictionary<int, Entry> _entries = new();
    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private int _nextId;
    private bool _installed;

    public LiveCollections(Context context) => _context = context;

    /// <summary>Number of .NET collections currently viewed from JS (for leak tests).</summary>
    internal int LiveViewCount
    {
        get
        {
            lock (_entries)
                return _entries.Count;
        }
    }

    private LiveCollectionGlue Glue => _context.Bridge.LiveCollections;

    /// <summary>
    /// Sets a host call's result to the live view of <paramref name="collection"/>: null is JS null; a
    /// collection without a live shape (an array, a dictionary with non-string keys) is converted as
    /// types.md says, which copies it.
    /// </summary>
    public void SetResult(in V8FastResult result, object? collection, string member)
    {
        if (collection is null)
        {
            result.SetNull();
            return;
        }

        if (LiveShape.Of(collection.GetType(), member) is not { } shape)
        {
            _context.HostCalls.SetResult(result, collection);
            return;
        }

        result.Set(ViewOf(collection, shape, member));
    }

    /// <summary>Whether any view was handed to JS in this context (nothing to look up otherwise).</summary>
    public bool HasViews => _installed;

    /// <summary>The .NET collection behind a live view, or null when <paramref name="value"/> is not one.</summary>
    public object? CollectionOf(ScriptObject value)
    {
        if (!_installed || Glue.IdOf.Invoke(false, value) is not int id)
            return null;
        lock (_entries)
            return _entries.TryGetValue(id, out var entry) ? entry.Collection : null;
    }

    private ScriptObject ViewOf(object collection, LiveShape shape, string member)
    {
        EnsureInstalled();
        int? known;
        lock (_entries)
            known = _ids.TryGetValue(collection, out var id) ? id : null;

        // Alive in JS: the same view. Collected but not yet released: a new view under a new id.
        if (known is { } liveId && Glue.ViewOf.Invoke(false, liveId) is ScriptObject existing)
            return existing;

        var entry = new Entry(collection, shape, member);
        int newId;
        lock (_entries)
        {
            newId = checked(++_nextId);
            _entries[newId] = entry;
            _ids[collection] = newId;
        }

        return (ScriptObject)Glue.Create.Invoke(false, (int)shape.Kind, newId, member, shape.IsReadOnly(collection));
    }

    private void Release(int id)
    {
        lock (_entries)
        {
            if (_entries.Remove(id, out var entry) && _ids.TryGetValue(entry.Collection, out var current) && current == id)
                _ids.Remove(entry.Collection);
        }
    }

    private Entry EntryOf(in V8FastArgs args)
    {
        var id = args.GetInt32(0);
        lock (_entries)
        {
            return _entries.TryGetValue(id, out var entry)
                ? entry
                : throw new InvalidOperationException($"The live collection view {id} is no longer connected to .NET.");
        }
    }

    /// <summary>Creates the shared operations once per context, when the first view is made.</summary>
    private void EnsureInstalled()
    {
        if (_installed)
            return;
        var release = new V8FastHostFunction("release", (bool _, in V8FastArgs args, in V8FastResult _) => Release(args.GetInt32(0)));
        Glue.Install.Invoke(
            false,
            release,
            Op("count", 1, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(entry.Shape.Count(entry.Collection));
            }),
            Op("listGet", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                if (List(entry).TryGet(entry.Collection, args.GetDouble(1), out var item))
                    _context.HostCalls.SetResult(result, item);
                else
                    result.SetUndefined();
            }),
            Op("listSet", 3, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                List(entry).Set(_context, entry.Collection, args.GetDouble(1), Raw(args, 2), entry.Member);
                result.SetUndefined();
            }),
            Op("listSetLength", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                List(entry).SetLength(_context, entry.Collection, args.GetDouble(1), entry.Member);
                result.SetUndefined();
            }),
            Op("listDelete", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(List(entry).Delete(entry.Collection, args.GetDouble(1), entry.Member));
            }),
            Op("listRemoveAt", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                _context.HostCalls.SetResult(result, List(entry).RemoveAt(entry.Collection, args.GetInt32(1), entry.Member));
            }),
            Op("listPush", 1, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(List(entry).Push(_context, entry.Collection, Rest(args, 1), entry.Member));
            }),
            Op("listSplice", 3, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(List(entry).Splice(_context, entry.Collection, args.GetInt32(1), args.GetInt32(2), Rest(args, 3), entry.Member));
            }),
            Op("dictionaryGet", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                if (Dictionary(entry).TryGet(entry.Collection, args.GetString(1), out var value))
                    _context.HostCalls.SetResult(result, value);
                else
                    result.SetUndefined();
            }),
            Op("dictionaryHas", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(Dictionary(entry).Has(entry.Collection, args.GetString(1)));
            }),
            Op("dictionarySet", 3, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                Dictionary(entry).Set(_context, entry.Collection, args.GetString(1), Raw(args, 2), entry.Member);
                result.SetUndefined();
            }),
            Op("dictionaryDelete", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                Dictionary(entry).Delete(entry.Collection, args.GetString(1), entry.Member);
                result.SetUndefined();
            }),
            Op("dictionaryKeys", 1, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(NewArray(Dictionary(entry).Keys(entry.Collection)));
            }),
            Op("setHas", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(Set(entry).Has(_context, entry.Collection, Raw(args, 1), entry.Member));
            }),
            Op("setAdd", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                Set(entry).Add(_context, entry.Collection, Raw(args, 1), entry.Member);
                result.SetUndefined();
            }),
            Op("setDelete", 2, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                result.Set(Set(entry).Delete(_context, entry.Collection, Raw(args, 1), entry.Member));
            }),
            Op("setClear", 1, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                Set(entry).Clear(entry.Collection, entry.Member);
                result.SetUndefined();
            }),
            Op("setItems", 1, (in V8FastArgs args, in V8FastResult result) =>
            {
                var entry = EntryOf(args);
                var items = Set(entry).Items(entry.Collection);
                for (var i = 0; i < items.Length; i++)
                    items[i] = _context.Values.ToEngine(items[i]);
                result.Set(NewArray(items));
            }));
        _installed = true;
    }

    private ScriptObject Op(string name, int length, FastInvoker body) =>
        _context.Bridge.WrapHostFunction(_context.HostCalls.CreateFastFunction(name, body), name, length, byteArguments: 0, _context.HostCalls.TakeError);

    private static object? Raw(in V8FastArgs args, int index) => index < args.Count ? args.Get<object>(index) : Undefined.Value;

    private static object?[] Rest(in V8FastArgs args, int start)
    {
        var rest = new object?[Math.Max(0, args.Count - start)];
        for (var i = 0; i < rest.Length; i++)
            rest[i] = args.Get<object>(start + i);
        return rest;
    }

    /// <summary>A JS array of engine values, built in a few calls however many there are.</summary>
    private ScriptObject NewArray(IReadOnlyList<object?> values)
    {
        ScriptObject? array = null;
        for (var start = 0; start == 0 || start < values.Count; start += ArrayChunk)
        {
            var length = Math.Min(ArrayChunk, values.Count - start);
            var chunk = new object?[array is null ? length : length + 1];
            var offset = array is null ? 0 : 1;
            if (array is not null)
                chunk[0] = array;
            for (var i = 0; i < length; i++)
                chunk[offset + i] = values[start + i];
            array = (ScriptObject)(array is null ? Glue.ArrayOf.Invoke(false, chunk!) : Glue.PushAll.Invoke(false, chunk!));
        }

        return array!;
    }

    private static LiveListShape List(Entry entry) => (LiveListShape)entry.Shape;

    private static LiveDictionaryShape Dictionary(Entry entry) => (LiveDictionaryShape)entry.Shape;

    private static LiveSetShape Set(Entry entry) => (LiveSetShape)entry.Shape;

    /// <summary>One viewed collection: the instance, its shape, and the member name its errors show ("Order.items").</summary>
    private sealed record Entry(object Collection, LiveShape Shape, string Member);
}
