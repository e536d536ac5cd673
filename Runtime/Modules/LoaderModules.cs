using System.Text;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Engine;

namespace V8Host.Modules;

/// <summary>
/// The modules a context gets from its <see cref="ModuleLoader"/> and import map: resolution (the
/// map, then the loader), one record per resolved URL (so two specifiers naming one file share one
/// instance, for import and require alike), the documents ClearScript links (ES modules as they
/// are; CommonJS and JSON behind a small ES facade), and the host side of CommonJs.js.
/// </summary>
internal sealed class LoaderModules
{
    private const int MaxListedCandidates = 24;

    /// <summary>Base URL of an import map when no loader is configured (it can still map to host: modules).</summary>
    private static readonly Uri s_noLoaderBase = new("v8host-modules:///");

    // V8's syntax errors for ES-module-only syntax in a classic script: how Node 22's detection tells an ES module.
    private static readonly string[] s_esmOnlySyntax =
    [
        "Cannot use import statement outside a module",
        "Unexpected token 'export'",
        "Cannot use 'import.meta' outside a module",
        "await is only valid in async functions and the top level bodies of modules",
    ];

    private readonly Context _context;
    private readonly Dictionary<string, Record> _records = new(StringComparer.Ordinal);

    /// <summary>How many modules were resolved so far.</summary>
    public int Count
    {
        get
        {
            lock (_records)
                return _records.Count;
        }
    }
    private ModuleLoader? _loader;
    private string? _importMapJson;
    private ImportMap? _importMap;
    private ScriptObject? _commonJs;
    private ScriptObject? _load;
    private ScriptObject? _requireTop;
    private ScriptObject? _metaResolve;

    public LoaderModules(Context context) => _context = context;

    public bool IsConfigured => _loader is not null || _importMapJson is not null;

    private Uri BaseUrl => _loader?.BaseUrl ?? s_noLoaderBase;

    public void UseLoader(ModuleLoader loader)
    {
        if (_loader is not null)
            throw new InvalidOperationException("ContextBuilder.UseModules was already called: pass several loaders through ModuleLoader.Combine.");
        _loader = loader;
    }

    public void UseImportMap(string json)
    {
        if (_importMapJson is not null)
            throw new InvalidOperationException("ContextBuilder.UseImportMap was already called: a context has one import map.");
        _importMapJson = json;
    }

    /// <summary>Whether <paramref name="uri"/> names a module this part loaded (an importer whose relative imports resolve against it).</summary>
    public bool Owns(Uri uri)
    {
        lock (_records)
            return _records.ContainsKey(uri.AbsoluteUri);
    }

    /// <summary>Resolves a specifier to a URL: the import map first, then the loader; host: URLs come back as they are.</summary>
    /// <exception cref="InvalidOperationException">Nothing resolves it; the message names the specifier, the referrer and what was tried.</exception>
    public string Resolve(string specifier, Uri? referrer, bool isRequire)
    {
        var from = referrer?.AbsoluteUri ?? $"the top level (base {BaseUrl.AbsoluteUri})";
        var mapped = specifier;
        if (ImportMapOrNull() is { } map)
        {
            try
            {
                if (map.Resolve(specifier, referrer ?? BaseUrl) is { } target)
                    mapped = target.AbsoluteUri;
            }
            catch (InvalidOperationException exception)
            {
                throw new InvalidOperationException($"Cannot resolve '{specifier}' imported from {from}: {exception.Message}", exception);
            }
        }

        if (mapped.StartsWith(Binding.HostModuleBinding.Scheme, StringComparison.Ordinal))
            return mapped;
        var via = ReferenceEquals(mapped, specifier) ? string.Empty : $" (the import map maps it to {mapped})";
        if (_loader is null)
            throw new InvalidOperationException($"Cannot resolve '{specifier}' imported from {from}{via}: the context has no module loader (ContextBuilder.UseModules).");

        var request = new ModuleRequest(mapped, referrer, isRequire);
        Uri? url;
        try
        {
            url = _loader.Resolve(request);
        }
        catch (Exception exception) when (exception is not ScriptTerminatedException)
        {
            throw new InvalidOperationException($"Cannot resolve '{specifier}' imported from {from}{via}: {_loader.GetType().Name}.Resolve failed: {exception.Message}", exception);
        }

        if (url is null)
            throw new InvalidOperationException(Printable(NotFound(specifier, from, via, request)));
        if (!url.IsAbsoluteUri || url.Scheme is "v8host" or "host")
            throw new InvalidOperationException($"Cannot resolve '{specifier}' imported from {from}: {_loader.GetType().Name}.Resolve returned '{url}', which is not an absolute URL outside V8Host's own schemes (v8host:, host:).");
        return url.AbsoluteUri;
    }

