using System.Diagnostics;
using System.Text;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `heap &lt;bomb&gt; &lt;mode&gt;`, mode = default (new Isolate()), limited (MaxHeapBytes 32 MiB), jitless
/// (DisableJitCompilation + 32 MiB). Expected: ScriptResourceException, process alive, a fresh
/// isolate evaluates 1+1.
/// </summary>
internal static class HeapBombs
{
    public static readonly IReadOnlyDictionary<string, string> Bombs = new Dictionary<string, string>
    {
        ["json-nested"] = "JSON.parse('[' + '[],'.repeat(4e7) + '[]]')",
        ["array-fill"] = "new Array(1.2e8).fill(1.5)",
        ["array-from"] = "Array.from({length: 1.2e8})",
        ["host-parse-json"] = "",
        ["push-loop"] = "var a = []; while (true) a.push(new Array(1000).fill('x' + a.length));",
    };

    public static void Run(string[] args)
    {
        var bomb = args[0];
        var mode = args[1];
        var name = $"heap.{bomb}.{mode}";
        if (mode == "jitless")
            V8HostSettings.DisableJitCompilation = true;
        var options = mode == "default" ? null : new IsolateOptions { MaxHeapBytes = 32L << 20 };
        string? json = bomb == "host-parse-json" ? HugeJson() : null;

        var watch = Stopwatch.StartNew();
        var context = new Isolate(options).CreateContext();
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(100), () => Report.Outcome(name, () =>
        {
            if (json is not null)
                context.ParseJson(json);
            else
                context.Eval(Bombs[bomb], TimeSpan.FromSeconds(60));
        }));
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, peak working set {Report.PeakWorkingSetMiB()} MiB");
        Report.Result(name, outcome);
        Report.Result(name + ".alive", context.IsAlive);
        Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(20), context.Dispose);
        json = null;

        Report.Result("heap.fresh", Report.Bounded("heap.fresh", TimeSpan.FromSeconds(20), () =>
        {
            using var fresh = new Isolate().CreateContext();
            return Report.StillWorks(fresh);
        }));
    }

    /// <summary>A 60M-character JSON array of empty arrays, built in .NET.</summary>
    private static string HugeJson()
    {
        var builder = new StringBuilder(60_000_002);
        builder.Append('[');
        while (builder.Length < 60_000_000 - 3)
            builder.Append("[],");
        builder.Append("[]]");
        return builder.ToString();
    }
}
