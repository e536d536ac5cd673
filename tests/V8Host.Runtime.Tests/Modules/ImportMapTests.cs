namespace V8Host.Tests.Modules;

public class ImportMapTests
{
    private static ModuleTree Tree() => new(new Dictionary<string, string>
    {
        ["vendor/lodash/lodash.mjs"] = "export default 'lodash';",
        ["vendor/lodash/fp.mjs"] = "export default 'fp';",
        ["vendor/lodash-v2/lodash.mjs"] = "export default 'lodash v2';",
        ["legacy/app.mjs"] = "import l from 'lodash'; export default l;",
        ["app.mjs"] = "import l from 'lodash'; import fp from 'lodash/fp.mjs'; import t from 'text'; export default [l, fp, t];",
    });

    private const string Map = """
        {
          "imports": {
            "lodash": "./vendor/lodash/lodash.mjs",
            "lodash/": "./vendor/lodash/",
            "text": "host:text"
          },
          "scopes": {
            "./legacy/": { "lodash": "./vendor/lodash-v2/lodash.mjs" }
          }
        }
        """;

    [Fact]
    public void Imports_prefixes_scopes_and_host_targets_apply()
    {
        using var tree = Tree();
        using var context = tree.CreateContext(Map, new HostProfile().AddModule("text", new Dictionary<string, Delegate> { ["f"] = new Func<int>(() => 1) }));

        var app = context.Import("./app.mjs").Get<object?[]>("default");

        Assert.Equal("lodash", app[0]);
        Assert.Equal("fp", app[1]);
        Assert.IsAssignableFrom<JsObject>(app[2]);
        Assert.Equal("lodash v2", context.Import("./legacy/app.mjs").Get<string>("default"));
    }

    [Fact]
    public void Null_entries_block_a_specifier()
    {
        using var tree = Tree();
        using var context = tree.CreateContext("""{ "imports": { "lodash": null } }""");

        var error = Assert.Throws<JavaScriptException>(() => context.Import("./app.mjs"));

        Assert.Contains("The import map blocks 'lodash'", error.Message);
    }

    [Theory]
    [InlineData("[]", "the top level must be a JSON object")]
    [InlineData("""{ "imports": [] }""", "\"imports\" must be an object")]
    [InlineData("""{ "imports": { "a": 1 } }""", "imports[\"a\"] must be a URL string or null")]
    [InlineData("""{ "imports": { "a": "bare" } }""", "imports[\"a\"] = \"bare\" is not a URL")]
    [InlineData("""{ "imports": { "a/": "./a" } }""", "ends with '/', so its target \"./a\" must too")]
    [InlineData("""{ "imprts": {} }""", "unknown top-level key \"imprts\"")]
    [InlineData("""{ "scopes": { "./x/": [] } }""", "\"scopes[\"./x/\"]\" must be an object")]
    [InlineData("{", "not valid JSON")]
    public void Invalid_maps_are_refused_with_the_entry_named(string json, string expected)
    {
        using var builder = new Isolate().CreateContextBuilder();

        var error = Assert.Throws<ArgumentException>(() => builder.UseImportMap(json));

        Assert.Contains(expected, error.Message);
    }
}
