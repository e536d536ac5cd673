namespace V8Host.Tests.Modules;

/// <summary>
/// Popular pure-JS npm packages (tests/npm/package.json) loaded from node_modules through
/// <see cref="ModuleLoader.FromDirectory"/>, each with a smoke call that checks a real result; and
/// the packages that need Node built-ins or Web APIs V8Host does not have yet, asserted to fail for
/// that reason, so that these tests notice when they start working. docs/modules.md lists both. The
/// contexts have the Web platform (<see cref="ContextBuilder.UseWebPlatform"/>), as a user's would.
/// </summary>
public class NpmCompatibilityTests
{
    /// <summary>Package, smoke code (an ES module whose default export is the result), expected result.</summary>
    public static TheoryData<string, string, string> Working() => new()
    {
        { "lodash", "import _ from 'lodash'; export default _.chunk([1, 2, 3, 4, 5], 2).length + ' ' + _.kebabCase('Hello World');", "3 hello-world" },
        { "lodash-es", "import { chunk, uniq } from 'lodash-es'; export default chunk([1, 2, 3], 2).length + ' ' + uniq([1, 1, 2]).join();", "2 1,2" },
        { "dayjs", "import dayjs from 'dayjs'; export default dayjs('2024-01-15').add(1, 'day').format('YYYY-MM-DD');", "2024-01-16" },
        { "date-fns", "import { format, addDays } from 'date-fns'; export default format(addDays(new Date(2024, 0, 31), 1), 'yyyy-MM-dd');", "2024-02-01" },
        { "marked", "import { marked } from 'marked'; export default marked.parse('# Hi *there*').trim();", "<h1>Hi <em>there</em></h1>" },
        { "handlebars", "import Handlebars from 'handlebars'; export default Handlebars.compile('Hello {{name}}!')({ name: 'V8' });", "Hello V8!" },
        { "mustache", "import Mustache from 'mustache'; export default Mustache.render('{{#items}}<{{.}}>{{/items}}', { items: [1, 2] });", "<1><2>" },
        { "zod", "import { z } from 'zod'; const s = z.object({ a: z.number() }); export default `${s.safeParse({ a: 1 }).success} ${s.safeParse({ a: 'x' }).success}`;", "true false" },
        { "yaml", "import { parse, stringify } from 'yaml'; export default JSON.stringify(parse('a: 1\\nb: [x, y]')) + ' ' + stringify({ c: 2 }).trim();", """{"a":1,"b":["x","y"]} c: 2""" },
        { "semver", "import semver from 'semver'; export default `${semver.satisfies('1.2.3', '^1.0.0')} ${semver.inc('1.2.3', 'minor')}`;", "true 1.3.0" },
        { "uuid", "import { validate, version } from 'uuid'; export default `${validate('6ba7b810-9dad-11d1-80b4-00c04fd430c8')} ${version('6ba7b810-9dad-11d1-80b4-00c04fd430c8')}`;", "true 1" },
        { "nanoid", "import { customAlphabet } from 'nanoid/non-secure'; const id = customAlphabet('ab', 12)(); export default `${id.length} ${id.replace(/[ab]/g, '').length}`;", "12 0" },
        { "ajv", "import Ajv from 'ajv'; const v = new Ajv().compile({ type: 'object', properties: { a: { type: 'number' } }, required: ['a'] }); export default `${v({ a: 1 })} ${v({})}`;", "true false" },
        { "decimal.js", "import Decimal from 'decimal.js'; export default new Decimal('0.1').plus('0.2').toString();", "0.3" },
        { "papaparse", "import Papa from 'papaparse'; export default JSON.stringify(Papa.parse('a,b\\n1,2', { header: true }).data);", """[{"a":"1","b":"2"}]""" },
        { "ramda", "import * as R from 'ramda'; export default String(R.sum(R.map(x => x * 2, [1, 2, 3])));", "12" },
        { "big.js", "import Big from 'big.js'; export default new Big('0.1').plus('0.2').toString();", "0.3" },
        { "bignumber.js", "import BigNumber from 'bignumber.js'; export default new BigNumber(2).pow(70).toFixed();", "1180591620717411303424" },
        { "clsx", "import clsx from 'clsx'; export default clsx('a', { b: true, c: false }, ['d']);", "a b d" },
        { "immutable", "import { Map } from 'immutable'; const a = Map({ x: 1 }); export default `${a.set('y', 2).size} ${a.size}`;", "2 1" },
        { "mitt", "import mitt from 'mitt'; const e = mitt(); let n = 0; e.on('x', v => n += v); e.emit('x', 5); e.emit('x', 2); export default String(n);", "7" },
        { "superstruct", "import { object, number, is } from 'superstruct'; export default `${is({ a: 1 }, object({ a: number() }))} ${is({ a: '1' }, object({ a: number() }))}`;", "true false" },
        { "uuid v4 (Web Crypto)", "import { v4, validate, version } from 'uuid'; const id = v4(); export default `${validate(id)} ${version(id)} ${id === v4()}`;", "true 4 false" },
        { "nanoid (its browser build, through an import map)", "import { nanoid } from 'nanoid-browser'; const id = nanoid(); export default `${id.length} ${/^[A-Za-z0-9_-]+$/.test(id)} ${id === nanoid()}`;", "21 true false" },
        { "immer (with a process.env shim)", "globalThis.process = { env: { NODE_ENV: 'production' } }; const { produce } = await import('immer'); const a = { x: 1 }; const b = produce(a, d => { d.x = 2; }); export default `${a.x} ${b.x}`;", "1 2" },
    };

