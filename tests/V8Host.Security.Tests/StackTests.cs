namespace V8Host.Security.Tests;

/// <summary>JS→.NET→JS recursion and stack budgets end in a RangeError, never a dead process.</summary>
public class StackTests
{
    [Theory]
    [InlineData("reenter-eval", "1024")]
    [InlineData("reenter-eval", "256")]
    [InlineData("reenter-callback", "1024")]
    [InlineData("reenter-callback", "256")]
    public void Reentrant_recursion_is_a_RangeError(string kind, string stackKiB) =>
        ChildProcess.Completed("stack", kind, stackKiB).AssertResult($"stack.{kind}.{stackKiB}k", "RangeError");

    [Fact]
    public void MaxStackBytes_larger_than_the_thread_stack_still_gives_a_RangeError() =>
        ChildProcess.Completed("stack", "max-stack-lie").AssertResult("stack.max-stack-lie", "RangeError");

    [Fact]
    public void RangeError_crossing_dotnet_frames_keeps_its_kind_and_message()
    {
        ChildProcess.Completed("stack", "kind")
            .AssertResult("stack.kind.instanceof-RangeError", "true")
            .AssertResult("stack.kind.message-names-stack", "true")
            .AssertResult("stack.kind.message-not-rewrapped", "true");
    }
}
