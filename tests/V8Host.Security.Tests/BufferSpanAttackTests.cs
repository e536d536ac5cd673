namespace V8Host.Security.Tests;

/// <summary>
/// JsArrayBuffer and JsTypedArray against script that takes a buffer's memory away: a resizable
/// ArrayBuffer shrunk by pages (V8 decommits them) after a handle read its size, and script or
/// disposal attempted from inside a WithSpan callback. Before the live sizes, a read after the shrink
/// was a segfault; each case runs in a child process and then uses every byte it was given.
/// </summary>
public class BufferSpanAttackTests
{
    private const string Large = "16777216";

    [Fact]
    public void A_buffer_shrunk_after_its_size_was_read_is_used_at_its_size_now()
    {
        ChildProcess.Completed("bufspan", "shrink")
            .AssertResult("bufspan.shrink.before", $"{Large}|16777212|1048576")
            .AssertResult("bufspan.shrink.byteLength", "8|4|0")
            .AssertResult("bufspan.shrink.read", "value:8")
            .AssertResult("bufspan.shrink.toArray", "value:8")
            .AssertResult("bufspan.shrink.write", "value:8")
            .AssertResult("bufspan.shrink.span", "value:8")
            .AssertResult("bufspan.shrink.tracking", "value:4")
            .AssertResult("bufspan.shrink.fixed", "InvalidOperationException")
            .AssertResult("bufspan.shrink.fixed-span", "InvalidOperationException")
            .AssertResult("bufspan.shrink.after", "2");
    }

    [Theory]
    [InlineData("resize-inside")]
    [InlineData("detach-inside")]
    public void Script_that_would_shrink_or_detach_the_buffer_is_refused_inside_the_callback(string attack)
    {
        ChildProcess.Completed("bufspan", attack)
            .AssertResult($"bufspan.{attack}.script", "InvalidOperationException")
            .AssertResult($"bufspan.{attack}.span", $"value:{Large}")
            .AssertResult($"bufspan.{attack}.js", $"{Large}|2")
            .AssertResult($"bufspan.{attack}.after", "2");
    }

    [Fact]
    public void Disposing_the_context_inside_the_callback_waits_for_it_to_return()
    {
        // The callback completes; the call then reports the termination that disposal asked for.
        ChildProcess.Completed("bufspan", "dispose-inside")
            .AssertResult("bufspan.dispose-inside.span", "ScriptTerminatedException")
            .AssertResult("bufspan.dispose-inside.alive", "false");
    }

    [Fact]
    public void Disposing_the_context_from_another_thread_waits_for_the_callback()
    {
        ChildProcess.Completed("bufspan", "dispose-elsewhere")
            .AssertResult("bufspan.dispose-elsewhere.disposer-waits", "true")
            .AssertResult("bufspan.dispose-elsewhere.span", "ScriptTerminatedException")
            .AssertResult("bufspan.dispose-elsewhere.alive", "false");
    }
}
