using V8Host;

namespace ScriptServer;

/// <summary>
/// The limits the server puts on each request, bound from the "ScriptServer" configuration section
/// (appsettings.json, environment variables such as ScriptServer__TimeoutMilliseconds, or
/// --ScriptServer:ContextPerRequest=true on the command line).
/// </summary>
public sealed class ScriptServerOptions
{
    public const string Section = "ScriptServer";

    /// <summary>How long one script may run (Eval's timeout); converting its result gets as long again.</summary>
    public int TimeoutMilliseconds { get; set; } = 1000;

    /// <summary>Each context's V8 heap limit.</summary>
    public int MaxHeapMegabytes { get; set; } = 64;

    /// <summary>The longest script accepted, in characters.</summary>
    public int MaxScriptCharacters { get; set; } = 100_000;

    /// <summary>The largest request body, in bytes (JSON escapes can make a script up to 6 bytes a character).</summary>
    public int MaxRequestBytes { get; set; } = 1 << 20;

    /// <summary>Console calls kept per request; later ones are counted in a final entry.</summary>
    public int MaxConsoleEntries { get; set; } = 200;

    /// <summary>Console characters kept per request.</summary>
    public int MaxConsoleCharacters { get; set; } = 64 * 1024;

    /// <summary>The longest result, in characters of JSON.</summary>
    public int MaxResultCharacters { get; set; } = 256 * 1024;

    /// <summary>How deep a result may nest (a cyclic result ends here too).</summary>
    public int MaxResultDepth { get; set; } = 64;

    /// <summary>
    /// Runs all JavaScript in V8's interpreter. On by default: with the JIT, a tight loop of built-in
    /// calls (a heap bomb of <c>push</c>es) can outrun V8's interrupts and abort the whole process
    /// (docs/runtime.md, "Termination and limits"). Process-wide, read before the first isolate.
    /// </summary>
    public bool DisableJit { get; set; } = true;

    /// <summary>A new context per request instead of a pooled one: correct but slow, kept to measure the difference.</summary>
    public bool ContextPerRequest { get; set; }

    /// <summary>The pool's size; 0 for the pool's default (2 per processor).</summary>
    public int PoolSize { get; set; }

    public TimeSpan Timeout => TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    public IsolateOptions IsolateOptions => new() { MaxHeapBytes = (long)MaxHeapMegabytes << 20 };

    /// <summary>The pool's backstop for a whole rent: the script, its result's conversion and some room.</summary>
    public TimeSpan MaxRentDuration => 2 * Timeout + TimeSpan.FromSeconds(2);
}
