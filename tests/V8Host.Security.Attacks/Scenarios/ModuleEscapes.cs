namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `modules &lt;case&gt;`: a module under a directory loader's root tries to read a file outside it
/// (a planted secret, and /etc/passwd) through import, import(), require and require.resolve, by
/// every route the loader refuses. RESULT modules.&lt;case&gt; is "refused" when every attempt failed
/// with a JS error and no attempt's result or message held the secret.
/// </summary>
internal static class ModuleEscapes
{
    private const string Secret = "TOP-SECRET-7f3a";

    public static void Run(string[] args)
    {
        var name = $"modules.{args[0]}";
        var workspace = Path.Combine(Path.GetTempPath(), "v8host-escape-" + Guid.NewGuid().ToString("N"));
        var root = Path.Combine(workspace, "root");
        var outside = Path.Combine(workspace, "outside");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.js"), $"module.exports = '{Secret}';");
        File.WriteAllText(Path.Combine(outside, "secret.mjs"), $"export default '{Secret}';");
        File.WriteAllText(Path.Combine(outside, "secret.json"), $"\"{Secret}\"");
        try
        {
            var secretJs = Json(Path.Combine(outside, "secret.js"));
            var secretUrl = Json(new Uri(Path.Combine(outside, "secret.mjs")).AbsoluteUri);
            var attempts = args[0] switch
            {
                "dotdot" => new[] { "'../outside/secret.js'", "'../../root/../outside/secret.js'", "'./a/../../outside/secret.mjs'" },
                "absolute" => new[] { secretJs, "'/etc/passwd'", Json(Path.Combine(outside, "secret.json")) },
                "file-url" => new[] { secretUrl, "'file:///etc/passwd'", "'file:/etc/passwd'", "'file://localhost/etc/passwd'" },
                "encoded" => new[] { "'./%2e%2e/outside/secret.js'", "'./%2E%2E/outside/secret.mjs'", "'.%2e/outside/secret.js'", "'./..%2foutside/secret.js'", "'./..%5coutside/secret.js'" },
                "backslash" => new[] { "'..\\\\outside\\\\secret.js'", "'.\\\\..\\\\outside\\\\secret.mjs'" },
                "nul" => new[] { "'../outside/secret.js\\u0000'", "'./x\\u0000/../../outside/secret.js'" },
                "symlink-file" => Link(root, "link.js", Path.Combine(outside, "secret.js"), "'./link.js'"),
                "symlink-dir" => Link(root, "node_modules", outside, "'./node_modules/secret.js'", "'secret'", "'./node_modules/secret.mjs'"),
                "package-exports" => Package(root, outside),
                _ => throw new ArgumentException("unknown case " + args[0]),
            };

            using var context = new Isolate().CreateContextBuilder()
                .UseModules(ModuleLoader.FromDirectory(root))
                .UseImportMap(args[0] == "file-url" ? $$"""{ "imports": { "mapped": {{secretUrl}} } }""" : "{}")
                .Build();
            var outcomes = new List<string>();
            var attemptList = args[0] == "file-url" ? attempts.Append("'mapped'") : attempts;
            var index = 0;
            foreach (var specifier in attemptList)
            {
                // A file per attempt: modules are cached per URL.
                index++;
                File.WriteAllText(Path.Combine(root, $"attack{index}.cjs"), $$"""
                    const results = [];
                    for (const attempt of [() => require({{specifier}}), () => require.resolve({{specifier}})]) {
                        try { results.push('LOADED ' + String(attempt())); } catch (e) { results.push('refused ' + e.message); }
                    }
                    module.exports = results.join('\n');
                    """);
                File.WriteAllText(Path.Combine(root, $"static{index}.mjs"), $"import s from {specifier}; export default s;");
                outcomes.Add(Outcome(() => context.Require($"./attack{index}.cjs")));
                outcomes.Add(Outcome(() => context.EvalAsync($"import({specifier}).then(m => 'LOADED ' + String(m.default), e => 'refused ' + e.message)").GetAwaiter().GetResult()));
                outcomes.Add(Outcome(() => "LOADED " + context.Import($"./static{index}.mjs").Get<object>("default")));
            }

            foreach (var outcome in outcomes)
                Report.Detail(name, outcome);
            var leaked = outcomes.Any(o => o.Contains(Secret, StringComparison.Ordinal) || o.Contains("root:x:0:0", StringComparison.Ordinal));
            var loaded = outcomes.Any(o => o.Contains("LOADED", StringComparison.Ordinal));
            Report.Result(name, leaked ? "leaked" : loaded ? "loaded" : "refused");
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    private static string Outcome(Func<object?> attempt)
    {
        try
        {
            return Convert.ToString(attempt(), System.Globalization.CultureInfo.InvariantCulture) ?? "null";
        }
        catch (JavaScriptException exception)
        {
            return "refused " + exception.Message;
        }
    }

    private static string[] Link(string root, string name, string target, params string[] attempts)
    {
        if (Directory.Exists(target))
            Directory.CreateSymbolicLink(Path.Combine(root, name), target);
        else
            File.CreateSymbolicLink(Path.Combine(root, name), target);
        return attempts;
    }

    /// <summary>A package whose exports, main and imports point out of the package and the root.</summary>
    private static string[] Package(string root, string outside)
    {
        var package = Path.Combine(root, "node_modules", "evil");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "package.json"), """
            { "name": "evil", "main": "../../../outside/secret.js",
              "exports": { ".": "./../../../outside/secret.js", "./x/*": "./*", "./abs": "/etc/passwd" },
              "imports": { "#s": "../../../outside/secret.js" } }
            """);
        File.WriteAllText(Path.Combine(root, "package.json"), """{ "imports": { "#up": "./../outside/secret.js" } }""");
        return ["'evil'", "'evil/x/../../../outside/secret.js'", "'evil/x/%2e%2e/%2e%2e/%2e%2e/outside/secret.js'", "'evil/abs'", "'#up'"];
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
