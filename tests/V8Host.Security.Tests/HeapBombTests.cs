namespace V8Host.Security.Tests;

/// <summary>Heap bombs, each in its own process: the process lives, and a fresh isolate works.</summary>
[Collection(MemoryHungry.Name)]
public class HeapBombTests
{
    public static TheoryData<string, string> Contained()
    {
        var data = new TheoryData<string, string>();
        foreach (var bomb in new[] { "json-nested", "array-fill", "array-from", "host-parse-json" })
            data.Add(bomb, "limited");
        data.Add("json-nested", "default");
        data.Add("push-loop", "jitless");
        data.Add("array-fill", "jitless");
        return data;
    }

    /// <summary>Past the limit (32 MiB, or V8's own for json-nested): ScriptResourceException, even from one builtin call.</summary>
    [Theory]
    [MemberData(nameof(Contained))]
    public void Heap_bomb_past_the_limit_is_a_ScriptResourceException(string bomb, string mode)
    {
        ChildProcess.Completed("heap", bomb, mode)
            .AssertResult($"heap.{bomb}.{mode}", "ScriptResourceException")
            .AssertResult("heap.fresh", "2");
    }

    /// <summary>Under the default options these stay below V8's own limit (about 2 GiB): they may complete, but never abort.</summary>
    [Theory]
    [InlineData("array-fill")]
    [InlineData("array-from")]
    [InlineData("host-parse-json")]
    public void Large_allocations_under_the_default_limit_complete_or_are_stopped(string bomb)
    {
        ChildProcess.Completed("heap", bomb, "default")
            .AssertResult($"heap.{bomb}.default", "ScriptResourceException", "ok")
            .AssertResult("heap.fresh", "2");
    }
}
