using static V8Host.Tests.Wasm.WasmModuleBuilder;

namespace V8Host.Tests.Wasm;

public class WasmTrapTests
{
    /// <summary>Imports env.tick () -> (); fails () -> () = unreachable (function 1); divide (i32, i32) -> i32 (2); spin () -> () loops forever (3); outer () -> () calls fails (4).</summary>
    private static byte[] TrapModule()
    {
        var builder = new WasmModuleBuilder();
        builder.ImportFunction("env", "tick", [], []);
        var fails = builder.AddFunction([], [], [Op.Unreachable], export: "fails");
        builder.AddFunction([I32, I32], [I32], Op.Code(Op.LocalGet(0), Op.LocalGet(1), [Op.I32DivS]), export: "divide");
        builder.AddFunction([], [], Op.Code(Op.Loop, Op.Br(0), [Op.End]), export: "spin");
        builder.AddFunction([], [], Op.Call(fails), export: "outer");
        return builder.Build();
    }

    private static WasmInstance Instantiate(Context context) =>
        context.InstantiateWasm(context.CompileWasm(TrapModule()), new WasmImports().Add("env", "tick", () => { }));

    [Fact]
    public void Unreachable_is_a_RuntimeError_with_wasm_frames_and_function_indexes()
    {
        using var context = new Isolate().CreateContext();
        using var instance = Instantiate(context);

        var error = Assert.Throws<JavaScriptException>(() => instance.GetFunction<Action>("outer")());

        Assert.Equal("RuntimeError", error.ErrorName);
        Assert.Equal("unreachable", error.JsMessage);
        Assert.True(error.Frames.Count >= 2, error.Stack);
        Assert.True(error.Frames[0].IsWasm);
        Assert.Equal(1, error.Frames[0].WasmFunctionIndex); // fails: after the one imported function
        Assert.True(error.Frames[1].IsWasm);
        Assert.Equal(4, error.Frames[1].WasmFunctionIndex); // outer
        Assert.StartsWith("wasm://wasm/", error.Frames[0].ScriptName);
        Assert.Contains(":wasm-function[1]:0x", error.Frames[0].ToString());
        Assert.Contains(error.Frames[0].ToString(), error.Stack);
    }

    [Fact]
    public void Division_by_zero_traps_and_the_instance_stays_usable()
    {
        using var context = new Isolate().CreateContext();
        using var instance = Instantiate(context);
        var divide = instance.GetFunction<Func<int, int, int>>("divide");

        var error = Assert.Throws<JavaScriptException>(() => divide(1, 0));
        var overflow = Assert.Throws<JavaScriptException>(() => divide(int.MinValue, -1));

        Assert.Equal("RuntimeError", error.ErrorName);
        Assert.Contains("divide by zero", error.JsMessage);
        Assert.Equal(2, error.Frames[0].WasmFunctionIndex);
        Assert.Contains("unrepresentable", overflow.JsMessage);
        Assert.Equal(-3, divide(7, -2));
    }

    [Fact]
    public void Traps_are_catchable_in_JS_as_WebAssembly_RuntimeError()
    {
        using var context = new Isolate().CreateContext();
        using var instance = Instantiate(context);
        context.SetGlobal("wasm", instance.Exports);

        Assert.Equal("RuntimeError:true", context.Eval<string>("try { wasm.fails(); } catch (e) { e.name + ':' + (e instanceof WebAssembly.RuntimeError) }"));
    }

    [Fact]
    public void A_wasm_loop_ends_on_timeout_and_the_context_works_afterwards()
    {
        using var context = new Isolate().CreateContext();
        using var instance = Instantiate(context);
        context.SetGlobal("wasm", instance.Exports);

        var error = Assert.Throws<ScriptTerminatedException>(() => context.Eval("wasm.spin()", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("timed out", error.Message);
        Assert.Equal(3, context.Eval<int>("1 + 2"));
        Assert.Equal(5, instance.GetFunction<Func<int, int, int>>("divide")(10, 2));
    }

    [Fact]
    public async Task A_wasm_loop_called_through_a_typed_delegate_ends_on_TerminateExecution()
    {
        using var context = new Isolate().CreateContext();
        using var instance = Instantiate(context);
        var spin = instance.GetFunction<Action>("spin");

        var running = Task.Run(spin);
        // TerminateExecution is true only once the call is inside the engine.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!context.TerminateExecution() && DateTime.UtcNow < deadline)
            await Task.Delay(10);

        Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(30))));
        var error = await Assert.ThrowsAsync<ScriptTerminatedException>(() => running);
        Assert.Contains("terminated", error.Message);
        Assert.Equal(3, context.Eval<int>("1 + 2"));
        Assert.Equal(4, instance.GetFunction<Func<int, int, int>>("divide")(8, 2));
    }

    [Fact]
    public void A_trapping_start_function_fails_instantiation()
    {
        var builder = new WasmModuleBuilder();
        var start = builder.AddFunction([], [], [Op.Unreachable]);
        builder.SetStart(start);
        using var context = new Isolate().CreateContext();
        using var module = context.CompileWasm(builder.Build());

        var error = Assert.Throws<JavaScriptException>(() => context.InstantiateWasm(module));

        Assert.Equal("RuntimeError", error.ErrorName);
        Assert.True(error.Frames[0].IsWasm);
    }

    [Fact]
    public void Frames_of_JS_code_are_not_wasm()
    {
        using var context = new Isolate().CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw new Error('x')"));

        Assert.False(error.Frames[0].IsWasm);
        Assert.Null(error.Frames[0].WasmFunctionIndex);
    }
}
