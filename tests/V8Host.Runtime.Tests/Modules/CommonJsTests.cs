namespace V8Host.Tests.Modules;

public class CommonJsTests
{
    [Fact]
    public void CommonJs_files_get_Node_wrapper_semantics()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["lib/info.js"] = """
                exports.filename = __filename;
                exports.dirname = __dirname;
                exports.thisIsExports = this === module.exports;
                exports.resolved = require.resolve('./data.json');
                exports.data = require('./data.json').n;
                exports.sameInstance = require('./data') === require('./data.json');
                """,
            ["lib/data.json"] = """{ "n": 7 }""",
        });
        using var context = tree.CreateContext();

        var info = Assert.IsAssignableFrom<JsObject>(context.Require("./lib/info.js"));

        Assert.Equal(Path.Combine(tree.Root, "lib", "info.js"), info.Get<string>("filename"));
        Assert.Equal(Path.Combine(tree.Root, "lib"), info.Get<string>("dirname"));
        Assert.True(info.Get<bool>("thisIsExports"));
        Assert.Equal(Path.Combine(tree.Root, "lib", "data.json"), info.Get<string>("resolved"));
        Assert.Equal(7, info.Get<int>("data"));
        Assert.True(info.Get<bool>("sameInstance"));
    }

    [Fact]
    public void Cycles_see_the_partial_exports_as_in_Node()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["a.js"] = "exports.loaded = false; const b = require('./b.js'); exports.sawB = b.done; exports.loaded = true;",
            ["b.js"] = "const a = require('./a.js'); exports.aLoadedWhenBRan = a.loaded; exports.done = true;",
        });
        using var context = tree.CreateContext();

        var a = (JsObject)context.Require("./a.js")!;
        var b = (JsObject)context.Require("./b.js")!;

        Assert.True(a.Get<bool>("sawB"));
        Assert.False(b.Get<bool>("aLoadedWhenBRan"));
    }

    [Fact]
    public void Esm_importing_CommonJs_gets_module_exports_as_default_and_detected_names()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["lib.cjs"] = "exports.add = (a, b) => a + b; module.exports.name = 'lib'; Object.defineProperty(exports, 'version', { enumerable: true, value: 3 });",
            ["obj.cjs"] = "const helper = 1; module.exports = { helper, twice: x => 2 * x, 'quoted': true };",
            ["main.mjs"] = """
                import lib, { add, name, version } from './lib.cjs';
                import { twice, helper, quoted } from './obj.cjs';
                export const results = [add(1, 2), name, version, lib.add === add, twice(4), helper, quoted];
                """,
        });
        using var context = tree.CreateContext();

        var results = context.Import("./main.mjs").Get<object?[]>("results");

        Assert.Equal(new object?[] { 3, "lib", 3, true, 8, 1, true }, results);
    }

    [Fact]
    public void Requiring_an_es_module_is_a_clear_ERR_REQUIRE_ESM_error()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["esm.mjs"] = "export default 1;",
            ["main.cjs"] = "let code; try { require('./esm.mjs'); } catch (e) { code = e.code + ': ' + e.message; } module.exports = code;",
        });
        using var context = tree.CreateContext();

        var message = Assert.IsType<string>(context.Require("./main.cjs"));

        Assert.StartsWith("ERR_REQUIRE_ESM: require() of ES module " + Path.Combine(tree.Root, "esm.mjs"), message);
    }

    [Fact]
    public void Js_files_follow_package_type_and_syntax_detection()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["esm/package.json"] = """{ "type": "module" }""",
            ["esm/a.js"] = "export const kind = typeof module === 'undefined' ? 'esm' : 'cjs';",
            ["cjs/package.json"] = """{ "type": "commonjs" }""",
            ["cjs/a.js"] = "exports.kind = typeof module === 'undefined' ? 'esm' : 'cjs';",
            ["plain/a.js"] = "export const kind = 'detected esm';",
            ["plain/b.js"] = "exports.kind = 'detected cjs';",
            ["main.mjs"] = """
                import { kind as a } from './esm/a.js';
                import { kind as b } from './cjs/a.js';
                import { kind as c } from './plain/a.js';
                import { kind as d } from './plain/b.js';
                export default [a, b, c, d];
                """,
        });
        using var context = tree.CreateContext();

        Assert.Equal(new object?[] { "esm", "cjs", "detected esm", "detected cjs" }, context.Import("./main.mjs").Get<object?[]>("default"));
    }

    [Fact]
    public void Require_errors_carry_MODULE_NOT_FOUND_and_the_candidates()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["main.js"] = "try { require('left-pad'); } catch (e) { module.exports = e.code + ' ' + e.message; }",
        });
        using var context = tree.CreateContext();

        var message = Assert.IsType<string>(context.Require("./main.js"));

        Assert.StartsWith("MODULE_NOT_FOUND Cannot find module 'left-pad' imported from " + tree.Url("main.js"), message);
        Assert.Contains(tree.Url("node_modules/left-pad") + "/", message);
    }

    [Fact]
    public void Node_builtins_are_named_as_such_when_they_do_not_resolve()
    {
        using var tree = new ModuleTree(new Dictionary<string, string> { ["x.js"] = "require('fs');" });
        using var context = tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Require("./x.js"));

        Assert.Contains("'fs' is a Node.js built-in module", error.Message);
    }

    [Fact]
    public void Packages_resolve_exports_conditions_main_and_imports()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["node_modules/dual/package.json"] = """
                { "name": "dual", "exports": { ".": { "import": "./m.mjs", "require": "./c.cjs" }, "./feature/*": "./features/*.js", "./hidden": null }, "imports": { "#internal": "./internal.js" } }
                """,
            ["node_modules/dual/m.mjs"] = "export default 'import';",
            ["node_modules/dual/c.cjs"] = "module.exports = 'require';",
            ["node_modules/dual/features/x.js"] = "module.exports = require('#internal');",
            ["node_modules/dual/internal.js"] = "module.exports = 'internal';",
            ["node_modules/dual/hidden.js"] = "module.exports = 'hidden';",
            ["node_modules/old/package.json"] = """{ "main": "lib/entry" }""",
            ["node_modules/old/lib/entry.js"] = "module.exports = 'main';",
            ["node_modules/@scope/pkg/index.js"] = "module.exports = 'scoped index';",
            ["app/main.js"] = """
                module.exports = [require('dual'), require('dual/feature/x'), require('old'), require('@scope/pkg')];
                try { require('dual/hidden'); } catch (e) { module.exports.push(e.message); }
                """,
        });
        using var context = tree.CreateContext();

        var result = ((JsArray)context.Require("./app/main.js")!).ToArray();

        Assert.Equal(new object?[] { "require", "internal", "main", "scoped index" }, result[..4]);
        Assert.Contains("'./hidden' is explicitly not exported (null)", (string)result[4]!);
        Assert.Equal("import", context.Import("dual").Get<string>("default"));
    }

    [Fact]
    public void Errors_in_CommonJS_name_the_file_line_and_source()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["lib/fail.js"] = "const x = 1;\nthrow new TypeError('bad ' + x);",
            ["main.mjs"] = "import './lib/fail.js';",
        });
        using var context = tree.CreateContext();

        foreach (var error in new[]
        {
            Assert.Throws<JavaScriptException>(() => context.Require("./lib/fail.js")),
            Assert.Throws<JavaScriptException>(() => context.Import("./main.mjs")),
        })
        {
            Assert.Equal("TypeError", error.ErrorName);
            Assert.Equal(Path.Combine(tree.Root, "lib", "fail.js"), error.Frames[0].ScriptName);
            Assert.Equal(2, error.Frames[0].Line);
            Assert.Equal("throw new TypeError('bad ' + x);", error.SourceLine);
        }
    }

    [Fact]
    public void A_module_that_threw_runs_again_when_required_again()
    {
        using var tree = new ModuleTree(new Dictionary<string, string>
        {
            ["flaky.js"] = "globalThis.tries = (globalThis.tries ?? 0) + 1; if (tries === 1) throw new Error('first'); module.exports = tries;",
        });
        using var context = tree.CreateContext();

        Assert.Throws<JavaScriptException>(() => context.Require("./flaky.js"));
        Assert.Equal(2, context.Require("./flaky.js"));
        Assert.Equal(2, context.Require("./flaky.js"));
    }
}
