using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using V8Host;

namespace V8Host.Benchmarks.Snapshots;

/// <summary>
/// What a snapshot saves when a context starts the TypeScript compiler (typescript.js, 9 MB): the time
/// from <c>new Isolate</c> to the first <c>ts.transpile(...)</c> result of a small snippet (an interface,
/// a generic class and method, an arrow function). Every invocation starts its own isolate and context;
/// they are disposed after it, outside the measurement. Baseline: cold, typescript.js compiled from
/// source and run. "Compile-time cache" passes a code cache made by <see cref="Script.CreateCodeCache"/>
/// on a fresh compile (nothing ran, so it holds only what V8 compiles eagerly). The snapshot rows start
/// from <see cref="StartupData"/> created in <c>[GlobalSetup]</c> (what a build-time bake does), with
/// caches taken after typescript.js ran, and in the warm-up rows also after a transpile of another
/// snippet. One row loads the blob from bytes on every invocation, to show the one-time load cost
/// (SHA-256 check, decoding); an app loads its blob once.
/// </summary>
/// <remarks>
/// typescript.js is tests/npm/.cache/node_modules/typescript/lib/typescript.js (or the file
/// <c>V8HOST_TYPESCRIPT_JS</c> names). <c>[GlobalSetup]</c> checks that every variant returns the expected
/// JavaScript and that no code cache was rejected, so no row can measure a fallback to plain compilation.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 30, invocationCount: 1)]
public class TypeScriptStartupBenchmarks
{
    private const string Snippet = """
        interface Point { x: number; y: number }
        class Box<T> {
          constructor(private readonly value: T) {}
          map<U>(f: (value: T) => U): Box<U> { return new Box(f(this.value)); }
        }
        const norm = (p: Point): number => Math.hypot(p.x, p.y);
        const length = new Box<Point>({ x: 3, y: 4 }).map(norm);

        """;

    // What typescript 5.9.3 (Node) prints for Snippet with target ES2020.
    private const string Expected = """
        class Box {
            constructor(value) {
                this.value = value;
            }
            map(f) { return new Box(f(this.value)); }
        }
        const norm = (p) => Math.hypot(p.x, p.y);
        const length = new Box({ x: 3, y: 4 }).map(norm);

        """;

    // The warm-up transpiles something else: an enum, a type alias, a namespace, an async function.
    private const string WarmUpSnippet = """
        enum Color { Red, Green }
        type Pair<A, B> = [A, B];
        namespace Shapes { export const unit: Pair<number, number> = [1, 1]; }
        async function paint(c: Color): Promise<string> { return Color[c] + Shapes.unit.join(","); }

        """;

    private static readonly string s_transpile = Transpile(Snippet);

    private string _typeScript = null!;
    private byte[] _compileTimeCache = null!;
    private StartupData _afterExecution = null!;
    private StartupData _afterWarmUp = null!;
    private byte[] _afterWarmUpBytes = null!;
    private Context? _context;

    [GlobalSetup]
    public void Setup()
    {
        var path = FindTypeScript();
        _typeScript = File.ReadAllText(path);

        using (var context = new Isolate().CreateContext())
        using (var fresh = context.Compile(_typeScript, "typescript.js"))
            _compileTimeCache = fresh.CreateCodeCache();

        _afterExecution = CreateSnapshot(warmUp: null);
        _afterWarmUp = CreateSnapshot(warmUp: Transpile(WarmUpSnippet));
        _afterWarmUpBytes = _afterWarmUp.ToArray();

        Check("cold", Cold, fromSnapshot: false);
        Check("compile-time cache", CompileTimeCache, fromSnapshot: false);
        Check("snapshot (after execution)", SnapshotAfterExecution, fromSnapshot: true);
        Check("snapshot (after execution + warm-up)", SnapshotAfterWarmUp, fromSnapshot: true);
        Check("snapshot + warm-up, blob loaded from bytes", SnapshotFromBytes, fromSnapshot: true);

        Console.WriteLine($"// typescript.js: {path}, {Encoding.UTF8.GetByteCount(_typeScript):N0} bytes (UTF-8)");
        Console.WriteLine($"// compile-time code cache: {_compileTimeCache.Length:N0} bytes");
        Console.WriteLine($"// snapshot (after execution): blob {_afterExecution.Length:N0} bytes, code cache {CacheBytes(_afterExecution)} bytes");
        Console.WriteLine($"// snapshot (after execution + warm-up): blob {_afterWarmUp.Length:N0} bytes, code cache {CacheBytes(_afterWarmUp)} bytes");
    }

    [IterationCleanup]
    public void EndIteration()
    {
        _context?.Dispose();
        _context = null;
    }

