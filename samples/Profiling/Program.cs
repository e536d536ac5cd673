// Profiles a script and writes what it found twice: profile.cpuprofile (open it in Chrome DevTools'
// Performance panel, VS Code or speedscope) and flamegraph.svg, drawn by FlameGraph.cs from the same JSON
// (open it in any browser), plus a heap snapshot for DevTools' Memory panel.
//
//     dotnet run --project samples/Profiling [output folder]
using V8Host;

var folder = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
Directory.CreateDirectory(folder);

using var context = new Isolate().CreateContext();
context.Eval("""
    function parseRows(text) { return text.split('\n').map(line => line.split(',').map(Number)); }
    function sortRows(rows) { return rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]); }
    function summarize(rows) {
        const totals = new Map();
        for (const [key, value] of rows) totals.set(key % 97, (totals.get(key % 97) ?? 0) + value);
        return JSON.stringify([...totals]);
    }
    function report(n) {
        const text = Array.from({ length: n }, (_, i) => `${(i * 7919) % 10007},${i % 13}`).join('\n');
        return summarize(sortRows(parseRows(text))).length;
    }
    """);

context.StartCpuProfile("report");
context.Eval("const until = Date.now() + 1000; let n = 0; while (Date.now() < until) n += report(20000); n");
var profile = context.StopCpuProfile();

var cpuProfilePath = Path.Combine(folder, "profile.cpuprofile");
profile.Save(cpuProfilePath);
var svgPath = Path.Combine(folder, "flamegraph.svg");
File.WriteAllText(svgPath, FlameGraph.Render(profile.ToJson(), $"V8Host CPU profile: {profile.Title}"));
var heapPath = Path.Combine(folder, "app.heapsnapshot");
using (var heap = File.Create(heapPath))
    context.WriteHeapSnapshot(heap);

Console.WriteLine($"wrote {cpuProfilePath}");
Console.WriteLine($"wrote {svgPath}");
Console.WriteLine($"wrote {heapPath}");
