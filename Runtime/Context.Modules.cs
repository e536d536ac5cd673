using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    private readonly Dictionary<string, (JsPromise? Pending, ScriptObject?[] Namespace)> _imports = new(StringComparer.Ordinal);

    /// <summary>
    /// Loads, links and evaluates the module tree of <paramref name="specifier"/> (resolved from the
    /// loader's base URL, through the import map; top-level <c>await</c> included) and returns its
    /// namespace. Host modules (<c>host:name</c>) and modules compiled with <see cref="CompileModule"/>
    /// are found by their specifier first. Each module URL is loaded once per context.
    /// </summary>
    /// <exception cref="JavaScriptException">The specifier does not resolve (the message names what was tried), a module has a syntax error, or evaluation threw.</exception>
    /// <exception cref="ScriptTerminatedException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<JsObject> ImportAsync(string specifier, CancellationToken cancellationToken = default)
    {
        CheckSpecifier(specifier);
        (JsPromise? Pending, ScriptObject?[] Namespace) import;
        using (cancellationToken.Register(() => TerminateExecution()))
            import = StartImport(specifier, timeout: null, cancellationToken);
        if (import.Pending is { } pending)
            await AwaitPromiseAsync(pending, "Context.ImportAsync", cancellationToken).ConfigureAwait(false);

        return Namespace(import, specifier);
    }

    /// <summary>The synchronous <see cref="ImportAsync"/>: waits for top-level <c>await</c> by running the event loop.</summary>
    /// <param name="timeout">Bounds the whole import: script still running then is terminated (<see cref="ScriptTerminatedException"/>); a top-level await still pending then throws <see cref="TimeoutException"/>.</param>
    /// <exception cref="JavaScriptException">The specifier does not resolve, a module has a syntax error, or evaluation threw.</exception>
    public JsObject Import(string specifier, TimeSpan? timeout = null)
    {
        CheckSpecifier(specifier);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var import = StartImport(specifier, timeout);
        if (import.Pending is { } pending)
        {
            var remaining = timeout is { } limit ? limit - System.Diagnostics.Stopwatch.GetElapsedTime(started) : (TimeSpan?)null;
            pending.Wait(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining);
        }

        return Namespace(import, specifier);
    }

    /// <summary>
    /// Evaluates a wrapper module that statically imports the target and hands its namespace to .NET
    /// from the wrapper's own import.meta. Not a dynamic import(): ClearScript resolves import()'s
    /// promise with the namespace as soon as evaluation starts, so a top-level await would not be
    /// waited for and an evaluation error would be lost; a static import propagates both.
    /// One wrapper per specifier: importing again gives the same namespace.
    /// </summary>
    private (JsPromise? Pending, ScriptObject?[] Namespace) StartImport(string specifier, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        AwaitDebugger("Context.Import", cancellationToken);
        return Run("Context.Import", engine => StartImport(engine, specifier), timeout);
    }

    private (JsPromise? Pending, ScriptObject?[] Namespace) StartImport(V8ScriptEngine engine, string specifier)
    {
        if (_imports.TryGetValue(specifier, out var known))
            return known;
        var box = new ScriptObject?[1];
        var done = new Microsoft.ClearScript.V8.FastProxy.V8FastHostFunction("done",
            (bool _, in Microsoft.ClearScript.V8.FastProxy.V8FastArgs args, in Microsoft.ClearScript.V8.FastProxy.V8FastResult _) => box[0] = args.Get<object>(0) as ScriptObject);
        var info = EngineCore.Document(specifier + "#import", module: true);
        info.ContextCallback = _ => new Dictionary<string, object> { [ImportDoneKey] = done };
        var source = $"import * as ns from {System.Text.Json.JsonSerializer.Serialize(specifier)};\nimport.meta.{ImportDoneKey}(ns);\n";
        // An evaluation error reaches the caller as the exception Run throws; the evaluation promises
        // V8 rejected with it are then not reported as unhandled (Context.Errors).
        var result = engine.Evaluate(info, source);

        // A top-level await: the evaluation promise, watched now so that its rejection is handled.
        var pending = box[0] is null && result is ScriptObject ? Values.ToHost(result) as JsPromise : null;
        pending?.AsTask();
        var import = (pending, box);
        _imports[specifier] = import;
        return import;
    }

    private const string ImportDoneKey = "v8hostImported";

    private JsObject Namespace((JsPromise? Pending, ScriptObject?[] Namespace) import, string specifier)
    {
        var target = import.Namespace[0] ?? throw new InvalidOperationException($"Importing '{specifier}' did not produce a module namespace.");
        return Run("Context.Import", _ => (JsObject)Values.Wrap(target));
    }

    /// <summary>
    /// Loads <paramref name="specifier"/> as <c>require()</c> would at the loader's base URL and returns
    /// its <c>module.exports</c> (JSON files give their value). CommonJS modules are cached per URL.
    /// </summary>
    /// <exception cref="JavaScriptException">The specifier does not resolve (<c>code</c> <c>MODULE_NOT_FOUND</c>), it is an ES module (<c>ERR_REQUIRE_ESM</c>), or the module threw.</exception>
    /// <exception cref="InvalidOperationException">The context has no module loader.</exception>
    public object? Require(string specifier)
    {
        CheckSpecifier(specifier);
        if (!Modules.Loaded.IsConfigured)
            throw new InvalidOperationException("Context.Require needs a module loader: configure one with ContextBuilder.UseModules.");
        AwaitDebugger("Context.Require");
        return Run("Context.Require", _ => Values.ToHost(Modules.Loaded.RequireTop(specifier)));
    }

    private static void CheckSpecifier(string specifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(specifier);
        if (specifier.Contains('\0'))
            throw new ArgumentException("The module specifier contains a NUL character.", nameof(specifier));
    }
}
