using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>
/// The JavaScript half of the runtime. <c>Primordials.js</c> captures the intrinsics before any user
/// code runs; <c>Bootstrap.js</c>, <c>DataGlue.js</c>, <c>LiveCollections.js</c>, <c>StructuredClone.js</c>, <c>Limits.js</c> and <c>Wasm.js</c> are functions of that
/// table, so nothing a script later does to the built-ins changes what the glue does. This class only
/// gives each helper a typed .NET signature.
/// </summary>
internal sealed class Bridge
{
    private readonly ScriptObject _describeError;
    private readonly ScriptObject _hostError;
    private readonly ScriptObject _wrapHostFunction;
    private readonly ScriptObject _defineGlobal;
    private readonly ScriptObject _freeze;
    private readonly ScriptObject _keys;
    private readonly ScriptObject _hasOwn;
    private readonly ScriptObject _has;
    private readonly ScriptObject _remove;
    private readonly ScriptObject _get;
    private readonly ScriptObject _elementAt;
    private readonly ScriptObject _set;
    private readonly ScriptObject _defineValue;
    private readonly ScriptObject _newObject;
    private readonly ScriptObject _newArray;
    private readonly ScriptObject _indexOf;
    private readonly ScriptObject _append;
    private readonly ScriptObject _insert;
    private readonly ScriptObject _removeAt;
    private readonly ScriptObject _setLength;
    private readonly ScriptObject _apply;
    private readonly ScriptObject _bindCall;
    private readonly ScriptObject _newUint8Array;
    private readonly ScriptObject _typedArrayName;
    private readonly ScriptObject _displayString;
    private readonly ScriptObject _watchPromise;
    private readonly ScriptObject _parseJson;
    private readonly ScriptObject _newPromise;
    private readonly ScriptObject _defineClass;
    private readonly ScriptObject _setHostObjectRelease;
    private readonly ScriptObject _hostIdOf;
    private readonly ScriptObject _hostObjectOf;
    private readonly ScriptObject _checkFunctionBody;
    private readonly ScriptObject _parsesAsAsyncBody;
    private readonly ScriptObject _checkAsyncBody;
    private readonly ScriptObject _pick;
    private readonly ScriptObject _newMap;
    private readonly ScriptObject _newSet;
    private readonly ScriptObject _mapSet;
    private readonly ScriptObject _setAdd;
    private readonly ScriptObject _mapEntries;
    private readonly ScriptObject _setValues;
    private readonly ScriptObject _objectFrom;
    private readonly ScriptObject _appendAll;
    private readonly ScriptObject _appendRows;
    private readonly ScriptObject _readers;
    private readonly (ScriptObject Bootstrap, ScriptObject Limits) _disconnect;
    private readonly V8ScriptEngine _engine;
    private readonly ScriptObject _primordials;
    private readonly bool _nameForDebugger;

