using System.Text.RegularExpressions;

namespace V8Host.Security.Tests;

/// <summary>Seeded fuzzers: hostile values into every API, and interleaved lifetimes on several threads.</summary>
public class FuzzTests
{
    [Theory]
    [InlineData("1", "1500", false, Skip = "Open finding: the child ends with SIGSEGV in ParseJson right after Serialize of a list holding a huge BigInt (fuzz 1 400 --trace). See docs/security.md.")]
    [InlineData("2", "1500", true, Skip = "Open finding: seed 2 ends the child with SIGSEGV after about 4,300 calls (last traced op: ParseJson after a 2**31 value); not reproduced by ParseJson alone. See docs/security.md.")]
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
