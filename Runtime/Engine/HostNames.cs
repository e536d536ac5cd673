using System.Text.RegularExpressions;

namespace V8Host;

/// <summary>JS naming rules shared by run-time registration (the generator enforces the same at compile time).</summary>
internal static class HostNames
{
    private static readonly Regex s_identifier = new(@"^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_]*$", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
        "implements", "interface", "package", "private", "protected", "public", "await",
    };

    public static bool IsIdentifier(string name) => s_identifier.IsMatch(name) && !s_reserved.Contains(name);

    /// <summary>
    /// Validates a global name; dots separate namespace objects (<c>"math.clamp"</c>). The first part
    /// must be an identifier scripts can use bare; later parts are property names (reserved words allowed).
    /// </summary>
    public static void ThrowIfInvalidPath(string? path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, parameterName);
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i == 0 ? !IsIdentifier(parts[i]) : !s_identifier.IsMatch(parts[i]))
                throw new ArgumentException($"'{path}' is not a valid JavaScript name: '{parts[i]}' is not an identifier or is a reserved word.", parameterName);
        }
    }

    /// <summary>The default naming policy: camelCase (<c>DistanceTo</c> → <c>distanceTo</c>).</summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || char.IsLower(name[0]))
            return name;
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
            upper++;
        // "URL" → "url", "URLPath" → "urlPath", "X" → "x".
        var lowered = upper == name.Length ? name.Length : Math.Max(1, upper - 1);
        return name[..lowered].ToLowerInvariant() + name[lowered..];
    }
}
