using Microsoft.ClearScript;

namespace V8Host.Engine;

/// <summary>
/// Typed .NET signatures for Wasm.js, the WebAssembly helpers captured before any user code runs:
/// everything <see cref="Context.CompileWasm"/>, <see cref="Context.InstantiateWasm"/> and the Wasm*
/// handles do in JS goes through here, never through the (script-replaceable) <c>WebAssembly</c> global.
/// </summary>
internal sealed class WasmGlue
{
    private readonly ScriptObject? _validate;
    private readonly ScriptObject? _compile;
    private readonly ScriptObject? _describe;
    private readonly ScriptObject? _newImports;
    private readonly ScriptObject? _addImport;
    private readonly ScriptObject? _bigIntResult;
    private readonly ScriptObject? _instantiate;
    private readonly ScriptObject? _instantiateAsync;
    private readonly ScriptObject? _pairOf;
    private readonly ScriptObject? _exportOf;
    private readonly ScriptObject? _newMemory;
    private readonly ScriptObject? _memoryBuffer;
    private readonly ScriptObject? _memoryGrow;
    private readonly ScriptObject? _globalGet;
    private readonly ScriptObject? _globalSet;

    public WasmGlue(ScriptObject table, Func<ScriptObject, string, ScriptObject> pick)
    {
        // Without WebAssembly (V8 in jitless mode has none) the table holds only `available: false`.
        Available = table.GetProperty("available") is true;
        if (!Available)
            return;
        _validate = pick(table, "validate");
        _compile = pick(table, "compile");
        _describe = pick(table, "describe");
        _newImports = pick(table, "newImports");
        _addImport = pick(table, "addImport");
        _bigIntResult = pick(table, "bigIntResult");
        _instantiate = pick(table, "instantiate");
        _instantiateAsync = pick(table, "instantiateAsync");
        _pairOf = pick(table, "pairOf");
        _exportOf = pick(table, "exportOf");
        _newMemory = pick(table, "newMemory");
        _memoryBuffer = pick(table, "memoryBuffer");
        _memoryGrow = pick(table, "memoryGrow");
        _globalGet = pick(table, "globalGet");
        _globalSet = pick(table, "globalSet");
    }

    /// <summary>Whether the isolate has WebAssembly at all.</summary>
    public bool Available { get; }

    public bool Validate(ScriptObject bytes) => _validate!.Invoke(false, bytes) is true;

    /// <summary>The compiled <c>WebAssembly.Module</c>, or the error's name and message.</summary>
    public (ScriptObject? Module, string? ErrorName, string? Message) Compile(ScriptObject bytes)
    {
        var result = (IList<object>)_compile!.Invoke(false, bytes);
        return result[0] is true ? ((ScriptObject)result[1], null, null) : (null, result[1] as string, result[2] as string);
    }

    /// <summary>V8's own import (module, name, kind) and export (name, kind) lists.</summary>
    public (IList<object> Imports, IList<object> Exports) Describe(ScriptObject module)
    {
        var result = (IList<object>)_describe!.Invoke(false, module);
        return ((IList<object>)result[0], (IList<object>)result[1]);
    }

    public ScriptObject NewImports() => (ScriptObject)_newImports!.Invoke(false);

    public void AddImport(ScriptObject imports, string module, string name, object value) => _addImport!.Invoke(false, imports, module, name, value);

    public ScriptObject BigIntResult(ScriptObject function) => (ScriptObject)_bigIntResult!.Invoke(false, function);

    /// <summary>The instance and its exports object.</summary>
    public (ScriptObject Instance, ScriptObject Exports) Instantiate(ScriptObject module, ScriptObject imports)
    {
        var pair = (IList<object>)_instantiate!.Invoke(false, module, imports);
        return ((ScriptObject)pair[0], (ScriptObject)pair[1]);
    }

    /// <summary>V8's promise of the instance.</summary>
    public ScriptObject InstantiateAsync(ScriptObject module, ScriptObject imports) => (ScriptObject)_instantiateAsync!.Invoke(false, module, imports);

    /// <summary>The instance and its exports object, for an instance the promise gave (a TypeError for anything else).</summary>
    public (ScriptObject Instance, ScriptObject Exports) PairOf(ScriptObject instance)
    {
        var pair = (IList<object>)_pairOf!.Invoke(false, instance);
        return ((ScriptObject)pair[0], (ScriptObject)pair[1]);
    }

    public object ExportOf(ScriptObject exports, string name) => _exportOf!.Invoke(false, exports, name);

    public ScriptObject NewMemory(int initialPages, int? maximumPages) => (ScriptObject)_newMemory!.Invoke(false, initialPages, maximumPages);

    public ScriptObject MemoryBuffer(ScriptObject memory) => (ScriptObject)_memoryBuffer!.Invoke(false, memory);

    public object MemoryGrow(ScriptObject memory, int pages) => _memoryGrow!.Invoke(false, memory, pages);

    public object GlobalGet(ScriptObject global) => _globalGet!.Invoke(false, global);

    public void GlobalSet(ScriptObject global, object value) => _globalSet!.Invoke(false, global, value);
}