    /// <summary>Package, smoke code, what the error says, and why (the next issue's Web APIs, or Node built-ins out of scope).</summary>
    public static TheoryData<string, string, string, string> ExpectedFailures() => new()
    {
        { "immer", "import { produce } from 'immer'; export default produce({}, d => d);", "process is not defined", "reads process.env.NODE_ENV, a Node global" },
        { "nanoid", "import { nanoid } from 'nanoid'; export default nanoid();", "'node:crypto' is a Node.js built-in module", "its default entry imports node:crypto" },
        { "jsonwebtoken", "import jwt from 'jsonwebtoken'; export default jwt.sign({ a: 1 }, 'secret');", "'buffer' is a Node.js built-in module", "needs Node's buffer and crypto" },
        { "fs-extra", "import fs from 'fs-extra'; export default typeof fs.readJsonSync;", "'fs' is a Node.js built-in module", "is a wrapper around Node's fs" },
    };

    [NpmTheory]
    [MemberData(nameof(Working))]
    public async Task Package_loads_and_works(string package, string smoke, string expected)
    {
        using var context = CreateContext(smoke);

        var result = (await context.ImportAsync("./smoke.mjs")).Get<string>("default");

        Assert.True(expected == result, $"{package}: expected '{expected}', got '{result}'.");
    }

    [NpmTheory]
    [MemberData(nameof(ExpectedFailures))]
    public async Task Package_fails_for_the_known_reason(string package, string smoke, string error, string reason)
    {
        using var context = CreateContext(smoke);

        var failure = await Record.ExceptionAsync(() => context.ImportAsync("./smoke.mjs"));

        Assert.True(failure is JavaScriptException && failure.Message.Contains(error, StringComparison.Ordinal),
            $"{package} was expected to fail because it {reason} (an error mentioning \"{error}\"); it gave: {failure?.Message ?? "no error: it works now, move it to Working"}");
    }

    [NpmTheory]
    [InlineData("lodash", "chunk")]
    [InlineData("semver", "satisfies")]
    [InlineData("dayjs", "extend")]
    public void Require_loads_CommonJS_packages_from_node_modules(string package, string member)
    {
        using var context = CreateContext("export default 0;", $"module.exports = typeof require('{package}').{member};");

        Assert.NotNull(context.Require(package));
        Assert.Equal("function", context.Require("./smoke.cjs"));
    }

    /// <summary>The smoke module in memory, the packages from the npm cache: bare specifiers from the map fall through to the directory's node_modules.</summary>
    private static Context CreateContext(string smoke, string commonJs = "") => new Isolate().CreateContextBuilder()
        .UseWebPlatform()
        // nanoid's package.json sends `import` to its node:crypto build; its browser build needs only Web Crypto.
        .UseImportMap($$"""{ "imports": { "nanoid-browser": "{{new Uri(Path.Combine(NpmPackages.Root!, "node_modules/nanoid/index.browser.js")).AbsoluteUri}}" } }""")
        .UseModules(ModuleLoader.Combine(
            ModuleLoader.FromMap(new Dictionary<string, string> { ["smoke.mjs"] = smoke, ["smoke.cjs"] = commonJs }),
            ModuleLoader.FromDirectory(NpmPackages.Root!)))
        .Build();
}
