namespace V8Host.Tests.Modules;

public class PackageExportsTests
{
    private static Context Create(string exports, params (string Path, string Source)[] files)
    {
        var map = new Dictionary<string, string> { ["node_modules/pkg/package.json"] = $$"""{ "name": "pkg", "exports": {{exports}} }""" };
        foreach (var (path, source) in files)
            map["node_modules/pkg/" + path] = source;
        return new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(map)).Build();
    }

    [Fact]
    public void The_most_specific_pattern_wins()
    {
        using var context = Create("""{ "./*": "./all/*.mjs", "./feature/*": "./features/*.mjs", "./feature/special/*": "./special/*.mjs" }""",
            ("all/a.mjs", "export default 'all';"), ("features/b.mjs", "export default 'feature';"), ("special/c.mjs", "export default 'special';"));

        Assert.Equal("all", context.Import("pkg/a").Get<string>("default"));
        Assert.Equal("feature", context.Import("pkg/feature/b").Get<string>("default"));
        Assert.Equal("special", context.Import("pkg/feature/special/c").Get<string>("default"));
    }

    [Fact]
    public void Conditions_match_in_the_package_s_order_and_nest()
    {
        using var context = Create("""{ ".": { "node": "./node.mjs", "browser": "./browser.mjs", "import": { "types": "./x.d.ts", "default": "./esm.mjs" }, "default": "./fallback.cjs" } }""",
            ("node.mjs", "export default 'node';"), ("esm.mjs", "export default 'esm';"), ("fallback.cjs", "module.exports = 'fallback';"));

        Assert.Equal("esm", context.Import("pkg").Get<string>("default"));
        Assert.Equal("fallback", context.Require("pkg"));
    }

    [Fact]
    public void Fallback_arrays_use_the_first_valid_target()
    {
        using var context = Create("""{ ".": ["not-relative", { "require": "./c.cjs" }, "./m.mjs"] }""", ("m.mjs", "export default 'm';"), ("c.cjs", "module.exports = 'c';"));

        Assert.Equal("m", context.Import("pkg").Get<string>("default"));
        Assert.Equal("c", context.Require("pkg"));
    }

    [Fact]
    public void Unexported_subpaths_and_mixed_maps_are_errors_naming_the_package_json()
    {
        using var exact = Create("""{ ".": "./m.mjs" }""", ("m.mjs", "export default 1;"), ("secret.mjs", "export default 2;"));
        var error = Assert.Throws<JavaScriptException>(() => exact.Import("pkg/secret.mjs"));
        Assert.Contains("'./secret.mjs' is not exported by map:///node_modules/pkg/package.json under the conditions import, default", error.Message);

        using var mixed = Create("""{ ".": "./m.mjs", "import": "./m.mjs" }""", ("m.mjs", "export default 1;"));
        Assert.Contains("mixes subpath keys", Assert.Throws<JavaScriptException>(() => mixed.Import("pkg")).Message);
    }

    [Fact]
    public void A_package_imports_itself_by_name_through_its_exports()
    {
        using var context = Create("""{ ".": "./main.mjs", "./util": "./util.mjs" }""",
            ("main.mjs", "export { twice } from 'pkg/util';"), ("util.mjs", "export const twice = x => 2 * x;"));

        Assert.Equal(8, context.Import("pkg").Get<JsFunction>("twice").Invoke<int>(4));
    }
}