    /// <param name="nameForDebugger">Whether the inspector is on: glue then shows in debuggers as <c>v8host:&lt;name&gt;</c> (Debugging/SourceUrl.cs).</param>
    /// <param name="maxWasmMemoryPages">IsolateOptions.MaxWasmMemoryBytes in 64 KiB pages, or infinity.</param>
    public Bridge(V8ScriptEngine engine, V8FastHostFunction arrayBufferBytesAvailable, V8FastHostFunction finalizationPending, bool nameForDebugger, double maxWasmMemoryPages)
    {
        _nameForDebugger = nameForDebugger;
        _engine = engine;
        _primordials = GlueScripts.Run(engine, "v8host:primordials", Named("v8host:primordials", GlueScripts.Source("Primordials")), static value => (ScriptObject)value);
        ScriptObject Load(string name, params object[] more) => LoadGlue(name, more);

        // Functions read with ScriptObject.GetProperty are ~40x slower to invoke later (ClearScript
        // keeps them as bound property values); read through a JS call instead.
        _pick = GlueScripts.Run(engine, "v8host:pick", Named("v8host:pick", GlueScripts.Source("Pick")), static value => (ScriptObject)value);
        var helpers = Load("Bootstrap");
        ScriptObject Helper(string name) => Pick(helpers, name);
        _describeError = Helper("describeError");
        _hostError = Helper("hostError");
        _wrapHostFunction = Helper("wrapHostFunction");
        _defineGlobal = Helper("defineGlobal");
        _freeze = Helper("freeze");
        _keys = Helper("keys");
        _hasOwn = Helper("hasOwn");
        _has = Helper("has");
        _remove = Helper("remove");
        _get = Helper("get");
        _elementAt = Helper("elementAt");
        _set = Helper("set");
        _defineValue = Helper("defineValue");
        _newObject = Helper("newObject");
        _newArray = Helper("newArray");
        _indexOf = Helper("indexOf");
        _append = Helper("append");
        _insert = Helper("insert");
        _removeAt = Helper("removeAt");
        _setLength = Helper("setLength");
        _apply = Helper("apply");
        _bindCall = Helper("bindCall");
        _newUint8Array = Helper("newUint8Array");
        _typedArrayName = Helper("typedArrayName");
        _displayString = Helper("displayString");
        _watchPromise = Helper("watchPromise");
        _parseJson = Helper("parseJson");
        _newPromise = Helper("newPromise");
        _defineClass = Helper("defineClass");
        _setHostObjectRelease = Helper("setHostObjectRelease");
        _hostIdOf = Helper("hostIdOf");
        _hostObjectOf = Helper("hostObjectOf");
        // Created now: the glue stages byte arguments into it ahead of every host call.
        Transfer = new TransferBuffer(Helper("transferBuffer"), (ScriptObject)Helper("signals").Invoke(false));
        Transfer.Int32s(1);
        _checkFunctionBody = Helper("checkFunctionBody");
        _parsesAsAsyncBody = Helper("parsesAsAsyncBody");
        _checkAsyncBody = Helper("checkAsyncBody");

        var data = Load("DataGlue");
        _newMap = Pick(data, "newMap");
        _newSet = Pick(data, "newSet");
        _mapSet = Pick(data, "mapSet");
        _setAdd = Pick(data, "setAdd");
        _mapEntries = Pick(data, "mapEntries");
        _setValues = Pick(data, "setValues");
        _objectFrom = Pick(data, "objectFrom");
        _appendAll = Pick(data, "appendAll");
        _appendRows = Pick(data, "appendRows");
        _readers = Pick(data, "readers");

        var live = Load("LiveCollections");
        LiveCollections = new LiveCollectionGlue(
            Pick(live, "install"), Pick(live, "create"), Pick(live, "viewOf"), Pick(live, "idOf"), Pick(live, "arrayOf"), Pick(live, "pushAll"), Pick(live, "disconnect"));

        // Host objects and live views are refused by name instead of being cloned as `{}`.
        HostClassOf = Helper("hostClassOf");
        DisplayName = Helper("displayName");
        var clone = Load("StructuredClone", HostClassOf, Pick(live, "viewName"));
        StructuredClone = (Pick(clone, "serialize"), Pick(clone, "deserialize"));
        StructuredCloneGlue = clone;

        var limits = Load("Limits");
        var wasmLimits = Pick(limits, "install").Invoke(false, arrayBufferBytesAvailable, finalizationPending, maxWasmMemoryPages);
        Wasm = new WasmGlue(LoadGlue("Wasm", wasmLimits), Pick);
        RunFinalizationCallbacks = Pick(limits, "runFinalizationCallbacks");
        _disconnect = (Helper("disconnect"), Pick(limits, "disconnect"));
        ErrorMarker = (ScriptObject)engine.Evaluate(EngineCore.Document("v8host:error-marker"), Named("v8host:error-marker", "Object.freeze({ __proto__: null })"));
        _bulk = LoadBulk(helpers);
    }

    /// <summary>The WebAssembly helpers (Wasm.js), behind Context.CompileWasm and the Wasm* handles.</summary>
    public WasmGlue Wasm { get; }

    /// <summary>The context's transfer buffer (host objects by id, byte buffers by copy).</summary>
    public TransferBuffer Transfer { get; }

    /// <summary>The value a fast host function returns to tell its JS wrapper "throw the pending host error".</summary>
    public ScriptObject ErrorMarker { get; }

    /// <summary>The class name of a host object, or undefined for any other value (Bootstrap.js hostClassOf; the console shows it).</summary>
    public ScriptObject HostClassOf { get; }

    /// <summary>The user's name of a resource name V8 reports (Bootstrap.js displayName; EngineCore.DisplayName is the .NET twin).</summary>
    public ScriptObject DisplayName { get; }

    /// <summary>The live-collection views (LiveCollections.js).</summary>
    public LiveCollectionGlue LiveCollections { get; }

