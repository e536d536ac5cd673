using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Benchmarks.Interop;

/// <summary>
/// Issue 16, item 1 ("strings too, where it wins"): would a string argument cross faster through a
/// transfer buffer than as ClearScript's fast string argument? Measured on raw ClearScript, before
/// building it into V8Host: each row is a JS loop of 1000 calls of a fast host function that gets a
/// string built in that iteration, either as its argument or as UTF-16 code units or UTF-8 bytes the
/// JS side wrote into an ArrayBuffer whose memory .NET reads directly. V8 has no TextEncoder without
/// the Web platform, so the UTF-8 row encodes in JS, as the glue would have to. Every row's total and
/// one decoded string are checked in <c>[GlobalSetup]</c>.
/// </summary>
[MemoryDiagnoser]
public unsafe class StringEncodingBenchmarks
{
    private const int Calls = 1000;

    [Params(64, 1024)]
    public int Length { get; set; }

    private V8ScriptEngine _engine = null!;
    private ScriptObject _built = null!;
    private ScriptObject _argument = null!;
    private ScriptObject _utf16 = null!;
    private ScriptObject _utf8 = null!;
    private byte* _buffer;
    private string _last = "";

    [GlobalSetup]
    public void Setup()
    {
        _engine = new V8ScriptEngine();
        var buffer = (IArrayBuffer)_engine.Evaluate("globalThis.buffer = new ArrayBuffer(1 << 16)");
        _buffer = (byte*)buffer.InvokeWithDirectAccess(static address => address);
        _engine.AddHostObject("zero", new V8FastHostFunction("zero", (bool _, in V8FastArgs _, in V8FastResult result) => result.Set(Length)));
        _engine.AddHostObject("measure", new V8FastHostFunction("measure", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            _last = args.GetString(0);
            result.Set(_last.Length);
        }));
        _engine.AddHostObject("fromUtf16", new V8FastHostFunction("fromUtf16", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            _last = new string((char*)_buffer, 0, args.GetInt32(0));
            result.Set(_last.Length);
        }));
        _engine.AddHostObject("fromUtf8", new V8FastHostFunction("fromUtf8", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            _last = Encoding.UTF8.GetString(_buffer, args.GetInt32(0));
            result.Set(_last.Length);
        }));
        _engine.Execute("""
            const units = new Uint16Array(buffer);
            const bytes = new Uint8Array(buffer);
            globalThis.writeUtf16 = s => {
                for (let k = 0; k < s.length; k++) units[k] = s.charCodeAt(k);
                return s.length;
            };
            globalThis.writeUtf8 = s => {
                let n = 0;
                for (let k = 0; k < s.length; k++) {
                    let c = s.charCodeAt(k);
                    if (c < 0x80) { bytes[n++] = c; continue; }
                    if (c < 0x800) { bytes[n++] = 0xC0 | (c >> 6); bytes[n++] = 0x80 | (c & 63); continue; }
                    if (c >= 0xD800 && c < 0xDC00 && k + 1 < s.length && (s.charCodeAt(k + 1) & 0xFC00) === 0xDC00) {
                        const p = 0x10000 + ((c - 0xD800) << 10) + (s.charCodeAt(++k) - 0xDC00);
                        bytes[n++] = 0xF0 | (p >> 18); bytes[n++] = 0x80 | ((p >> 12) & 63); bytes[n++] = 0x80 | ((p >> 6) & 63); bytes[n++] = 0x80 | (p & 63);
                        continue;
                    }
                    if (c >= 0xD800 && c < 0xE000) c = 0xFFFD;
                    bytes[n++] = 0xE0 | (c >> 12); bytes[n++] = 0x80 | ((c >> 6) & 63); bytes[n++] = 0x80 | (c & 63);
                }
                return n;
            };
            """);
        _built = Loop("zero(text)");
        _argument = Loop("measure(text)");
        _utf16 = Loop("fromUtf16(writeUtf16(text))");
        _utf8 = Loop("fromUtf8(writeUtf8(text))");

        var expected = new string('x', Length - 1) + "1";
        foreach (var (name, run) in new (string, Func<double>)[] { ("built", Built), ("argument", Argument), ("UTF-16", Utf16), ("UTF-8", Utf8) })
        {
            _last = expected;
            if (run() != (double)Length * Calls || _last != expected)
                throw new InvalidOperationException($"The {name} row read the wrong strings.");
        }
    }

    // A string built per call, as the interop suite's string rows do (not a literal V8 hands over flattened).
    private ScriptObject Loop(string call) => (ScriptObject)_engine.Evaluate($$"""
        (function () {
            let acc = 0;
            for (let i = 0; i < {{Calls}}; i++) { const text = 'x'.repeat({{Length - 1}}) + (i & 1); acc += {{call}}; }
            return acc;
        })
        """);

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Baseline = true, Description = "zero(text): the string built, not read")]
    public double Built() => Run(_built);

    [Benchmark(Description = "measure(text): ClearScript's fast string argument")]
    public double Argument() => Run(_argument);

    [Benchmark(Description = "UTF-16 code units through an ArrayBuffer")]
    public double Utf16() => Run(_utf16);

    [Benchmark(Description = "UTF-8 bytes (encoded in JS) through an ArrayBuffer")]
    public double Utf8() => Run(_utf8);

    private static double Run(ScriptObject loop) => Convert.ToDouble(loop.InvokeAsFunction(), System.Globalization.CultureInfo.InvariantCulture);
}
