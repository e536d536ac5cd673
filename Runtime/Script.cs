using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using V8Host.Engine;

namespace V8Host;

/// <summary>A compiled classic script, bound to the context that compiled it; run it as often as needed.</summary>
public sealed class Script : IDisposable
{
    private readonly Context _context;
    private readonly V8Script _compiled;
    private readonly DocumentInfo _document;
    private readonly string _compiledText;
    private readonly string _resourceKey;
    private bool _disposed;

    // document and compiledText: what V8 compiled (the text may carry a sourceURL for the debugger);
    // the resource name V8 reports for this script's frames (ScriptSources) comes from the document.
    internal Script(Context context, V8Script compiled, DocumentInfo document, string compiledText, string source, string resourceName, string? sourceMapUrl, bool cachedDataRejected)
    {
        _context = context;
        _compiled = compiled;
        _document = document;
        _compiledText = compiledText;
        _resourceKey = ScriptSources.ResourceName(document);
        Source = source;
        ResourceName = resourceName;
        SourceMapUrl = sourceMapUrl;
        CachedDataRejected = cachedDataRejected;
    }

    /// <summary>The source text.</summary>
    public string Source { get; }

    /// <summary>The file name given at compile time.</summary>
    public string ResourceName { get; }

    /// <summary>The source map URL given at compile time.</summary>
    public string? SourceMapUrl { get; }

    /// <summary>Whether code-cache data passed to <see cref="Context.Compile"/> was rejected (stale V8 version, other source …); the script compiled normally anyway.</summary>
    public bool CachedDataRejected { get; }

    /// <summary>Whether the script and its context are alive.</summary>
    public bool IsAlive => !_disposed && _context.IsAlive;

    /// <summary>Runs the script and returns its completion value.</summary>
    public object? Run(TimeSpan? timeout = null)
    {
        ThrowIfDisposed("Script.Run");
        _context.AwaitDebugger("Script.Run");
        return _context.Run("Script.Run", engine =>
        {
            // The source may have been forgotten since compiling (ScriptSources is bounded): errors from this run still show their line.
            _context.Sources.Remember(_resourceKey, Source);
            _context.RentSources?.Record(Source);
            return _context.Values.ToHost(engine.Evaluate(_compiled));
        }, timeout);
    }

    /// <summary>Produces V8 code-cache bytes for this source; pass them to <see cref="Context.Compile"/> later (in any context) to skip parsing.</summary>
    public byte[] CreateCodeCache()
    {
        ThrowIfDisposed("Script.CreateCodeCache");
        return _context.Run("Script.CreateCodeCache", engine =>
        {
            using var recompiled = engine.Compile(EngineCore.TransientDocument(ResourceName), _context.ForDebugger(Source, ResourceName), V8CacheKind.Code, out var cache);
            return cache ?? Array.Empty<byte>();
        });
    }

    /// <summary>
    /// The code cache of this script as it is now: after it ran (and after any warm-up calls), the cache
    /// also holds the functions V8 compiled lazily, so a context started from it compiles almost nothing.
    /// ClearScript keeps the first cache it makes for a compiled script, so only the first call counts.
    /// </summary>
    internal byte[] CreateCodeCacheAfterRun()
    {
        ThrowIfDisposed("Script.CreateCodeCache");
        return _context.Run("Script.CreateCodeCache", engine =>
        {
            // The same document and text hit ClearScript's cache of this compiled script, whose functions ran.
            using var same = engine.Compile(_document, _compiledText, V8CacheKind.Code, out var cache);
            return cache ?? Array.Empty<byte>();
        });
    }

    /// <summary>Releases the compiled script. Also happens when the context is disposed.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _context.Disown(this);
        _compiled.Dispose();
    }

    private void ThrowIfDisposed(string operation)
    {
        if (_disposed)
            throw new ObjectDisposedException(nameof(Script), $"{operation} was called on a disposed script.");
    }
}
