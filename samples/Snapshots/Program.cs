// Snapshots: bake a library into StartupData once, then start contexts from it without parsing or
// compiling the library again (V8Host snapshots are code-cache based: ClearScript exposes no V8
// startup snapshots). To bake at build time instead, see samples/TypeScript and docs/snapshots.md.
using System.Diagnostics;
using V8Host;

const string library = """
    globalThis.textTools = {
        words: s => s.split(/\s+/).filter(Boolean),
        title: s => textTools.words(s).map(w => w[0].toUpperCase() + w.slice(1)).join(' '),
    };
    """;

StartupData blob;
using (var creator = new SnapshotCreator())
{
    creator.Eval(library, "text-tools.js");                     // every context starts with the library
    creator.AddContext(
        "globalThis.greeting = 'hello snapshot world';",
        warmUp: "textTools.title('warm the cache')");            // compiled into the cache, not run at start
    blob = creator.CreateBlob();
}

// Persist and reload, as an application would between runs.
var path = Path.Combine(Path.GetTempPath(), "v8host-sample.snapshot");
File.WriteAllBytes(path, blob.ToArray());
var loaded = StartupData.FromBytes(File.ReadAllBytes(path));
Console.WriteLine($"snapshot: {loaded.Length} bytes, {loaded.ContextCount} context(s), valid: {loaded.IsValid()}");

var clock = Stopwatch.StartNew();
using var context = new Isolate(loaded).CreateContextFromSnapshot(0);
Console.WriteLine($"context ready in {clock.Elapsed.TotalMilliseconds:F1} ms; {context.SnapshotRestore}");
Console.WriteLine(context.Eval<string>("textTools.title(greeting)"));
File.Delete(path);
