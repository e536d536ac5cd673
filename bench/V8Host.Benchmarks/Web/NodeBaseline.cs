using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace V8Host.Benchmarks.Web;

/// <summary>
/// Node's times for web-apis-workload.js, measured once per BenchmarkDotNet run by node-baseline.mjs (in the
/// host process, when the summary is built). Without `node` on the PATH the columns say so.
/// </summary>
internal static class NodeBaseline
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Web");

    public static string Workload => File.ReadAllText(Path.Combine(Folder, "web-apis-workload.js"));

    /// <summary>Mean nanoseconds per operation in Node, by operation name; null when Node could not run.</summary>
    public static Lazy<IReadOnlyDictionary<string, double>?> Results { get; } = new(Measure);

    private static IReadOnlyDictionary<string, double>? Measure()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", Path.Combine(Folder, "node-baseline.mjs"))
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            var output = node.StandardOutput.ReadToEnd();
            node.WaitForExit();
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("results").EnumerateObject().ToDictionary(op => op.Name, op => op.Value.GetDouble());
        }
        catch (Exception failure) when (failure is System.ComponentModel.Win32Exception or JsonException or InvalidOperationException)
        {
            Console.Error.WriteLine("node-baseline.mjs could not run: " + failure.Message);
            return null;
        }
    }
}

/// <summary>"Node 20" (Node's mean) or "vs Node" (V8Host's mean divided by Node's: below 1 is faster).</summary>
internal sealed class NodeBaselineColumn(bool ratio) : IColumn
{
    public string Id => ratio ? "VsNode" : "Node";

    public string ColumnName => ratio ? "vs Node" : "Node 20";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => ratio ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => ratio ? UnitType.Dimensionless : UnitType.Time;

    public string Legend => ratio ? "V8Host's mean time as a multiple of Node's (same workload, same run)" : "Node's mean time for the same JavaScript";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (NodeBaseline.Results.Value is not { } node)
            return "no node";
        if (!node.TryGetValue(benchmarkCase.Descriptor.WorkloadMethodDisplayInfo, out var nodeNanoseconds))
            return "-";
        if (!ratio)
            return (nodeNanoseconds / 1e6).ToString("N3", CultureInfo.InvariantCulture) + " ms";
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is { } v8host ? (v8host / nodeNanoseconds).ToString("N2", CultureInfo.InvariantCulture) : "?";
    }
}
