using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using V8Host.Modules;

namespace V8Host.Engine;

/// <summary>
/// Resolves ES module imports for a context. ClearScript asks a document loader for every import;
/// this one answers first from the modules compiled in the context: the importing module's explicit
/// imports map (<see cref="Module.Instantiate"/>), then any module compiled under that specifier
/// (host modules, <c>host:name</c>, among them). Only then does the context's import map and
/// <see cref="ModuleLoader"/> (<see cref="LoaderModules"/>) see the specifier.
/// </summary>
internal sealed class ModuleRegistry : DocumentLoader
{
    private readonly Context _context;
    private readonly Dictionary<string, Module> _bySpecifier = new(StringComparer.Ordinal);
    private readonly Dictionary<Uri, Module> _byUri = new();

    // One document per module, created once: ClearScript caches compiled modules by the document's
    // unique id, so handing out the same document makes every import share one module instance.
    private readonly Dictionary<Module, Document> _documents = new();
    private readonly HashSet<Module> _loaded = new();

    public ModuleRegistry(Context context)
    {
        _context = context;
        Loaded = new LoaderModules(context);
        context.Engine.DocumentSettings.Loader = this;
        context.Engine.DocumentSettings.AccessFlags = DocumentAccessFlags.None;

        // ClearScript's per-context cache of compiled modules is bounded (1024 by default) and evicts the
        // least recently used: an npm tree larger than that would get a second instance of an evicted
        // module on its next import. The setting is process-wide; V8Host only ever raises it.
        if (ModuleCategory.Standard.MaxCacheSize < MinModuleCacheSize)
            ModuleCategory.Standard.MaxCacheSize = MinModuleCacheSize;
    }

    private const uint MinModuleCacheSize = 1 << 16;

    /// <summary>The modules from the context's loader and import map.</summary>
    public LoaderModules Loaded { get; }

    /// <summary>How many modules the context holds, compiled or loaded (a pool recycles a context whose rent added any).</summary>
    public int Count
    {
        get
        {
            lock (_bySpecifier)
                return _bySpecifier.Count + Loaded.Count;
        }
    }

    public void Register(Module module, DocumentInfo info)
    {
        lock (_bySpecifier)
        {
            _documents[module] = new StringDocument(info, _context.ForDebugger(module.Source, module.Specifier));
            _bySpecifier[module.Specifier] = module;
            _byUri[EngineCore.DocumentUri(module.Specifier)] = module;
        }
    }

    /// <summary>
    /// ClearScript returns no namespace for an evaluated module, so evaluation goes through a tiny
    /// wrapper module that imports the target's namespace and hands it to ClearScript as the module
    /// result (<c>import.meta.setResult</c>, reachable only from the wrapper itself).
    /// </summary>
    /// <remarks>The namespace is null while the module still waits on a top-level await; the result is then the promise.</remarks>
    public (object? Result, JsObject? Namespace) Evaluate(Module module, TimeSpan? timeout)
    {
        lock (_bySpecifier)
            _loaded.Clear();
        var wrapper = $"import * as ns from {System.Text.Json.JsonSerializer.Serialize(module.Specifier)};\nimport.meta.setResult(ns);";
        _context.AwaitDebugger("Module.Evaluate");
        return _context.Run<(object?, JsObject?)>("Module.Evaluate", engine =>
        {
            var result = engine.Evaluate(EngineCore.Document(module.Specifier + "#evaluate", module: true), wrapper);
            return result is ScriptObject target && target is not IJavaScriptObject { Kind: JavaScriptObjectKind.Promise }
                ? ((object?)JsUndefined.Value, (JsObject?)_context.Values.Wrap(target))
                : (_context.Values.ToHost(result), null);
        }, timeout);
    }

    /// <summary>Modules the last evaluation imported (directly or not): they were evaluated with it.</summary>
    public IReadOnlyList<Module> TakeLoaded()
    {
        lock (_bySpecifier)
        {
            var loaded = _loaded.ToList();
            _loaded.Clear();
            return loaded;
        }
    }

    public override Task<Document> LoadDocumentAsync(DocumentSettings settings, DocumentInfo? sourceInfo, string specifier, DocumentCategory category, DocumentContextCallback contextCallback)
    {
        try
        {
            if (FindCompiled(sourceInfo, specifier) is { } module)
            {
                lock (_bySpecifier)
                {
                    _loaded.Add(module);
                    return Task.FromResult(_documents[module]);
                }
            }

            if (!Loaded.IsConfigured)
                throw NotCompiled(sourceInfo, specifier);
            var referrer = sourceInfo?.Uri is { } uri && Loaded.Owns(uri) ? uri : null;
            var url = Loaded.Resolve(specifier, referrer, isRequire: false);
            if (url.StartsWith(Binding.HostModuleBinding.Scheme, StringComparison.Ordinal))
            {
                lock (_bySpecifier)
                {
                    if (_bySpecifier.TryGetValue(url, out var host))
                        return Task.FromResult(_documents[host]);
                }

                throw new InvalidOperationException(url == specifier
                    ? $"Cannot resolve '{specifier}': the context has no host module '{url}' (HostProfile.AddModule)."
                    : $"Cannot resolve '{specifier}': the import map maps it to '{url}', and the context has no such host module.");
            }

            return Task.FromResult(Loaded.DocumentFor(url));
        }
        catch (Exception exception)
        {
            return Task.FromException<Document>(exception);
        }
    }

    private Module? FindCompiled(DocumentInfo? sourceInfo, string specifier)
    {
        lock (_bySpecifier)
        {
            var referrer = sourceInfo?.Uri is { } uri && _byUri.TryGetValue(uri, out var found) ? found : null;
            if (referrer?.Imports is { } imports && imports.TryGetValue(specifier, out var imported))
            {
                if (!ReferenceEquals(imported.Context, _context))
                    throw new InvalidOperationException($"Module '{imported.Specifier}' imported by '{referrer.Specifier}' belongs to a different context.");
                return imported;
            }

            return _bySpecifier.TryGetValue(specifier, out var module) ? module : null;
        }
    }

    private static InvalidOperationException NotCompiled(DocumentInfo? sourceInfo, string specifier)
    {
        var from = sourceInfo?.Uri is { } source ? $" imported by '{EngineCore.DisplayName(source.OriginalString)}'" : string.Empty;
        return new InvalidOperationException(
            $"Cannot resolve module '{specifier}'{from}: pass it in Instantiate(imports), compile it in this context with CompileModule(source, \"{specifier}\"), or give the context a module loader (ContextBuilder.UseModules).");
    }
}
