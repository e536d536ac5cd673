namespace V8Host.Modules;

/// <summary>
/// Node's resolution over a tree of files (a directory, a map, assembly resources): relative and
/// absolute URLs inside the tree, bare specifiers through <c>node_modules</c> walking up from the
/// importer (never above the root), package.json <c>exports</c>, <c>imports</c> (<c>#name</c>),
/// <c>module</c> (import) / <c>main</c>, extension and directory-index probing. Derived loaders only say
/// what exists and read it; every path they see went through <see cref="ModulePath"/>.
/// </summary>
/// <remarks>
/// Probing (<c>.js</c>, <c>.mjs</c>, <c>.cjs</c>, <c>.json</c>, then <c>index.*</c>) applies to imports too,
/// as bundlers do, although Node's ESM resolver wants full paths: existing code written for
/// either works. <c>exports</c> targets are exact, as in Node.
/// </remarks>
internal abstract class FileTreeLoader : ModuleLoader
{
    private static readonly string[] s_extensions = [".js", ".mjs", ".cjs", ".json"];
    private readonly string _prefix;
    private readonly Uri _base;

    /// <param name="rootUrl">The tree's root as an absolute URL ending in '/'.</param>
    protected FileTreeLoader(Uri rootUrl)
    {
        _base = rootUrl;
        _prefix = rootUrl.AbsoluteUri;
    }

    public override Uri BaseUrl => _base;

    /// <summary>Where the root is, for messages.</summary>
    protected abstract string RootDescription { get; }

    protected abstract bool IsFile(string path);

    protected abstract bool IsDirectory(string path);

    /// <summary>The text of a file <see cref="IsFile"/> confirmed.</summary>
    protected abstract string ReadText(string path);

    /// <summary>
    /// The canonical path of an existing file (a directory loader resolves symbolic links here), or
    /// null with a reason when it lies outside the root.
    /// </summary>
    protected virtual string? Confine(string path, out string? reason)
    {
        reason = null;
        return path;
    }

    public override Uri? Resolve(ModuleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var specifier = request.Specifier;
        if (specifier.Contains('\0'))
        {
            request.Reject("the specifier contains a NUL character");
            return null;
        }

        if (specifier.Contains('\\'))
        {
            request.Reject($"'{specifier}' is refused: backslashes are not path separators in module specifiers (Windows-style paths are refused)");
            return null;
        }

        var referrer = request.Referrer is { } from ? PathOf(from) : null;
        var directory = referrer is null ? string.Empty : ModulePath.Parent(referrer);
        string? found;
        if (specifier is "." or ".." || specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal))
        {
            // Relative to another loader's module (in a combined loader): that loader's business.
            if (request.Referrer is not null && referrer is null)
                return null;
            var path = ModulePath.Apply(directory, specifier, out var error);
            if (path is null)
            {
                request.Reject($"'{specifier}' is refused: {error}");
                return null;
            }

            found = FileOrDirectory(path, request);
        }
        else if (specifier.StartsWith('/') || IsAbsoluteUrl(specifier))
        {
            var path = InsidePath(specifier, request);
            if (path is null)
                return null;
            found = FileOrDirectory(path, request);
        }
        else if (specifier.StartsWith('#'))
        {
            found = PackageImport(specifier, directory, request);
        }
        else
        {
            found = Bare(specifier, directory, request);
        }

