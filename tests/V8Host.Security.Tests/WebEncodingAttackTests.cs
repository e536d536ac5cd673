namespace V8Host.Security.Tests;

/// <summary>Web platform bulk operations past a 32 MiB heap limit, each in its own process: a result or ScriptResourceException, never an abort.</summary>
[Collection(MemoryHungry.Name)]
public class WebEncodingAttackTests
{
    [Theory]
    [InlineData("utf8-decode")]
    [InlineData("single-byte-decode")]
    [InlineData("utf16-decode")]
    [InlineData("gbk-decode")]
    [InlineData("encode")]
    [InlineData("base64")]
    [InlineData("blob-text")]
    public void Huge_results_under_a_heap_limit_complete_or_are_stopped(string bomb)
    {
        ChildProcess.Completed("web-encoding", bomb)
            .AssertResult($"web-encoding.{bomb}", "ScriptResourceException", "ok")
            .AssertResult("web-encoding.fresh", "2");
    }
}
