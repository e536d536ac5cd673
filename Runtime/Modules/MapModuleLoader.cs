namespace V8Host.Modules;

/// <summary><see cref="ModuleLoader.FromMap"/>: modules from an in-memory path → source map, under <c>map:///</c>.</summary>
internal sealed class MapModuleLoader : FileTreeLoader
{
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { string.Empty };

    public MapModuleLoader(IReadOnlyDictionary<string, string> sources)
        : base(new Uri("map:///"))
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (path, source) in sources)
        {
            if (path is null)
                throw new ArgumentException("ModuleLoader.FromMap: a key is null.", nameof(sources));
            if (ModulePath.Validate(path) is { } problem)
                throw new ArgumentException($"ModuleLoader.FromMap: the key '{path}' {problem}.", nameof(sources));
            _files[path] = source ?? throw new ArgumentException($"ModuleLoader.FromMap: the source of '{path}' is null.", nameof(sources));
            for (var directory = ModulePath.Parent(path); directory.Length > 0; directory = ModulePath.Parent(directory))
                _directories.Add(directory);
        }

        foreach (var path in _files.Keys)
        {
            if (_directories.Contains(path))
                throw new ArgumentException($"ModuleLoader.FromMap: '{path}' is both a file and a directory.", nameof(sources));
        }
    }

    protected override string RootDescription => "the module map";

    protected override bool IsFile(string path) => _files.ContainsKey(path);

    protected override bool IsDirectory(string path) => _directories.Contains(path);

    protected override string ReadText(string path) => _files[path];
}
