using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    /// <summary>
    /// Compiles a WebAssembly binary. The module's imports and exports, with their signatures, are read
    /// from the binary; the module can be instantiated in this context any number of times.
    /// </summary>
    /// <exception cref="WasmCompileException">The bytes are not a valid module (V8's reason, and the byte offset when V8 reports one).</exception>
    /// <exception cref="ScriptResourceException">A memory the module declares is larger, initially, than <see cref="IsolateOptions.MaxWasmMemoryBytes"/> or <see cref="IsolateOptions.MaxArrayBufferBytes"/> allow.</exception>
    /// <exception cref="NotSupportedException">The isolate has no WebAssembly: V8 runs without its JIT (<see cref="V8HostSettings.DisableJitCompilation"/>).</exception>
    public WasmModule CompileWasm(ReadOnlySpan<byte> wasm)
    {
        const string operation = "Context.CompileWasm";
        var bytes = wasm.ToArray();
        return Run(operation, _ =>
        {
            var glue = RequireWasm(operation);
            var array = Bridge.NewUint8Array(bytes);
            ScriptObject? module = null;
            try
            {
                (module, var errorName, var message) = glue.Compile(array);
                if (module is null)
                {
                    message ??= "unknown error";
                    throw errorName == "RangeError"
                        ? new ScriptResourceException($"{operation}: {message}.")
                        : new WasmCompileException(message);
                }

                var (imports, exports) = DescribeWasm(bytes, module);
                return new WasmModule(this, (JsObject)Values.Wrap(module), imports, exports);
            }
            catch when (module is not null)
            {
                module.Dispose();
                throw;
            }
            finally
            {
                array.Dispose();
            }
        });
    }

    /// <summary>Whether <paramref name="wasm"/> is a valid WebAssembly module (V8's <c>WebAssembly.validate</c>); compiles nothing that stays.</summary>
    /// <exception cref="NotSupportedException">The isolate has no WebAssembly (jitless mode).</exception>
    public bool ValidateWasm(ReadOnlySpan<byte> wasm)
    {
        const string operation = "Context.ValidateWasm";
        var bytes = wasm.ToArray();
        return Run(operation, _ =>
        {
            var glue = RequireWasm(operation);
            var array = Bridge.NewUint8Array(bytes);
            try
            {
                return glue.Validate(array);
            }
            finally
            {
                array.Dispose();
            }
        });
    }

    /// <summary>
    /// Instantiates <paramref name="module"/> with <paramref name="imports"/>, running its start function
    /// if it has one. Every import the module declares must be provided, with a matching type: a typed
    /// delegate is checked against the import's signature here.
    /// </summary>
    /// <exception cref="ArgumentException">An import is missing, of the wrong kind, or a delegate's signature does not match (the message names <c>module.name</c> and both signatures).</exception>
    /// <exception cref="JavaScriptException">V8 refused to link (a <c>LinkError</c>), or the start function trapped (a <c>RuntimeError</c>).</exception>
    /// <exception cref="NotSupportedException">The module imports a table or a tag, which <see cref="WasmImports"/> cannot provide.</exception>
    public WasmInstance InstantiateWasm(WasmModule module, WasmImports? imports = null)
    {
        const string operation = "Context.InstantiateWasm";
        CheckModule(module, operation);
        return Run(operation, _ =>
        {
            var glue = RequireWasm(operation);
            var importObject = BuildWasmImports(module, imports, operation);
            var (instance, exports) = glue.Instantiate(Resolve(module.Handle, operation), importObject);
            return new WasmInstance(this, module, (JsObject)Values.Wrap(instance), (JsObject)Values.Wrap(exports));
        });
    }

    /// <summary>
    /// Instantiates <paramref name="module"/> through V8's asynchronous <c>WebAssembly.instantiate</c>:
    /// the task completes on the event loop. Imports are checked as by <see cref="InstantiateWasm"/>,
    /// before the task is returned.
    /// </summary>
    /// <exception cref="ArgumentException">An import is missing or does not match.</exception>
    public async Task<WasmInstance> InstantiateWasmAsync(WasmModule module, WasmImports? imports = null, CancellationToken cancellationToken = default)
    {
        const string operation = "Context.InstantiateWasmAsync";
        CheckModule(module, operation);
        var pending = Run(operation, _ =>
        {
            var glue = RequireWasm(operation);
            var importObject = BuildWasmImports(module, imports, operation);
            return Watch(glue.InstantiateAsync(Resolve(module.Handle, operation), importObject));
        });
        var result = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var settled = result as JsObject ?? throw new InvalidOperationException($"{operation}: the engine returned no instance.");
        return Run(operation, _ =>
        {
            var (instance, exports) = Bridge.Wasm.PairOf(Resolve(settled, operation));
            return new WasmInstance(this, module, (JsObject)Values.Wrap(instance), (JsObject)Values.Wrap(exports));
        });
    }

    /// <summary>
    /// Creates a WebAssembly memory of <paramref name="initialPages"/> pages of 64 KiB, for modules that
    /// import one (<see cref="WasmImports.Add(string, string, WasmMemory)"/>). Its maximum is
    /// <paramref name="maximumPages"/>, bounded by <see cref="IsolateOptions.MaxWasmMemoryBytes"/>.
    /// </summary>
    /// <exception cref="JavaScriptException">The size exceeds a limit (a <c>RangeError</c>).</exception>
    public WasmMemory CreateWasmMemory(int initialPages, int? maximumPages = null)
    {
        const string operation = "Context.CreateWasmMemory";
        ArgumentOutOfRangeException.ThrowIfNegative(initialPages);
        if (maximumPages is { } maximum && maximum < initialPages)
            throw new ArgumentOutOfRangeException(nameof(maximumPages), maximumPages, "The maximum cannot be below the initial size.");
        return Run(operation, _ =>
        {
            var glue = RequireWasm(operation);
            return new WasmMemory(this, (JsObject)Values.Wrap(glue.NewMemory(initialPages, maximumPages)), "<host memory>");
        });
    }

    private WasmGlue RequireWasm(string operation)
    {
        var glue = Bridge.Wasm;
        if (glue.Available)
            return glue;
        throw new NotSupportedException(V8HostSettings.DisableJitCompilation
            ? $"{operation}: WebAssembly is not available because V8 runs without its JIT (V8HostSettings.DisableJitCompilation = true), which disables WebAssembly entirely."
            : $"{operation}: this isolate has no WebAssembly.");
    }

    private void CheckModule(WasmModule module, string operation)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (!ReferenceEquals(module.Context, this))
            throw new ArgumentException($"{operation}: the WasmModule was compiled in a different context.", nameof(module));
    }

    /// <summary>
    /// The module's imports and exports: read from the binary by <see cref="WasmBinary"/> for their types;
    /// should that reader not know something V8 accepted, V8's own names and kinds, without signatures.
    /// </summary>
    private (IReadOnlyList<WasmImportDescriptor>, IReadOnlyList<WasmExportDescriptor>) DescribeWasm(byte[] bytes, ScriptObject module)
    {
        try
        {
            return WasmBinary.Read(bytes);
        }
        catch (WasmFormatException)
        {
            var (imports, exports) = Bridge.Wasm.Describe(module);
            var importList = new List<WasmImportDescriptor>();
            for (var i = 0; i + 2 < imports.Count; i += 3)
                importList.Add(new WasmImportDescriptor((string)imports[i], (string)imports[i + 1], new WasmExternType(KindOf(imports[i + 2]), null)));
            var exportList = new List<WasmExportDescriptor>();
            for (var i = 0; i + 1 < exports.Count; i += 2)
                exportList.Add(new WasmExportDescriptor((string)exports[i], new WasmExternType(KindOf(exports[i + 1]), null)));
            return (importList, exportList);
        }
    }

    private static WasmExternKind KindOf(object kind) => (kind as string) switch
    {
        "function" => WasmExternKind.Function,
        "table" => WasmExternKind.Table,
        "memory" => WasmExternKind.Memory,
        "global" => WasmExternKind.Global,
        _ => WasmExternKind.Tag,
    };

    /// <summary>The import object for one instantiation: every import of the module, checked against what <paramref name="imports"/> provides.</summary>
    private ScriptObject BuildWasmImports(WasmModule module, WasmImports? imports, string operation)
    {
        var glue = Bridge.Wasm;
        var importObject = glue.NewImports();
        foreach (var import in module.Imports)
        {
            var what = $"{import.Module}.{import.Name}";
            var expected = $"{import.Kind.ToString().ToLowerInvariant()} {import.Signature ?? "?"}";
            var entry = imports?.Find(import.Module, import.Name);
            object value;
            switch (import.Kind)
            {
                case WasmExternKind.Function when entry is Delegate function:
                    value = ImportFunction(function, import, what, operation);
                    break;
                case WasmExternKind.Function when entry is null && imports?.ProfileFor(import.Module) is { } profile:
                    value = ImportProfileFunction(profile, import, what, operation);
                    break;
                case WasmExternKind.Memory when entry is WasmMemory memory:
                    value = ImportHandle(memory.Handle, memory.Context, what, operation);
                    break;
                case WasmExternKind.Global when entry is WasmGlobal global:
                    if (import.Type.Value is { } type && (type != global.Type || import.Type.Mutable != global.IsMutable))
                        throw new ArgumentException($"{operation}: import {what} expects a global {import.Signature}; the WasmGlobal given is {(global.IsMutable ? "mut " : string.Empty)}{global.ValueType}.", nameof(imports));
                    value = ImportHandle(global.Handle, global.Context, what, operation);
                    break;
                case WasmExternKind.Table or WasmExternKind.Tag:
                    throw new NotSupportedException($"{operation}: the module imports {what} ({expected}); WasmImports provides functions, memories and globals only.");
                default:
                    throw entry is null
                        ? new ArgumentException($"{operation}: the module imports {what} ({expected}), and the WasmImports provide nothing for it.", nameof(imports))
                        : new ArgumentException($"{operation}: import {what} expects a {expected}; the WasmImports provide a {EntryKind(entry)}.", nameof(imports));
            }

            glue.AddImport(importObject, import.Module, import.Name, value);
        }

        return importObject;
    }

    private static string EntryKind(object entry) => entry switch
    {
        Delegate => "function",
        WasmMemory => "memory",
        WasmGlobal => "global",
        _ => entry.GetType().Name,
    };

    private ScriptObject ImportFunction(Delegate function, WasmImportDescriptor import, string what, string operation)
    {
        if (import.Type.Function is { } type)
        {
            if (WasmSignatures.Unsupported(type) is { } reason)
                throw new NotSupportedException($"{operation}: import {what} cannot be a typed delegate: {reason}.");
            if (!WasmSignatures.Matches(function.GetType(), type, hostFunction: true))
                throw new ArgumentException($"{operation}: import {what} is {type}, but the delegate given for it is {WasmSignatures.Describe(function.GetType(), hostFunction: true)}.", "imports");
        }

        var host = HostCalls.CreateDelegateFunction(import.Name, function);
        return ReturnsI64(import) ? Bridge.Wasm.BigIntResult(host) : host;
    }

    private ScriptObject ImportProfileFunction(HostProfile profile, WasmImportDescriptor import, string what, string operation)
    {
        var binding = profile.FindFunction(import.Name)
            ?? throw new ArgumentException($"{operation}: the module imports {what} ({import.Signature ?? "?"}), and the profile given for module '{import.Module}' has no function '{import.Name}'.", "imports");
        if (import.Type.Function is { } type)
        {
            if (WasmSignatures.Unsupported(type) is { } reason)
                throw new NotSupportedException($"{operation}: import {what} cannot be a host function: {reason}.");
            // A function added at run time keeps its delegate: its types are checked like a delegate import's.
            // A generated binding has only its parameter count.
            if (binding.Source is { } source)
            {
                if (!WasmSignatures.Matches(source.GetType(), type, hostFunction: true))
                    throw new ArgumentException($"{operation}: import {what} is {type}, but the profile's function '{binding.Name}' is {WasmSignatures.Describe(source.GetType(), hostFunction: true)}.", "imports");
            }
            else if (binding.Length != type.Parameters.Count)
            {
                throw new ArgumentException($"{operation}: import {what} is {type} ({type.Parameters.Count} parameters), but the profile's function '{binding.Name}' takes {binding.Length}.", "imports");
            }
        }

        var host = HostCalls.CreateFunction(binding);
        return ReturnsI64(import) ? Bridge.Wasm.BigIntResult(host) : host;
    }

    private static bool ReturnsI64(WasmImportDescriptor import) =>
        import.Type.Function is { Results: [{ Kind: WasmValueKind.I64 }] };

    private ScriptObject ImportHandle(JsObject handle, Context owner, string what, string operation)
    {
        if (!ReferenceEquals(owner, this))
            throw new ArgumentException($"{operation}: the value given for import {what} belongs to a different context.", "imports");
        return Resolve(handle, operation);
    }
}
