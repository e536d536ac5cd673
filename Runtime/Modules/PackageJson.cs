using System.Text.Json;

namespace V8Host.Modules;

/// <summary>The fields of a package.json that resolution reads.</summary>
internal sealed class PackageJson
{
    private PackageJson(string path, JsonElement root)
    {
        Path = path;
        Name = String(root, "name");
        Type = String(root, "type");
        Main = String(root, "main");
        Module = String(root, "module");
        Exports = root.TryGetProperty("exports", out var exports) ? exports.Clone() : null;
        Imports = root.TryGetProperty("imports", out var imports) && imports.ValueKind == JsonValueKind.Object ? imports.Clone() : null;
    }

    /// <summary>The package.json's path in the loader's tree.</summary>
    public string Path { get; }

    public string? Name { get; }

    public string? Type { get; }

    public string? Main { get; }

    public string? Module { get; }

    public JsonElement? Exports { get; }

    public JsonElement? Imports { get; }

    /// <summary>Parses a package.json; a malformed one is an error naming the file (Node refuses it too).</summary>
    public static PackageJson Parse(string path, string url, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidOperationException($"Invalid package configuration {url}: the top level is not a JSON object.");
            return new PackageJson(path, document.RootElement);
        }
        catch (JsonException exception)
        {
            // Not kept as the inner exception: the import's error shows the innermost message, which must name the file.
            throw new InvalidOperationException($"Invalid package configuration {url}: {exception.Message}");
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
