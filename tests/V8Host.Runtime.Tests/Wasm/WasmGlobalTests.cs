using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmGlobalTests
{
    private static byte[] GlobalsModule()
    {
        var builder = new WasmModuleBuilder();
        var counter = builder.AddGlobal(I32, mutable: true, Op.I32Const(41), export: "counter");
        builder.AddGlobal(I64, mutable: true, Op.I64Const(long.MinValue), export: "big");
        builder.AddGlobal(F32, mutable: false, Op.F32Const(1.25f), export: "quarter");
        builder.AddGlobal(F64, mutable: true, Op.F64Const(2.5), export: "ratio");
        builder.AddGlobal(I32, mutable: false, Op.I32Const(7), export: "seven");
        builder.AddFunction([], [I32], Op.Code(Op.GlobalGet((uint)counter), Op.I32Const(1), [Op.I32Add], Op.GlobalSet((uint)counter), Op.GlobalGet((uint)counter)), export: "increment");
        return builder.Build();
    }

    [Fact]
    public void Globals_read_and_write_as_their_NET_types()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(GlobalsModule());
        using var instance = context.InstantiateWasm(module);
        using var counter = instance.GetGlobal("counter");
        using var big = instance.GetGlobal("big");
        using var quarter = instance.GetGlobal("quarter");
        using var ratio = instance.GetGlobal("ratio");

        Assert.Equal(41, counter.Value);
        Assert.Equal(long.MinValue, big.Value);
        Assert.Equal(1.25f, quarter.Value);
        Assert.Equal(2.5, ratio.Value);
        Assert.True(counter.IsMutable);
        Assert.False(quarter.IsMutable);
        Assert.Equal("i64", big.ValueType);

        Assert.Equal(42, instance.GetFunction<Func<int>>("increment")());
        Assert.Equal(42, counter.Value); // wasm's write, seen from .NET
        counter.Value = 99;
        Assert.Equal(100, instance.GetFunction<Func<int>>("increment")()); // .NET's write, seen from wasm
        big.Value = long.MaxValue;
        Assert.Equal(long.MaxValue, big.Value);
        big.Value = 5; // an int into i64
        Assert.Equal(5L, big.Value);
        ratio.Value = 0.125f;
        Assert.Equal(0.125, ratio.Value);
    }

    [Fact]
    public void Setting_an_immutable_global_or_a_wrong_value_is_a_clear_error()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(GlobalsModule());
        using var instance = context.InstantiateWasm(module);
        using var seven = instance.GetGlobal("seven");
        using var counter = instance.GetGlobal("counter");

        var immutable = Assert.Throws<InvalidOperationException>(() => seven.Value = 8);
        var wrongType = Assert.Throws<ArgumentException>(() => counter.Value = "eight");
        var outOfRange = Assert.Throws<ArgumentException>(() => counter.Value = 1L << 40);
        Assert.Throws<ArgumentNullException>(() => counter.Value = null);

        Assert.Contains("global 'seven' is immutable", immutable.Message);
        Assert.Contains("global 'counter' is i32", wrongType.Message);
        Assert.Contains("out of range", outOfRange.Message);
        Assert.Equal(7, seven.Value);
        Assert.Equal(41, counter.Value);
    }

    [Fact]
    public void A_global_of_a_reference_type_is_not_supported_by_name()
    {
        var builder = new WasmModuleBuilder();
        builder.AddGlobal(ExternRef, mutable: true, [0xd0, ExternRef], export: "handle");
        builder.AddFunction([], [], [], export: "f");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        using var instance = context.InstantiateWasm(module);

        var error = Assert.Throws<NotSupportedException>(() => instance.GetGlobal("handle"));

        Assert.Contains("export 'handle'", error.Message);
        Assert.Contains("externref", error.Message);
        Assert.Throws<ArgumentException>(() => instance.GetGlobal("f"));
    }

    [Fact]
    public void An_exported_global_can_be_imported_by_another_instance_with_a_matching_type()
    {
        var exporter = new WasmModuleBuilder();
        exporter.AddGlobal(I32, mutable: false, Op.I32Const(12), export: "base");
        var importer = new WasmModuleBuilder();
        var imported = importer.ImportGlobal("env", "base", I32, mutable: false);
        importer.AddFunction([], [I32], Op.GlobalGet((uint)imported), export: "read");
        var wrong = new WasmModuleBuilder();
        wrong.ImportGlobal("env", "base", I64, mutable: false);
        using var context = new Isolate().CreateContext();
        using var source = context.CompileWasm(exporter.Build());
        using var sink = context.CompileWasm(importer.Build());
        using var mismatched = context.CompileWasm(wrong.Build());
        using var first = context.InstantiateWasm(source);
        using var global = first.GetGlobal("base");

        using var second = context.InstantiateWasm(sink, new WasmImports().Add("env", "base", global));

        Assert.Equal(12, second.GetFunction<Func<int>>("read")());
        var error = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(mismatched, new WasmImports().Add("env", "base", global)));
        Assert.Contains("import env.base expects a global i64; the WasmGlobal given is i32", error.Message);
    }
}
