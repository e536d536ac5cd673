using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace V8Host.Benchmarks.Web;

/// <summary>
/// The Web APIs on their bulk paths: TextEncoder.encode and TextDecoder.decode of 1 MiB of UTF-8,
/// crypto.subtle.digest('SHA-256') of 1 MiB, and <c>new URL(input, base)</c> ×10,000. The same
/// JavaScript (web-apis-workload.js) runs in Node in the same run; the "Node 20" and "vs Node" columns
/// (NodeBaselineColumn) show Node's time and V8Host's time as a multiple of it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(NodeComparisonConfig))]
public class WebApiBenchmarks
{
    private Context _context = null!;
    private JsFunction _encode = null!;
    private JsFunction _decode = null!;
    private JsFunction _digest = null!;
    private JsFunction _urls = null!;

    [GlobalSetup]
    public void Setup()
    {
        _context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();
        using var ops = _context.Eval<JsObject>(NodeBaseline.Workload);
        _encode = ops.Get<JsFunction>("encode");
        _decode = ops.Get<JsFunction>("decode");
        _digest = ops.Get<JsFunction>("digest");
        _urls = ops.Get<JsFunction>("urls");
    }

    [GlobalCleanup]
    public void Cleanup() => _context.Dispose();

    [Benchmark(Description = "encode")]
    public object? Encode() => _encode.Invoke();

    [Benchmark(Description = "decode")]
    public object? Decode() => _decode.Invoke();

    [Benchmark(Description = "digest")]
    public async Task<object?> Digest()
    {
        using var promise = (JsPromise)_digest.Invoke()!;
        return await promise.AsTask();
    }

    [Benchmark(Description = "urls")]
    public object? Urls() => _urls.Invoke();

    private sealed class NodeComparisonConfig : ManualConfig
    {
        public NodeComparisonConfig()
        {
            AddColumn(new NodeBaselineColumn(ratio: false), new NodeBaselineColumn(ratio: true));
        }
    }
}
