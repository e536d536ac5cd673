using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ScriptServerLoad;

/// <summary>
/// One row of the table: <paramref name="callers"/> callers share a fixed number of POST /run requests,
/// each caller sending its next request when the last one answered, until the requests or the time
/// cap run out. Every answer is checked: a wrong or failed one counts as an error.
/// </summary>
public sealed class LoadRun(HttpClient client, string script, int expected)
{
    public async Task<LoadResult> RunAsync(int callers, int requests, TimeSpan cap)
    {
        var issued = 0;
        var errors = 0;
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = new List<double>(requests / callers + 1);
            while (clock.Elapsed < cap && Interlocked.Increment(ref issued) <= requests)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                    Interlocked.Increment(ref errors);
            }
        })));
        clock.Stop();

        var all = latencies.SelectMany(list => list).Order().ToArray();
        return new LoadResult(callers, all.Length, clock.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private async Task<bool> SendAsync()
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { script }), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/run", content);
        if (response.StatusCode != HttpStatusCode.OK)
            return false;
        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return body.RootElement.GetProperty("error").ValueKind == JsonValueKind.Null
            && body.RootElement.GetProperty("result").GetInt32() == expected
            && body.RootElement.GetProperty("console").GetArrayLength() == 1;
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}

public sealed record LoadResult(int Callers, int Requests, TimeSpan Elapsed, double P50, double P99, int Errors)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;
}
