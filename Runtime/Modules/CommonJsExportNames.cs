using System.Text.RegularExpressions;

namespace V8Host.Modules;

/// <summary>
/// The named exports an ES module sees when it imports a CommonJS module, found without running it,
/// as Node's cjs-module-lexer does, for a subset of its patterns:
/// <c>exports.name =</c>, <c>module.exports.name =</c>, <c>exports["name"] =</c>,
/// <c>Object.defineProperty(exports, "name", …)</c>, <c>module.exports = { a, b: …, "c": … }</c>
/// (identifier and string keys, shorthand or not), and re-exports from
/// <c>module.exports = require("x")</c> and TypeScript's <c>__exportStar(require("x"), exports)</c>.
/// A name found in a comment or string that is not really exported reads as <c>undefined</c>, as in Node.
/// </summary>
internal static partial class CommonJsExportNames
{
    [GeneratedRegex(@"(?<![\w$.])(?:module\s*\.\s*)?exports\s*\.\s*([A-Za-z_$][\w$]*)\s*=(?!=)")]
    private static partial Regex DotAssignment();

    [GeneratedRegex(@"(?<![\w$.])(?:module\s*\.\s*)?exports\s*\[\s*(['""])([^'""\\\r\n]+)\1\s*\]\s*=(?!=)")]
    private static partial Regex BracketAssignment();

    [GeneratedRegex(@"Object\s*\.\s*defineProperty\s*\(\s*(?:module\s*\.\s*)?exports\s*,\s*(['""])([^'""\\\r\n]+)\1")]
    private static partial Regex DefineProperty();

    [GeneratedRegex(@"(?<![\w$.])module\s*\.\s*exports\s*=\s*\{")]
    private static partial Regex ObjectLiteral();

    [GeneratedRegex(@"(?<![\w$.])module\s*\.\s*exports\s*=\s*require\s*\(\s*(['""])([^'""\\\r\n]+)\1\s*\)")]
    private static partial Regex ModuleReexport();

    [GeneratedRegex(@"__exportStar\s*\(\s*require\s*\(\s*(['""])([^'""\\\r\n]+)\1\s*\)")]
    private static partial Regex StarReexport();

    /// <summary>The names (without "default" and "__esModule") and the specifiers it re-exports.</summary>
    public static (IReadOnlyList<string> Names, IReadOnlyList<string> Reexports) Find(string source)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (name is not "default" and not "__esModule" && IsWellFormed(name) && !names.Contains(name))
                names.Add(name);
        }

        foreach (Match match in DotAssignment().Matches(source))
            Add(match.Groups[1].Value);
        foreach (Match match in BracketAssignment().Matches(source))
            Add(match.Groups[2].Value);
        foreach (Match match in DefineProperty().Matches(source))
            Add(match.Groups[2].Value);
        foreach (Match match in ObjectLiteral().Matches(source))
            ObjectKeys(source, match.Index + match.Length, Add);

        var reexports = new List<string>();
        foreach (Match match in ModuleReexport().Matches(source))
            reexports.Add(match.Groups[2].Value);
        foreach (Match match in StarReexport().Matches(source))
            reexports.Add(match.Groups[2].Value);
        return (names, reexports);
    }

    /// <summary>Keys of an object literal starting after its '{', up to the first entry that is not a plain key (a spread, a computed key, a method).</summary>
    private static void ObjectKeys(string source, int index, Action<string> add)
    {
        while (true)
        {
            index = SkipSpace(source, index);
            if (index >= source.Length || source[index] == '}')
                return;
            string? key;
            if (source[index] is '"' or '\'')
            {
                var quote = source[index];
                var end = source.IndexOf(quote, index + 1);
                if (end < 0 || source.AsSpan(index + 1, end - index - 1).IndexOfAny('\\', '\n') >= 0)
                    return;
                key = source[(index + 1)..end];
                index = end + 1;
            }
            else
            {
                var start = index;
                while (index < source.Length && (char.IsLetterOrDigit(source[index]) || source[index] is '_' or '$'))
                    index++;
                if (index == start || char.IsDigit(source[start]))
                    return;
                key = source[start..index];
            }

            index = SkipSpace(source, index);
            if (index >= source.Length)
                return;
            if (source[index] == ',' || source[index] == '}')
            {
                add(key);
                if (source[index] == '}')
                    return;
                index++;
                continue;
            }

            if (source[index] != ':')
                return;
            add(key);
            index = SkipValue(source, index + 1);
            if (index < 0)
                return;
        }
    }

    /// <summary>Skips one property value up to and past the ',' that ends it; -1 at the literal's end or when lost.</summary>
    private static int SkipValue(string source, int index)
    {
        var depth = 0;
        while (index < source.Length)
        {
            var c = source[index];
            switch (c)
            {
                case '"' or '\'' or '`':
                    var end = index + 1;
                    while (end < source.Length && source[end] != c)
                        end += source[end] == '\\' ? 2 : 1;
                    index = end + 1;
                    continue;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '}':
                    if (depth == 0)
                        return -1;
                    depth--;
                    break;
                case ',' when depth == 0:
                    return index + 1;
                case '/' when index + 1 < source.Length && (source[index + 1] is '/' or '*'):
                    index = SkipSpace(source, index);
                    continue;
            }

            index++;
        }

        return -1;
    }

    private static int SkipSpace(string source, int index)
    {
        while (index < source.Length)
        {
            if (char.IsWhiteSpace(source[index]))
            {
                index++;
            }
            else if (source.AsSpan(index).StartsWith("//"))
            {
                var end = source.IndexOf('\n', index);
                index = end < 0 ? source.Length : end + 1;
            }
            else if (source.AsSpan(index).StartsWith("/*"))
            {
                var end = source.IndexOf("*/", index + 2, StringComparison.Ordinal);
                index = end < 0 ? source.Length : end + 2;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    private static bool IsWellFormed(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                i++;
            else if (char.IsSurrogate(name[i]))
                return false;
        }

        return true;
    }
}
