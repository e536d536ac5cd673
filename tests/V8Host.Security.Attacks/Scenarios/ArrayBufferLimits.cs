namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `arraybuffer &lt;case&gt;` with MaxArrayBufferBytes = 16 MiB. Expected: RangeError and less than 200 MiB
/// working-set growth; small buffers within the limit still work. Every script touches the memory it got.
/// </summary>
internal static class ArrayBufferLimits
{
    private const string Touch = "for (let i = 0; i < u.length; i += 4096) u[i] = 1;";

    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["resize"] = $"const b = new ArrayBuffer(1 << 20, {{ maxByteLength: 1 << 30 }}); b.resize(512 << 20); const u = new Uint8Array(b); {Touch}",
        ["shared-grow"] = $"const b = new SharedArrayBuffer(1 << 20, {{ maxByteLength: 1 << 30 }}); b.grow(512 << 20); const u = new Uint8Array(b); {Touch}",
        ["wasm-grow"] = $"const m = new WebAssembly.Memory({{ initial: 1, maximum: 65536 }}); m.grow(8000); const u = new Uint8Array(m.buffer); {Touch}",
        ["wasm-initial"] = $"const m = new WebAssembly.Memory({{ initial: 8000 }}); const u = new Uint8Array(m.buffer); {Touch}",
        ["small-resize"] = $"const b = new ArrayBuffer(1 << 20, {{ maxByteLength: 4 << 20 }}); b.resize(2 << 20); const u = new Uint8Array(b); {Touch} b.byteLength",
    };

    public static void Run(string[] args)
    {
        var name = $"arraybuffer.{args[0]}";
        using var context = new Isolate(new IsolateOptions { MaxArrayBufferBytes = 16L << 20 }).CreateContext();
        context.Eval("1");
        var before = Report.WorkingSetMiB();
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.ValueOutcome(name, () => context.Eval(Cases[args[0]], TimeSpan.FromSeconds(30))));
        var growth = Report.WorkingSetMiB() - before;
        Report.Detail(name, $"working set grew by {growth} MiB");
        Report.Result(name, outcome);
        Report.Result(name + ".growth-under-200MiB", growth < 200);
        Report.Result(name + ".after", Report.StillWorks(context));
    }
}
