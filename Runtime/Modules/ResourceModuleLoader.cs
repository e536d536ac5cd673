using System.Reflection;

namespace V8Host.Modules;

/// <summary>
/// <see cref="ModuleLoader.FromAssemblyResources"/>: manifest resources named prefix + path, served
/// under <c>resource:///&lt;assembly name&gt;/</c>. MSBuild names embedded files with dots for
/// directory separators ("Modules.lib.util.js"), so a path matches a resource named with either
/// separator; give resources a <c>LogicalName</c> with slashes to keep paths unambiguous.
/// </summary>
internal sealed class ResourceModuleLoader : FileTreeLoader
{
    private readonly Assembly _assembly;
    private readonly string _description;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { string.Empty };

    public ResourceModuleLoader(Assembly assembly, string prefix)
        : base(RootOf(assembly))
    {
        ArgumentNullException.ThrowIfNull(prefix);
        _assembly = assembly;
        _description = $"the resources of {assembly.GetName().Name} under '{prefix}'";
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.Length == prefix.Length)
                continue;
            var path = name[prefix.Length..];
            if (ModulePath.Validate(path) is not null)
                continue;
            _files[path] = name;
            for (var directory = ModulePath.Parent(path); directory.Length > 0; directory = ModulePath.Parent(directory))
                _directories.Add(directory);
        }
    }

    protected override string RootDescription => _description;

    protected override bool IsFile(string path) => Name(path) is not null;

    protected override bool IsDirectory(string path) =>
        _directories.Contains(path) || _files.Keys.Any(name => name.StartsWith(path.Replace('/', '.') + ".", StringComparison.Ordinal));

    protected override string ReadText(string path)
    {
        var name = Name(path) ?? throw new FileNotFoundException($"No resource for '{path}' in {_description}.");
        using var stream = _assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The resource for a path: named with slashes, or with MSBuild's dots.</summary>
    private string? Name(string path) =>
        _files.TryGetValue(path, out var exact) ? exact : _files.TryGetValue(path.Replace('/', '.'), out var dotted) ? dotted : null;

    private static Uri RootOf(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name ?? throw new ArgumentException("The assembly has no name.", nameof(assembly));
        return new Uri("resource:///" + Uri.EscapeDataString(name) + "/");
    }
}
