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
    public void Growth_beyond_the_limit_is_a_RangeError(string @case)
    {
        ChildProcess.Completed("arraybuffer", @case)
            .AssertResult($"arraybuffer.{@case}", "JavaScriptException:RangeError")
            .AssertResult($"arraybuffer.{@case}.growth-under-200MiB", "true")
            .AssertResult($"arraybuffer.{@case}.after", "2");
    }

    [Fact]
    public void Small_resizable_buffers_within_the_limit_work() =>
        ChildProcess.Completed("arraybuffer", "small-resize").AssertResult("arraybuffer.small-resize", "value:2097152");
}
