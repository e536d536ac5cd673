using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `web-encoding &lt;bomb&gt;`: the Web platform's bulk operations (TextDecoder, TextEncoder, atob/btoa,
/// Blob) asked to build results far past a 32 MiB heap limit, in .NET (UTF-8, single-byte, GBK) and in
/// the glue (UTF-16, base64). Expected: the result, or ScriptResourceException; the process lives and
/// a fresh isolate evaluates 1+1.
/// </summary>
internal static class WebEncodingScenarios
{
    public static readonly IReadOnlyDictionary<string, string> Bombs = new Dictionary<string, string>
    {
        ["utf8-decode"] = "new TextDecoder().decode(new Uint8Array(256 << 20).fill(0x61)).length",
        ["single-byte-decode"] = "new TextDecoder('windows-1252').decode(new Uint8Array(256 << 20).fill(0xE9)).length",
        ["utf16-decode"] = "new TextDecoder('utf-16le').decode(new Uint8Array(128 << 20)).length",
        ["gbk-decode"] = "new TextDecoder('gbk').decode(new Uint8Array(256 << 20).fill(0x41)).length",
        ["encode"] = "new TextEncoder().encode('\\u00E9'.repeat(200 << 20)).length",
        ["base64"] = "atob(btoa('a'.repeat(64 << 20))).length",
        ["blob-text"] = "const b = new Blob([new Uint8Array(256 << 20).fill(0x62)]); b.text().then((t) => t.length)",
    };

    public static void Run(string[] args)
    {
        var bomb = args[0];
        var name = $"web-encoding.{bomb}";
        var watch = Stopwatch.StartNew();
        var context = new Isolate(new IsolateOptions { MaxHeapBytes = 32L << 20 }).CreateContextBuilder().UseWebPlatform().Build();
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(100), () => Report.Outcome(name, () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            context.EvalAsync(Bombs[bomb], cancel.Token).GetAwaiter().GetResult();
        }));
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, peak working set {Report.PeakWorkingSetMiB()} MiB");
        Report.Result(name, outcome);
        Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(20), context.Dispose);

        Report.Result("web-encoding.fresh", Report.Bounded("web-encoding.fresh", TimeSpan.FromSeconds(20), () =>
        {
            using var fresh = new Isolate().CreateContext();
            return Report.StillWorks(fresh);
        }));
    }
}
