namespace V8Host.Security.Tests;

/// <summary>
/// Allocation loops with the JIT on (the default), each in its own process with a resident-set cap
/// of 3 GiB (past it the child reports `runaway` and kills itself). Before V8Host kept optimized
/// loops' interrupt checks, `new Array(1000)` in a loop ignored the timeout, TerminateExecution and
/// the heap limit and grew past the cap within seconds.
/// </summary>
[Collection(MemoryHungry.Name)]
public class JitHeapBombTests
{
    /// <summary>Generous: measured 0.1–1.3 s on a loaded 2-core machine.</summary>
    private const long MaxMilliseconds = 15_000;

    public static TheoryData<string, int, string> Retaining()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var limit in new[] { 32, 64 })
        {
            foreach (var timeout in new[] { "1000", "none" })
                data.Add("push-arrays", limit, timeout);
        }

        foreach (var bomb in new[] { "push-objects", "push-strings", "map", "linked", "try-catch", "push-big-arrays" })
        {
            data.Add(bomb, 32, "none");
            data.Add(bomb, 64, "1000");
        }

        return data;
    }

    /// <summary>
    /// Retained allocations: ScriptResourceException (or ScriptTerminatedException when the 1 s timeout
    /// comes first), quickly, with the process below the limit plus 1 GiB; the context is spent and a
    /// new isolate works.
    /// </summary>
    [Theory]
    [MemberData(nameof(Retaining))]
    public void Retaining_allocation_loop_ends_cleanly_and_quickly(string bomb, int limitMiB, string timeout)
    {
        var name = $"heap-jit.{bomb}.{limitMiB}.{timeout}";
        var result = ChildProcess.Completed("heap-jit", bomb, limitMiB.ToString(System.Globalization.CultureInfo.InvariantCulture), timeout)
            .AssertResult(name + ".loop-checks", "kept");
        if (timeout == "none")
            result.AssertResult(name, "ScriptResourceException");
        else
            result.AssertResult(name, "ScriptResourceException", "ScriptTerminatedException");
        result.AssertResult(name + ".spent", "ScriptResourceException", "2")
            .AssertResult(name + ".fresh", "2");
        AssertBounded(result, name, limitMiB);
    }

    /// <summary>Nothing retained: only the timeout or the host's TerminateExecution can end it, and does.</summary>
    [Theory]
    [InlineData("churn", "1000")]
    [InlineData("churn", "terminate500")]
    [InlineData("churn-objects", "1000")]
    [InlineData("push-arrays", "terminate100")]
    public void Allocation_loop_is_stopped_by_timeout_or_termination(string bomb, string stop)
    {
        var name = $"heap-jit.{bomb}.64.{stop}";
        var result = ChildProcess.Completed("heap-jit", bomb, "64", stop)
            .AssertResult(name + ".loop-checks", "kept")
            .AssertResult(name, "ScriptTerminatedException")
            .AssertResult(name + ".fresh", "2");
        if (stop.StartsWith("terminate", StringComparison.Ordinal))
            result.AssertResult(name + ".terminate-requested", "true");
        if (bomb.StartsWith("churn", StringComparison.Ordinal))
            result.AssertResult(name + ".spent", "2"); // a timeout leaves the context usable
        AssertBounded(result, name, 64);
    }

    private static void AssertBounded(ChildResult result, string name, int limitMiB)
    {
        var ms = long.Parse(result.Results[name + ".ms"], System.Globalization.CultureInfo.InvariantCulture);
        var peak = long.Parse(result.Results[name + ".peak-mib"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ms < MaxMilliseconds, $"{name} took {ms} ms.\n" + result.Describe());
        Assert.True(peak < limitMiB + 1024, $"{name}: peak resident set {peak} MiB, limit {limitMiB} MiB.\n" + result.Describe());
    }
}
