using System.ComponentModel;

namespace V8Host.Binding;

/// <summary>
/// An ES module implemented in .NET, importable as <c>host:&lt;name&gt;</c> (static <c>import</c> in modules,
/// <c>import()</c> anywhere) in contexts whose profile includes it. Each export is a function.
/// </summary>
/// <remarks>Generated for <c>[HostModule]</c> classes; <see cref="HostProfile.AddModule"/> builds one over the reflection path.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostModuleBinding
{
    /// <summary>The specifier prefix of host modules.</summary>
    public const string Scheme = "host:";

    /// <summary>Describes a module.</summary>
    /// <exception cref="ArgumentException">The name is empty, or an export name is not an identifier or is exported twice.</exception>
    public HostModuleBinding(string name, IReadOnlyList<HostFunctionBinding> exports, string? typeScript = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(exports);
        if (name.Any(char.IsWhiteSpace))
            throw new ArgumentException($"Host module name '{name}' must not contain whitespace.", nameof(name));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var export in exports)
        {
            if (!HostNames.IsIdentifier(export.Name) || !seen.Add(export.Name))
                throw new ArgumentException($"Host module '{name}': '{export.Name}' is not a valid export name or is exported twice.", nameof(exports));
        }

        Name = name;
        Exports = exports;
        TypeScript = typeScript;
    }

    /// <summary>The module name; scripts import <c>host:</c> + name.</summary>
    public string Name { get; }

    /// <summary>The specifier scripts import.</summary>
    public string Specifier => Scheme + Name;

    /// <summary>The exported functions.</summary>
    public IReadOnlyList<HostFunctionBinding> Exports { get; }

    /// <summary>The TypeScript declaration of the module, when known.</summary>
    public string? TypeScript { get; }
}