    /// <summary>Control characters a specifier smuggled in (NUL …) are shown escaped, not written raw into messages and logs.</summary>
    private static string Printable(string message)
    {
        if (!message.Any(char.IsControl))
            return message;
        var text = new StringBuilder(message.Length + 8);
        foreach (var c in message)
            text.Append(char.IsControl(c) && c is not '\n' ? $"\\u{(int)c:x4}" : c.ToString());
        return text.ToString();
    }

    private static string NotFound(string specifier, string from, string via, ModuleRequest request)
    {
        var message = new StringBuilder($"Cannot find module '{specifier}' imported from {from}{via}.");
        if (request.Rejections.Count > 0)
            message.Append(" Refused: ").Append(string.Join("; ", request.Rejections)).Append('.');
        if (request.Tried.Count > 0)
        {
            message.Append(" Tried: ").Append(string.Join(", ", request.Tried.Take(MaxListedCandidates)));
            if (request.Tried.Count > MaxListedCandidates)
                message.Append($" and {request.Tried.Count - MaxListedCandidates} more");
            message.Append('.');
        }

        if (NodeBuiltins.IsBuiltin(specifier))
            message.Append($" '{specifier}' is a Node.js built-in module; V8Host does not provide Node's built-in modules.");
        return message.ToString();
    }

    /// <summary>The document ClearScript links for a resolved URL: one per URL, created on first import.</summary>
    public Document DocumentFor(string url)
    {
        var record = RecordFor(url);
        lock (_records)
        {
            if (record.Document is { } existing)
                return existing;
        }

        var document = record.Kind switch
        {
            ModuleKind.EcmaScript => EcmaScriptDocument(record),
            ModuleKind.Json => FacadeDocument(record, "export default import.meta.v8hostJson;\n", ("v8hostJson", JsonValue(record))),
            _ => FacadeDocument(record, CommonJsFacade(record), ("v8hostLoad", CommonJsGlue().Load)),
        };
        lock (_records)
            return record.Document ??= document;
    }

    /// <summary>Context.Require: module.exports of a specifier resolved from the base URL.</summary>
    public object RequireTop(string specifier) => CommonJsGlue().RequireTop.Invoke(false, specifier);

    private Record RecordFor(string url)
    {
        lock (_records)
        {
            if (_records.TryGetValue(url, out var known))
                return known;
        }

        var uri = new Uri(url);
        ModuleSource source;
        try
        {
            source = _loader!.Load(uri) ?? throw new InvalidOperationException($"{_loader.GetType().Name}.Load returned null for a URL its Resolve gave.");
        }
        catch (Exception exception) when (exception is not ScriptTerminatedException)
        {
            throw new InvalidOperationException($"Cannot load {url}: {exception.Message}", exception);
        }

        var record = new Record(uri, source.Text, source.Kind);
        // V8 reports a file: module by its local path (ClearScript's resource name), others by URL.
        _context.Sources.RememberModule(uri.IsFile ? uri.LocalPath : url, source.Text);
        if (record.Kind is ModuleKind.Detect or ModuleKind.CommonJS)
            record.Kind = CompileCommonJs(record) ? ModuleKind.CommonJS : ModuleKind.EcmaScript;
        lock (_records)
        {
            if (_records.TryGetValue(url, out var raced))
                return raced;
            _records[url] = record;
            return record;
        }
    }

