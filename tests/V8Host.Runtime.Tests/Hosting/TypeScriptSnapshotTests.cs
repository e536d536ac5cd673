using V8Host.Tests.Modules;

namespace V8Host.Tests.Hosting;

/// <summary>
/// The real TypeScript compiler (typescript 5.9.3 from tests/npm) baked into startup data: a large
/// script whose functions are mostly lazy, which is what after-execution caches and warm-ups are for.
/// </summary>
public class TypeScriptSnapshotTests
{
    // One blob for the class: baking runs the 9 MB compiler three times (Eval, AddContext, warm-up).
    private static readonly Lazy<StartupData> s_blob = new(() =>
    {
        var source = File.ReadAllText(Path.Combine(NpmPackages.Root!, "node_modules", "typescript", "lib", "typescript.js"));
        using var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromMinutes(2) };
        creator.Eval(source, "typescript.js");
        creator.AddContext(null, "ts.transpile('const greet = (who: string): string => `hi ${who}`; enum E { A }');", warmUpFilename: "warm-up.ts.js");
        return StartupData.FromBytes(creator.CreateBlob().ToArray());
    });

    [NpmFact]
    public void A_context_restored_with_the_compiler_transpiles()
    {
        using var context = new Isolate(s_blob.Value).CreateContextFromSnapshot(0);

        Assert.Equal("var x = 1;\n", context.Eval<string>("ts.transpile('let x: number = 1')"));
        Assert.Equal("5.9.3", context.Eval<string>("ts.version"));
        var restore = context.SnapshotRestore!;
        Assert.False(restore.CacheRejected, restore.ToString());
        Assert.Empty(restore.RejectedScripts);
        Assert.Equal(1, restore.ScriptCount);
    }

    [NpmFact]
    public void The_warm_up_compiled_the_transpiler_into_the_cache()
    {
        var blob = s_blob.Value;
        var cache = blob.Contexts[0][0].CodeCache.Length;
        int fresh;
        using (var context = new Isolate().CreateContext())
        using (var script = context.Compile(blob.Contexts[0][0].Source, "typescript.js"))
            fresh = script.CreateCodeCache().Length;

        Assert.True(cache > fresh, $"baked cache {cache} bytes, fresh {fresh}");
    }

    [NpmFact]
    public void Diagnostics_of_the_compiler_come_from_the_restored_context()
    {
        using var context = new Isolate(s_blob.Value).CreateContextFromSnapshot(0);

        var result = context.Eval<string>("""
            const out = ts.transpileModule('let y: = 1', { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2020 } });
            out.diagnostics.map(d => 'TS' + d.code).join(',')
            """);

        Assert.Equal("TS1110", result);
    }
}
