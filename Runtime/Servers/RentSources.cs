using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace V8Host;

/// <summary>
/// The sources a pooled context compiled or ran during one rent, for the one kind of state a reset
/// cannot see: top-level <c>let</c>, <c>const</c> and <c>class</c> bindings, which live in the
/// context's global lexical scope rather than on the global object. Every identifier of those
/// sources is a candidate (a superset of what they can have declared: JS creates such bindings only
/// in the top level of scripts the host runs, and all of those pass through here); PoolReset.js
/// checks which of them are bound.
/// </summary>
internal sealed class RentSources
{
    /// <summary>Past this much source a rent is not checked name by name: its context is recycled.</summary>
    public const int MaxChars = 4 * 1024 * 1024;

    /// <summary>Past this many distinct names, likewise.</summary>
    public const int MaxNames = 20000;

    // IdentifierName as the spec defines it, escapes included (\u0078 and \u{78} spell x), and any
    // surrogate (letters outside the BMP): a superset is harmless, a missed name is not.
    private static readonly Regex s_identifier = new(
        @"(?:[\p{L}\p{Nl}$_\uD800-\uDFFF]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\})(?:[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200C\u200D\uD800-\uDFFF]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]{1,6}\})*",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_escape = new(@"\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Words that cannot name a binding (or mean something else where the check looks them up).
    private static readonly HashSet<string> s_notBindings = new(StringComparer.Ordinal)
    {
        "arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
        "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
        "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected", "public",
    };

    // Servers run the same few scripts over and over: each one's names are worked out once. Bounded in
    // entries and in the length of a source kept, so that a renter's endless distinct scripts cost time
    // (the regex, as without the cache), never memory.
    private const int MaxCachedSources = 256;
    private const int MaxCachedSourceChars = 16 * 1024;
    private static readonly ConcurrentDictionary<string, string?> s_linesBySource = new(StringComparer.Ordinal);

    private readonly List<string> _sources = new();
    private long _chars;

    /// <summary>Whether more source ran than can be checked name by name.</summary>
    public bool Overflowed { get; private set; }

    public void Record(string source)
    {
        lock (_sources)
        {
            _chars += source.Length;
            if (_chars > MaxChars)
            {
                Overflowed = true;
                _sources.Clear();
                return;
            }

            _sources.Add(source);
        }
    }

    /// <summary>
    /// The distinct names the rent's sources could have declared, one per line (names hold no line
    /// breaks), or null when there are too many to check.
    /// </summary>
    public string? CandidateLines()
    {
        lock (_sources)
        {
            if (Overflowed)
                return null;
            switch (_sources.Count)
            {
                case 0:
                    return string.Empty;
                case 1:
                    return LinesOf(_sources[0]);
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var source in _sources)
            {
                if (!AddNames(source, names))
                    return null;
            }

            return string.Join('\n', names);
        }
    }

    private static string? LinesOf(string source)
    {
        if (s_linesBySource.TryGetValue(source, out var cached))
            return cached;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var lines = AddNames(source, names) ? string.Join('\n', names) : null;
        if (source.Length <= MaxCachedSourceChars)
        {
            if (s_linesBySource.Count >= MaxCachedSources)
                s_linesBySource.Clear();
            s_linesBySource[source] = lines;
        }

        return lines;
    }

    /// <summary>Adds the names <paramref name="source"/> could declare; false past <see cref="MaxNames"/>.</summary>
    private static bool AddNames(string source, HashSet<string> names)
    {
        foreach (Match match in s_identifier.Matches(source))
        {
            var name = match.Value.Contains('\\') ? Unescape(match.Value) : match.Value;
            if (name is not null && !s_notBindings.Contains(name) && names.Add(name) && names.Count > MaxNames)
                return false;
        }

        return true;
    }

    private static string? Unescape(string name)
    {
        try
        {
            return s_escape.Replace(name, match => char.ConvertFromUtf32(int.Parse(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not a code point: not a name V8 accepts either.
            return null;
        }
    }
}
