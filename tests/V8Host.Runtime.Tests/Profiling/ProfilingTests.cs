using System.Text.Json;

namespace V8Host.Tests.Profiling;

/// <summary>api.md §8: CPU profiles in the .cpuprofile format and heap snapshots in the .heapsnapshot format.</summary>
public sealed class ProfilingTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private const string HotLoop = """
        function hotFunction(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) % 7; return s; }
        const until = Date.now() + 300;
        while (Date.now() < until) hotFunction(10000);
        """;

    [Fact]
    public void ACpuProfileNamesTheHotFunctionAndHasSamples()
    {
        _context.StartCpuProfile("hot");
        _context.Eval(HotLoop);
        var profile = _context.StopCpuProfile();

        Assert.Equal("hot", profile.Title);
        using var json = JsonDocument.Parse(profile.ToJson());
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToArray();
        var hot = nodes.Where(node => node.GetProperty("callFrame").GetProperty("functionName").GetString() == "hotFunction").ToArray();
        Assert.NotEmpty(hot);
        Assert.Contains(hot, node => node.GetProperty("hitCount").GetInt64() > 0);
        Assert.NotEmpty(json.RootElement.GetProperty("samples").EnumerateArray());
        Assert.Equal(json.RootElement.GetProperty("samples").GetArrayLength(), json.RootElement.GetProperty("timeDeltas").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("endTime").GetInt64() > json.RootElement.GetProperty("startTime").GetInt64());
    }

    [Fact]
    public void SaveWritesTheJson()
    {
        _context.StartCpuProfile();
        _context.Eval("for (let i = 0; i < 1e5; i++) Math.sqrt(i)");
        var profile = _context.StopCpuProfile();
        var path = Path.Combine(Path.GetTempPath(), $"v8host-{Guid.NewGuid():N}.cpuprofile");
        try
        {
            profile.Save(path);
            Assert.Equal(profile.ToJson(), File.ReadAllText(path));
            Assert.StartsWith("V8Host profile ", profile.Title);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OneProfileAtATime()
    {
        Assert.Contains("no profile is being recorded", Assert.Throws<InvalidOperationException>(() => _context.StopCpuProfile()).Message);
        _context.StartCpuProfile("first");
        Assert.Contains("'first' is still being recorded", Assert.Throws<InvalidOperationException>(() => _context.StartCpuProfile("second")).Message);
        _context.StopCpuProfile();
        _context.StartCpuProfile("again");
        Assert.Equal("again", _context.StopCpuProfile().Title);
    }

    [Fact]
    public void AHeapSnapshotParsesAndHoldsAKnownObject()
    {
        _context.Eval("class MarkerForHeapSnapshot { constructor() { this.payload = 'x'.repeat(10); } } globalThis.kept = new MarkerForHeapSnapshot();");
        using var stream = new MemoryStream();
        _context.WriteHeapSnapshot(stream);

        stream.Position = 0;
        using var json = JsonDocument.Parse(stream);
        var strings = json.RootElement.GetProperty("strings").EnumerateArray().Select(s => s.GetString()).ToHashSet();
        Assert.Contains("MarkerForHeapSnapshot", strings);
        Assert.True(json.RootElement.GetProperty("snapshot").GetProperty("node_count").GetInt64() > 0);
    }

    [Fact]
    public void AHeapSnapshotNeedsAWritableStream()
    {
        using var readOnly = new MemoryStream([], writable: false);
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => _context.WriteHeapSnapshot(readOnly)).ParamName);
    }
}
