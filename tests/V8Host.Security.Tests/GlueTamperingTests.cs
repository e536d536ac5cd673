namespace V8Host.Security.Tests;

/// <summary>Scripts tampering with V8Host's JS glue: forged host objects, replaced intrinsics, forged errors.</summary>
public class GlueTamperingTests
{
    [Fact]
    public void Host_object_cannot_be_forged_from_a_stolen_token()
    {
        ChildProcess.Completed("glue", "forge")
            .AssertResult("glue.forge.leaked", "false")
            .AssertResult("glue.forge.non-js-exceptions", "none")
            .AssertResult("glue.forge.after", "2");
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("negative")]
    [InlineData("fraction")]
    [InlineData("string")]
    [InlineData("beyond-2-53")]
    [InlineData("object")]
    public void Forged_host_object_id_is_a_JavaScriptException(string id)
    {
        ChildProcess.Completed("glue", "forged-id").AssertResult($"glue.forged-id.{id}", "JavaScriptException");
    }

    public static TheoryData<string> TamperTargets() => new(
        "array-map", "reflect-apply", "array-iterator", "array-push", "array-splice", "object-keys", "json-parse",
        "promise-resolve", "promise-then", "symbol-for", "map-get", "object-define-property", "error-capture-stack-trace",
        "prototype-setters");

    [Theory]
    [MemberData(nameof(TamperTargets))]
    public void Tampered_intrinsic_neither_sees_nor_changes_host_values(string target)
    {
        var result = ChildProcess.Completed("tamper", target);
        var failures = new List<string>();
        foreach (var mode in new[] { "spy", "junk" })
        {
            foreach (var check in new[] { "js-args", "host-args", "js-array", "js-object", "parse-json", "promise", "serialize", "error" })
            {
                var name = $"tamper.{target}.{mode}.{check}";
                if (!result.Results.TryGetValue(name, out var outcome))
                    failures.Add($"{name}: no result");
                else if (outcome != "ok")
                    failures.Add($"{name}: {outcome}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + result.Describe());
    }

    [Theory]
    [InlineData("prepare-forged-frames")]
    [InlineData("prepare-returns-proxy")]
    [InlineData("prepare-throws")]
    [InlineData("junk-proxy")]
    [InlineData("junk-frames-key")]
    [InlineData("junk-error-fields")]
    [InlineData("million-frames")]
    [InlineData("million-prepared-frames")]
    public void Forged_error_is_a_JavaScriptException(string @case)
    {
        ChildProcess.Completed("errors", @case)
            .AssertResult($"errors.{@case}", "JavaScriptException", "ScriptTerminatedException")
            .AssertResult($"errors.{@case}.after", "2");
    }
}
