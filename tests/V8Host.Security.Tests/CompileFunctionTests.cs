namespace V8Host.Security.Tests;

/// <summary>CompileFunction bodies cannot break out of the function they are compiled into.</summary>
public class CompileFunctionTests
{
    [Theory]
    [InlineData("inject-comma")]
    [InlineData("inject-paren")]
    public void Body_that_closes_the_function_is_rejected_and_never_runs(string @case)
    {
        ChildProcess.Completed("compilefn", @case)
            .AssertResult($"compilefn.{@case}", "rejected")
            .AssertResult($"compilefn.{@case}.ran", "undefined");
    }

    [Fact]
    public void Normal_body_with_parameters_works() =>
        ChildProcess.Completed("compilefn", "normal").AssertResult("compilefn.normal", "value:5");
}
