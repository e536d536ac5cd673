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
}
