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

    /// <summary>A name longer than this makes its rent's context recycled rather than checked.</summary>
    public const int MaxNameChars = 256;

    /// <summary>Names adding up to more than this many characters, likewise (checking costs time per character).</summary>
    public const int MaxNamesChars = 64 * 1024;

    // A superset of IdentifierName: runs of ASCII name characters, \u escapes and every non-ASCII
    // character JS does not count as white space. V8 itself then keeps only real names
    // (PoolReset.js matches each against \p{ID_Start}\p{ID_Continue}*), so .NET's Unicode tables,
    // which lag or lead V8's, cannot make a name be missed. A match stops one unit past MaxNameChars
    // (each unit stands for at least one character): a longer word refuses the rent there, rather
    // than after the regex has run to its end (a 4 MiB name cost Return a second on a loaded machine).
    private static readonly Regex s_word = new(
        @"(?:[A-Za-z0-9$_]|[^\x00-\x7F\p{Zs}\uFEFF\u2028\u2029]|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\})" + "{1," + (MaxNameChars + 1) + "}",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_escape = new(@"\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]+)\})", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // Words that cannot name a binding in sloppy code (`let` cannot name a lexical one).
    private static readonly HashSet<string> s_notBindings = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "let", "new", "null", "return",
        "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with",
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
            var chars = 0;
            foreach (var source in _sources)
            {
                if (!AddNames(source, names, ref chars))
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
        var chars = 0;
        var lines = AddNames(source, names, ref chars) ? string.Join('\n', names) : null;
        if (source.Length <= MaxCachedSourceChars)
        {
            if (s_linesBySource.Count >= MaxCachedSources)
                s_linesBySource.Clear();
            s_linesBySource[source] = lines;
        }

        return lines;
    }

    /// <summary>Adds the names <paramref name="source"/> could declare; false past <see cref="MaxNames"/>, <see cref="MaxNameChars"/> or <see cref="MaxNamesChars"/>.</summary>
    private static bool AddNames(string source, HashSet<string> names, ref int chars)
    {
        foreach (Match match in s_word.Matches(source))
        {
            if (char.IsAsciiDigit(match.Value[0]))
                continue;
            var name = match.Value.Contains('\\') ? Unescape(match.Value) : match.Value;
            if (name is null || s_notBindings.Contains(name))
                continue;
            if (name.Length > MaxNameChars)
                return false;
            if (names.Add(name) && (names.Count > MaxNames || (chars += name.Length) > MaxNamesChars))
                return false;
        }

        return true;
    }

    private static string? Unescape(string name)
    {
        try
        {
            return s_escape.Replace(name, match =>
            {
                // \u{0000000078} is x: leading zeros are allowed, in any number.
                var hex = (match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value).TrimStart('0');
                if (hex.Length > 6)
                    throw new ArgumentOutOfRangeException(nameof(name));
                return char.ConvertFromUtf32(hex.Length == 0 ? 0 : int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            });
        }
        catch (ArgumentOutOfRangeException)
        {
            // Not a code point (or a lone surrogate): not a name V8 accepts either.
            return null;
        }
    }
}
