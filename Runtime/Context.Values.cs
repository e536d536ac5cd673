using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using V8Host.Binding;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    /// <summary>Reads a property of the global object (<c>undefined</c> → <see cref="JsUndefined.Value"/>).</summary>
    public object? GetGlobal(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Run("Context.GetGlobal", engine => Values.ToHost(Bridge.Get(engine.Global, name)));
    }

    /// <summary>Sets a property of the global object. .NET collections are copied; delegates become JS functions.</summary>
    public void SetGlobal(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Run<object?>("Context.SetGlobal", engine =>
        {
            if (!Bridge.Set(engine.Global, name, Values.ToEngine(value)))
                throw new InvalidOperationException($"Context.SetGlobal: the global '{name}' is read-only.");
            return null;
        });
    }

    /// <summary>Creates an empty JS object.</summary>
    public JsObject NewObject() => Run("Context.NewObject", _ => (JsObject)Values.Wrap(Bridge.NewObject()));

    /// <summary>Creates an empty JS array.</summary>
    public JsArray NewArray() => Run("Context.NewArray", _ => (JsArray)Values.Wrap(Bridge.NewArray()));

    /// <summary>Creates an ArrayBuffer holding a copy of <paramref name="bytes"/>.</summary>
    public JsArrayBuffer NewArrayBuffer(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        return Run("Context.NewArrayBuffer", _ =>
            (JsArrayBuffer)Values.Wrap((ScriptObject)((IArrayBufferView)Bridge.NewUint8Array(copy)).ArrayBuffer));
    }

    /// <summary>Parses JSON with the engine's <c>JSON.parse</c>.</summary>
    /// <exception cref="JavaScriptException">The text is not valid JSON (a <c>SyntaxError</c>).</exception>
    public object? ParseJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Run("Context.ParseJson", _ => Values.ToHost(Bridge.ParseJson(json)));
    }

    /// <summary>Converts a .NET value into a JS value of this context (collections are copied) and returns it as api.md §3 describes.</summary>
    public object? ToJs(object? value) => Run("Context.ToJs", _ => Values.ToHost(Values.ToEngine(value)));

    /// <summary>
    /// Serializes a value with structured-clone semantics (cycles, Map, Set, Date, RegExp, typed arrays,
    /// BigInt, errors). The bytes are V8Host's own versioned format, readable by <see cref="Deserialize"/>
    /// in any context.
    /// </summary>
    /// <exception cref="JavaScriptException">The value holds something that cannot be cloned (a function, a symbol …).</exception>
    public byte[] Serialize(object? value) => Run("Context.Serialize", _ =>
    {
        var bytes = (IArrayBufferView)Bridge.StructuredClone.Serialize.Invoke(false, Values.ToEngine(value));
        return bytes.GetBytes();
    });

    /// <summary>Rebuilds a value from <see cref="Serialize"/>'s bytes.</summary>
    /// <exception cref="JavaScriptException">The bytes are not valid serialized data.</exception>
    public object? Deserialize(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        return Run("Context.Deserialize", _ => Values.ToHost(Bridge.StructuredClone.Deserialize.Invoke(false, Bridge.NewUint8Array(copy))));
    }

    internal void DefineHostClass(HostClassBinding binding) => Run<object?>("Context.DefineHostClass", _ =>
    {
        HostClasses.Define(binding);
        return null;
    });

    /// <summary>
    /// Makes a host module importable as <c>host:&lt;name&gt;</c>: its functions, and a synthetic module
    /// that re-exports them. The module reads its exports from its own <c>import.meta</c>, which only
    /// that module can reach: no global a script could replace beforehand.
    /// </summary>
    internal void DefineHostModule(HostModuleBinding binding) => Run<object?>("Context.DefineHostModule", _ =>
    {
        var exports = Bridge.NewObject();
        foreach (var export in binding.Exports)
            Bridge.DefineValue(exports, export.Name, HostCalls.CreateFunction(export));
        Bridge.Freeze(exports);

        var source = new System.Text.StringBuilder($"const exports = import.meta.{HostModuleExportsKey};\n");
        foreach (var export in binding.Exports)
            source.Append($"export const {export.Name} = exports.{export.Name};\n");
        source.Append("export default exports;\n");
        var module = new Module(this, source.ToString(), binding.Specifier);
        var info = EngineCore.Document(binding.Specifier, module: true);
        info.ContextCallback = _ => new Dictionary<string, object> { [HostModuleExportsKey] = exports };
        Modules.Register(module, info);
        module.Instantiate();
        return null;
    });

    private const string HostModuleExportsKey = "v8hostExports";

    /// <summary>Defines a (possibly dotted) global host function.</summary>
    internal void DefineHostFunction(HostFunctionBinding binding) => Run<object?>("Context.DefineHostFunction", _ =>
    {
        Bridge.DefineGlobal(binding.Name, HostCalls.CreateFunction(binding));
        return null;
    });

    internal void RunSetupScript(string name, string source) => Run("Context.RunSetupScript", engine =>
        engine.Evaluate(Sources.Document(name, source), ForDebugger(source, name)));

    /// <summary>How this context started from a snapshot, and whether V8 accepted its code caches; null when it did not start from one.</summary>
    public SnapshotRestore? SnapshotRestore { get; private set; }

    /// <summary>Runs the scripts of snapshot context <paramref name="index"/>, from their code caches (a rejected cache falls back to compiling).</summary>
    internal void RestoreSnapshot(int index)
    {
        var snapshot = _core.Snapshot ?? throw new InvalidOperationException("The isolate was not created from StartupData.");
        snapshot.CheckContextIndex(index);
        var scripts = snapshot.Contexts[index];
        // The creator ran these scripts in a plain context, which has the default console (and the
        // Proxy recorder that keeps console.log from running a proxy's traps); here they run before
        // the builder's steps, which is where a context otherwise gets its console. Without it a
        // script that froze the global baked fine and failed every start, and proxies it made ran
        // their traps when logged. A console the builder installs later replaces this one.
        if (!HasConsole)
            ConsoleApi.InstallDefault(this);
        var rejected = new List<SnapshotScript>();
        foreach (var script in scripts)
        {
            using var compiled = Compile(script.Source, script.Name, cachedData: script.CodeCache);
            if (compiled.CachedDataRejected)
                rejected.Add(script);
            compiled.Run();
        }

        SnapshotRestore = new SnapshotRestore(index, scripts.Count, rejected.Select(s => s.Name).ToList(), rejected.Count == 0 ? null : RejectionReason(snapshot, rejected));
    }

    /// <summary>Why V8 rejected the caches, from the tags they carry (a blob extended from another one may hold caches of several V8s).</summary>
    private static string RejectionReason(StartupData snapshot, IReadOnlyList<SnapshotScript> rejected)
    {
        var current = CodeCacheHeader.Current;
        var tags = rejected.Select(script => CodeCacheHeader.Tag(script.CodeCache)).Distinct().ToList();
        var made = $"the snapshot was made by ClearScript {snapshot.ClearScriptVersion}";
        if (tags.Contains(CodeCacheHeader.Unknown))
            return $"{made}; a rejected cache is not a V8 code cache (the data was damaged or forged)";
        var foreign = tags.Where(tag => tag != current).ToList();
        if (foreign.Count > 0)
            return $"{made}; the rejected cache(s) carry V8 cache tag {string.Join(", ", foreign)}, and this process runs ClearScript {StartupData.CurrentClearScriptVersion} with V8 cache tag {current}";
        return $"{made}; the rejected cache(s) carry V8 cache tag {current}, which matches this process's, so V8 found the cache itself unusable (made for another source, or damaged)";
    }
}
