namespace V8Host.Tests.Modules;

public class ModuleEdgeTests
{
    [Fact]
    public async Task Dynamic_import_from_CommonJS_resolves_against_the_file()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["lib/loader.cjs"] = "module.exports = () => import('./target.mjs').then(m => m.default);",
            ["lib/target.mjs"] = "export default 'beside the loader';",
        });
        using var context = tree.CreateContext();
        context.SetGlobal("load", context.Require("./lib/loader.cjs"));

        Assert.Equal("beside the loader", await context.EvalAsync("load()"));
    }

    [Fact]
    public void Import_meta_resolve_resolves_bare_specifiers_through_node_modules()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["node_modules/pkg/package.json"] = """{ "exports": "./main.mjs" }""",
            ["node_modules/pkg/main.mjs"] = "export default 1;",
            ["app.mjs"] = "export default import.meta.resolve('pkg');",
        });
        using var context = tree.CreateContext();

        Assert.Equal(tree.Url("node_modules/pkg/main.mjs"), context.Import("./app.mjs").Get<string>("default"));
    }

    [Fact]
    public void Syntax_errors_name_the_file()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["bad.cjs"] = "module.exports = {;",
            ["bad.mjs"] = "export const = 1;",
        });
        using var context = tree.CreateContext();

        Assert.Contains(tree.Url("bad.cjs"), Assert.Throws<JavaScriptException>(() => context.Require("./bad.cjs")).Message);
        Assert.Equal("SyntaxError", Assert.Throws<JavaScriptException>(() => context.Import("./bad.mjs")).ErrorName);
    }

    [Fact]
    public void Invalid_json_and_package_json_name_the_file()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["data.json"] = "{ nope }",
            ["node_modules/broken/package.json"] = "{ \"main\": ",
        });
        using var context = tree.CreateContext();

        Assert.Contains(tree.Url("data.json") + " is not valid JSON", Assert.Throws<JavaScriptException>(() => context.Require("./data.json")).Message);
        Assert.Contains("Invalid package configuration " + tree.Url("node_modules/broken/package.json"), Assert.Throws<JavaScriptException>(() => context.Require("broken")).Message);
    }

    [Fact]
    public void Json_imports_work_with_and_without_the_type_attribute()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["data.json"] = """{ "list": [1, 2] }""",
            ["app.mjs"] = "import a from './data.json' with { type: 'json' }; import b from './data.json'; export default [a.list.length, a === b];",
        });
        using var context = tree.CreateContext();

        Assert.Equal(new object?[] { 2, true }, context.Import("./app.mjs").Get<object?[]>("default"));
    }

    [Fact]
    public void A_hashbang_line_is_allowed_in_CommonJS()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["cli.js"] = "#!/usr/bin/env node\nmodule.exports = __filename.endsWith('cli.js');" });
        using var context = tree.CreateContext();

        Assert.Equal(true, context.Require("./cli.js"));
    }

    [Fact]
    public void A_module_that_never_finishes_is_stopped_by_the_Import_timeout()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["spin.mjs"] = "for (;;) {}" });
        using var context = tree.CreateContext();

        Assert.Throws<ScriptTerminatedException>(() => context.Import("./spin.mjs", TimeSpan.FromMilliseconds(200)));
        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public async Task Cancelling_ImportAsync_throws_ScriptTerminatedException()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["spin.mjs"] = "for (;;) {}" });
        using var context = tree.CreateContext();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<ScriptTerminatedException>(() => context.ImportAsync("./spin.mjs", cancellation.Token));
    }

    [Fact]
    public void Importing_again_returns_the_same_namespace_and_runs_nothing()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["m.mjs"] = "globalThis.runs = (globalThis.runs ?? 0) + 1; export const o = {};" });
        using var context = tree.CreateContext();

        using var first = context.Import("./m.mjs");
        using var second = context.Import("./m.mjs");

        Assert.Equal(1, context.Eval<int>("runs"));
        context.SetGlobal("first", first);
        context.SetGlobal("second", second);
        Assert.True(context.Eval<bool>("first === second"));
    }

    [Fact]
    public void Require_without_a_loader_and_a_second_loader_are_refused()
    {
        using (var context = new Isolate().CreateContext())
            Assert.Contains("UseModules", Assert.Throws<InvalidOperationException>(() => context.Require("x")).Message);

        using var builder = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(new Dictionary<string, string>()));
        Assert.Contains("Combine", Assert.Throws<InvalidOperationException>(() => builder.UseModules(ModuleLoader.FromMap(new Dictionary<string, string>()))).Message);
        Assert.Throws<DirectoryNotFoundException>(() => ModuleLoader.FromDirectory("/no/such/dir/v8host"));
    }

    [Fact]
    public void Compiled_modules_import_from_the_loader()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["lib.mjs"] = "export const x = 3;" });
        using var context = tree.CreateContext();
        var app = context.CompileModule("import { x } from './lib.mjs'; export const y = x * 2;", "app");
        app.Instantiate();
        app.Evaluate();

        Assert.Equal(6, app.Namespace.Get<int>("y"));
    }

    [Fact]
    public void An_unknown_host_module_is_named_even_with_a_loader()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["app.mjs"] = "import 'host:nope';" });
        using var context = tree.CreateContext();

        Assert.Contains("the context has no host module 'host:nope'", Assert.Throws<JavaScriptException>(() => context.Import("./app.mjs")).Message);
    }
}
