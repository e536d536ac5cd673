using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmCompileTests
{
    internal static byte[] AddModule()
    {
        var builder = new WasmModuleBuilder();
        builder.AddFunction([I32, I32], [I32], Op.Code(Op.LocalGet(0), Op.LocalGet(1), [Op.I32Add]), export: "add");
        return builder.Build();
    }

    [Fact]
    public void ValidateWasm_tells_valid_from_invalid_bytes()
    {
        using var context = new Isolate().CreateContext();

        Assert.True(context.ValidateWasm(AddModule()));
        Assert.False(context.ValidateWasm([1, 2, 3, 4]));
        Assert.False(context.ValidateWasm([]));
    }

    [Fact]
    public void Bad_magic_gives_WasmCompileException_with_the_reason_and_offset_0()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<WasmCompileException>(() => context.CompileWasm([1, 2, 3, 4, 1, 0, 0, 0]));

        Assert.Equal(0, error.Offset);
        Assert.Contains("magic", error.EngineMessage);
        Assert.StartsWith("Invalid WebAssembly module at byte 0: ", error.Message);
        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void An_error_deep_in_the_module_reports_its_offset_in_the_callers_bytes()
    {
        // A module with a memory (which the limits rewrite) followed by a truncated code section: the
        // offset must be the one in these bytes, not in the rewritten copy.
        using var context = new Isolate(new IsolateOptions { MaxWasmMemoryBytes = 1 << 20 }).CreateContext();
        var builder = new WasmModuleBuilder();
        builder.AddMemory(1);
        builder.AddFunction([], [I32], Op.I32Const(1), export: "one");
        var bytes = builder.Build();
        // Corrupt the last instruction's opcode (the byte before the final end) to an unknown one.
        bytes[^3] = 0xff;

        var error = Assert.Throws<WasmCompileException>(() => context.CompileWasm(bytes));

        Assert.Equal(bytes.Length - 3, error.Offset);
        Assert.Contains($"@+{bytes.Length - 3}", error.EngineMessage);
    }

    [Fact]
    public void Compiles_and_lists_exports_with_signatures()
    {
        using var context = new Isolate().CreateContext();

        using var module = context.CompileWasm(AddModule());

        var export = Assert.Single(module.Exports);
        Assert.Equal("add", export.Name);
        Assert.Equal(WasmExternKind.Function, export.Kind);
        Assert.Equal("(i32, i32) -> i32", export.Signature);
        Assert.Empty(module.Imports);
        Assert.True(module.IsAlive);
        module.Dispose();
        Assert.False(module.IsAlive);
    }

    [Fact]
    public void Imports_and_exports_of_every_kind_carry_their_types()
    {
        var builder = new WasmModuleBuilder();
        builder.ImportFunction("env", "log", [I32, I64, F32, F64], []);
        builder.ImportFunction("env", "pair", [], [I32, I64]);
        builder.ImportMemory("env", "memory", 1, 4);
        builder.ImportGlobal("env", "base", I32, mutable: false);
        builder.ImportGlobal("env", "counter", I64, mutable: true);
        builder.ImportTable("env", "table", 2);
        builder.AddFunction([], [], [], export: "noop");
        builder.AddFunction([V128], [ExternRef], Op.Code([Op.Unreachable]), export: "exotic");
        builder.AddMemory(2, export: "own");
        builder.AddGlobal(F64, mutable: true, Op.F64Const(1.5), export: "ratio");
        builder.AddGlobal(I32, mutable: false, Op.GlobalGet(0), export: "copy");
        builder.AddTable(3, export: "functions");
        builder.Export("shared", 2, 0); // re-export the imported memory
        using var context = new Isolate().CreateContext();

        using var module = context.CompileWasm(builder.Build());

        Assert.Equal(
            [
                "env.log: function (i32, i64, f32, f64) -> ()",
                "env.pair: function () -> (i32, i64)",
                "env.memory: memory pages 1..4",
                "env.base: global i32",
                "env.counter: global mut i64",
                "env.table: table funcref 2..",
            ],
            module.Imports.Select(i => i.ToString()));
        Assert.Equal(
            [
                "noop: function () -> ()",
                "exotic: function (v128) -> externref",
                "own: memory pages 2..",
                "ratio: global mut f64",
                "copy: global i32",
                "functions: table funcref 3..",
                "shared: memory pages 1..4",
            ],
            module.Exports.Select(e => e.ToString()));
        Assert.Equal("env", module.Imports[0].Module);
        Assert.Equal(WasmExternKind.Table, module.Imports[5].Kind);
    }

    [Fact]
    public void Hostile_bytes_never_crash_the_reader()
    {
        // Every truncation and many single-byte corruptions of a module with every section: the
        // compile either succeeds or throws WasmCompileException, never anything else.
        var builder = new WasmModuleBuilder();
        builder.ImportFunction("env", "f", [I32], [I32]);
        builder.ImportGlobal("env", "g", I32, mutable: false);
        builder.AddMemory(1, 2, export: "memory");
        builder.AddGlobal(I64, mutable: true, Op.I64Const(-5), export: "g64");
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.Call(0)), export: "call");
        builder.AddData(0, [1, 2, 3]);
        var bytes = builder.Build();
        using var context = new Isolate().CreateContext();
        var random = new Random(15);

        var refused = 0;
        void TryCompile(ReadOnlySpan<byte> candidate)
        {
            try
            {
                using var module = context.CompileWasm(candidate);
                _ = module.Imports.Count + module.Exports.Count;
            }
            catch (WasmCompileException)
            {
                refused++;
            }
        }

        // A cut at a section boundary can still be a valid module; any other cut is not.
        for (var length = 0; length < bytes.Length; length++)
            TryCompile(bytes.AsSpan(0, length));
        Assert.True(refused >= bytes.Length - 8, $"only {refused} of {bytes.Length} truncations were refused");
        for (var i = 0; i < 400; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
            TryCompile(copy);
        }
    }

    [Fact]
    public void The_reader_refuses_hostile_bytes_cleanly_on_its_own()
    {
        // The C# reader runs only on modules V8 accepted; here it is fed garbage directly.
        var bytes = AddModule();
        var random = new Random(1515);
        for (var i = 0; i < 2000; i++)
        {
            var copy = (byte[])bytes.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            var length = random.Next(copy.Length + 1);
            try
            {
                V8Host.Engine.WasmBinary.Read(copy.AsSpan(0, length));
            }
            catch (V8Host.Engine.WasmFormatException)
            {
            }
        }

        // Huge counts and sizes that point past the end.
        byte[] header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
        Assert.Throws<V8Host.Engine.WasmFormatException>(() => V8Host.Engine.WasmBinary.Read([.. header, 1, 0xff, 0xff, 0xff, 0xff, 0x0f]));
        Assert.Throws<V8Host.Engine.WasmFormatException>(() => V8Host.Engine.WasmBinary.Read([.. header, 1, 5, 0xff, 0xff, 0xff, 0xff, 0x0f]));
        Assert.Throws<V8Host.Engine.WasmFormatException>(() => V8Host.Engine.WasmBinary.Read([.. header, 2, 3, 1, 0xff, 0x7f]));
    }

    [Fact]
    public void A_module_whose_initial_memory_exceeds_MaxWasmMemoryBytes_does_not_compile()
    {
        using var context = new Isolate(new IsolateOptions { MaxWasmMemoryBytes = 4 * WasmMemory.PageSize }).CreateContext();
        var builder = new WasmModuleBuilder();
        builder.AddMemory(5, export: "memory");

        var error = Assert.Throws<ScriptResourceException>(() => context.CompileWasm(builder.Build()));

        Assert.Contains("MaxWasmMemoryBytes", error.Message);
        Assert.Equal(3, context.Eval<int>("1 + 2"));
    }
}
