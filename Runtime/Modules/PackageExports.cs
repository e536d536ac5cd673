using System.Text.Json;

namespace V8Host.Modules;

/// <summary>
/// Node's PACKAGE_EXPORTS_RESOLVE and PACKAGE_IMPORTS_RESOLVE (nodejs.org/api/esm.html#resolution-algorithm):
/// subpath maps, <c>*</c> patterns (most specific first), condition objects matched in key order
/// against the request's conditions plus <c>default</c>, fallback arrays, <c>null</c> blocking.
/// </summary>
internal static class PackageExports
{
    /// <summary>What an exports/imports lookup gave.</summary>
    internal enum Outcome
    {
        /// <summary>No entry or condition matched.</summary>
        NoMatch,

        /// <summary>The entry is <c>null</c>: the subpath is deliberately not exported.</summary>
        Blocked,

        /// <summary><see cref="Result.Value"/> is a path inside the package (without the leading <c>./</c>).</summary>
        Path,

        /// <summary><see cref="Result.Value"/> is a bare specifier (only in <c>imports</c>): resolve it as a package.</summary>
        Bare,
    }

    internal readonly record struct Result(Outcome Outcome, string? Value, string? Error = null);

    /// <summary>Resolves <paramref name="subpath"/> (<c>"."</c> or <c>"./x"</c>) through a package's <c>exports</c>.</summary>
    public static Result ResolveExports(JsonElement exports, string subpath, IReadOnlyList<string> conditions)
    {
        if (exports.ValueKind == JsonValueKind.Object)
        {
            var subpathKeys = HasDotKeys(exports, out var mixed);
            if (mixed)
                return new(Outcome.NoMatch, null, "its \"exports\" mixes subpath keys (\"./…\") with condition keys, which Node refuses");
            if (subpathKeys)
                return ResolveMap(exports, subpath, conditions, allowBare: false);
        }

        // A string, an array or a conditions object: the package's main export only.
        return subpath == "." ? ResolveTarget(exports, null, conditions, allowBare: false) : new(Outcome.NoMatch, null);
    }

    /// <summary>Resolves a <c>#name</c> specifier through a package's <c>imports</c>.</summary>
    public static Result ResolveImports(JsonElement imports, string specifier, IReadOnlyList<string> conditions) =>
        ResolveMap(imports, specifier, conditions, allowBare: true);

    private static bool HasDotKeys(JsonElement map, out bool mixed)
    {
        bool dot = false, other = false;
        foreach (var property in map.EnumerateObject())
        {
            if (property.Name.StartsWith('.'))
                dot = true;
            else
                other = true;
        }

        mixed = dot && other;
        return dot;
    }

    private static Result ResolveMap(JsonElement map, string key, IReadOnlyList<string> conditions, bool allowBare)
    {
        if (!key.Contains('*') && map.TryGetProperty(key, out var exact))
            return ResolveTarget(exact, null, conditions, allowBare);

        // PATTERN_KEY_COMPARE: the longest prefix before '*' wins, then the longer key.
        string? bestKey = null;
        string? bestMatch = null;
        foreach (var property in map.EnumerateObject())
        {
            var candidate = property.Name;
            var star = candidate.IndexOf('*');
            if (star < 0 || candidate.IndexOf('*', star + 1) >= 0)
                continue;
            var prefix = candidate[..star];
            var trailer = candidate[(star + 1)..];
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || key == prefix)
                continue;
            if (trailer.Length > 0 && (!key.EndsWith(trailer, StringComparison.Ordinal) || key.Length < candidate.Length))
                continue;
            if (bestKey is null || Compare(candidate, bestKey) < 0)
            {
                bestKey = candidate;
                bestMatch = key[prefix.Length..(key.Length - trailer.Length)];
            }
        }

        return bestKey is null ? new(Outcome.NoMatch, null) : ResolveTarget(map.GetProperty(bestKey), bestMatch, conditions, allowBare);
    }

    private static int Compare(string a, string b)
    {
        var aBase = a.IndexOf('*');
        var bBase = b.IndexOf('*');
        if (aBase != bBase)
            return aBase > bBase ? -1 : 1;
        return a.Length == b.Length ? 0 : a.Length > b.Length ? -1 : 1;
    }

    private static Result ResolveTarget(JsonElement target, string? patternMatch, IReadOnlyList<string> conditions, bool allowBare)
    {
        switch (target.ValueKind)
        {
            case JsonValueKind.String:
                return ResolveString(target.GetString()!, patternMatch, allowBare);
            case JsonValueKind.Null:
                return new(Outcome.Blocked, null);
            case JsonValueKind.Array:
                Result last = new(Outcome.NoMatch, null);
                foreach (var item in target.EnumerateArray())
                {
                    var result = ResolveTarget(item, patternMatch, conditions, allowBare);
                    if (result.Outcome is Outcome.Path or Outcome.Bare)
                        return result;
                    last = result;
                }

                return last;
            case JsonValueKind.Object:
                foreach (var property in target.EnumerateObject())
                {
                    if (property.Name != "default" && !conditions.Contains(property.Name))
                        continue;
                    var result = ResolveTarget(property.Value, patternMatch, conditions, allowBare);
                    if (result.Outcome != Outcome.NoMatch)
                        return result;
                }

                return new(Outcome.NoMatch, null);
            default:
                return new(Outcome.NoMatch, null, $"the target {target.GetRawText()} is not a string, array, object or null");
        }
    }

    private static Result ResolveString(string target, string? patternMatch, bool allowBare)
    {
        if (!target.StartsWith("./", StringComparison.Ordinal))
        {
            if (allowBare && !target.StartsWith("../", StringComparison.Ordinal) && !target.StartsWith('/') && !target.Contains(':'))
                return new(Outcome.Bare, patternMatch is null ? target : target.Replace("*", patternMatch, StringComparison.Ordinal));
            return new(Outcome.NoMatch, null, $"the target \"{target}\" does not start with \"./\"");
        }

        if (InvalidSegment(target[2..]) is { } bad)
            return new(Outcome.NoMatch, null, $"the target \"{target}\" has an invalid segment '{bad}'");
        if (patternMatch is not null && InvalidSegment(patternMatch) is { } badMatch)
            return new(Outcome.NoMatch, null, $"the pattern match \"{patternMatch}\" has an invalid segment '{badMatch}'");
        var resolved = patternMatch is null ? target : target.Replace("*", patternMatch, StringComparison.Ordinal);
        return new(Outcome.Path, resolved[2..]);
    }

    /// <summary>Node refuses targets and pattern matches with "", ".", "..", "node_modules" segments, percent-encoded or not.</summary>
    private static string? InvalidSegment(string path)
    {
        foreach (var segment in path.Split('/', '\\'))
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                return segment;
            }

            if (decoded is "." or ".." || decoded.Equals("node_modules", StringComparison.OrdinalIgnoreCase) || decoded.Contains('\0'))
                return segment;
        }

        return null;
    }
}