    /// <summary>The structured-clone codec.</summary>
    public (ScriptObject Serialize, ScriptObject Deserialize) StructuredClone { get; }

    /// <summary>StructuredClone.js's whole table, for the global <c>structuredClone</c> (WebApis).</summary>
    public ScriptObject StructuredCloneGlue { get; }

    /// <summary>Runs the FinalizationRegistry callbacks V8 queued since the last run (a script call: it may loop or throw).</summary>
    public ScriptObject RunFinalizationCallbacks { get; }

    /// <summary>
    /// Cuts the glue's links to .NET before the context is disposed: V8 can run a FinalizationRegistry
    /// task after ClearScript has freed the context, and a host call from it would crash the process.
    /// </summary>
    public void Disconnect()
    {
        _disconnect.Bootstrap.Invoke(false);
        _disconnect.Limits.Invoke(false);
        LiveCollections.Disconnect.Invoke(false);
    }

    public object?[] DescribeError(object? thrown) =>
        ((IList<object?>)_describeError.Invoke(false, thrown)).ToArray();

    public ScriptObject HostError(int kind, string message, int id) => (ScriptObject)_hostError.Invoke(false, kind, message, id);

    public ScriptObject WrapHostFunction(V8FastHostFunction host, string name, int length, int byteArguments, V8FastHostFunction takeError) =>
        (ScriptObject)_wrapHostFunction.Invoke(false, host, name, length, byteArguments, ErrorMarker, takeError);

    /// <summary>Defines a JS class; returns it and its "adopt an existing .NET instance" function.</summary>
    public (ScriptObject Class, ScriptObject Adopt) DefineClass(string name, int length, V8FastHostFunction construct, ScriptObject members, V8FastHostFunction takeError)
    {
        var parts = (IList<object>)_defineClass.Invoke(false, name, length, construct, members, ErrorMarker, takeError);
        return ((ScriptObject)parts[0], (ScriptObject)parts[1]);
    }

    public void SetHostObjectRelease(V8FastHostFunction release, V8FastHostFunction renew) => _setHostObjectRelease.Invoke(false, release, renew);

    /// <summary>The host-object id of a JS object (an instance of a host class), or null.</summary>
    public int? HostIdOf(ScriptObject value) => _hostIdOf.Invoke(false, value) is int id ? id : null;

    /// <summary>The live JS object of a host-object id, or null once it was collected.</summary>
    public ScriptObject? HostObjectOf(int id) => _hostObjectOf.Invoke(false, id) as ScriptObject;

    public void DefineGlobal(string path, object? value) => _defineGlobal.Invoke(false, path, value);

    /// <summary>Throws a SyntaxError (as a script exception) unless <paramref name="body"/> is one function body.</summary>
    public void CheckFunctionBody(IReadOnlyList<string> parameters, string body) => _checkFunctionBody.Invoke(false, NewArray(parameters), body);

    /// <summary>Whether <paramref name="body"/> parses as the body of an async function; runs nothing.</summary>
    public bool ParsesAsAsyncBody(string body) => _parsesAsAsyncBody.Invoke(false, body) is true;

    /// <summary>Throws V8's SyntaxError (as a script exception) unless <paramref name="body"/> is one async function's body; runs nothing.</summary>
    public void CheckAsyncBody(string body) => _checkAsyncBody.Invoke(false, body);

    public void Freeze(ScriptObject target) => _freeze.Invoke(false, target);

    public IEnumerable<string> Keys(ScriptObject target) =>
        ((IList<object>)_keys.Invoke(false, target)).Cast<string>().ToArray();

    public bool HasOwn(ScriptObject target, string key) => (bool)_hasOwn.Invoke(false, target, key);

    public bool Has(ScriptObject target, string key) => (bool)_has.Invoke(false, target, key);

    public bool Remove(ScriptObject target, object key) => (bool)_remove.Invoke(false, target, key);

    public object Get(ScriptObject target, object key) => _get.Invoke(false, target, key);

    /// <summary>Element <paramref name="index"/> (≥ 0) of an array, or undefined when it is past the array's length (or is undefined).</summary>
    public object ElementAt(ScriptObject array, int index) => _elementAt.Invoke(false, array, index);

    /// <summary>JS assignment (setters run); false when the object refused the write.</summary>
    public bool Set(ScriptObject target, object key, object? value) => (bool)_set.Invoke(false, target, key, value);

