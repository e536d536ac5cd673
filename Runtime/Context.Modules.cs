using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    private ScriptObject? _importModule;

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
        JsPromise promise;
        using (cancellationToken.Register(() => TerminateExecution()))
            promise = StartImport(specifier, timeout: null);
        using (promise)
            return Namespace(await AwaitPromiseAsync(promise, "Context.ImportAsync", cancellationToken).ConfigureAwait(false), specifier);
    }

    /// <summary>The synchronous <see cref="ImportAsync"/>: waits for top-level <c>await</c> by running the event loop.</summary>
    /// <param name="timeout">Bounds the whole import: script still running then is terminated (<see cref="ScriptTerminatedException"/>); a top-level await still pending then throws <see cref="TimeoutException"/>.</param>
    /// <exception cref="JavaScriptException">The specifier does not resolve, a module has a syntax error, or evaluation threw.</exception>
    public JsObject Import(string specifier, TimeSpan? timeout = null)
    {
        CheckSpecifier(specifier);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var promise = StartImport(specifier, timeout);
        var remaining = timeout is { } limit ? limit - System.Diagnostics.Stopwatch.GetElapsedTime(started) : (TimeSpan?)null;
        if (remaining < TimeSpan.Zero)
            remaining = TimeSpan.Zero;
        var task = promise.AsTask();
        EventLoop.PumpUntil(task, remaining, "Context.Import");
        return Namespace(task.GetAwaiter().GetResult(), specifier);
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
        return Run("Context.Require", _ => Values.ToHost(Modules.Loaded.RequireTop(specifier)));
    }

    private JsPromise StartImport(string specifier, TimeSpan? timeout) => Run("Context.Import", _ =>
    {
        _importModule ??= Bridge.Pick(Bridge.LoadGlue("DynamicImport"), "importModule");
        return (JsPromise)Values.ToHost(_importModule.Invoke(false, specifier))!;
    }, timeout);

    private static JsObject Namespace(object? value, string specifier) =>
        value as JsObject ?? throw new InvalidOperationException($"Importing '{specifier}' did not produce a module namespace.");

    private static void CheckSpecifier(string specifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(specifier);
        if (specifier.Contains('\0'))
            throw new ArgumentException("The module specifier contains a NUL character.", nameof(specifier));
    }
}