    /// <summary>
    /// Compiles the CommonJS wrapper (nothing runs yet). For <see cref="ModuleKind.Detect"/>, a syntax
    /// error that only ES module syntax causes makes it an ES module instead (false).
    /// </summary>
    private bool CompileCommonJs(Record record)
    {
        // Node's wrapper, on the first line so that line numbers match the file; a hashbang becomes a comment.
        var text = record.Source.StartsWith("#!", StringComparison.Ordinal) ? "//" + record.Source[2..] : record.Source;
        var wrapped = "(function (exports, require, module, __filename, __dirname) { " + text + "\n})";
        try
        {
            // Not transient: ClearScript then knows the script when its code calls import(), so
            // relative dynamic imports resolve against this file.
            record.Wrapper = (ScriptObject)_context.Engine.Evaluate(new DocumentInfo(record.Url), wrapped);
            return true;
        }
        catch (Exception exception) when (exception is IScriptEngineException engineException && !(exception is ScriptInterruptedException))
        {
            var message = engineException.Message;
            if (record.Kind == ModuleKind.Detect && s_esmOnlySyntax.Any(marker => message.Contains(marker, StringComparison.Ordinal)))
                return false;
            throw new InvalidOperationException($"{record.Url.AbsoluteUri}: {message}{Location(engineException)}", exception);
        }
    }

    private static string Location(IScriptEngineException exception)
    {
        var details = exception.ErrorDetails;
        var at = details?.IndexOf("    at ", StringComparison.Ordinal) ?? -1;
        return at < 0 ? string.Empty : " (" + details![(at + 7)..].Split('\n')[0].Trim() + ")";
    }

    private object JsonValue(Record record)
    {
        if (record.Json is { } parsed)
            return parsed;
        try
        {
            return record.Json = _context.Bridge.ParseJson(record.Source);
        }
        catch (Exception exception) when (exception is IScriptEngineException engineException && exception is not ScriptInterruptedException)
        {
            throw new InvalidOperationException($"{record.Url.AbsoluteUri} is not valid JSON: {engineException.Message}", exception);
        }
    }

    private Document EcmaScriptDocument(Record record)
    {
        var url = record.Url.AbsoluteUri;
        var meta = new Dictionary<string, object>
        {
            ["url"] = url,
            ["resolve"] = CommonJsGlue().MetaResolve.Invoke(false, url),
        };
        var info = new DocumentInfo(record.Url) { Category = ModuleCategory.Standard, ContextCallback = _ => meta };
        return new StringDocument(info, record.Source);
    }

    /// <summary>An ES module standing for a CommonJS or JSON module; only it can read its own import.meta.</summary>
    private static Document FacadeDocument(Record record, string source, (string Key, object Value) hidden)
    {
        var meta = new Dictionary<string, object> { ["url"] = record.Url.AbsoluteUri, [hidden.Key] = hidden.Value };
        var info = new DocumentInfo(record.Url) { Category = ModuleCategory.Standard, ContextCallback = _ => meta };
        return new StringDocument(info, source);
    }

    /// <summary>
    /// default = module.exports; named exports are the names <see cref="CommonJsExportNames"/> finds
    /// (following re-exports), read from module.exports once it has run, as Node does.
    /// </summary>
    private string CommonJsFacade(Record record)
    {
        var names = new List<string>();
        CollectNames(record, names, new HashSet<string>(StringComparer.Ordinal), depth: 0);
        var source = new StringBuilder();
        source.Append("const exports = import.meta.v8hostLoad(import.meta.url);\nexport default exports;\n");
        source.Append("const object = exports !== null && (typeof exports === 'object' || typeof exports === 'function') ? exports : undefined;\n");
        for (var i = 0; i < names.Count; i++)
        {
            var literal = System.Text.Json.JsonSerializer.Serialize(names[i]);
            source.Append($"const e{i} = object === undefined ? undefined : object[{literal}];\nexport {{ e{i} as {literal} }};\n");
        }

        return source.ToString();
    }