    /// <summary>Defines an own data property (no inherited setter sees it); false when the object refused it.</summary>
    public bool DefineValue(ScriptObject target, object key, object? value) => (bool)_defineValue.Invoke(false, target, key, value);

    public ScriptObject NewObject() => (ScriptObject)_newObject.Invoke(false);

    public ScriptObject NewArray() => (ScriptObject)_newArray.Invoke(false);

    public int IndexOf(ScriptObject array, object? item) => System.Convert.ToInt32(_indexOf.Invoke(false, array, item), System.Globalization.CultureInfo.InvariantCulture);

    public void Append(ScriptObject array, object? item) => _append.Invoke(false, array, item);

    public void Insert(ScriptObject array, int index, object? item) => _insert.Invoke(false, array, index, item);

    public void RemoveAt(ScriptObject array, int index) => _removeAt.Invoke(false, array, index);

    public bool SetLength(ScriptObject array, int length) => (bool)_setLength.Invoke(false, array, length);

    public object Apply(ScriptObject function, object? thisArg, ScriptObject args) => _apply.Invoke(false, function, thisArg, args);

    /// <summary>
    /// The guarded call of <paramref name="function"/> (Bootstrap.js bindCall), with <c>this</c>
    /// undefined, which <see cref="CallGuarded"/> invokes with the arguments as engine values.
    /// </summary>
    public ScriptObject BindCall(ScriptObject function) => (ScriptObject)_bindCall.Invoke(false, function);

    /// <summary>
    /// Invokes a guarded call from <see cref="BindCall"/>; <paramref name="transferred"/> of its
    /// arguments are in the transfer buffer (<see cref="HostClassRegistry.TransferArguments"/>), 0 for none.
    /// </summary>
    public object CallGuarded(ScriptObject guardedCall, object?[] args, int transferred)
    {
        Transfer.TransferredArguments = transferred;
        return guardedCall.Invoke(false, args);
    }

    public ScriptObject NewUint8Array(ReadOnlySpan<byte> bytes)
    {
        var array = (ScriptObject)_newUint8Array.Invoke(false, bytes.Length);
        if (bytes.Length > 0)
            ((Microsoft.ClearScript.JavaScript.ITypedArray<byte>)array).WriteBytes(bytes.ToArray(), 0, (ulong)bytes.Length, 0);
        return array;
    }

    /// <summary>A new plain object with own data properties from [key0, value0, key1, value1, …] (engine values), in one call.</summary>
    public ScriptObject ObjectFrom(object?[] entries) => (ScriptObject)_objectFrom.Invoke(false, entries);

    /// <summary>Appends the first <paramref name="count"/> of <paramref name="items"/> (engine values) to an array the glue created, in one call.</summary>
    public void AppendAll(ScriptObject array, object?[] items, int count)
    {
        var args = new object?[count + 1];
        args[0] = array;
        Array.Copy(items, 0, args, 1, count);
        _appendAll.Invoke(false, args);
    }

    /// <summary>
    /// Batched readers bound to <paramref name="receive"/>: <c>Fields(source, name…)</c> reads the named
    /// properties, <c>Elements(array, start, count)</c> a range of elements, <c>Rows(array, start, count, name…)</c>
    /// a range of elements each followed by a prefetched flag and its named properties, <c>Entries(source, keys, start,
    /// count, withValues)</c> a range of own enumerable keys, each with its value; each passes the values,
    /// in order, to one call of <paramref name="receive"/>.
    /// </summary>
    public (ScriptObject Fields, ScriptObject Elements, ScriptObject Rows, ScriptObject Entries) Readers(V8FastHostFunction receive)
    {
        var readers = (ScriptObject)_readers.Invoke(false, receive);
        return (Pick(readers, "fields"), Pick(readers, "elements"), Pick(readers, "rows"), Pick(readers, "entries"));
    }

    /// <summary>
    /// Appends to an array the glue created, from a tape of rows (engine values): <c>-1, value</c>
    /// appends a value; <c>n, key1, value1 … keyN, valueN</c> appends a new plain object.
    /// </summary>
    public void AppendRows(ScriptObject array, List<object?> tape)
    {
        var args = new object?[tape.Count + 1];
        args[0] = array;
        tape.CopyTo(args, 1);
        _appendRows.Invoke(false, args);
    }

    public ScriptObject NewMap() => (ScriptObject)_newMap.Invoke(false);

    public ScriptObject NewSet() => (ScriptObject)_newSet.Invoke(false);

