using System.Runtime.ExceptionServices;
using System.Text.Json;
using V8Host.Profiling;

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

    private static string HotLoopOf(string name) => $$"""
        function {{name}}(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) % 7; return s; }
        {
            const until = Date.now() + 300;
            while (Date.now() < until) {{name}}(10000);
        }
        """;

    private static string? FunctionName(JsonElement node) => node.GetProperty("callFrame").GetProperty("functionName").GetString();

    private static IEnumerable<long> Children(JsonElement node) =>
        node.TryGetProperty("children", out var children) ? children.EnumerateArray().Select(child => child.GetInt64()) : [];

    /// <summary>
    /// Runs each action on a new thread of its own, in turn, as a host with its own threads would. The
    /// threads stay alive until disposal: V8 samples the last thread that ran script until another
    /// does or the profile stops, and a thread it samples must not exit (docs/profiling.md).
    /// </summary>
    private sealed class ScriptThreads : IDisposable
    {
        private readonly ManualResetEventSlim _release = new();
        private readonly List<Thread> _threads = [];

        public void Run(Action action)
        {
            Exception? failure = null;
            var done = new ManualResetEventSlim();
            var thread = new Thread(() =>
            {
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }

                done.Set();
                _release.Wait();
            });
            _threads.Add(thread);
            thread.Start();
            Assert.True(done.Wait(TimeSpan.FromMinutes(1)), "The thread did not finish its work.");
            if (failure is not null)
                ExceptionDispatchInfo.Throw(failure);
        }

        public void Dispose()
        {
            _release.Set();
            Assert.All(_threads, thread => Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "The thread did not exit."));
        }
    }

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
    public void AProfileStartedOnOneThreadRecordsScriptRunOnAnother()
    {
        // The starting thread exits at once: V8 never samples it.
        using (var starter = new ScriptThreads())
            starter.Run(() => _context.StartCpuProfile("elsewhere"));
        using var threads = new ScriptThreads();
        threads.Run(() => _context.Eval(HotLoopOf("hotElsewhere")));
        var profile = _context.StopCpuProfile();

        using var json = JsonDocument.Parse(profile.ToJson());
        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray();
        Assert.Contains(nodes, node => FunctionName(node) == "hotElsewhere" && node.GetProperty("hitCount").GetInt64() > 0);
    }

    [Fact]
    public void AProfileOfScriptOnTwoThreadsInTurnIsOneTreeWithSamplesFromBoth()
    {
        _context.StartCpuProfile("two threads");
        using var threads = new ScriptThreads();
        threads.Run(() => _context.Eval(HotLoopOf("hotOnFirstThread")));
        threads.Run(() => _context.Eval(HotLoopOf("hotOnSecondThread")));
        var profile = _context.StopCpuProfile();

        using var json = JsonDocument.Parse(profile.ToJson());
        var root = json.RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToArray();
        var ids = nodes.Select(node => node.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var childIds = nodes.SelectMany(Children).ToArray();
        Assert.All(childIds, child => Assert.Contains(child, ids));
        Assert.Equal(childIds.Length, childIds.Distinct().Count());
        var roots = nodes.Where(node => !childIds.Contains(node.GetProperty("id").GetInt64())).ToArray();
        Assert.Equal("(root)", FunctionName(Assert.Single(roots)));

        var samples = root.GetProperty("samples").EnumerateArray().Select(sample => sample.GetInt64()).ToArray();
        Assert.Equal(samples.Length, root.GetProperty("timeDeltas").GetArrayLength());
        Assert.All(samples, sample => Assert.Contains(sample, ids));
        Assert.All(root.GetProperty("timeDeltas").EnumerateArray(), delta => Assert.True(delta.GetInt64() >= 0));
        foreach (var hot in new[] { "hotOnFirstThread", "hotOnSecondThread" })
        {
            var hotIds = nodes.Where(node => FunctionName(node) == hot).Select(node => node.GetProperty("id").GetInt64()).ToHashSet();
            Assert.Contains(samples, hotIds.Contains);
        }
    }

    [Fact]
    public void TheSampleIntervalSpacesTheSamples()
    {
        // 300 ms of script: about 300 samples at V8's default interval, about 6 at 50 ms.
        _context.SetCpuProfileSampleInterval(50_000);
        _context.StartCpuProfile();
        _context.Eval(HotLoop);
        var profile = _context.StopCpuProfile();

        using var json = JsonDocument.Parse(profile.ToJson());
        Assert.InRange(json.RootElement.GetProperty("samples").GetArrayLength(), 1, 60);
    }

    [Fact]
    public void TheSampleIntervalIsPositiveAndSetBetweenProfiles()
    {
        Assert.Equal("microseconds", Assert.Throws<ArgumentOutOfRangeException>(() => _context.SetCpuProfileSampleInterval(0)).ParamName);
        _context.StartCpuProfile("running");
        Assert.Contains("'running' is being recorded", Assert.Throws<InvalidOperationException>(() => _context.SetCpuProfileSampleInterval(500)).Message);
        _context.StopCpuProfile();
        _context.SetCpuProfileSampleInterval(500);
    }

    private const string RootFrame = """{"functionName":"(root)","scriptId":0,"url":"","lineNumber":-1,"columnNumber":-1}""";
    private const string OuterFrame = """{"functionName":"outer","scriptId":3,"url":"app.js","lineNumber":0,"columnNumber":0}""";
    private const string InnerFrame = """{"functionName":"inner","scriptId":3,"url":"app.js","lineNumber":4,"columnNumber":2}""";

    // Two segments of one recording, numbered independently as V8 numbers each profile. The second
    // lists the root's children in another order, adds a callee, and has another "outer" in another script.
    private const string FirstSegment = $$"""
        {"nodes":[
          {"id":1,"callFrame":{{RootFrame}},"hitCount":0,"children":[2]},
          {"id":2,"callFrame":{{OuterFrame}},"hitCount":1,"children":[3]},
          {"id":3,"callFrame":{{InnerFrame}},"hitCount":2,"positionTicks":[{"line":6,"ticks":2}]}],
         "startTime":1000,"endTime":1040,"samples":[2,3,3],"timeDeltas":[10,10,10]}
        """;

    private const string SecondSegment = $$"""
        {"nodes":[
          {"id":1,"callFrame":{{RootFrame}},"hitCount":0,"children":[7,4]},
          {"id":7,"callFrame":{"functionName":"outer","scriptId":4,"url":"lib.js","lineNumber":0,"columnNumber":0},"hitCount":1},
          {"id":4,"callFrame":{{OuterFrame}},"hitCount":0,"children":[5,6]},
          {"id":5,"callFrame":{"functionName":"other","scriptId":3,"url":"app.js","lineNumber":9,"columnNumber":2},"hitCount":1},
          {"id":6,"callFrame":{{InnerFrame}},"hitCount":2,"positionTicks":[{"line":6,"ticks":1},{"line":7,"ticks":1}]}],
         "startTime":2000,"endTime":2030,"samples":[6,5,6,7],"timeDeltas":[5,5,5,5]}
        """;

    [Fact]
    public void SegmentsMergeIntoOneTreeByCallFramePath()
    {
        using var json = JsonDocument.Parse(CpuProfileMerger.Merge([FirstSegment, SecondSegment]));
        var root = json.RootElement;
        var nodes = root.GetProperty("nodes").EnumerateArray().ToArray();
        var paths = PathsById(nodes);
        Assert.Equal(nodes.Length, paths.Count);
        var byPath = nodes.ToDictionary(node => paths[node.GetProperty("id").GetInt64()]);

        Assert.Equal(["(root)", "(root)/outer@app.js", "(root)/outer@app.js/inner@app.js", "(root)/outer@app.js/other@app.js", "(root)/outer@lib.js"], byPath.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("(root)", paths[nodes[0].GetProperty("id").GetInt64()]);
        Assert.Equal(1, byPath["(root)/outer@app.js"].GetProperty("hitCount").GetInt64());
        Assert.Equal(1, byPath["(root)/outer@lib.js"].GetProperty("hitCount").GetInt64());
        Assert.Equal(1, byPath["(root)/outer@app.js/other@app.js"].GetProperty("hitCount").GetInt64());
        var inner = byPath["(root)/outer@app.js/inner@app.js"];
        Assert.Equal(4, inner.GetProperty("hitCount").GetInt64());
        Assert.Equal([(6L, 3L), (7L, 1L)], inner.GetProperty("positionTicks").EnumerateArray().Select(line => (line.GetProperty("line").GetInt64(), line.GetProperty("ticks").GetInt64())));
        Assert.Equal("app.js", inner.GetProperty("callFrame").GetProperty("url").GetString());

        var samples = root.GetProperty("samples").EnumerateArray().Select(sample => paths[sample.GetInt64()].Split('/')[^1]);
        Assert.Equal(["outer@app.js", "inner@app.js", "inner@app.js", "inner@app.js", "other@app.js", "inner@app.js", "outer@lib.js"], samples);
        Assert.Equal([10L, 10, 10, 975, 5, 5, 5], root.GetProperty("timeDeltas").EnumerateArray().Select(delta => delta.GetInt64()));
        Assert.Equal(1000, root.GetProperty("startTime").GetInt64());
        Assert.Equal(2030, root.GetProperty("endTime").GetInt64());
    }

    /// <summary>Each node's path of "function@url" from the root, by id; a node reached twice would throw.</summary>
    private static Dictionary<long, string> PathsById(JsonElement[] nodes)
    {
        var byId = nodes.ToDictionary(node => node.GetProperty("id").GetInt64());
        var paths = new Dictionary<long, string> { [nodes[0].GetProperty("id").GetInt64()] = "(root)" };
        var pending = new Queue<long>([nodes[0].GetProperty("id").GetInt64()]);
        while (pending.TryDequeue(out var id))
        {
            foreach (var child in Children(byId[id]))
            {
                var frame = byId[child].GetProperty("callFrame");
                paths.Add(child, $"{paths[id]}/{frame.GetProperty("functionName").GetString()}@{frame.GetProperty("url").GetString()}");
                pending.Enqueue(child);
            }
        }

        return paths;
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
