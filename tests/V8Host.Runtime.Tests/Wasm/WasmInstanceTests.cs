using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmInstanceTests
{
    /// <summary>add (i32, i32) -> i32, mul64 (i64, i64) -> i64, scale (f32, f64) -> f64, neg32 (f32) -> f32.</summary>
    private static byte[] ArithmeticModule()
    {
        var builder = new WasmModuleBuilder();
        builder.AddFunction([I32, I32], [I32], Op.Code(Op.LocalGet(0), Op.LocalGet(1), [Op.I32Add]), export: "add");
        builder.AddFunction([I64, I64], [I64], Op.Code(Op.LocalGet(0), Op.LocalGet(1), [Op.I64Mul]), export: "mul64");
        // f32 promoted to f64 (0xbb), times the f64.
        builder.AddFunction([F32, F64], [F64], Op.Code(Op.LocalGet(0), [0xbb], Op.LocalGet(1), [Op.F64Mul]), export: "scale");
        builder.AddFunction([F32], [F32], Op.Code(Op.LocalGet(0), Op.LocalGet(0), [Op.F32Add]), export: "twice32");
        builder.AddFunction([V128], [], [], export: "vector");
        return builder.Build();
    }

    [Fact]
    public void GetFunction_returns_a_typed_delegate_for_each_numeric_type()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ArithmeticModule());
        using var instance = context.InstantiateWasm(module);

        var add = instance.GetFunction<Func<int, int, int>>("add");
        var mul64 = instance.GetFunction<Func<long, long, long>>("mul64");
        var scale = instance.GetFunction<Func<float, double, double>>("scale");
        var twice32 = instance.GetFunction<Func<float, float>>("twice32");

        Assert.Equal(5, add(2, 3));
        Assert.Equal(int.MinValue, add(int.MaxValue, 1)); // i32 wraps
        Assert.Equal(3L << 40, mul64(1L << 40, 3));
        Assert.Equal(long.MinValue, mul64(long.MinValue / 2, 2));
        Assert.Equal(-6L, mul64(-2, 3));
        Assert.Equal(3.75, scale(1.5f, 2.5));
        Assert.Equal(5.5f, twice32(2.75f));
    }

    [Fact]
    public void Exports_is_the_instance_exports_object()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ArithmeticModule());
        using var instance = context.InstantiateWasm(module);

        var add = Assert.IsType<JsFunction>(instance.Exports["add"]);

        Assert.Equal(9, add.Invoke(4, 5));
        Assert.Equal(["add", "mul64", "scale", "twice32", "vector"], instance.Exports.Keys);
    }

    [Fact]
    public void GetFunction_with_a_mismatched_delegate_names_both_signatures()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ArithmeticModule());
        using var instance = context.InstantiateWasm(module);

        var wrongTypes = Assert.Throws<InvalidCastException>(() => instance.GetFunction<Func<long, long, long>>("add"));
        var wrongCount = Assert.Throws<InvalidCastException>(() => instance.GetFunction<Func<int, int>>("add"));
        var wrongResult = Assert.Throws<InvalidCastException>(() => instance.GetFunction<Action<int, int>>("add"));

        Assert.Equal("WasmInstance.GetFunction: export 'add' is (i32, i32) -> i32, but Func<Int64, Int64, Int64> is (i64, i64) -> i64.", wrongTypes.Message);
        Assert.Contains("(i32) -> i32", wrongCount.Message);
        Assert.Contains("(i32, i32) -> ()", wrongResult.Message);
    }

    [Fact]
    public void GetFunction_of_a_missing_or_non_function_export_or_a_v128_signature_is_a_clear_error()
    {
        var builder = new WasmModuleBuilder();
        builder.AddFunction([], [], [], export: "run");
        builder.AddMemory(1, export: "memory");
        builder.AddFunction([V128], [], [], export: "vector");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        using var instance = context.InstantiateWasm(module);

        var missing = Assert.Throws<ArgumentException>(() => instance.GetFunction<Action>("walk"));
        var memory = Assert.Throws<ArgumentException>(() => instance.GetFunction<Action>("memory"));
        var vector = Assert.Throws<NotSupportedException>(() => instance.GetFunction<Action<int>>("vector"));

        Assert.Contains("nothing named 'walk'", missing.Message);
        Assert.Contains("'run'", missing.Message);
        Assert.Contains("export 'memory' is a memory, not a function", memory.Message);
        Assert.Contains("export 'vector'", vector.Message);
        Assert.Contains("v128", vector.Message);
    }

    [Fact]
    public void Delegates_and_handles_used_after_the_context_is_disposed_throw_ObjectDisposedException()
    {
        var context = new Isolate().CreateContext();
        var module = context.CompileWasm(ArithmeticModule());
        var instance = context.InstantiateWasm(module);
        var add = instance.GetFunction<Func<int, int, int>>("add");
        Assert.Equal(3, add(1, 2));

        context.Dispose();

        Assert.Throws<ObjectDisposedException>(() => add(1, 2));
        Assert.Throws<ObjectDisposedException>(() => instance.GetFunction<Func<int, int, int>>("add"));
        Assert.Throws<ObjectDisposedException>(() => context.InstantiateWasm(module));
        Assert.False(module.IsAlive);
        Assert.False(instance.IsAlive);
        module.Dispose();
        instance.Dispose();
    }

    /// <summary>Imports env.twice (i32) -> i32 and exports quad (i32) -> i32 = twice(twice(x)).</summary>
    private static byte[] ImportingModule(out int twiceIndex)
    {
        var builder = new WasmModuleBuilder();
        twiceIndex = builder.ImportFunction("env", "twice", [I32], [I32]);
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.Call(twiceIndex), Op.Call(twiceIndex)), export: "quad");
        return builder.Build();
    }

    [Fact]
    public void A_typed_delegate_import_is_called_by_wasm()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        var calls = new List<int>();

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "twice", (int x) =>
        {
            calls.Add(x);
            return x * 2;
        }));

        Assert.Equal(28, instance.GetFunction<Func<int, int>>("quad")(7));
        Assert.Equal([7, 14], calls);
    }

    [Fact]
    public void A_generated_profile_function_is_checked_by_its_parameter_count()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        // What generated profiles add: a binding with a name, a length and an invoker, but no delegate.
        var generated = new TestProfile(new V8Host.Binding.HostFunctionBinding("twice", 1, (in V8Host.Binding.HostArgs args, in V8Host.Binding.HostResult result) => result.Set(args.GetInt32(0, "twice", "x") * 2)));
        var wrongCount = new TestProfile(new V8Host.Binding.HostFunctionBinding("twice", 2, (in V8Host.Binding.HostArgs args, in V8Host.Binding.HostResult result) => result.Set(0)));

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", generated));

        Assert.Equal(12, instance.GetFunction<Func<int, int>>("quad")(3));
        var error = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", wrongCount)));
        Assert.Contains("the profile's function 'twice' takes 2", error.Message);
    }

    private sealed class TestProfile : HostProfile
    {
        public TestProfile(V8Host.Binding.HostFunctionBinding binding) => AddBinding(binding);
    }

    [Fact]
    public void A_mismatched_import_delegate_names_the_import_and_both_signatures()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));

        var error = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", "twice", (long x) => x * 2)));

        Assert.StartsWith("Context.InstantiateWasm: import env.twice is (i32) -> i32, but the delegate given for it is (i64) -> i64.", error.Message);
    }

    [Fact]
    public void A_missing_import_or_one_of_the_wrong_kind_is_named()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        using var memory = context.CreateWasmMemory(1);

        var missing = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module));
        var wrongKind = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", "twice", memory)));

        Assert.Contains("the module imports env.twice (function (i32) -> i32), and the WasmImports provide nothing for it", missing.Message);
        Assert.Contains("import env.twice expects a function (i32) -> i32; the WasmImports provide a memory", wrongKind.Message);
    }

    [Fact]
    public void I64_imports_receive_and_return_longs_across_the_whole_range()
    {
        var builder = new WasmModuleBuilder();
        var next = builder.ImportFunction("env", "next", [I64], [I64]);
        builder.AddFunction([I64], [I64], Op.Code(Op.LocalGet(0), Op.Call(next)), export: "run");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "next", (long x) => x + 1));
        var run = instance.GetFunction<Func<long, long>>("run");

        Assert.Equal(1, run(0)); // a small result is a JS number on the way back: converted to BigInt
        Assert.Equal(long.MaxValue, run(long.MaxValue - 1));
        Assert.Equal(long.MinValue + 1, run(long.MinValue));
    }

    [Fact]
    public void Float_imports_receive_and_return_floats_and_doubles()
    {
        var builder = new WasmModuleBuilder();
        var mix = builder.ImportFunction("env", "mix", [F32, F64, I32, I64], [F64]);
        builder.AddFunction([], [F64], Op.Code(Op.F32Const(0.5f), Op.F64Const(0.25), Op.I32Const(-3), Op.I64Const(1L << 60), Op.Call(mix)), export: "run");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        var seen = new List<object>();

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "mix", (float a, double b, int c, long d) =>
        {
            seen.AddRange([a, b, c, d]);
            return a + b;
        }));

        Assert.Equal(0.75, instance.GetFunction<Func<double>>("run")());
        Assert.Equal([0.5f, 0.25, -3, 1L << 60], seen);
    }

    [Fact]
    public void An_exception_thrown_by_a_host_import_surfaces_cleanly_through_wasm()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        var failure = new InvalidOperationException("the host said no");
        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "twice", new Func<int, int>(_ => throw failure)));
        var quad = instance.GetFunction<Func<int, int>>("quad");

        var error = Assert.Throws<JavaScriptException>(() => quad(1));

        Assert.Same(failure, error.InnerException);
        Assert.Contains("the host said no", error.JsMessage);
        Assert.True(error.Frames.Any(frame => frame.IsWasm), error.Stack + "\n" + string.Join("\n", error.Frames));
        Assert.Equal(28, context.InstantiateWasm(module, new WasmImports().Add("env", "twice", (int x) => x * 2)).GetFunction<Func<int, int>>("quad")(7));
    }

    [Fact]
    public void An_import_may_reenter_wasm()
    {
        // env.twice calls back into the instance's own export (add) before returning.
        var builder = new WasmModuleBuilder();
        var twice = builder.ImportFunction("env", "twice", [I32], [I32]);
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.Call(twice)), export: "run");
        builder.AddFunction([I32, I32], [I32], Op.Code(Op.LocalGet(0), Op.LocalGet(1), [Op.I32Add]), export: "add");
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());
        Func<int, int, int>? add = null;

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "twice", (int x) => add!(x, x)));
        add = instance.GetFunction<Func<int, int, int>>("add");

        Assert.Equal(42, instance.GetFunction<Func<int, int>>("run")(21));
    }

    [Fact]
    public void A_profiles_functions_become_a_modules_imports()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        var profile = new HostProfile().AddFunction("twice", (int x) => x * 2).AddFunction("unused", () => 0);

        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", profile));

        Assert.Equal(20, instance.GetFunction<Func<int, int>>("quad")(5));
        var wrongTypes = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", new HostProfile().AddFunction("twice", (int x, int y) => x * y))));
        Assert.Contains("import env.twice is (i32) -> i32, but the profile's function 'twice' is (i32, i32) -> i32", wrongTypes.Message);
        var withContext = new HostProfile().AddFunction("twice", (Context caller, int x, CancellationToken _) => caller.Eval<int>("2") * x);
        Assert.Equal(8, context.InstantiateWasm(module, new WasmImports().Add("env", withContext)).GetFunction<Func<int, int>>("quad")(2));
        var missing = Assert.Throws<ArgumentException>(() => context.InstantiateWasm(module, new WasmImports().Add("env", new HostProfile())));
        Assert.Contains("has no function 'twice'", missing.Message);
    }

    [Fact]
    public async Task InstantiateWasmAsync_gives_a_working_instance()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));

        using var instance = await context.InstantiateWasmAsync(module, new WasmImports().Add("env", "twice", (int x) => x * 2));

        Assert.Equal(12, instance.GetFunction<Func<int, int>>("quad")(3));
        await Assert.ThrowsAsync<ArgumentException>(() => context.InstantiateWasmAsync(module));
    }

    [Fact]
    public async Task InstantiateWasmAsync_ignores_a_script_that_replaced_promises_and_WebAssembly_instantiate()
    {
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(ImportingModule(out _));
        context.Eval("""
            globalThis.hits = 0;
            WebAssembly.instantiate = () => { hits++; return Promise.reject(new Error('fake')); };
            class Fake extends Promise { constructor(run) { hits++; super(run); } }
            Promise.prototype.constructor = Fake;
            Object.defineProperty(Promise.prototype, 'then', { value() { hits++; throw new Error('fake then'); } });
            """);

        using var instance = await context.InstantiateWasmAsync(module, new WasmImports().Add("env", "twice", (int x) => x * 2));

        Assert.Equal(4, instance.GetFunction<Func<int, int>>("quad")(1));
        Assert.Equal(0, context.Eval<int>("hits"));
    }

    [Fact]
    public void A_script_that_replaces_WebAssembly_changes_nothing_InstantiateWasm_does()
    {
        var builder = new WasmModuleBuilder();
        var twice = builder.ImportFunction("env", "twice", [I32], [I32]);
        builder.AddMemory(1, 2, export: "memory");
        builder.AddGlobal(I32, mutable: true, Op.I32Const(7), export: "counter");
        builder.AddFunction([I32], [I32], Op.Code(Op.LocalGet(0), Op.Call(twice)), export: "run");
        using var context = new Isolate().CreateContext();
        context.Eval("""
            globalThis.seen = [];
            WebAssembly.Module = function () { throw new Error('fake Module'); };
            WebAssembly.Instance = function () { throw new Error('fake Instance'); };
            WebAssembly.instantiate = () => Promise.reject(new Error('fake instantiate'));
            WebAssembly.validate = () => true;
            WebAssembly.Memory.prototype.grow = function () { throw new Error('fake grow'); };
            Object.defineProperty(WebAssembly.Memory.prototype, 'buffer', { get() { throw new Error('fake buffer'); } });
            Object.defineProperty(WebAssembly.Global.prototype, 'value', { get() { return 666; }, set(v) { seen.push(v); } });
            Object.defineProperty(WebAssembly.Instance.prototype, 'exports', { get() { return {}; } });
            Object.defineProperty(Object.prototype, 'env', { set(v) { seen.push(v); }, configurable: true });
            Object.defineProperty(Object.prototype, 'twice', { set(v) { seen.push(v); }, configurable: true });
            Reflect.construct = () => { throw new Error('fake construct'); };
            Reflect.apply = () => { throw new Error('fake apply'); };
            Function.prototype.call = () => { throw new Error('fake call'); };
            """);

        Assert.False(context.ValidateWasm([1, 2, 3]));
        using var module = context.CompileWasm(builder.Build());
        using var instance = context.InstantiateWasm(module, new WasmImports().Add("env", "twice", (int x) => x * 2));
        using var memory = instance.GetMemory();
        using var counter = instance.GetGlobal("counter");

        Assert.Equal(84, instance.GetFunction<Func<int, int>>("run")(42));
        Assert.Equal(1, memory.Grow(1));
        Assert.Equal(2, memory.Pages);
        memory.Write(0, [9]);
        Assert.Equal(7, counter.Value);
        counter.Value = 8;
        Assert.Equal(8, counter.Value);
        Assert.Equal(0, context.Eval<int>("seen.length"));
    }
}
