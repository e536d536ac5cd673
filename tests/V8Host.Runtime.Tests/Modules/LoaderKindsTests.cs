using System.Reflection;

namespace V8Host.Tests.Modules;

public class LoaderKindsTests
{
    [Fact]
    public void Map_loader_serves_a_tree_under_map_urls()
    {
        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(new Dictionary<string, string>
        {
            ["main.mjs"] = "import { x } from './lib/x.mjs'; export const result = x; export const url = import.meta.url;",
            ["lib/x.mjs"] = "export const x = 'from the map';",
        })).Build();

        var exports = context.Import("./main.mjs");

        Assert.Equal("from the map", exports.Get<string>("result"));
        Assert.Equal("map:///main.mjs", exports.Get<string>("url"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("../x.js")]
    [InlineData("/abs.js")]
    [InlineData("a\\b.js")]
    [InlineData("a/./b.js")]
    [InlineData("a\0.js")]
    public void Map_keys_must_be_clean_relative_paths(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => ModuleLoader.FromMap(new Dictionary<string, string> { [key] = "" }));
        Assert.Contains("FromMap", error.Message);
    }

    [Fact]
    public void Resource_loader_serves_embedded_modules()
    {
        using var context = new Isolate().CreateContextBuilder()
            .UseModules(ModuleLoader.FromAssemblyResources(Assembly.GetExecutingAssembly(), "Modules/"))
            .Build();

        var exports = context.Import("./entry.mjs");

        Assert.Equal("embedded helper", exports.Get<string>("text"));
        Assert.Equal("resource:///V8Host.Runtime.Tests/entry.mjs", exports.Get<string>("url"));
    }

    [Fact]
    public void Combined_loaders_keep_relative_imports_with_their_own_loader()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["b.mjs"] = "export const b = 'disk';", ["c.mjs"] = "export const c = 'c';" });
        var map = ModuleLoader.FromMap(new Dictionary<string, string> { ["a.mjs"] = "export { b } from './b.mjs';" });
        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.Combine(map, ModuleLoader.FromDirectory(tree.Root))).Build();

        Assert.Equal("c", context.Import("./c.mjs").Get<string>("c"));
        var error = Assert.Throws<JavaScriptException>(() => context.Import("./a.mjs"));
        Assert.Contains("Cannot find module './b.mjs' imported from map:///a.mjs", error.Message);
    }

    [Fact]
    public void A_derived_loader_needs_only_resolve_and_load()
    {
        using var context = new Isolate().CreateContextBuilder().UseModules(new GreetingLoader()).Build();

        Assert.Equal("hello, world", context.Import("greeting:world").Get<string>("default"));
    }

    [Fact]
    public void A_derived_loader_returning_a_v8host_url_is_refused()
    {
        using var context = new Isolate().CreateContextBuilder().UseModules(new ForgingLoader()).Build();

        var error = Assert.Throws<JavaScriptException>(() => context.Import("anything"));
        Assert.Contains("not an absolute URL outside V8Host's own schemes", error.Message);
    }

    private sealed class GreetingLoader : ModuleLoader
    {
        public override Uri BaseUrl { get; } = new("greeting:///");

        public override Uri? Resolve(ModuleRequest request) =>
            request.Specifier.StartsWith("greeting:", StringComparison.Ordinal) ? new Uri(request.Specifier) : null;

        public override ModuleSource? Load(Uri url) =>
            new($"export default 'hello, {url.AbsolutePath}';", ModuleKind.EcmaScript);
    }

    private sealed class ForgingLoader : ModuleLoader
    {
        public override Uri BaseUrl { get; } = new("forge:///");

        public override Uri? Resolve(ModuleRequest request) => new("v8host:primordials");

        public override ModuleSource? Load(Uri url) => new("export default 1;", ModuleKind.EcmaScript);
    }
}
