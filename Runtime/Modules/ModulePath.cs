namespace V8Host.Modules;

/// <summary>
/// Relative paths inside a loader's tree: segments joined with <c>/</c>, <c>""</c> for the root. Every
/// way of leaving the root is refused here, once, for all built-in loaders: <c>..</c> above the root,
/// and segments that decode to <c>.</c>/<c>..</c> or contain a separator, a backslash or NUL.
/// </summary>
internal static class ModulePath
{
    /// <summary>
    /// Applies a relative URL path (already split at <c>/</c>, each segment still percent-encoded) to
    /// <paramref name="directory"/>; null with <paramref name="error"/> set when it is not allowed.
    /// </summary>
    public static string? Apply(string directory, string relative, out string? error)
    {
        error = null;
        var segments = directory.Length == 0 ? new List<string>() : directory.Split('/').ToList();
        var parts = relative.Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Contains('\\'))
            {
                error = "backslashes are not path separators in module specifiers (Windows-style paths are refused)";
                return null;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(part);
            }
            catch (UriFormatException)
            {
                error = $"the segment '{part}' is not valid percent-encoding";
                return null;
            }

            if (decoded.Contains('\0'))
            {
                error = "the specifier contains a NUL character";
                return null;
            }

            if (decoded != part && (decoded is "." or ".." || decoded.Contains('/') || decoded.Contains('\\')))
            {
                error = $"the segment '{part}' encodes '{decoded}' (encoded dots and separators are refused)";
                return null;
            }

            if (decoded is "" or ".")
            {
                // "a//b" and "./" add nothing; a trailing empty segment names the directory itself.
                continue;
            }

            if (decoded == "..")
            {
                if (segments.Count == 0)
                {
                    error = "it climbs above the loader's root";
                    return null;
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(decoded);
        }

        return string.Join('/', segments);
    }

    /// <summary>The directory holding <paramref name="path"/> (<c>""</c> for a file at the root).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string Join(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>The percent-encoded URL path of a tree path.</summary>
    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>Checks a key of <see cref="ModuleLoader.FromMap"/> or a resource path: clean, relative, forward slashes.</summary>
    public static string? Validate(string path)
    {
        if (path.Length == 0)
            return "is empty";
        if (path.Contains('\0'))
            return "contains NUL";
        if (path.Contains('\\'))
            return "contains a backslash (use '/')";
        if (path.StartsWith('/'))
            return "is absolute (paths are relative to the loader's root)";
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
                return $"has an empty, '.' or '..' segment";
        }

        return null;
    }

    public static string Extension(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? string.Empty : name[dot..];
    }
}
