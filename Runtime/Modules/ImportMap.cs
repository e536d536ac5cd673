using System.Text.Json;

namespace V8Host.Modules;

/// <summary>
/// An import map (html.spec.whatwg.org/multipage/webappapis.html#import-maps): <c>imports</c> and
/// <c>scopes</c>, keys normalized against the map's base URL, trailing-slash prefixes, the most
/// specific (longest) key first, scopes by the importer's URL. Where the spec only warns about an
/// invalid entry and ignores it, V8Host refuses the whole map with an error naming the entry, so a
/// typo cannot silently change what a specifier loads.
/// </summary>
internal sealed class ImportMap
{
    private readonly List<(string Key, Uri? Address)> _imports;
    private readonly List<(string Prefix, List<(string Key, Uri? Address)> Map)> _scopes;

    private ImportMap(List<(string, Uri?)> imports, List<(string, List<(string, Uri?)>)> scopes)
    {
        _imports = imports;
        _scopes = scopes;
    }

    /// <exception cref="ArgumentException">The text is not an import map; the message names the offending entry.</exception>
    public static ImportMap Parse(string json, Uri baseUrl)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The import map is not valid JSON: {exception.Message}", nameof(json), exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw Invalid("the top level must be a JSON object");
            var imports = new List<(string, Uri?)>();
            var scopes = new List<(string, List<(string, Uri?)>)>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "imports":
                        imports = SpecifierMap(property.Value, baseUrl, "imports");
                        break;
                    case "scopes":
                        if (property.Value.ValueKind != JsonValueKind.Object)
                            throw Invalid("\"scopes\" must be an object");
                        foreach (var scope in property.Value.EnumerateObject())
                        {
                            if (!Uri.TryCreate(baseUrl, scope.Name, out var prefix))
                                throw Invalid($"the scope \"{scope.Name}\" is not a valid URL");
                            scopes.Add((prefix.AbsoluteUri, SpecifierMap(scope.Value, baseUrl, $"scopes[\"{scope.Name}\"]")));
                        }

                        break;
                    case "integrity":
                        // Subresource integrity concerns fetching over a network; a loader reads local sources.
                        break;
                    default:
                        throw Invalid($"unknown top-level key \"{property.Name}\" (an import map has \"imports\", \"scopes\" and \"integrity\")");
                }
            }

            scopes.Sort((a, b) => string.CompareOrdinal(b.Item1, a.Item1));
            return new ImportMap(imports, scopes);
        }
    }

    /// <summary>
    /// The URL the map gives <paramref name="specifier"/> imported from <paramref name="referrer"/>, or null when no entry matches.
    /// </summary>
    /// <exception cref="InvalidOperationException">The matching entry is blocked (null) or the result backtracks above its prefix.</exception>
    public Uri? Resolve(string specifier, Uri referrer)
    {
        var asUrl = UrlLike(specifier, referrer);
        var normalized = asUrl?.AbsoluteUri ?? specifier;
        var referrerText = referrer.AbsoluteUri;
        foreach (var (prefix, map) in _scopes)
        {
            if (prefix == referrerText || (prefix.EndsWith('/') && referrerText.StartsWith(prefix, StringComparison.Ordinal)))
            {
                if (Match(normalized, map, specifier, $"scope \"{prefix}\"") is { } scoped)
                    return scoped;
            }
        }

        return Match(normalized, _imports, specifier, "imports");
    }

    private static Uri? Match(string normalized, List<(string Key, Uri? Address)> map, string specifier, string where)
    {
        foreach (var (key, address) in map)
        {
            if (key == normalized)
                return address ?? throw new InvalidOperationException($"The import map blocks '{specifier}' (its {where} entry \"{key}\" is null).");
            if (key.EndsWith('/') && normalized.StartsWith(key, StringComparison.Ordinal))
            {
                if (address is null)
                    throw new InvalidOperationException($"The import map blocks '{specifier}' (its {where} entry \"{key}\" is null).");
                var rest = normalized[key.Length..];
                if (!Uri.TryCreate(address, rest, out var url) || !url.AbsoluteUri.StartsWith(address.AbsoluteUri, StringComparison.Ordinal))
                    throw new InvalidOperationException($"The import map cannot map '{specifier}': after its {where} prefix \"{key}\", \"{rest}\" leaves the target \"{address.AbsoluteUri}\".");
                return url;
            }
        }

        return null;
    }

    private static List<(string, Uri?)> SpecifierMap(JsonElement map, Uri baseUrl, string where)
    {
        if (map.ValueKind != JsonValueKind.Object)
            throw Invalid($"\"{where}\" must be an object");
        var result = new List<(string, Uri?)>();
        foreach (var entry in map.EnumerateObject())
        {
            if (entry.Name.Length == 0)
                throw Invalid($"{where} has an empty specifier key");
            var key = UrlLike(entry.Name, baseUrl)?.AbsoluteUri ?? entry.Name;
            if (entry.Value.ValueKind == JsonValueKind.Null)
            {
                result.Add((key, null));
                continue;
            }

            if (entry.Value.ValueKind != JsonValueKind.String)
                throw Invalid($"{where}[\"{entry.Name}\"] must be a URL string or null, not {entry.Value.ValueKind.ToString().ToLowerInvariant()}");
            var text = entry.Value.GetString()!;
            var address = UrlLike(text, baseUrl)
                ?? throw Invalid($"{where}[\"{entry.Name}\"] = \"{text}\" is not a URL (bare specifiers cannot be targets; start it with ./, ../ or /)");
            if (entry.Name.EndsWith('/') && !address.AbsoluteUri.EndsWith('/'))
                throw Invalid($"{where}[\"{entry.Name}\"] ends with '/', so its target \"{text}\" must too");
            result.Add((key, address));
        }

        // Code-unit order, descending: the longest (most specific) of two prefixes comes first.
        result.Sort((a, b) => string.CompareOrdinal(b.Item1, a.Item1));
        return result;
    }

    /// <summary>The spec's "parse a URL-like import specifier": relative (/, ./, ../) against the base, or an absolute URL; null for a bare specifier.</summary>
    private static Uri? UrlLike(string specifier, Uri baseUrl)
    {
        if (specifier.StartsWith('/') || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
            return Uri.TryCreate(baseUrl, specifier, out var relative) ? relative : null;
        return Uri.TryCreate(specifier, UriKind.Absolute, out var absolute) && absolute.Scheme.Length > 1
            && specifier.StartsWith(absolute.Scheme + ":", StringComparison.OrdinalIgnoreCase)
            ? absolute
            : null;
    }

    private static ArgumentException Invalid(string what) => new($"Invalid import map: {what}.", "importMapJson");
}
