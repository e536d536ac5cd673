namespace V8Host.Security.Tests;

/// <summary>Heap bombs, each in its own process: ScriptResourceException, the process lives, a fresh isolate works.</summary>
[Collection(MemoryHungry.Name)]
public class HeapBombTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var bomb in new[] { "json-nested", "array-fill", "array-from", "host-parse-json", "push-loop" })
        {
            data.Add(bomb, "default");
            data.Add(bomb, "limited");
        }

        data.Add("push-loop", "jitless");
        data.Add("array-fill", "jitless");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Heap_bomb_is_a_ScriptResourceException(string bomb, string mode)
    {
        ChildProcess.Completed("heap", bomb, mode)
            .AssertResult($"heap.{bomb}.{mode}", "ScriptResourceException")
            .AssertResult("heap.fresh", "2");
    }
}
