using V8Host.Shared;

namespace V8Host;

/// <summary>Argument validation of JS names for run-time registration (the rules are in <see cref="JsNaming"/>).</summary>
internal static class HostNames
{
    public static bool IsIdentifier(string name) => JsNaming.IsIdentifier(name);

    public static string CamelCase(string name) => JsNaming.CamelCase(name);

    /// <summary>
    /// Validates a global name; dots separate namespace objects (<c>"math.clamp"</c>). The first part
    /// must be an identifier scripts can use bare; later parts are property names (reserved words allowed).
    /// </summary>
    public static void ThrowIfInvalidPath(string? path, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, parameterName);
        if (!JsNaming.IsPath(path))
            throw new ArgumentException($"'{path}' is not a valid JavaScript name: each part must be an identifier, and the first must not be a reserved word.", parameterName);
    }
}
