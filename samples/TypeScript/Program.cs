// TypeScript: the TypeScript compiler (9 MB of JavaScript) baked into a V8Host snapshot at build time by
// the <V8Snapshot> item in TypeScript.csproj, then used to transpile. It prints the output and the time
// from `new Isolate` to the first transpile, cold (compiling typescript.js) and from the snapshot.
using System.Diagnostics;
using TypeScript; // V8Snapshots is generated in the project's root namespace
using V8Host;

const string source = """
    interface Order { id: number; lines: { price: number; quantity: number }[] }
    export function total(order: Order): number {
        return order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0);
    }
    """;
const string transpile = "(src) => ts.transpileModule(src, { compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext } }).outputText";

var snapshot = V8Snapshots.TypeScript;
using (var probe = new Isolate(snapshot).CreateContextFromSnapshot())
{
    if (probe.Eval("globalThis.compilerMissing") is string missing)
    {
        Console.Error.WriteLine(missing);
        return 2;
    }
}

// From the snapshot: typescript.js runs from its code cache, without parsing or compiling it.
var clock = Stopwatch.StartNew();
using var fromSnapshot = new Isolate(snapshot).CreateContextFromSnapshot();
var output = fromSnapshot.Eval<JsFunction>(transpile).Invoke<string>(source);
var snapshotTime = clock.Elapsed;
Console.WriteLine(output);
Console.WriteLine(fromSnapshot.SnapshotRestore);

// Cold: the same compiler compiled from its source, as without a snapshot.
var compiler = File.ReadAllText(FindCompiler());
clock.Restart();
using (var cold = new Isolate().CreateContext())
{
    cold.Compile(compiler, "typescript.js").Run();
    var coldOutput = cold.Eval<JsFunction>(transpile).Invoke<string>(source);
    var coldTime = clock.Elapsed;
    if (coldOutput != output)
        throw new InvalidOperationException("The cold compiler transpiled differently from the snapshot's.");
    Console.WriteLine($"time to first transpile: cold {coldTime.TotalMilliseconds:F0} ms, from the snapshot {snapshotTime.TotalMilliseconds:F0} ms ({coldTime / snapshotTime:F1}x faster)");
}

return 0;

// The compiler the build baked: node_modules next to the project, found from the output folder.
static string FindCompiler()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "node_modules", "typescript", "lib", "typescript.js");
        if (File.Exists(candidate))
            return candidate;
    }

    throw new FileNotFoundException("node_modules/typescript/lib/typescript.js was not found above " + AppContext.BaseDirectory);
}
