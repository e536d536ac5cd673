using V8Host.Engine;

namespace V8Host;

/// <summary>Where a <see cref="Module"/> is in its life cycle (V8's module status).</summary>
public enum ModuleStatus
{
    /// <summary>Compiled; imports not resolved yet.</summary>
    Uninstantiated,

    /// <summary>Imports bound; ready to evaluate.</summary>
    Instantiated,

    /// <summary>Evaluated successfully; <see cref="Module.Namespace"/> is available.</summary>
    Evaluated,

    /// <summary>Evaluation threw.</summary>
    Errored,
}

/// <summary>A compiled ES module in a context.</summary>
public sealed class Module : IDisposable
{
    private JsObject? _namespace;
    private Task<object?>? _settling;

    internal Module(Context context, string source, string specifier)
    {
        Context = context;
        Source = source;
        Specifier = specifier;
    }

    /// <summary>The context the module was compiled in.</summary>
    public Context Context { get; }

    /// <summary>The specifier other modules import it by.</summary>
    public string Specifier { get; }

    /// <summary>Where the module is in its life cycle.</summary>
    public ModuleStatus Status { get; private set; }

    /// <summary>
    /// The module namespace object (its exports, live). Available once the module was evaluated, by its
    /// own <see cref="Evaluate"/> or as an import of an evaluated module.
    /// </summary>
    public JsObject Namespace
    {
        get
        {
            Context.ThrowIfUnusable("Module.Namespace");
            if (Status != ModuleStatus.Evaluated)
                throw new InvalidOperationException($"Module '{Specifier}' has no namespace yet: it is {Status}; evaluate it first.");

            // A top-level await that has settled: its promise resolved to the namespace.
            if (_namespace is null && _settling is { IsCompletedSuccessfully: true, Result: JsObject settled })
                _namespace = settled;

            // Evaluated as a dependency: importing its namespace again runs nothing (its body runs once).
            return _namespace ??= Context.Modules.Evaluate(this, timeout: null).Namespace
                ?? throw new InvalidOperationException($"Module '{Specifier}' is still evaluating (top-level await): await the promise Evaluate returned, then read Namespace.");
        }
    }

    internal string Source { get; }

    internal IReadOnlyDictionary<string, Module>? Imports { get; private set; }

    /// <summary>
    /// Binds the module's imports: a specifier found in <paramref name="imports"/> resolves to that module,
    /// any other to the module compiled in this context under that specifier. Unresolvable imports
    /// surface as a <see cref="JavaScriptException"/> from <see cref="Evaluate"/>, naming the specifier.
    /// </summary>
    /// <returns><see langword="true"/>.</returns>
    public bool Instantiate(IReadOnlyDictionary<string, Module>? imports = null)
    {
        Context.ThrowIfUnusable("Module.Instantiate");
        if (Status != ModuleStatus.Uninstantiated)
            throw new InvalidOperationException($"Module '{Specifier}' is already {Status}.");
        foreach (var (specifier, module) in imports ?? new Dictionary<string, Module>())
        {
            if (module is null)
                throw new ArgumentException($"The import '{specifier}' maps to null.", nameof(imports));
            if (!ReferenceEquals(module.Context, Context))
                throw new ArgumentException($"The import '{specifier}' is a module of a different context.", nameof(imports));
        }

        Imports = imports is null ? null : new Dictionary<string, Module>(imports);
        Status = ModuleStatus.Instantiated;
        return true;
    }

    /// <summary>Evaluates the module (once) and returns the completion value: <see cref="JsUndefined"/>, or, for a module using top-level await, a promise that resolves to its namespace.</summary>
    /// <exception cref="JavaScriptException">The module threw or an import could not be resolved.</exception>
    public object? Evaluate(TimeSpan? timeout = null)
    {
        Context.ThrowIfUnusable("Module.Evaluate");
        switch (Status)
        {
            case ModuleStatus.Uninstantiated:
                throw new InvalidOperationException($"Module '{Specifier}' must be instantiated before it is evaluated.");
            case ModuleStatus.Evaluated:
                return JsUndefined.Value;
            case ModuleStatus.Errored:
                throw new InvalidOperationException($"Module '{Specifier}' already failed to evaluate.");
        }

        try
        {
            var (result, exports) = Context.Modules.Evaluate(this, timeout);
            _namespace = exports;
            if (result is JsPromise promise)
                _settling = promise.AsTask();
            Status = ModuleStatus.Evaluated;
            foreach (var dependency in Context.Modules.TakeLoaded())
            {
                if (dependency.Status == ModuleStatus.Instantiated || dependency.Status == ModuleStatus.Uninstantiated)
                    dependency.Status = ModuleStatus.Evaluated;
            }

            return result;
        }
        catch (JavaScriptException)
        {
            Status = ModuleStatus.Errored;
            throw;
        }
    }

    /// <summary>Releases the namespace handle. The module itself lives as long as its context.</summary>
    public void Dispose() => _namespace?.Dispose();
}