        return found is null ? null : UrlOf(found);
    }

    public override ModuleSource? Load(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = PathOf(url);
        if (path is null)
            return null;
        // Several loaders of one scheme (combined maps) share a URL space: a file this one lacks is another's.
        if (!IsFile(path))
            return null;
        var confined = Confine(path, out var reason)
            ?? throw new UnauthorizedAccessException($"Cannot load {url.AbsoluteUri}: {reason}.");
        return new ModuleSource(ReadText(confined), KindOf(confined));
    }

    /// <summary>The tree path of one of this loader's URLs, or null when the URL is not under the root.</summary>
    private string? PathOf(Uri url)
    {
        var text = url.AbsoluteUri;
        if (!text.StartsWith(_prefix, StringComparison.Ordinal))
            return null;
        var rest = text[_prefix.Length..];
        var query = rest.IndexOfAny(['?', '#']);
        if (query >= 0)
            rest = rest[..query];
        return ModulePath.Apply(string.Empty, rest, out _);
    }

    private Uri UrlOf(string path) => new(_prefix + ModulePath.Escape(path));

    private static bool IsAbsoluteUrl(string specifier) =>
        Uri.TryCreate(specifier, UriKind.Absolute, out var uri) && uri.Scheme.Length > 1 && specifier.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase);

    /// <summary>An absolute URL or a root-relative "/path": its tree path when it lies under the root.</summary>
    private string? InsidePath(string specifier, ModuleRequest request)
    {
        var absolute = specifier.StartsWith('/')
            ? _base.Scheme + "://" + _base.Authority + specifier
            : specifier;
        var schemeEnd = absolute.IndexOf(':');
        if (!absolute[..schemeEnd].Equals(_base.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            request.Reject($"{RootDescription} serves only {_base.Scheme}: URLs, not '{specifier}'");
            return null;
        }

        // Compared as text, before System.Uri could normalize dots or decode anything.
        absolute = _base.Scheme + absolute[schemeEnd..];
        if (!absolute.StartsWith(_prefix, StringComparison.Ordinal))
        {
            request.Reject($"'{specifier}' is outside {RootDescription}");
            return null;
        }

        var rest = absolute[_prefix.Length..];
        var cut = rest.IndexOfAny(['?', '#']);
        if (cut >= 0)
            rest = rest[..cut];
        var path = ModulePath.Apply(string.Empty, rest, out var error);
        if (path is null)
            request.Reject($"'{specifier}' is refused: {error}");
        return path;
    }

    /// <summary>LOAD_AS_FILE then LOAD_AS_DIRECTORY.</summary>
    private string? FileOrDirectory(string path, ModuleRequest request, bool preferModule = true)
    {
        if (path.Length > 0)
        {
            if (File(path, request) is { } exact)
                return exact;
            foreach (var extension in s_extensions)
            {
                if (File(path + extension, request) is { } probed)
                    return probed;
            }
        }

        if (!IsDirectory(path))
            return null;
        var manifest = Package(path, request);
        if (manifest is not null)
        {
            var main = !request.IsRequire && preferModule && manifest.Module is { } module ? module : manifest.Main;
            if (main is not null)
            {
                var target = ModulePath.Apply(path, main, out var error);
                if (target is null)
                    request.Reject($"\"main\" of {UrlOf(ModulePath.Join(path, "package.json"))} is refused: {error}");
                else if (FileOrDirectory(target, request, preferModule: false) is { } fromMain && fromMain != path)
                    return fromMain;
            }
        }

        foreach (var extension in s_extensions)
        {
            if (File(ModulePath.Join(path, "index" + extension), request) is { } index)
                return index;
        }

        return null;
    }

    private string? File(string path, ModuleRequest request)
    {
        request.Consider(UrlOf(path).AbsoluteUri);
        if (!IsFile(path))
            return null;
        var confined = Confine(path, out var reason);
        if (confined is null)
            request.Reject($"{UrlOf(path).AbsoluteUri} is refused: {reason}");
        return confined;
    }

    private PackageJson? Package(string directory, ModuleRequest? request = null)
    {
        var path = ModulePath.Join(directory, "package.json");
        if (!IsFile(path))
            return null;
        var confined = Confine(path, out var reason);
        if (confined is null)
        {
            request?.Reject($"{UrlOf(path).AbsoluteUri} is refused: {reason}");
            return null;
        }

        return PackageJson.Parse(path, UrlOf(path).AbsoluteUri, ReadText(confined));
    }

    /// <summary>The nearest package.json at or above <paramref name="directory"/>, inside the tree.</summary>
    private PackageJson? Scope(string directory)
    {
        for (var current = directory; ; current = ModulePath.Parent(current))
        {
            if (Package(current) is { } found)
                return found;
            if (current.Length == 0)
                return null;
        }
    }

    private string? Bare(string specifier, string directory, ModuleRequest request)
    {
        var (name, subpath) = SplitPackage(specifier);
        if (name is null)
        {
            request.Reject($"'{specifier}' is not a valid package name");
            return null;
        }

        // PACKAGE_SELF_RESOLVE: a package imports itself by name through its own "exports".
        if (Scope(directory) is { Name: { } own, Exports: not null } scope && own == name)
            return InPackage(ModulePath.Parent(scope.Path), subpath, request);

        for (var current = directory; ; current = ModulePath.Parent(current))
        {
            if (!current.EndsWith("node_modules", StringComparison.Ordinal) || (current.Length > 12 && current[^13] != '/'))
            {
                var packageDirectory = ModulePath.Join(ModulePath.Join(current, "node_modules"), name);
                if (IsDirectory(packageDirectory))
                    return InPackage(packageDirectory, subpath, request);
                request.Consider(UrlOf(packageDirectory).AbsoluteUri + "/");
            }

            if (current.Length == 0)
                return null;
        }
    }

    private string? InPackage(string packageDirectory, string subpath, ModuleRequest request)
    {
        var manifest = Package(packageDirectory, request);
        if (manifest?.Exports is { } exports)
        {
            var result = PackageExports.ResolveExports(exports, subpath, request.Conditions);
            var where = UrlOf(ModulePath.Join(packageDirectory, "package.json")).AbsoluteUri;
            switch (result.Outcome)
            {
                case PackageExports.Outcome.Path:
                    var target = ModulePath.Apply(packageDirectory, result.Value!, out var error);
                    if (target is null)
                    {
                        request.Reject($"the \"exports\" target of '{subpath}' in {where} is refused: {error}");
                        return null;
                    }

                    var file = File(target, request);
                    if (file is null)
                        request.Reject($"\"exports\" in {where} maps '{subpath}' to {UrlOf(target).AbsoluteUri}, which does not exist");
                    return file;
                case PackageExports.Outcome.Blocked:
                    request.Reject($"'{subpath}' is explicitly not exported (null) by {where}");
                    return null;
                default:
                    request.Reject(result.Error is { } why
                        ? $"\"exports\" in {where}: {why}"
                        : $"'{subpath}' is not exported by {where} under the conditions {string.Join(", ", request.Conditions)}");
                    return null;
            }
        }

        return FileOrDirectory(subpath == "." ? packageDirectory : ModulePath.Join(packageDirectory, subpath[2..]), request);
    }

    private string? PackageImport(string specifier, string directory, ModuleRequest request)
    {
        var scope = Scope(directory);
        if (scope?.Imports is not { } imports)
        {
            request.Reject($"'{specifier}' needs an \"imports\" field in the importer's package.json, and {(scope is null ? "there is no package.json above it" : UrlOf(scope.Path).AbsoluteUri + " has none")}");
            return null;
        }

        var result = PackageExports.ResolveImports(imports, specifier, request.Conditions);
        var packageDirectory = ModulePath.Parent(scope.Path);
        switch (result.Outcome)
        {
            case PackageExports.Outcome.Path:
                var target = ModulePath.Apply(packageDirectory, result.Value!, out var error);
                if (target is null)
                {
                    request.Reject($"the \"imports\" target of '{specifier}' is refused: {error}");
                    return null;
                }

                return File(target, request);
            case PackageExports.Outcome.Bare:
                return Bare(result.Value!, packageDirectory, request);
            default:
                request.Reject(result.Error ?? $"'{specifier}' is not defined in the \"imports\" of {UrlOf(scope.Path).AbsoluteUri}");
                return null;
        }
    }

    /// <summary>"pkg/sub" → ("pkg", "./sub"); "@scope/pkg" → ("@scope/pkg", "."); null name when invalid.</summary>
    private static (string? Name, string Subpath) SplitPackage(string specifier)
    {
        var slash = specifier.IndexOf('/');
        if (specifier.StartsWith('@'))
        {
            if (slash < 0)
                return (null, ".");
            slash = specifier.IndexOf('/', slash + 1);
        }

        var name = slash < 0 ? specifier : specifier[..slash];
        if (name.Length == 0 || name.StartsWith('.') || name.Contains('%') || name.Contains(':') || name.EndsWith('/'))
            return (null, ".");
        var rest = slash < 0 ? string.Empty : specifier[slash..];
        if (rest.Split('/').Any(segment => segment is "." or ".."))
            return (null, ".");
        return (name, rest.Length == 0 ? "." : "." + rest);
    }

    /// <summary>By extension, then the nearest package.json's "type" for .js (Node's rules).</summary>
    private ModuleKind KindOf(string path)
    {
        switch (ModulePath.Extension(path))
        {
            case ".mjs":
                return ModuleKind.EcmaScript;
            case ".cjs":
                return ModuleKind.CommonJS;
            case ".json":
                return ModuleKind.Json;
        }

        return Scope(ModulePath.Parent(path))?.Type switch
        {
            "module" => ModuleKind.EcmaScript,
            "commonjs" => ModuleKind.CommonJS,
            _ => ModuleKind.Detect,
        };
    }
}