    [GlobalCleanup]
    public void Cleanup() => EndIteration();

    [Benchmark(Baseline = true, Description = "cold: compile typescript.js from source, run, transpile")]
    public string Cold()
    {
        _context = new Isolate().CreateContext();
        using (var script = _context.Compile(_typeScript, "typescript.js"))
            script.Run();
        return _context.Eval<string>(s_transpile);
    }

    [Benchmark(Description = "compile-time cache (CreateCodeCache, nothing ran), run, transpile")]
    public string CompileTimeCache()
    {
        _context = new Isolate().CreateContext();
        using (var script = _context.Compile(_typeScript, "typescript.js", cachedData: _compileTimeCache))
        {
            if (script.CachedDataRejected)
                throw new InvalidOperationException("V8 rejected the compile-time code cache of typescript.js.");
            script.Run();
        }

        return _context.Eval<string>(s_transpile);
    }

    [Benchmark(Description = "snapshot (after execution), transpile")]
    public string SnapshotAfterExecution()
    {
        _context = new Isolate(_afterExecution).CreateContextFromSnapshot(0);
        return _context.Eval<string>(s_transpile);
    }

    [Benchmark(Description = "snapshot (after execution + warm-up), transpile")]
    public string SnapshotAfterWarmUp()
    {
        _context = new Isolate(_afterWarmUp).CreateContextFromSnapshot(0);
        return _context.Eval<string>(s_transpile);
    }

    [Benchmark(Description = "snapshot + warm-up, blob loaded from bytes each time, transpile")]
    public string SnapshotFromBytes()
    {
        _context = new Isolate(StartupData.FromBytes(_afterWarmUpBytes)).CreateContextFromSnapshot(0);
        return _context.Eval<string>(s_transpile);
    }

    private StartupData CreateSnapshot(string? warmUp)
    {
        using var creator = new SnapshotCreator();
        creator.Eval(_typeScript, "typescript.js");
        creator.AddContext(warmUp: warmUp, warmUpFilename: warmUp is null ? null : "warm-up.js");
        return creator.CreateBlob();
    }

    private void Check(string variant, Func<string> run, bool fromSnapshot)
    {
        try
        {
            var output = run();
            if (output.ReplaceLineEndings("\n") != Expected)
                throw new InvalidOperationException($"{variant}: ts.transpile returned unexpected output:\n{output}");
            var restore = _context!.SnapshotRestore;
            if (fromSnapshot && restore is not { ScriptCount: 1 })
                throw new InvalidOperationException($"{variant}: the context did not start from the snapshot's typescript.js ({restore?.ToString() ?? "no snapshot restore"}).");
            if (restore is { CacheRejected: true })
                throw new InvalidOperationException($"{variant}: the benchmark would measure a fallback to plain compilation: {restore}");
        }
        finally
        {
            EndIteration();
        }
    }

    private static string Transpile(string snippet) =>
        $"ts.transpile({JsonSerializer.Serialize(snippet)}, {{ target: ts.ScriptTarget.ES2020 }})";

    private static string FindTypeScript()
    {
        const string relative = "tests/npm/.cache/node_modules/typescript/lib/typescript.js";
        if (Environment.GetEnvironmentVariable("V8HOST_TYPESCRIPT_JS") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"V8HOST_TYPESCRIPT_JS names {configured}, which does not exist.", configured);
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException(
            $"typescript.js was not found: no {relative} above {AppContext.BaseDirectory}. Install it from the repository root with " +
            "`cd tests/npm && mkdir -p .cache && cp package.json package-lock.json .cache/ && cd .cache && npm ci --ignore-scripts --no-audit --no-fund`, " +
            "or set V8HOST_TYPESCRIPT_JS to the path of a typescript.js.");
    }

    /// <summary>The code-cache bytes in startup data (format 2, read as StartupData.Create writes it), or "?" for another format.</summary>
    private static string CacheBytes(StartupData data)
    {
        var bytes = data.ToArray();
        if (bytes.Length < 5 || bytes[4] != 2)
            return "?";
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        reader.BaseStream.Position = 5;
        reader.ReadString(); // V8Host version
        reader.ReadString(); // ClearScript version
        reader.ReadString(); // V8 cache tag
        long total = 0;
        for (int contexts = reader.ReadInt32(), c = 0; c < contexts; c++)
        {
            for (int scripts = reader.ReadInt32(), s = 0; s < scripts; s++)
            {
                reader.ReadString(); // name
                reader.ReadString(); // source
                var length = reader.ReadInt32();
                reader.BaseStream.Position += length;
                total += length;
            }
        }

        return total.ToString("N0");
    }
}
