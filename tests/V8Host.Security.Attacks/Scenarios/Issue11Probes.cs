using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `probe11 &lt;step&gt;`: red-team probes of issue 11's Web platform APIs. Each named step in
/// <see cref="Probes"/> is a script run with EvalAsync under a 5 s timeout in a fresh
/// UseWebPlatform() context (32 MiB heap, 64 MiB of ArrayBuffers); `probe11 eval &lt;source&gt;` runs any source the same way (`eval-task`: with a 1 s EventLoopTaskTimeout); `hostDispose()` disposes the context.
/// Each prints `RESULT probe11.&lt;step&gt; &lt;outcome&gt;` and `RESULT probe11.&lt;step&gt;.after` (1+1 in the same
/// context afterwards); Issue11ProbeTests states the safe outcome.
/// </summary>
internal static class Issue11Probes
{
    public static readonly IReadOnlyDictionary<string, string> Probes = new Dictionary<string, string>
    {
        // A host label of 50,000 five-character CJK pieces joined by hyphens: IdnMapping refuses the
        // label (too long) and maps each piece, then Punycode encodes the 300,000-code-point label.
        // The textbook encoder scans the whole label once per distinct code point (20,992 here): minutes of .NET work the timeout cannot stop.
        // 100,000 plain path segments before one that needs the full path state (a dot segment, a
        // non-ASCII character): the plain-path fast path rescanned the rest of the path at each segment.
        ["url-dot-segments"] = "new URL('http://a/' + 'b/'.repeat(100000) + '../'.repeat(100000) + 'x').pathname",
        ["url-late-escape"] = "new URL('http://a/' + 'b/'.repeat(100000) + '\u00FC').pathname.length",
        // A legacy decode whose 30M-character result crosses the heap limit: the glue's next host call
        // (closing the .NET decoder) met the termination, which ClearScript turns into a catchable Error,
        // so the script's catch ran and the call returned a value instead of failing on the heap limit.
        ["legacy-decode-heap"] = "const u = new Uint8Array(30 << 20).fill(0x41); try { new TextDecoder('big5').decode(u).length } catch (e) { 'caught ' + e.message }",
        ["idna-distinct"] = "const parts = []; for (let i = 0; i < 50000; i++) { let p = ''; for (let j = 0; j < 5; j++) p += String.fromCharCode(0x4E00 + ((i * 5 + j) % 20992)); parts.push(p); } new URL('http://' + parts.join('-') + '/').host.startsWith('xn--')",
    };

    public static void Run(string[] args)
    {
        var step = args[0];
        var name = $"probe11.{step}";
        var source = step is "eval" or "eval-task" ? args[1] : Probes[step];
        var watch = Stopwatch.StartNew();
        var context = new Isolate(new IsolateOptions { MaxHeapBytes = 32L << 20, MaxArrayBufferBytes = 64L << 20, EventLoopTaskTimeout = step == "eval-task" ? TimeSpan.FromSeconds(1) : null }).CreateContextBuilder().UseWebPlatform().Build();
        // A host function a listener can call to dispose the context in the middle of a dispatch.
        context.SetGlobal("hostDispose", new Action(context.Dispose));
        Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return context.EvalAsync(source, cancel.Token).GetAwaiter().GetResult();
        })));
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, peak working set {Report.PeakWorkingSetMiB()} MiB");
        Report.Result(name + ".after", Report.Bounded(name + ".after", TimeSpan.FromSeconds(20), () => Report.StillWorks(context)));
        Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(20), context.Dispose);
    }
}
