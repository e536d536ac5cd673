namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `bufspan shrink|resize-inside|detach-inside|dispose-inside|dispose-elsewhere`: JsArrayBuffer and
/// JsTypedArray never touch bytes a buffer no longer has. V8 decommits the pages a resizable
/// ArrayBuffer shrinks away, so a copy or span of a stale size is a segfault; each case then uses the
/// whole of what it was given.
/// </summary>
internal static class BufferSpanAttacks
{
    private const int Large = 16 << 20;

    public static void Run(string[] args)
    {
        var name = $"bufspan.{args[0]}";
        using var context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();
        context.Eval($"globalThis.r = new ArrayBuffer({Large}, {{ maxByteLength: {4 * Large} }}); new Uint8Array(r).fill(1);");
        switch (args[0])
        {
            case "shrink":
                Shrink(name, context);
                break;
            case "resize-inside":
                ScriptInside(name, context, "r.resize(8)");
                break;
            case "detach-inside":
                ScriptInside(name, context, "structuredClone(r, { transfer: [r] })");
                break;
            case "dispose-inside":
                DisposeInside(name, context, elsewhere: false);
                break;
            case "dispose-elsewhere":
                DisposeInside(name, context, elsewhere: true);
                break;
            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }

    // Every handle has read the large size (ClearScript keeps it) before script shrinks the buffer.
    private static void Shrink(string name, Context context)
    {
        using var buffer = (JsArrayBuffer)context.Eval("r")!;
        using var tracking = (JsTypedArray)context.Eval("globalThis.tracking = new Uint8Array(r, 4); tracking")!;
        using var fixedView = (JsTypedArray)context.Eval("globalThis.fixed = new Uint8Array(r, 4, 1 << 20); fixed")!;
        Report.Result(name + ".before", $"{buffer.ByteLength}|{tracking.ByteLength}|{fixedView.ByteLength}");
        context.Eval("r.resize(8)");

        var destination = new byte[Large];
        Report.Result(name + ".byteLength", $"{buffer.ByteLength}|{tracking.ByteLength}|{fixedView.ByteLength}");
        Report.Result(name + ".read", Report.ValueOutcome(name + ".read", () => buffer.Read(0, destination)));
        Report.Result(name + ".toArray", Report.ValueOutcome(name + ".toArray", () => buffer.ToArray().Length));
        Report.Result(name + ".write", Report.ValueOutcome(name + ".write", () => buffer.Write(0, destination)));
        Report.Result(name + ".span", Report.ValueOutcome(name + ".span", () => buffer.WithSpan(Touch)));
        Report.Result(name + ".tracking", Report.ValueOutcome(name + ".tracking", () => tracking.WithSpan(Touch)));
        Report.Result(name + ".fixed", Report.ValueOutcome(name + ".fixed", () => fixedView.Read(0, destination)));
        Report.Result(name + ".fixed-span", Report.ValueOutcome(name + ".fixed-span", () => fixedView.WithSpan(Touch)));
        Report.Result(name + ".after", Report.StillWorks(context));
    }

    // The callback asks for script that would take the memory away, then uses all of its span.
    private static void ScriptInside(string name, Context context, string script)
    {
        using var buffer = (JsArrayBuffer)context.Eval("r")!;
        string refused = "not called";
        var touched = Report.ValueOutcome(name + ".span", () => buffer.WithSpan(bytes =>
        {
            refused = Report.Outcome(name + ".script", () => context.Eval(script));
            return Touch(bytes);
        }));
        Report.Result(name + ".script", refused);
        Report.Result(name + ".span", touched);
        Report.Result(name + ".js", context.Eval<string>("r.byteLength + '|' + new Uint8Array(r)[r.byteLength - 1]"));
        Report.Result(name + ".after", Report.StillWorks(context));
    }

    // Disposal waits for the callback: the isolate, and the span's memory, outlive it.
    private static void DisposeInside(string name, Context context, bool elsewhere)
    {
        var buffer = (JsArrayBuffer)context.Eval("r")!;
        var outcome = Report.ValueOutcome(name + ".span", () => buffer.WithSpan(bytes =>
        {
            if (elsewhere)
            {
                var disposer = new Thread(context.Dispose) { IsBackground = true };
                disposer.Start();
                Report.Result(name + ".disposer-waits", !disposer.Join(TimeSpan.FromMilliseconds(500)));
            }
            else
            {
                context.Dispose();
            }

            return Touch(bytes);
        }));
        Report.Result(name + ".span", outcome);
        Report.Result(name + ".alive", context.IsAlive);
    }

    // Writes every byte, then reads them back: a stale length reaches decommitted pages.
    private static int Touch(Span<byte> bytes)
    {
        bytes.Fill(2);
        var sum = 0;
        foreach (var value in bytes)
            sum += value;
        return sum / 2;
    }
}
