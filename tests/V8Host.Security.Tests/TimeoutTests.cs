namespace V8Host.Security.Tests;

/// <summary>Timeouts reach host code: its cancellation token, a sleeping host call, nested evaluations.</summary>
public class TimeoutTests
{
    [Fact]
    public void Host_function_token_is_cancelled_by_the_timeout()
    {
        ChildProcess.Completed("timeout", "token")
            .AssertResult("timeout.token", "ScriptTerminatedException")
            .AssertResult("timeout.token.cancellation-observed", "true")
            .AssertResult("timeout.token.well-before-5s", "true");
    }

    [Fact]
    public void Slow_host_call_does_not_let_the_script_complete_after_its_timeout() =>
        ChildProcess.Completed("timeout", "slow-host").AssertResult("timeout.slow-host", "ScriptTerminatedException");

    [Fact]
    public void Nested_timeout_is_caught_by_the_host_and_the_outer_script_continues() =>
        ChildProcess.Completed("timeout", "nested").AssertResult("timeout.nested", "value:caught outer-alive");
}
