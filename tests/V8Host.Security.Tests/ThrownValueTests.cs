namespace V8Host.Security.Tests;

/// <summary>Hostile thrown values through every entry point: a JavaScriptException, and the context keeps working.</summary>
public class ThrownValueTests
{
    /// <summary>Ill-formed text escaping a script's top level: the one case docs/security.md says only process isolation contains.</summary>
    private static readonly HashSet<(string Thrower, string Entry)> s_knownGaps =
    [
        ("lone-surrogate-string", "eval"),
        ("lone-surrogate-string", "script-run"),
        ("lone-surrogate-string", "host-callback"),
    ];

    private static readonly string[] s_throwers =
    [
        "revoked-proxy", "throwing-get-proxy", "junk-get-proxy", "host-exception-field", "host-exception-getter",
        "host-exception-prototype", "lone-surrogate-error", "lone-surrogate-string",
    ];

    private static readonly string[] s_entries = ["eval", "script-run", "invoke", "promise-wait", "promise-await", "module", "host-callback"];

    public static TheoryData<string, string> Cases() => Matrix(known: false);

    public static TheoryData<string, string> KnownGaps() => Matrix(known: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hostile_thrown_value_is_a_JavaScriptException(string thrower, string entry)
    {
        var name = $"thrown.{thrower}.{entry}";
        var result = ChildProcess.Completed("thrown", thrower, entry);
        Assert.True(result.Results.TryGetValue(name, out var outcome) && outcome.StartsWith("JavaScriptException", StringComparison.Ordinal),
            $"expected a JavaScriptException, got '{outcome}'.\n" + result.Describe());
        result.AssertResult(name + ".after", "2");
    }

    /// <summary>
    /// Evidence for the documented gap: ClearScript's native UTF-8 conversion terminates the process.
    /// When this starts failing, the gap has closed: move the case to <see cref="Cases"/> and update docs/security.md.
    /// </summary>
    [Theory]
    [MemberData(nameof(KnownGaps))]
    public void Ill_formed_text_escaping_the_top_level_still_ends_the_process(string thrower, string entry)
    {
        var result = ChildProcess.Run(ChildProcess.DefaultTimeout, "thrown", thrower, entry);
        Assert.False(result.TimedOut, result.Describe());
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("wstring_convert", result.Stderr, StringComparison.Ordinal);
    }

    private static TheoryData<string, string> Matrix(bool known)
    {
        var data = new TheoryData<string, string>();
        foreach (var thrower in s_throwers)
        {
            foreach (var entry in s_entries)
            {
                if (s_knownGaps.Contains((thrower, entry)) == known)
                    data.Add(thrower, entry);
            }
        }

        return data;
    }
}
