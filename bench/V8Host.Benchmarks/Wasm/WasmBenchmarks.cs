using BenchmarkDotNet.Attributes;
using V8Host;

namespace V8Host.Benchmarks.Wasm;

/// <summary>
/// One .wasm file (tests/WasmModules/kernels.c) in V8Host and in Wasmtime's .NET package, the
/// standalone runtime a .NET user would otherwise pick: a call from .NET into wasm, a call from wasm
/// into a .NET import, and a compute kernel over 1 MiB of the module's memory. Each row checks its result.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
public class WasmBenchmarks
{
    private const int ImportCalls = 1000;
    private const int HashedBytes = 1 << 20;

    private static readonly byte[] s_kernels = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Wasm", "kernels.wasm"));

    private readonly byte[] _data = Enumerable.Range(0, HashedBytes).Select(i => (byte)(i * 31 + 7)).ToArray();
    private uint _expectedHash;

    private Context _context = null!;
    private WasmInstance _v8Instance = null!;
    private Func<int, int, int> _v8Add = null!;
    private Func<int, int> _v8CallImport = null!;
    private Func<int, int, int> _v8Hash = null!;
    private int _v8Buffer;

    private Wasmtime.Engine _wasmtime = null!;
    private Wasmtime.Module _wtModule = null!;
    private Wasmtime.Linker _wtLinker = null!;
    private Wasmtime.Store _wtStore = null!;
    private Func<int, int, int> _wtAdd = null!;
    private Func<int, int> _wtCallImport = null!;
    private Func<int, int, int> _wtHash = null!;
    private int _wtBuffer;

    [GlobalSetup]
    public void Setup()
    {
        _expectedHash = Fnv1a(_data);

        _context = new Isolate().CreateContext();
        using (var module = _context.CompileWasm(s_kernels))
            _v8Instance = _context.InstantiateWasm(module, new WasmImports().Add("env", "inc", new Func<int, int>(value => value + 1)));
        _v8Add = _v8Instance.GetFunction<Func<int, int, int>>("add");
        _v8CallImport = _v8Instance.GetFunction<Func<int, int>>("call_import");
        _v8Hash = _v8Instance.GetFunction<Func<int, int, int>>("hash");
        _v8Buffer = _v8Instance.GetFunction<Func<int>>("buffer")();
        using (var memory = _v8Instance.GetMemory())
            memory.Write(_v8Buffer, _data);

        _wasmtime = new Wasmtime.Engine();
        _wtModule = Wasmtime.Module.FromBytes(_wasmtime, "kernels", s_kernels);
        _wtLinker = new Wasmtime.Linker(_wasmtime);
        _wtStore = new Wasmtime.Store(_wasmtime);
        _wtLinker.Define("env", "inc", Wasmtime.Function.FromCallback(_wtStore, (int value) => value + 1));
        var instance = _wtLinker.Instantiate(_wtStore, _wtModule);
        _wtAdd = instance.GetFunction<int, int, int>("add")!;
        _wtCallImport = instance.GetFunction<int, int>("call_import")!;
        _wtHash = instance.GetFunction<int, int, int>("hash")!;
        _wtBuffer = instance.GetFunction<int>("buffer")!();
        _data.CopyTo(instance.GetMemory("memory")!.GetSpan(_wtBuffer, HashedBytes));

        Check(V8HostAdd() == 5 && WasmtimeAdd() == 5, "add");
        Check(V8HostImportCall() == ImportCalls && WasmtimeImportCall() == ImportCalls, "call_import");
        Check(V8HostHash() == _expectedHash && WasmtimeHash() == _expectedHash, "hash");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _v8Instance.Dispose();
        _context.Dispose();
        _wtStore.Dispose();
        _wtLinker.Dispose();
        _wtModule.Dispose();
        _wasmtime.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Wasmtime: add(2, 3) from .NET")]
    [BenchmarkCategory("add")]
    public int WasmtimeAdd() => _wtAdd(2, 3);

    [Benchmark(Description = "V8Host: add(2, 3) from .NET (GetFunction<Func<int,int,int>>)")]
    [BenchmarkCategory("add")]
    public int V8HostAdd() => _v8Add(2, 3);

    [Benchmark(Baseline = true, OperationsPerInvoke = ImportCalls, Description = "Wasmtime: wasm calls a .NET import (per call)")]
    [BenchmarkCategory("import")]
    public int WasmtimeImportCall() => _wtCallImport(ImportCalls);

    [Benchmark(OperationsPerInvoke = ImportCalls, Description = "V8Host: wasm calls a .NET import (per call)")]
    [BenchmarkCategory("import")]
    public int V8HostImportCall() => _v8CallImport(ImportCalls);

    [Benchmark(Baseline = true, Description = "Wasmtime: FNV-1a over 1 MiB in wasm")]
    [BenchmarkCategory("hash")]
    public uint WasmtimeHash() => (uint)_wtHash(_wtBuffer, HashedBytes);

    [Benchmark(Description = "V8Host: FNV-1a over 1 MiB in wasm")]
    [BenchmarkCategory("hash")]
    public uint V8HostHash() => (uint)_v8Hash(_v8Buffer, HashedBytes);

    private static uint Fnv1a(byte[] data)
    {
        var hash = 2166136261u;
        foreach (var value in data)
            hash = (hash ^ value) * 16777619u;
        return hash;
    }

    private static void Check(bool ok, string what)
    {
        if (!ok)
            throw new InvalidOperationException($"WasmBenchmarks: the {what} rows disagree with the expected result.");
    }
}
