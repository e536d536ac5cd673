namespace V8Host.Modules;

/// <summary><see cref="ModuleLoader.Combine"/>: the first loader that resolves a specifier serves it; loads go to the loader whose URL it is.</summary>
internal sealed class CombinedModuleLoader : ModuleLoader
{
    private readonly ModuleLoader[] _loaders;

    public CombinedModuleLoader(ModuleLoader[] loaders)
    {
        ArgumentNullException.ThrowIfNull(loaders);
        if (loaders.Length == 0)
            throw new ArgumentException("ModuleLoader.Combine needs at least one loader.", nameof(loaders));
        for (var i = 0; i < loaders.Length; i++)
        {
            if (loaders[i] is null)
                throw new ArgumentException($"ModuleLoader.Combine: loader {i} is null.", nameof(loaders));
        }

        _loaders = (ModuleLoader[])loaders.Clone();
    }

    public override Uri BaseUrl => _loaders[0].BaseUrl;

    public override Uri? Resolve(ModuleRequest request)
    {
        foreach (var loader in _loaders)
        {
            if (loader.Resolve(request) is { } url)
                return url;
        }

        return null;
    }

    public override ModuleSource? Load(Uri url)
    {
        foreach (var loader in _loaders)
        {
            if (loader.Load(url) is { } source)
                return source;
        }

        return null;
    }
}
