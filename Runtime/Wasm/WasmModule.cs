namespace V8Host;

/// <summary>
/// A compiled WebAssembly module (<see cref="Context.CompileWasm"/>): its imports and exports with
/// their types. Instantiate it with <see cref="Context.InstantiateWasm"/>, as often as needed.
/// </summary>
public sealed class WasmModule : IDisposable
{
    internal WasmModule(Context context, JsObject module, IReadOnlyList<WasmImportDescriptor> imports, IReadOnlyList<WasmExportDescriptor> exports)
    {
        Context = context;
        Handle = module;
        Imports = imports;
        Exports = exports;
    }

    /// <summary>The context the module was compiled in; it can be instantiated only there.</summary>
    public Context Context { get; }

    /// <summary>What the module imports, in the binary's order.</summary>
    public IReadOnlyList<WasmImportDescriptor> Imports { get; }

    /// <summary>What every instance of the module exports, in the binary's order.</summary>
    public IReadOnlyList<WasmExportDescriptor> Exports { get; }

    /// <summary>Whether the module and its context are alive.</summary>
    public bool IsAlive => Handle.IsAlive;

    /// <summary>The <c>WebAssembly.Module</c> object.</summary>
    internal JsObject Handle { get; }

    /// <summary>The export named <paramref name="name"/>, or null.</summary>
    internal WasmExportDescriptor? FindExport(string name)
    {
        foreach (var export in Exports)
        {
            if (export.Name == name)
                return export;
        }

        return null;
    }

    /// <summary>Releases the module. Instances already created keep working.</summary>
    public void Dispose() => Handle.Dispose();
}
