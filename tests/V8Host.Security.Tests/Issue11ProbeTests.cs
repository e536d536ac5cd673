namespace V8Host.Security.Tests;

/// <summary>
/// Red-team probes of issue 11's Web platform APIs (Issue11Probes in the attack program), each in a
/// child process: each shows a defect that was fixed, and asserts the safe outcome.
/// </summary>
public class Issue11ProbeTests
{
    [Fact]
    public void A_long_host_label_of_many_distinct_characters_does_not_hold_the_URL_parser_past_the_timeout()
    {
        // Punycode encoding scanned the whole label once per distinct code point: 300,000 code points
        // of 20,992 kinds kept .NET busy for minutes, far past the 5 s timeout, which cannot stop .NET code.
        var result = ChildProcess.Completed("probe11", "idna-distinct");
        result.AssertResult("probe11.idna-distinct", "value:true");
        result.AssertResult("probe11.idna-distinct.after", "2");
    }

    [Theory]
    [InlineData("url-dot-segments", "value:/x")]
    [InlineData("url-late-escape", "value:200007")]
    public void A_long_path_with_a_late_segment_that_needs_the_full_parser_parses_within_the_timeout(string step, string expected)
    {
        // The plain-path fast path scanned to the end of the path and gave up at the first dot segment or
        // escaped character, once per segment before it: 100,000 segments took longer than the 5 s timeout.
        var result = ChildProcess.Completed("probe11", step);
        result.AssertResult("probe11." + step, expected);
    }

    [Fact]
    public void A_legacy_decode_past_the_heap_limit_fails_the_call_and_runs_no_catch_block()
    {
        // After the decode that crossed the limit, the glue made a second host call at once (before any
        // interrupt check), which ClearScript answers with a plain, catchable Error while terminating.
        var result = ChildProcess.Completed("probe11", "legacy-decode-heap");
        result.AssertResult("probe11.legacy-decode-heap", "ScriptResourceException");
    }
}