    private void CollectNames(Record record, List<string> names, HashSet<string> visited, int depth)
    {
        if (!visited.Add(record.Url.AbsoluteUri) || depth > 16)
            return;
        var (own, reexports) = CommonJsExportNames.Find(record.Source);
        foreach (var name in own)
        {
            if (!names.Contains(name))
                names.Add(name);
        }

        foreach (var specifier in reexports)
        {
            // A re-export that does not resolve adds no names; requiring it at run time reports the error.
            try
            {
                var target = RecordFor(Resolve(specifier, record.Url, isRequire: true));
                if (target.Kind == ModuleKind.CommonJS)
                    CollectNames(target, names, visited, depth + 1);
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    private ImportMap? ImportMapOrNull()
    {
        if (_importMapJson is null)
            return null;
        return _importMap ??= ImportMap.Parse(_importMapJson, BaseUrl);
    }

    private (ScriptObject Load, ScriptObject RequireTop, ScriptObject MetaResolve) CommonJsGlue()
    {
        if (_commonJs is null)
        {
            var calls = _context.HostCalls;
            ScriptObject Fast(string name, int length, FastInvoker invoker) =>
                _context.Bridge.WrapHostFunction(calls.CreateFastFunction(name, invoker), name, length, byteArguments: 0, calls.TakeError);

            _commonJs = _context.Bridge.LoadGlue(
                "CommonJs",
                Fast("kindOf", 1, (in V8FastArgs args, in V8FastResult result) => result.Set(KindName(Url(args, 0)))),
                Fast("compile", 1, (in V8FastArgs args, in V8FastResult result) =>
                    result.Set(RecordFor(Url(args, 0)).Wrapper ?? throw new InvalidOperationException("Not a CommonJS module."))),
                Fast("readJson", 1, (in V8FastArgs args, in V8FastResult result) => result.Set(JsonValue(RecordFor(Url(args, 0))))),
                Fast("resolve", 3, (in V8FastArgs args, in V8FastResult result) =>
                {
                    args.TryGet(0, out string? specifier);
                    Uri? referrer = args.IsNull(1) ? null : new Uri(Url(args, 1));
                    result.Set(Resolve(specifier!, referrer, args.GetBoolean(2)));
                }),
                Fast("filenameOf", 1, (in V8FastArgs args, in V8FastResult result) => result.Set(FileName(new Uri(Url(args, 0))))),
                Fast("dirnameOf", 1, (in V8FastArgs args, in V8FastResult result) => result.Set(DirectoryName(new Uri(Url(args, 0))))));
            _load = _context.Bridge.Pick(_commonJs, "load");
            _requireTop = _context.Bridge.Pick(_commonJs, "requireTop");
            _metaResolve = _context.Bridge.Pick(_commonJs, "metaResolve");
        }

        return (_load!, _requireTop!, _metaResolve!);
    }

    private static string Url(in V8FastArgs args, int index) =>
        args.TryGet(index, out string? url) && url is not null ? url : throw new ArgumentException("Expected a module URL.");

    private string KindName(string url)
    {
        if (url.StartsWith(Binding.HostModuleBinding.Scheme, StringComparison.Ordinal))
            return "host";
        return RecordFor(url).Kind switch
        {
            ModuleKind.CommonJS => "commonjs",
            ModuleKind.Json => "json",
            _ => "module",
        };
    }

    /// <summary>__filename: a local path for file: URLs (as in Node), the URL itself for other loaders' modules.</summary>
    private static string FileName(Uri url) => url.IsFile ? url.LocalPath : url.AbsoluteUri;

    private static string DirectoryName(Uri url) => url.IsFile
        ? Path.GetDirectoryName(url.LocalPath) ?? url.LocalPath
        : new Uri(url, ".").AbsoluteUri.TrimEnd('/');

    private sealed class Record(Uri url, string source, ModuleKind kind)
    {
        public Uri Url { get; } = url;

        public string Source { get; } = source;

        public ModuleKind Kind { get; set; } = kind;

        public ScriptObject? Wrapper { get; set; }

        public object? Json { get; set; }

        public Document? Document { get; set; }
    }
}
