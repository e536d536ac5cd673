using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

/// <summary>
/// An instantiated <see cref="WasmModule"/> (<see cref="Context.InstantiateWasm"/>): its exports as a
/// JS object, and typed access to its functions, memories and globals.
/// </summary>
public sealed class WasmInstance : IDisposable
{
    internal WasmInstance(Context context, WasmModule module, JsObject instance, JsObject exports)
    {
        Context = context;
        Module = module;
        Handle = instance;
        Exports = exports;
    }

    /// <summary>The context the instance lives in.</summary>
    public Context Context { get; }

    /// <summary>The module this is an instance of.</summary>
    public WasmModule Module { get; }

    /// <summary>The instance's exports object (V8's frozen namespace: functions, memories, globals, tables by name).</summary>
    public JsObject Exports { get; }

    /// <summary>Whether the instance and its context are alive.</summary>
    public bool IsAlive => Handle.IsAlive;

    internal JsObject Handle { get; }

    /// <summary>
    /// The exported function <paramref name="name"/> as a typed delegate. The delegate's parameters and
    /// result must carry the export's value types exactly (<c>int</c>/i32, <c>long</c>/i64,
    /// <c>float</c>/f32, <c>double</c>/f64, <c>void</c> for no result). Each call is one call into the
    /// engine, under the context's lock; a trap throws <see cref="JavaScriptException"/> (ErrorName
    /// <c>"RuntimeError"</c>), and <see cref="Context.TerminateExecution"/> stops a running call.
    /// </summary>
    /// <exception cref="ArgumentException">No function of that name is exported.</exception>
    /// <exception cref="InvalidCastException"><typeparamref name="TDelegate"/> does not match the export's signature.</exception>
    /// <exception cref="NotSupportedException">The signature uses v128 or reference types, or has several results.</exception>
    public TDelegate GetFunction<TDelegate>(string name)
        where TDelegate : Delegate
    {
        var export = Find(name, WasmExternKind.Function, "GetFunction");
        if (export.Type.Function is not { } type)
            throw new NotSupportedException($"WasmInstance.GetFunction: the signature of export '{name}' is unknown (V8Host could not read the module's types); call it through Exports.");
        if (WasmSignatures.Unsupported(type) is { } reason)
            throw new NotSupportedException($"WasmInstance.GetFunction: export '{name}' cannot be a typed delegate: {reason}.");
        if (!WasmSignatures.Matches(typeof(TDelegate), type))
            throw new InvalidCastException($"WasmInstance.GetFunction: export '{name}' is {type}, but {DelegateName(typeof(TDelegate))} is {WasmSignatures.Describe(typeof(TDelegate))}.");
        var function = ExportHandle(name, "GetFunction") as JsFunction
            ?? throw new InvalidOperationException($"WasmInstance.GetFunction: export '{name}' is not a function.");
        return (TDelegate)WasmFunctionInvoker.Create(Context, function, name, type, typeof(TDelegate));
    }

    /// <summary>The exported memory <paramref name="name"/> (<c>"memory"</c> by default, as toolchains name it).</summary>
    /// <exception cref="ArgumentException">No memory of that name is exported.</exception>
    public WasmMemory GetMemory(string name = "memory")
    {
        Find(name, WasmExternKind.Memory, "GetMemory");
        return new WasmMemory(Context, (JsObject)ExportHandle(name, "GetMemory"), name);
    }

    /// <summary>The exported global <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No global of that name is exported.</exception>
    /// <exception cref="NotSupportedException">The global's type is v128 or a reference type.</exception>
    public WasmGlobal GetGlobal(string name)
    {
        var export = Find(name, WasmExternKind.Global, "GetGlobal");
        if (export.Type.Value is not { } type)
            throw new NotSupportedException($"WasmInstance.GetGlobal: the type of export '{name}' is unknown (V8Host could not read the module's types); read it through Exports.");
        if (type.ClrType is null)
            throw new NotSupportedException($"WasmInstance.GetGlobal: export '{name}' is a {type.Text} global; WasmGlobal carries only i32, i64, f32 and f64.");
        return new WasmGlobal(Context, (JsObject)ExportHandle(name, "GetGlobal"), name, type, export.Type.Mutable);
    }

    /// <summary>Releases the .NET handles on the instance and its exports object; the instance lives on while JS or wasm uses it.</summary>
    public void Dispose()
    {
        Exports.Dispose();
        Handle.Dispose();
    }

    private WasmExportDescriptor Find(string name, WasmExternKind kind, string member)
    {
        ArgumentNullException.ThrowIfNull(name);
        var export = Module.FindExport(name);
        if (export is null)
        {
            var names = Module.Exports.Where(e => e.Kind == kind).Select(e => $"'{e.Name}'").ToList();
            var known = names.Count == 0 ? $"it exports no {Word(kind)}" : $"its {Word(kind)} exports: {string.Join(", ", names)}";
            throw new ArgumentException($"WasmInstance.{member}: the module exports nothing named '{name}' ({known}).", nameof(name));
        }

        if (export.Kind != kind)
            throw new ArgumentException($"WasmInstance.{member}: export '{name}' is a {Word(export.Kind)}, not a {Word(kind)}.", nameof(name));
        return export;
    }

    private static string Word(WasmExternKind kind) => kind.ToString().ToLowerInvariant();

    private JsHandle ExportHandle(string name, string member)
    {
        var operation = $"WasmInstance.{member}";
        return Context.Run(operation, _ =>
        {
            var value = Context.Bridge.Wasm.ExportOf(Context.Resolve(Exports, operation), name);
            return value is ScriptObject target ? Context.Values.Wrap(target) : throw new InvalidOperationException($"{operation}: export '{name}' has no value.");
        });
    }

    private static string DelegateName(Type type)
    {
        if (!type.IsGenericType)
            return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(DelegateName))}>";
    }
}
