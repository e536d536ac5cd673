using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>`typed sparse|length|strings`: typed reads of huge values are bounded.</summary>
internal static class TypedReads
{
    public static void Run(string[] args)
    {
        var name = $"typed.{args[0]}";
        using var context = new Isolate().CreateContext();
        var watch = Stopwatch.StartNew();
        string outcome = args[0] switch
        {
            "sparse" => Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.Outcome(name, () => context.Eval<int?[]>("const a = []; a[5e6 - 1] = 1; a", TimeSpan.FromMilliseconds(500)))),
            "length" => Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () => context.Eval<int[]>("const b = []; b.length = 2**32 - 1; b", TimeSpan.FromSeconds(30)))),
            "strings" => Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () => context.Eval<string[]>("const s = 'x'.repeat(32 * 1024 * 1024); Array(64).fill(s)", TimeSpan.FromSeconds(30)))),
            _ => throw new ArgumentException("unknown case " + args[0]),
        };
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, peak working set {Report.PeakWorkingSetMiB()} MiB");
        Report.Result(name, outcome);
        Report.Result(name + ".peak-under-2GiB", Report.PeakWorkingSetMiB() < 2048);
        Report.Result(name + ".after", Report.Bounded(name + ".after", TimeSpan.FromSeconds(10), () => Report.StillWorks(context)));
    }
}
