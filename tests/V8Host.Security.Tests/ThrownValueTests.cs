namespace V8Host.Security.Tests;

/// <summary>Hostile thrown values through every entry point: a JavaScriptException, and the context keeps working.</summary>
public class ThrownValueTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var thrower in new[] { "revoked-proxy", "throwing-get-proxy", "junk-get-proxy", "host-exception-field", "host-exception-getter", "host-exception-prototype" })
            foreach (var entry in new[] { "eval", "script-run", "invoke", "promise-wait", "promise-await", "module", "host-callback" })
                data.Add(thrower, entry);
        return data;
    }

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
}
