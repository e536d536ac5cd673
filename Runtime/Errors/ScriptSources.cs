using Microsoft.ClearScript;
using V8Host.Engine;

namespace V8Host;

/// <summary>
/// The source text behind the resource names V8 reports, so that a run-time error can show the text
/// of the line it was raised on (V8 gives JavaScript no access to a script's source). Classic scripts
/// get a resource name of their own (<see cref="EngineCore.TransientDocument"/>), so a name never
/// stands for two sources; a module specifier compiled twice with different text does, and then
/// gives no line rather than a wrong one.
/// </summary>
/// <remarks>
/// Classic sources are bounded: kept in arrival order up to <see cref="MaxEntries"/> scripts and
/// <see cref="MaxChars"/> characters, the oldest forgotten first (errors from their code then have
/// no <see cref="JavaScriptException.SourceLine"/>); a <see cref="Script"/> brings its source back
/// each time it runs. Module sources are kept for good: the module registry holds them for the
/// context's lifetime anyway, and forgetting one would also forget that its specifier is ambiguous.
/// </remarks>
internal sealed class ScriptSources
{
    internal const int MaxEntries = 1024;
    internal const long MaxChars = 16L * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, string> _scripts = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Dictionary<string, string?> _modules = new(StringComparer.Ordinal);
    private long _chars;

    /// <summary>A document for user code with its source remembered under the document's resource name.</summary>
    public DocumentInfo Document(string name, string source)
    {
        var info = EngineCore.TransientDocument(name);
        Remember(ResourceName(info), source);
        return info;
    }

    /// <summary>The resource name V8 reports for code compiled from <paramref name="info"/>.</summary>
    public static string ResourceName(DocumentInfo info) => info.Uri!.AbsoluteUri;

    /// <summary>Remembers a classic script's source under its (unique) resource name, forgetting the oldest past the bounds.</summary>
    public void Remember(string resourceName, string source)
    {
        lock (_gate)
        {
            if (!_scripts.TryAdd(resourceName, source))
                return;
            _order.Enqueue(resourceName);
            _chars += source.Length;
            while (_order.Count > MaxEntries || (_chars > MaxChars && _order.Count > 1))
            {
                if (_scripts.Remove(_order.Dequeue(), out var evicted))
                    _chars -= evicted.Length;
            }
        }
    }

    /// <summary>Remembers a module's source under its specifier's resource name; a name already holding other text becomes ambiguous for good.</summary>
    public void RememberModule(string resourceName, string source)
    {
        lock (_gate)
        {
            if (!_modules.TryGetValue(resourceName, out var known))
                _modules[resourceName] = source;
            else if (known is not null && !string.Equals(known, source, StringComparison.Ordinal))
                _modules[resourceName] = null;
        }
    }

    /// <summary>
    /// The text of 1-based <paramref name="line"/> of the source behind <paramref name="resourceName"/>,
    /// split where V8 splits lines (LF, CR, CRLF, U+2028, U+2029); null when unknown.
    /// </summary>
    public string? LineOf(string? resourceName, int? line)
    {
        if (resourceName is null || line is not { } wanted || wanted < 1)
            return null;
        string? source;
        lock (_gate)
        {
            if (!_scripts.TryGetValue(resourceName, out source))
                _modules.TryGetValue(resourceName, out source);
        }

        if (source is null)
            return null;

        var start = 0;
        for (var current = 1; current < wanted; current++)
        {
            var end = IndexOfLineEnd(source, start);
            if (end < 0)
                return null;
            start = end + (source[end] == '\r' && end + 1 < source.Length && source[end + 1] == '\n' ? 2 : 1);
        }

        var stop = IndexOfLineEnd(source, start);
        return stop < 0 ? source[start..] : source[start..stop];
    }

    private static int IndexOfLineEnd(string source, int start) => source.AsSpan(start).IndexOfAny("\n\r\u2028\u2029") is var index and >= 0 ? start + index : -1;
}
