using System.Text;

namespace V8Host.Engine;

/// <summary>
/// Turns a script that uses top-level <c>await</c> into the body of an async function that returns
/// the script's completion value, as DevTools' console and Node's REPL do. V8 exposes no REPL mode
/// through ClearScript, so the completion value is found by trial: the script's top-level statement
/// boundaries are candidates, and the longest trailing part that V8 accepts as one parenthesized
/// expression (<c>return (…)</c>) is returned. Parentheses switch off automatic semicolon insertion,
/// so a candidate is accepted only if it really is one expression.
/// </summary>
/// <remarks>
/// Declarations (<c>var</c>, <c>let</c>, <c>const</c>, functions) become local to the async function.
/// A script whose last statement is not an expression completes with <c>undefined</c>.
/// </remarks>
internal static class TopLevelAwait
{
    /// <summary>Only the last boundaries are tried: the completion value is a trailing statement, and each trial parses the whole body.</summary>
    private const int MaxCandidates = 256;

    /// <summary>The async-function body for <paramref name="source"/>; <paramref name="parses"/> asks V8 whether a body is valid.</summary>
    public static string ToAsyncBody(string source, Func<string, bool> parses)
    {
        var boundaries = StatementBoundaries(source);
        var first = Math.Max(0, boundaries.Count - MaxCandidates);
        for (var i = first; i < boundaries.Count; i++)
        {
            var start = boundaries[i];
            var expression = TrimTrailing(source.AsSpan(start));
            if (expression.IsEmpty || expression.IsWhiteSpace() || MayContinuePreviousLine(source, start, expression))
                continue;

            // The prefix keeps its line breaks, so error positions stay where the user wrote them.
            var body = new StringBuilder(source.Length + 16)
                .Append(source, 0, start)
                .Append("return (")
                .Append(expression)
                .Append("\n);")
                .ToString();
            if (parses(body))
                return body;
        }

        return source;
    }

    /// <summary>
    /// After a line break or a <c>}</c> (not a <c>;</c>), a line starting with one of these continues the
    /// statement before it (<c>var y = f\n('x')</c> is <c>f('x')</c>): splitting there would change the program.
    /// </summary>
    private static bool MayContinuePreviousLine(string source, int start, ReadOnlySpan<char> expression)
    {
        if (start == 0 || source[start - 1] == ';')
            return false;
        var first = expression.TrimStart();
        if (first.IsEmpty)
            return false;
        // `++`/`--` after a line break start a new statement (a restricted production), `!` only as `!=`.
        if (first.StartsWith("++") || first.StartsWith("--"))
            return false;
        if (first[0] == '!')
            return first.Length > 1 && first[1] == '=';
        if ("([`+-/*%,.?:=<>&|^".Contains(first[0]))
            return true;
        return StartsWithWord(first, "in") || StartsWithWord(first, "instanceof");
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word) && (text.Length == word.Length || !(char.IsLetterOrDigit(text[word.Length]) || text[word.Length] is '_' or '$'));

    private static ReadOnlySpan<char> TrimTrailing(ReadOnlySpan<char> text)
    {
        text = text.TrimEnd();
        while (text.EndsWith(";"))
            text = text[..^1].TrimEnd();
        return text;
    }

    /// <summary>
    /// Offsets where a top-level statement may start: 0, and after each top-level <c>;</c>, <c>}</c> or
    /// line break, skipping strings, template literals, comments and regular expressions. A regex
    /// literal mistaken for division (or the reverse) only loses candidates.
    /// </summary>
    internal static List<int> StatementBoundaries(string source)
    {
        var boundaries = new List<int> { 0 };
        var depth = 0;
        var templateDepths = new Stack<int>();
        var regexAllowed = true;
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            switch (c)
            {
                case '/' when i + 1 < source.Length && source[i + 1] == '/':
                    while (i < source.Length && source[i] != '\n')
                        i++;
                    continue;
                case '/' when i + 1 < source.Length && source[i + 1] == '*':
                    var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? source.Length : end + 2;
                    continue;
                case '/' when regexAllowed:
                    i = SkipRegex(source, i);
                    regexAllowed = false;
                    continue;
                case '\'' or '"':
                    i = SkipString(source, i, c);
                    regexAllowed = false;
                    continue;
                case '`':
                    i = SkipTemplate(source, i + 1, templateDepths, depth);
                    regexAllowed = false;
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    regexAllowed = true;
                    break;
                case '}' when templateDepths.Count > 0 && templateDepths.Peek() == depth:
                    // The end of a template substitution: the template literal continues.
                    templateDepths.Pop();
                    i = SkipTemplate(source, i + 1, templateDepths, depth - 1);
                    depth--;
                    regexAllowed = false;
                    continue;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    regexAllowed = c == '}';
                    if (c == '}' && depth == 0)
                        boundaries.Add(i + 1);
                    break;
                case ';':
                    regexAllowed = true;
                    if (depth == 0)
                        boundaries.Add(i + 1);
                    break;
                case '\n':
                    if (depth == 0)
                        boundaries.Add(i + 1);
                    break;
                default:
                    // A word is looked at once, at its last character, so the scan stays linear.
                    if (IsWordChar(c))
                        regexAllowed = (i + 1 == source.Length || !IsWordChar(source[i + 1])) && EndsWithKeyword(source, i);
                    else if (!char.IsWhiteSpace(c))
                        regexAllowed = true;
                    break;
            }

            i++;
        }

        return boundaries;
    }

    /// <summary>After these words a slash starts a regular expression, not a division.</summary>
    private static readonly string[] s_regexKeywords = ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "await", "yield"];

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>Whether the word ending at <paramref name="last"/> is one after which a slash starts a regular expression.</summary>
    private static bool EndsWithKeyword(string source, int last)
    {
        var start = last;
        while (start > 0 && IsWordChar(source[start - 1]))
            start--;
        var word = source.AsSpan(start, last - start + 1);
        foreach (var keyword in s_regexKeywords)
        {
            if (word.SequenceEqual(keyword))
                return true;
        }

        return false;
    }

    private static int SkipString(string source, int i, char quote)
    {
        for (i++; i < source.Length; i++)
        {
            if (source[i] == '\\')
                i++;
            else if (source[i] == quote || source[i] == '\n')
                return i + 1;
        }

        return source.Length;
    }

    private static int SkipRegex(string source, int i)
    {
        var inClass = false;
        for (i++; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
                i++;
            else if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (c == '\n')
                return i;
            else if (c == '/' && !inClass)
                return i + 1;
        }

        return source.Length;
    }

    /// <summary>Skips template text up to its closing backtick, or into a <c>${</c> substitution (remembered at <paramref name="depth"/> + 1).</summary>
    private static int SkipTemplate(string source, int i, Stack<int> templateDepths, int depth)
    {
        for (; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '`')
            {
                return i + 1;
            }
            else if (c == '$' && i + 1 < source.Length && source[i + 1] == '{')
            {
                templateDepths.Push(depth + 1);
                return i + 1;
            }
        }

        return source.Length;
    }
}
