namespace V8Host.Tests.Modules;

/// <summary>A temporary directory of module files, deleted afterwards.</summary>
public sealed class ModuleTree : IDisposable
{
    public ModuleTree(IReadOnlyDictionary<string, string> files)
    {
        Root = Path.Combine(Path.GetTempPath(), "v8host-modules-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files)
            Write(path, text);
    }

    public string Root { get; }

    public string Url(string path) => new Uri(Path.Combine(Root, path)).AbsoluteUri;

    public void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public Context CreateContext(string? importMap = null, HostProfile? profile = null)
    {
        var builder = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromDirectory(Root));
        if (importMap is not null)
            builder.UseImportMap(importMap);
        if (profile is not null)
            builder.UseProfile(profile);
        return builder.Build();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
