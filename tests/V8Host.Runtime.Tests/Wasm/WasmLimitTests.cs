using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmLimitTests
{
    private static readonly IsolateOptions TwoPages = new() { MaxWasmMemoryBytes = 2 * WasmMemory.PageSize };

    /// <summary>A memory of 1 page with no declared maximum; grow (i32) -> i32.</summary>
    private static byte[] GrowableModule()
    {
        var builder = new WasmModuleBuilder();
        builder.AddMemory(1, export: "memory");
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.MemoryGrow), export: "grow");
        return builder.Build();
    }

    [Fact]
    public void Memory_grow_inside_wasm_returns_minus_one_past_MaxWasmMemoryBytes()
    {
        using var context = new Isolate(TwoPages).CreateContext();
        using var module = context.CompileWasm(GrowableModule());
        using var instance = context.InstantiateWasm(module);
        var grow = instance.GetFunction<Func<int, int>>("grow");

        Assert.Equal(1, grow(1));
        Assert.Equal(-1, grow(1));
        Assert.Equal(-1, grow(1000));
        Assert.Equal(2, instance.GetMemory().Pages);
    }

    [Fact]
    public void Without_the_limit_the_same_module_grows_further()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(GrowableModule());
        using var instance = context.InstantiateWasm(module);

        Assert.Equal(1, instance.GetFunction<Func<int, int>>("grow")(2));
        Assert.Equal(3, instance.GetMemory().Pages);
    }

    [Fact]
    public void WasmMemory_Grow_past_the_limit_throws_and_leaves_the_memory_as_it_was()
    {
        using var context = new Isolate(TwoPages).CreateContext();
        using var module = context.CompileWasm(GrowableModule());
        using var instance = context.InstantiateWasm(module);
        using var memory = instance.GetMemory();

        var error = Assert.Throws<ScriptResourceException>(() => memory.Grow(2));

        Assert.Contains("MaxWasmMemoryBytes", error.Message);
        Assert.Equal(1, memory.Pages);
        Assert.Equal(1, memory.Grow(1));
        Assert.Equal(3, context.Eval<int>("1 + 2"));
    }

    [Fact]
    public void Memories_created_by_scripts_are_bounded_too()
    {
        using var context = new Isolate(TwoPages).CreateContext();

        var tooBig = Assert.Throws<JavaScriptException>(() => context.Eval("new WebAssembly.Memory({ initial: 3 })"));
        var grown = Assert.Throws<JavaScriptException>(() => context.Eval("const m = new WebAssembly.Memory({ initial: 1, maximum: 100 }); m.grow(1); m.grow(1)"));

        Assert.Equal("RangeError", tooBig.ErrorName);
        Assert.Contains("MaxWasmMemoryBytes", tooBig.JsMessage);
        Assert.Equal("RangeError", grown.ErrorName);
        Assert.Contains("MaxWasmMemoryBytes", grown.JsMessage);
        Assert.Equal(2, context.Eval<int>("m.buffer.byteLength / 65536"));
        Assert.Throws<JavaScriptException>(() => context.CreateWasmMemory(3));
    }

    [Fact]
    public void Modules_compiled_by_scripts_are_bounded_too()
    {
        using var context = new Isolate(TwoPages).CreateContext();
        context.SetGlobal("bytes", GrowableModule());

        Assert.Equal("1,-1", context.Eval<string>("const i = new WebAssembly.Instance(new WebAssembly.Module(bytes)); [i.exports.grow(1), i.exports.grow(1)].join()"));
    }

    [Fact]
    public void A_negative_limit_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Isolate(new IsolateOptions { MaxWasmMemoryBytes = -1 }));
    }
}
