using System.Collections.Concurrent;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Engine;

/// <summary>
/// The runtime's own JS (the embedded Js/*.js glue), compiled from source once per process. Every
/// context runs about 150 KB of glue before user code: compiling it each time was most of the cost of a
/// new context. The first context to run a glue file takes V8's code cache of it after it ran (so the
/// cache holds the functions that setting up a context calls); later contexts compile from that cache.
/// V8's flags are process-wide, so every isolate accepts it; one it rejected is compiled from source.
/// </summary>
internal static class GlueScripts
{
    private static readonly ConcurrentDictionary<string, string> s_sources = new(StringComparer.Ordinal);

    // Keyed by the exact text V8 compiles (with the inspector on, the glue carries a sourceURL).
    private static readonly ConcurrentDictionary<string, byte[]> s_caches = new(StringComparer.Ordinal);

    /// <summary>The text of embedded glue file <paramref name="name"/>.js.</summary>
    public static string Source(string name) => s_sources.GetOrAdd(name, static name =>
    {
        using var stream = typeof(GlueScripts).Assembly.GetManifestResourceStream($"V8Host.{name}.js")
            ?? throw new InvalidOperationException($"V8Host.Runtime is missing its embedded script '{name}.js'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Runs glue <paramref name="text"/> as document <paramref name="documentName"/>: evaluates it and
    /// passes the completion value to <paramref name="run"/> (most glue is a function the caller invokes
    /// with the primordials); the code cache is taken after that, the first time.
    /// </summary>
    public static T Run<T>(V8ScriptEngine engine, string documentName, string text, Func<object, T> run)
    {
        var document = EngineCore.Document(documentName);
        if (s_caches.TryGetValue(text, out var cache))
        {
            using var cached = engine.Compile(document, text, V8CacheKind.Code, cache, out _);
            return run(engine.Evaluate(cached));
        }

        T result;
        using (var compiled = engine.Compile(document, text))
            result = run(engine.Evaluate(compiled));
        // The same document and text hit ClearScript's cache of the script that just ran (Script.CreateCodeCacheAfterRun).
        using (engine.Compile(document, text, V8CacheKind.Code, out var ran))
        {
            if (ran is { Length: > 0 })
                s_caches.TryAdd(text, ran);
        }

        return result;
    }
}
