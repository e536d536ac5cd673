namespace V8Host.Modules;

/// <summary>Node's built-in module names (module.builtinModules of Node 20), to say why such a specifier does not resolve.</summary>
internal static class NodeBuiltins
{
    private static readonly HashSet<string> s_names = new(StringComparer.Ordinal)
    {
        "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto",
        "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2",
        "https", "inspector", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process",
        "punycode", "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers",
        "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events",
        "tty", "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib",
    };

    public static bool IsBuiltin(string specifier) =>
        specifier.StartsWith("node:", StringComparison.Ordinal) || s_names.Contains(specifier);
}