    public void MapSet(ScriptObject map, object? key, object? value) => _mapSet.Invoke(false, map, key, value);

    public void SetAdd(ScriptObject set, object? value) => _setAdd.Invoke(false, set, value);

    /// <summary>A Map's entries as [key0, value0, key1, value1, …], or null when the value is not a genuine Map.</summary>
    public ScriptObject? MapEntries(object? value) => _mapEntries.Invoke(false, value) as ScriptObject;

    /// <summary>A Set's elements, or null when the value is not a genuine Set.</summary>
    public ScriptObject? SetValues(object? value) => _setValues.Invoke(false, value) as ScriptObject;

    public string TypedArrayName(ScriptObject view) => (string)_typedArrayName.Invoke(false, view);

    public string DisplayString(ScriptObject target) => (string)_displayString.Invoke(false, target);

    public void WatchPromise(ScriptObject promise, V8FastHostFunction onSettled) => _watchPromise.Invoke(false, promise, onSettled);

    public object ParseJson(string json) => _parseJson.Invoke(false, json);

    /// <summary>A new pending promise with its resolve and reject functions.</summary>
    public (ScriptObject Promise, ScriptObject Resolve, ScriptObject Reject) NewPromise()
    {
        var parts = (IList<object>)_newPromise.Invoke(false);
        return ((ScriptObject)parts[0], (ScriptObject)parts[1], (ScriptObject)parts[2]);
    }

    private ScriptObject NewArray(IReadOnlyList<string> items)
    {
        var array = NewArray();
        foreach (var item in items)
            Append(array, item);
        return array;
    }

    /// <summary>
    /// Runs the embedded glue script <paramref name="name"/><c>.js</c> (a function of the primordials
    /// table and <paramref name="args"/>) and returns its table of helpers. Built-in host APIs load
    /// their glue through this while the context is being set up, before any user code runs.
    /// </summary>
    public ScriptObject LoadGlue(string name, params object[] args) =>
        RunGlue(name, args) as ScriptObject ?? throw new InvalidOperationException($"The runtime's glue '{name}' returned no table.");

    /// <summary>Runs embedded glue file <paramref name="name"/> for its effects; returns its completion value.</summary>
    public object? RunGlue(string name, params object[] args) =>
        GlueScripts.Run(_engine, "v8host:" + name, Named("v8host:" + name, GlueScripts.Source(name)), glue => ((ScriptObject)glue).Invoke(false, [_primordials, .. args]));

    /// <summary>The glue's text as V8 compiles it: with the inspector on, named for the debugger (blackboxed there by its v8host: prefix).</summary>
    private string Named(string name, string source) => _nameForDebugger ? Debugging.SourceUrl.Append(source, name) : source;

    /// <summary>A helper from a glue table, read through <c>Pick.js</c> (see there why not <c>GetProperty</c>).</summary>
    public ScriptObject Pick(ScriptObject table, string name) =>
        _pick.Invoke(false, table, name) as ScriptObject ?? throw new InvalidOperationException($"The runtime's glue has no helper '{name}'.");

    // Bulk plain data (BulkData.js): a whole graph in one engine call per large chunk.
    private readonly (ScriptObject Decode, ScriptObject Reader) _bulk;

    private (ScriptObject Decode, ScriptObject Reader) LoadBulk(ScriptObject helpers)
    {
        var bulk = LoadGlue("BulkData", _hostIdOf, LiveCollections.IdOf);
        var decode = Pick(bulk, "decode");
        Pick(helpers, "setBulkDecode").Invoke(false, decode);
        return (decode, Pick(bulk, "reader"));
    }

    /// <summary>
    /// Builds JS values from bulk JSON text and side values (Bulk/BulkJsonWriter.cs): <paramref name="mode"/>
    /// 0 returns the new item array, 1 its only item, 2 appends the items to <paramref name="target"/> and returns it.
    /// </summary>
    public object BulkDecode(int mode, ScriptObject? target, string text, object?[] side)
    {
        var args = new object?[side.Length + 3];
        args[0] = mode;
        args[1] = target;
        args[2] = text;
        side.CopyTo(args, 3);
        return _bulk.Decode.Invoke(false, args);
    }

    /// <summary>The schema-directed bulk reader (BulkData.js <c>reader</c>) bound to <paramref name="receive"/>.</summary>
    public ScriptObject BulkReader(V8FastHostFunction receive) => (ScriptObject)_bulk.Reader.Invoke(false, receive);
}
