using System.Globalization;

namespace ScriptServerLoad;

/// <summary>
/// A bounded load run of samples/ScriptServer end to end over loopback: for each mode (pooled contexts,
/// a context per request) and 1, 2 and 4 callers, a warm-up, then at most --requests requests or
/// --seconds seconds. The server and the callers share this machine's cores. (Not top-level
/// statements: the sample's own Program is the one WebApplicationFactory&lt;Program&gt; must start.)
/// </summary>
public static class LoadMain
{
    public static async Task<int> Main(string[] args)
    {
        var requests = IntArg("--requests", 5000);
        var cap = TimeSpan.FromSeconds(IntArg("--seconds", 60));
        var warmup = IntArg("--warmup", 200);
        var jit = args.Contains("--jit");
        // A script the pool can reset (nothing declared at the top level), and the same with a top-level
        // const, which the pool cannot delete: every such rent ends with a fresh context (docs/servers.md).
        const string Script = "console.log('items', 3); [3, 4, 5].map(x => x * x).reduce((a, b) => a + b)";
        const string ConstScript = "const items = [3, 4, 5]; console.log('items', items.length); items.map(x => x * x).reduce((a, b) => a + b)";
        const int Expected = 50;

        Console.WriteLine($"POST /run of `{Script}` (result {Expected}, one console line); {requests:N0} requests per row, at most {cap.TotalSeconds:N0} s; JIT {(jit ? "on" : "off (the sample's default)")}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  the third mode runs `{ConstScript}`");
        var results = new Dictionary<(string Mode, int Callers), LoadResult>();
        foreach (var (mode, perRequest, script) in new[]
        {
            ("pooled", false, Script),
            ("context per request", true, Script),
            ("pooled, top-level const", false, ConstScript),
        })
        {
            using var server = new LoopbackServer(new Dictionary<string, string>
            {
                ["ScriptServer:ContextPerRequest"] = perRequest ? "true" : "false",
                ["ScriptServer:DisableJit"] = jit ? "false" : "true",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 }) { BaseAddress = server.Address };
            var run = new LoadRun(client, script, Expected);
            foreach (var callers in new[] { 1, 2, 4 })
            {
                await run.RunAsync(callers, warmup, cap);
                var result = await run.RunAsync(callers, requests, cap);
                results[(mode, callers)] = result;
                Console.WriteLine($"  {mode}, {callers} caller(s): {result.Requests:N0} requests in {result.Elapsed.TotalSeconds:F1} s, {result.PerSecond:N0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms, {result.Errors} errors");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| mode | callers | requests | time (s) | requests/s | p50 (ms) | p99 (ms) | errors |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var ((mode, callers), r) in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {mode} | {callers} | {r.Requests:N0} | {r.Elapsed.TotalSeconds:F1} | {r.PerSecond:N0} | {r.P50:F2} | {r.P99:F2} | {r.Errors} |"));
        Console.WriteLine();
        foreach (var callers in new[] { 1, 2, 4 })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{callers} caller(s): pooled {results[("pooled", callers)].PerSecond / results[("context per request", callers)].PerSecond:F1}x the requests/s of a context per request"));
        return results.Values.Any(r => r.Errors > 0) ? 1 : 0;
        int IntArg(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
    }
}
