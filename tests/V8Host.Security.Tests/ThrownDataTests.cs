namespace V8Host.Security.Tests;

/// <summary>
/// Thrown objects built to abuse the copy of their data properties into Exception.Data
/// (Scenarios/ThrownData.cs): every entry point gives a JavaScriptException with the bounded copy,
/// no getter runs, nothing hangs or crashes, and the context keeps working.
/// </summary>
public class ThrownDataTests
{
    private static readonly string[] s_entries = ["eval", "script-run", "invoke", "promise-wait", "module", "host-callback"];

    [Theory]
    [InlineData("getter-bomb", 1)]
    [InlineData("throwing-traps", 0)]
    [InlineData("proxy-million-keys", 64)]
    [InlineData("million-keys", 64)]
    [InlineData("million-symbol-keys", 1)]
    [InlineData("huge-values", 1)]
    [InlineData("tampered-reflection", 1)]
    [InlineData("lone-surrogate-value", 1)]
    [InlineData("lone-surrogate-key", 1)]
    [InlineData("error-with-data", 2)]
    public void Hostile_thrown_object_gives_a_bounded_Data_copy_at_every_entry(string thrower, int expectedCount)
    {
        var result = ChildProcess.Completed("thrown-data", thrower);

        foreach (var entry in s_entries)
        {
            var name = $"thrown-data.{thrower}.{entry}";
            result.AssertResult(name, $"data:{expectedCount}");
            result.AssertResult(name + ".after", "2");
        }
    }
}
