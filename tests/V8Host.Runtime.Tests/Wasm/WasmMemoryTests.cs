using System.Text;
using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmMemoryTests
{
    /// <summary>A memory of 1..4 pages with "héllo" at 16; load(addr), store(addr, value), grow(pages) -> old, size() -> pages.</summary>
    private static byte[] MemoryModule(uint? maximum = 4)
    {
        var builder = new WasmModuleBuilder();
        builder.AddMemory(1, maximum, export: "memory");
        builder.AddData(16, Encoding.UTF8.GetBytes("héllo"));
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.I32Load()), export: "load");
        builder.AddFunction([I32, I32], [], Op.Code(Op.LocalGet(0), Op.LocalGet(1), Op.I32Store()), export: "store");
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.MemoryGrow), export: "grow");
        builder.AddFunction([], [I32], Op.MemorySize, export: "size");
        return builder.Build();
    }

    [Fact]
    public void Reads_what_wasm_wrote_and_wasm_reads_what_NET_wrote()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(MemoryModule());
        using var instance = context.InstantiateWasm(module);
        using var memory = instance.GetMemory();
        var load = instance.GetFunction<Func<int, int>>("load");
        var store = instance.GetFunction<Action<int, int>>("store");

        store(100, 0x04030201);
        var bytes = new byte[4];
        memory.Read(100, bytes);
        memory.Write(200, [0x78, 0x56, 0x34, 0x12]);

        Assert.Equal([1, 2, 3, 4], bytes);
        Assert.Equal(0x12345678, load(200));
        Assert.Equal("héllo", memory.ReadString(16, Encoding.UTF8.GetByteCount("héllo")));
        Assert.Equal(WasmMemory.PageSize, memory.Length);
        Assert.Equal(1, memory.Pages);
    }

    [Fact]
    public void Access_after_growth_from_NET_and_from_wasm_sees_the_new_memory()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(MemoryModule());
        using var instance = context.InstantiateWasm(module);
        using var memory = instance.GetMemory();
        var load = instance.GetFunction<Func<int, int>>("load");
        var grow = instance.GetFunction<Func<int, int>>("grow");
        memory.Write(8, [42, 0, 0, 0]);

        Assert.Equal(1, memory.Grow(1)); // detaches V8's old buffer
        memory.Write(WasmMemory.PageSize + 4, [7, 0, 0, 0]);
        Assert.Equal(7, load(WasmMemory.PageSize + 4));
        Assert.Equal(42, load(8)); // contents survive growth

        Assert.Equal(2, grow(1)); // growth inside wasm
        Assert.Equal(3, memory.Pages);
        memory.Write(2 * WasmMemory.PageSize + 8, [9, 0, 0, 0]);
        var back = new byte[1];
        memory.Read(2 * WasmMemory.PageSize + 8, back);
        Assert.Equal(9, back[0]);
        Assert.Equal(9, load(2 * WasmMemory.PageSize + 8));
    }

    [Fact]
    public void Out_of_range_access_is_refused_without_touching_memory()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(MemoryModule());
        using var instance = context.InstantiateWasm(module);
        using var memory = instance.GetMemory();

        var past = Assert.Throws<ArgumentOutOfRangeException>(() => memory.Write(WasmMemory.PageSize - 2, [1, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read(WasmMemory.PageSize + 1, new byte[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read(-1, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.ReadString(long.MaxValue, 1));
        Assert.Contains("outside memory 'memory'", past.Message);
        memory.Read(WasmMemory.PageSize, Span<byte>.Empty); // the very end is fine for nothing
        var tail = new byte[2];
        memory.Read(WasmMemory.PageSize - 2, tail);
        Assert.Equal([0, 0], tail);
    }

    [Fact]
    public void Growth_past_the_modules_maximum_fails_inside_wasm_and_from_NET()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(MemoryModule(maximum: 2));
        using var instance = context.InstantiateWasm(module);
        using var memory = instance.GetMemory();
        var grow = instance.GetFunction<Func<int, int>>("grow");

        Assert.Equal(-1, grow(2));
        var error = Assert.Throws<JavaScriptException>(() => memory.Grow(2));
        Assert.Equal("RangeError", error.ErrorName);
        Assert.Equal(1, memory.Grow(1));
        Assert.Equal(2, memory.Pages);
    }

    [Fact]
    public void A_host_memory_can_be_imported_and_shared_with_the_module()
    {
        var builder = new WasmModuleBuilder();
        builder.ImportMemory("env", "memory", 1, 8);
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.I32Load()), export: "load");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        using var memory = context.CreateWasmMemory(1, 8);

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "memory", memory));
        memory.Write(4, [5, 0, 0, 0]);

        Assert.Equal(5, instance.GetFunction<Func<int, int>>("load")(4));
        using var other = new Isolate().CreateContext();
        using var foreign = other.CreateWasmMemory(1, 8);
        Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", "memory", foreign)));
    }

    [Fact]
    public void GetMemory_of_a_missing_export_names_what_there_is()
    {
        var builder = new WasmModuleBuilder();
        builder.AddMemory(1, export: "heap");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        using var instance = context.InstantiateWasm(module);

        var error = Assert.Throws<ArgumentException>(() => instance.GetMemory());

        Assert.Contains("nothing named 'memory'", error.Message);
        Assert.Contains("'heap'", error.Message);
        Assert.Equal(1, instance.GetMemory("heap").Pages);
    }
}
