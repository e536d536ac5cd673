namespace V8Host.Security.Tests;

/// <summary>MaxArrayBufferBytes (16 MiB) holds for resizable, growable, shared and wasm memory.</summary>
[Collection(MemoryHungry.Name)]
public class ArrayBufferLimitTests
{
    [Theory]
    [InlineData("resize")]
    [InlineData("shared-grow")]
    [InlineData("wasm-grow")]
    [InlineData("wasm-initial")]
    [InlineData("wasm-own-memory-initial")]
    public void Growth_beyond_the_limit_is_a_RangeError(string @case)
    {
        ChildProcess.Completed("arraybuffer", @case)
            .AssertResult($"arraybuffer.{@case}", "JavaScriptException:RangeError")
            .AssertResult($"arraybuffer.{@case}.growth-under-200MiB", "true")
            .AssertResult($"arraybuffer.{@case}.after", "2");
    }

    /// <summary>memory.grow inside wasm is bounded by the maximum V8Host writes into the module: it fails inside the module (-1).</summary>
    [Fact]
    public void Wasm_growth_of_its_own_memory_fails_inside_the_module() =>
        ChildProcess.Completed("arraybuffer", "wasm-own-memory-grow")
            .AssertResult("arraybuffer.wasm-own-memory-grow", "value:-1")
            .AssertResult("arraybuffer.wasm-own-memory-grow.growth-under-200MiB", "true");

    [Fact]
    public void Wasm_modules_within_the_limit_still_grow() =>
        ChildProcess.Completed("arraybuffer", "wasm-own-memory-small").AssertResult("arraybuffer.wasm-own-memory-small", "value:1");

    [Fact]
    public void Small_resizable_buffers_within_the_limit_work() =>
        ChildProcess.Completed("arraybuffer", "small-resize").AssertResult("arraybuffer.small-resize", "value:2097152");
}
