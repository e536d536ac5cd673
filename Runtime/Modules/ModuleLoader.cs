using System.Reflection;
using V8Host.Modules;

namespace V8Host;

/// <summary>
/// Finds and reads the modules a context imports or requires. V8Host asks it to
/// <see cref="Resolve"/> each specifier to an absolute URL (one module instance per URL per context)
/// and then to <see cref="Load"/> that URL once. The built-in loaders read a directory
/// (<see cref="FromDirectory"/>), an in-memory map (<see cref="FromMap"/>) or assembly resources
/// (<see cref="FromAssemblyResources"/>) with Node's resolution rules (relative paths, node_modules,
/// package.json <c>exports</c>/<c>imports</c>/<c>module</c>/<c>main</c>), and never read outside their root.
/// </summary>
/// <remarks>
/// A derived loader overrides <see cref="BaseUrl"/>, <see cref="Resolve"/> and <see cref="Load"/>.
/// V8Host checks what it returns: a resolved URL must be absolute and outside V8Host's own schemes
/// (<c>v8host:</c>, <c>host:</c>); an exception thrown by the loader becomes the import's error, with the
/// specifier and referrer named. A loader may be shared by several contexts, so it must be thread-safe.
/// See docs/modules.md.
/// </remarks>
public abstract class ModuleLoader
{
    /// <summary>
    /// The URL that top-level specifiers resolve against (those of <c>Context.Import</c>,
    /// <c>Context.Require</c> and classic scripts' <c>import()</c>), and the import map's base URL.
    /// </summary>
    public abstract Uri BaseUrl { get; }

    /// <summary>
    /// Resolves <paramref name="request"/> to the absolute URL of a module this loader can
    /// <see cref="Load"/>, or returns null when it has none (recording on the request what it tried).
    /// </summary>
    public abstract Uri? Resolve(ModuleRequest request);

    /// <summary>Reads the module at <paramref name="url"/> (a URL this loader resolved), or returns null when the URL is not this loader's.</summary>
    public abstract ModuleSource? Load(Uri url);

    /// <summary>
    /// Modules from the files under <paramref name="root"/>, named by their real <c>file://</c> URLs.
    /// Nothing outside the root is read: not through <c>..</c>, absolute paths or URLs, encoded dots or
    /// separators, nor symbolic links whose target lies outside it.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    public static ModuleLoader FromDirectory(string root) => new DirectoryModuleLoader(root);

    /// <summary>
    /// Modules from memory: keys are paths (<c>"main.js"</c>, <c>"lib/util.mjs"</c>,
    /// <c>"node_modules/pkg/package.json"</c>), values their text; module URLs are <c>map:///</c> + path.
    /// </summary>
    /// <exception cref="ArgumentException">A key is not a clean relative path (empty segments, <c>.</c>, <c>..</c>, backslashes, NUL).</exception>
    public static ModuleLoader FromMap(IReadOnlyDictionary<string, string> sources) => new MapModuleLoader(sources);

    /// <summary>
    /// Modules embedded in <paramref name="assembly"/>: a resource named <paramref name="prefix"/> +
    /// path (path segments joined with <c>/</c> or <c>.</c>, as MSBuild names them) is served as that
    /// path, under <c>resource:///</c> + the assembly name + <c>/</c> + path.
    /// </summary>
    public static ModuleLoader FromAssemblyResources(Assembly assembly, string prefix) => new ResourceModuleLoader(assembly, prefix);

    /// <summary>
    /// Asks each loader in turn: the first that resolves a specifier serves it. The base URL is the first loader's.
    /// </summary>
    /// <exception cref="ArgumentException">No loaders, or a null one.</exception>
    public static ModuleLoader Combine(params ModuleLoader[] loaders) => new CombinedModuleLoader(loaders);
}
