namespace V8Host.Security.Tests;

/// <summary>A FinalizationRegistry cleanup callback that never returns must not wedge the context.</summary>
public class FinalizationRegistryTests
{
    [Fact]
    public void CollectGarbage_returns() =>
        ChildProcess.Completed("finreg", "collect").AssertResult("finreg.collect", "ok");

    [Fact]
    public void Eval_with_a_timeout_ends_within_5_seconds() =>
        ChildProcess.Completed("finreg", "eval").AssertResult("finreg.eval", "ok");

    [Fact]
    public void Dispose_from_another_thread_ends_within_10_seconds() =>
        ChildProcess.Completed("finreg", "dispose").AssertResult("finreg.dispose", "ok");

    [Fact]
    public void RunUntilIdle_ends_when_terminated() =>
        ChildProcess.Completed("finreg", "run-until-idle").AssertResult("finreg.run-until-idle", "ok");
}
