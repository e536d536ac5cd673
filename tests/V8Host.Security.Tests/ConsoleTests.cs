namespace V8Host.Security.Tests;

/// <summary>The console's formatter against hostile values and a hostile environment (ConsoleAttacks).</summary>
public class ConsoleTests
{
    [Theory]
    [InlineData("traps")]
    [InlineData("hooks")]
    [InlineData("tampered")]
    [InlineData("huge")]
    [InlineData("stack-hooks")]
    public void Hostile_input_is_formatted_without_running_script_code_or_escaping_its_bounds(string attack)
    {
        var result = ChildProcess.Completed("console", attack);
        var checks = result.Results.Where(pair => pair.Key.StartsWith($"console.{attack}.", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(checks);
        foreach (var (name, outcome) in checks)
        {
            var expected = name.EndsWith(".after", StringComparison.Ordinal) ? "2" : name.EndsWith(".ran", StringComparison.Ordinal) ? "none" : "ok";
            Assert.True(outcome == expected, $"{name}: expected {expected}, got {outcome}.\n" + result.Describe());
        }
    }
}
