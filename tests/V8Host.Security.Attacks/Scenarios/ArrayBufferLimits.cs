namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `arraybuffer &lt;case&gt;` with MaxArrayBufferBytes = 16 MiB. Expected: RangeError and less than 200 MiB
/// working-set growth; small buffers within the limit still work. Every script touches the memory it got.
/// </summary>
internal static class ArrayBufferLimits
{
    private const string Touch = "for (let i = 0; i < u.length; i += 4096) u[i] = 1;";

    // A module with its own memory of `pages` pages (no maximum) exporting grow(n) = memory.grow n.
    private static string WasmWithOwnMemory(string pagesLeb) =>
        "new Uint8Array([0,0x61,0x73,0x6d,1,0,0,0, 1,6,1,0x60,1,0x7f,1,0x7f, 3,2,1,0, " +
        $"5,{2 + pagesLeb.Split(',').Length},1,0,{pagesLeb}, 7,8,1,4,0x67,0x72,0x6f,0x77,0,0, 0x0a,8,1,6,0,0x20,0,0x40,0,0x0b])";

    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["resize"] = $"const b = new ArrayBuffer(1 << 20, {{ maxByteLength: 1 << 30 }}); b.resize(512 << 20); const u = new Uint8Array(b); {Touch}",
        ["shared-grow"] = $"const b = new SharedArrayBuffer(1 << 20, {{ maxByteLength: 1 << 30 }}); b.grow(512 << 20); const u = new Uint8Array(b); {Touch}",
        ["wasm-grow"] = $"const m = new WebAssembly.Memory({{ initial: 1, maximum: 65536 }}); m.grow(8000); const u = new Uint8Array(m.buffer); {Touch}",
        ["wasm-initial"] = $"const m = new WebAssembly.Memory({{ initial: 8000 }}); const u = new Uint8Array(m.buffer); {Touch}",
        ["wasm-own-memory-grow"] = $"new WebAssembly.Instance(new WebAssembly.Module({WasmWithOwnMemory("1")})).exports.grow(8000)",
        ["wasm-own-memory-initial"] = $"new WebAssembly.Module({WasmWithOwnMemory("0xc0,0x3e")})",
        ["wasm-own-memory-small"] = $"new WebAssembly.Instance(new WebAssembly.Module({WasmWithOwnMemory("1")})).exports.grow(10)",
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
