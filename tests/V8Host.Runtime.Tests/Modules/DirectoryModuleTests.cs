namespace V8Host.Tests.Modules;

public class DirectoryModuleTests
{
    [Fact]
    public async Task A_tree_with_relative_bare_json_and_dynamic_imports_loads_from_disk()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["package.json"] = """{ "type": "module" }""",
            ["main.js"] = """
                import { twice } from './lib/math.js';
                import config from './config.json' with { type: 'json' };
                import greet from 'greeter';
                export const value = twice(config.base);
                export const greeting = greet('V8');
                export const lazy = await import('./lib/lazy.js').then(m => m.answer);
                """,
            ["lib/math.js"] = "export function twice(x) { return 2 * x; }",
            ["lib/lazy.js"] = "export const answer = 42;",
            ["config.json"] = """{ "base": 21 }""",
            ["node_modules/greeter/package.json"] = """{ "name": "greeter", "exports": { ".": { "import": "./esm/index.mjs", "require": "./cjs/index.cjs" } } }""",
            ["node_modules/greeter/esm/index.mjs"] = "export default name => `hello ${name}`;",
            ["node_modules/greeter/cjs/index.cjs"] = "module.exports = name => `hi ${name}`;",
        });
        using var context = tree.CreateContext();

        var exports = await context.ImportAsync("./main.js");

        Assert.Equal(42, exports.Get<int>("value"));
        Assert.Equal("hello V8", exports.Get<string>("greeting"));
        Assert.Equal(42, exports.Get<int>("lazy"));
    }

    [Fact]
    public void Import_meta_url_and_resolve_name_real_file_urls()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["a/b.mjs"] = "export const url = import.meta.url; export const sibling = import.meta.resolve('./c.mjs');",
            ["a/c.mjs"] = "export default 1;",
        });
        using var context = tree.CreateContext();

        var exports = context.Import("./a/b.mjs");

        Assert.Equal(tree.Url("a/b.mjs"), exports.Get<string>("url"));
        Assert.Equal(tree.Url("a/c.mjs"), exports.Get<string>("sibling"));
    }

    [Fact]
    public void Two_specifiers_for_one_file_give_one_instance()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["counter.mjs"] = "globalThis.loads = (globalThis.loads ?? 0) + 1; export const state = {};",
            ["a.mjs"] = "export { state } from './counter.mjs';",
            ["b/c.mjs"] = "export { state } from '../counter';",
            ["main.mjs"] = "import { state as x } from './a.mjs'; import { state as y } from './b/c.mjs'; export const same = x === y;",
        });
        using var context = tree.CreateContext();

        Assert.True(context.Import("./main.mjs").Get<bool>("same"));
        Assert.Equal(1, context.Eval<int>("loads"));
        context.Import("./counter.mjs");
        Assert.Equal(1, context.Eval<int>("loads"));
    }

    [Fact]
    public void Resolution_errors_name_the_specifier_the_referrer_and_the_candidates()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["main.mjs"] = "import './missing.js';",
        });
        using var context = tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Import("./main.mjs"));

        Assert.Contains("'./missing.js'", error.Message);
        Assert.Contains(tree.Url("main.mjs"), error.Message);
        Assert.Contains(tree.Url("missing.js.js"), error.Message);
        Assert.Contains(tree.Url("missing.js.cjs"), error.Message);
    }

    [Fact]
    public async Task Dynamic_import_failures_are_catchable_errors_in_script()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["main.mjs"] = "export const message = await import('nope').then(() => 'loaded', e => `${e instanceof Error}: ${e.message}`);",
        });
        using var context = tree.CreateContext();

        var message = (await context.ImportAsync("./main.mjs")).Get<string>("message");

        Assert.StartsWith("true: Cannot find module 'nope' imported from " + tree.Url("main.mjs"), message);
        Assert.Contains(tree.Url("node_modules/nope") + "/", message);
    }

    [Fact]
    public void Errors_thrown_in_a_module_name_its_file_in_the_stack()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["bad.mjs"] = "export const x = 1;\nthrow new RangeError('from the module');",
        });
        using var context = tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Import("./bad.mjs"));

        Assert.Equal("RangeError", error.ErrorName);
        // ClearScript names file: modules by their local path in stacks.
        Assert.Equal(Path.Combine(tree.Root, "bad.mjs"), error.Frames[0].ScriptName);
        Assert.Equal(2, error.Frames[0].Line);
        Assert.Equal("throw new RangeError('from the module');", error.SourceLine);
    }

    [Fact]
    public void Host_modules_resolve_before_the_loader()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["main.mjs"] = "import { upper } from 'host:text'; export const shout = upper('hi');",
            ["host:text"] = "export const upper = () => 'from disk';",
        });
        using var context = tree.CreateContext(profile: new HostProfile().AddModule("text", new Dictionary<string, Delegate>
        {
            ["upper"] = new Func<string, string>(s => s.ToUpperInvariant()),
        }));

        Assert.Equal("HI", context.Import("./main.mjs").Get<string>("shout"));
    }

    [Fact]
    public void Top_level_await_is_awaited_by_Import()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["tla.mjs"] = "export const value = await Promise.resolve(5).then(v => v * 2);",
        });
        using var context = tree.CreateContext();

        Assert.Equal(10, context.Import("./tla.mjs", TimeSpan.FromSeconds(30)).Get<int>("value"));
    }

    [Fact]
    public void A_failing_import_is_the_caller_s_exception_not_also_an_unhandled_rejection()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["sync.mjs"] = "throw new TypeError('sync');",
            ["late.mjs"] = "await 0; throw new TypeError('late');",
            ["main.mjs"] = "import './late.mjs';",
        });
        using var context = tree.CreateContext();
        var written = new List<string>();
        context.ErrorOutput = written.Add;

        Assert.Equal("sync", Assert.Throws<JavaScriptException>(() => context.Import("./sync.mjs")).JsMessage);
        Assert.Equal("late", Assert.Throws<JavaScriptException>(() => context.Import("./main.mjs")).JsMessage);
        context.RunUntilIdle();

        Assert.Empty(written);
    }

    /// <summary>
    /// ClearScript 7.5.1.1 settles a script's import() with the namespace as soon as the module's
    /// evaluation starts: an evaluation error is not a rejection, and a top-level await is not waited
    /// for. Context.ImportAsync does not have this limitation; this test notices when ClearScript fixes it.
    /// </summary>
    [Fact]
    public async Task Dynamic_import_of_a_throwing_module_still_resolves_in_ClearScript()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["bad.mjs"] = "export const x = 1; throw new Error('boom');" });
        using var context = tree.CreateContext();
        context.ErrorOutput = _ => { };

        Assert.Equal("resolved", await context.EvalAsync("import('./bad.mjs').then(() => 'resolved', () => 'rejected')"));
    }
}
