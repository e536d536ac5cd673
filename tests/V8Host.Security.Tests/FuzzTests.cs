using System.Text.RegularExpressions;

namespace V8Host.Security.Tests;

/// <summary>Seeded fuzzers: hostile values into every API, and interleaved lifetimes on several threads.</summary>
public class FuzzTests
{
    [Theory]
    [InlineData("1", "200", false)]
    [InlineData("2", "1500", true)]
    public void Hostile_values_end_in_documented_exceptions(string seed, string count, bool noHuge)
    {
        var args = noHuge ? new[] { "fuzz", seed, count, "--no-huge" } : new[] { "fuzz", seed, count };
        var result = ChildProcess.Completed(args);
        var summary = result.Line("FUZZ ");
        var undocumented = int.Parse(Regex.Match(summary, @"undocumented=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(undocumented == 0, summary + "\n" + string.Join("\n", result.Stdout.Split('\n').Where(line => line.StartsWith("UNDOCUMENTED", StringComparison.Ordinal))) + "\n" + result.Describe());
    }

    [Fact]
    public void Interleaved_lifetimes_raise_only_expected_exceptions()
    {
        var result = ChildProcess.Completed("lifetime", "1", "3000");
        var summary = result.Line("LIFETIME ");
        Assert.True(summary.Contains(" unexpected=0 ", StringComparison.Ordinal), summary + "\n" + result.Describe());
    }
}
