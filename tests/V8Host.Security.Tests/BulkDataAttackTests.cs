namespace V8Host.Security.Tests;

/// <summary>
/// Hostile scripts against the bulk plain-data paths (issue 16): no crash, no hang, a precise
/// error or the value the per-value path gives, and a context that still works afterwards.
/// </summary>
[Collection(MemoryHungry.Name)]
public class BulkDataAttackTests
{
    private static ChildResult Run(string scenario, string outcome, params string[] alternatives) =>
        ChildProcess.Completed("bulk", scenario)
            .AssertResult($"bulk.{scenario}", [outcome, .. alternatives])
            .AssertResult($"bulk.{scenario}.peak-under-2GiB", "true")
            .AssertResult($"bulk.{scenario}.after", "2");

    [Fact]
    public void Getters_that_reenter_conversion_40_deep_read_correctly() => Run("reenter", "value:43");

    [Fact]
    public void Getters_that_mutate_the_arrays_being_read_neither_crash_nor_reach_the_glue() => Run("mutate", "value:600/9/11");

    [Fact]
    public void Proxies_read_through_their_traps_or_fail_precisely()
    {
        // A Proxy of an array nested in plain data is read through its traps, as a Proxy of an object is;
        // a length its trap makes up, or a revoked Proxy, fails as a wrong type does.
        var result = Run("proxy", "value:ok,InvalidCastException,InvalidCastException,JavaScriptException:Error,JavaScriptException:TypeError,InvalidCastException,JavaScriptException:TypeError");
        Assert.Contains("BulkAttackOrder.lines expects an Array; got an object.", result.Stdout);
        Assert.Contains("BulkAttackLine.sku: missing property 'sku'.", result.Stdout);
    }

    [Fact]
    public void A_nested_array_of_length_2_pow_32_minus_1_is_a_ScriptResourceException() => Run("length", "ScriptResourceException");

    [Fact]
    public void Cycles_and_exponential_sharing_are_bounded()
    {
        var result = Run("cycle", "InvalidCastException,ScriptResourceException,JavaScriptException:Error");
        Assert.Contains("BulkAttackNode.children[0]: the value is nested more than 256 levels deep (or refers back to itself).", result.Stdout);
        Assert.Contains("BulkAttackChain.next: this BulkAttackChain refers back to itself (a cycle).", result.Stdout);
    }

    [Fact]
    public void Depth_limits_hold_both_ways()
    {
        var result = Run("deep", "value:100,JavaScriptException:Error,InvalidCastException");
        Assert.Contains("BulkAttackChain.next: the value is nested more than 128 levels deep; it cannot be copied to JavaScript.", result.Stdout);
        Assert.Contains("BulkAttackNode.children[0]: the value is nested more than 256 levels deep (or refers back to itself).", result.Stdout);
    }

    [Fact]
    public void Huge_conversions_stay_terminable() => Run("terminate", "ScriptTerminatedException,ScriptTerminatedException");

    [Fact]
    public void Strings_beyond_MaxConversionBytes_are_refused_before_they_are_copied() => Run("strings", "ScriptResourceException");

    [Fact]
    public void Replaced_builtins_do_not_reach_the_bulk_glue() => Run("tamper", "value:300:299:o0/300:299");
}
