namespace V8Host.Tests.Modules;

/// <summary>One module instance per resolved URL, however many modules a context loads.</summary>
public class ModuleCacheTests
{
    [Fact]
    public void More_modules_than_ClearScript_s_default_cache_still_share_one_instance()
    {
        const int count = 1500;
        var map = new Dictionary<string, string> { ["shared.mjs"] = "globalThis.sharedRuns = (globalThis.sharedRuns ?? 0) + 1; export const token = {};" };
        var main = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            map[$"m{i}.mjs"] = $"import {{ token }} from './shared.mjs'; export const t{i} = token;";
            main.Append($"import {{ t{i} }} from './m{i}.mjs';\n");
        }

        main.Append("export const same = [").Append(string.Join(", ", Enumerable.Range(0, count).Select(i => $"t{i}"))).Append("].every(t => t === t0);\n");
        map["main.mjs"] = main.ToString();
        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(map)).Build();

        Assert.True(context.Import("./main.mjs").Get<bool>("same"));
        context.Import("./shared.mjs");
        context.Import("./m0.mjs");
        Assert.Equal(1, context.Eval<int>("sharedRuns"));
    }

    [Fact]
    public void Only_the_module_cache_is_raised_never_the_script_cache()
    {
        // ClearScript searches its per-context script cache on every Evaluate: raising that bound (the
        // setting is process-wide) once made every Eval in every context about ten times slower.
        using var context = new Isolate().CreateContextBuilder().UseModules(ModuleLoader.FromMap(new Dictionary<string, string> { ["a.mjs"] = "export default 1;" })).Build();
        context.Import("./a.mjs");
        Assert.True(Microsoft.ClearScript.DocumentCategory.Script.MaxCacheSize <= 1024, $"the script cache bound is {Microsoft.ClearScript.DocumentCategory.Script.MaxCacheSize}");
        Assert.True(Microsoft.ClearScript.JavaScript.ModuleCategory.Standard.MaxCacheSize >= 1 << 16);
    }
}
