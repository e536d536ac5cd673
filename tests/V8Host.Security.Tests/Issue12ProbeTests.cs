namespace V8Host.Security.Tests;

/// <summary>
/// Red-team probes of issue 12's inspector and CPU profiles (Issue12Probes in the attack program),
/// each in a child process: each shows a defect and asserts the correct outcome.
/// </summary>
public class Issue12ProbeTests
{
    [Fact]
    public void A_client_that_never_enabled_Debugger_cannot_disable_it_under_another_client()
    {
        // Debugger.disable from a client that had not enabled the domain went to V8 as it was, and
        // V8 turned the domain off for the whole shared session: the other client's `debugger;` no longer paused.
        ChildProcess.Completed("probe12", "foreign-disable")
            .AssertResult("probe12.foreign-disable.disable", "ok")
            .AssertResult("probe12.foreign-disable", "paused")
            .AssertResult("probe12.foreign-disable.run", "value:done");
    }

    [Fact]
    public void An_invalid_blackbox_pattern_of_one_client_does_not_make_another_clients_patterns_fail()
    {
        // The hub kept the rejected pattern in the client's list, and every later union (another
        // client's setBlackboxPatterns) carried it to V8, which rejected the whole list.
        ChildProcess.Completed("probe12", "bad-blackbox")
            .AssertResult("probe12.bad-blackbox.bad", "error")
            .AssertResult("probe12.bad-blackbox", "ok");
    }

    [Fact]
    public void Deeply_nested_params_of_setBlackboxPatterns_do_not_throw_JsonException_from_Send()
    {
        // The hub re-parsed the request with System.Text.Json's default depth of 64 (its own reader allows 1024).
        ChildProcess.Completed("probe12", "deep-blackbox")
            .AssertResult("probe12.deep-blackbox", "ok", "ArgumentException")
            .AssertResult("probe12.deep-blackbox.after", "ok");
    }

    [Fact]
    public void A_debuggers_Profiler_stop_does_not_take_the_profile_the_host_records()
    {
        // Profiler.stop called Context.StopCpuProfile whoever had started the profile: the debugger
        // got the host's profile, and the host's StopCpuProfile then threw.
        ChildProcess.Completed("probe12", "profile-steal")
            .AssertResult("probe12.profile-steal.debugger", "error")
            .AssertResult("probe12.profile-steal.host", "ok");
    }

    [Fact]
    public void A_stalled_DevTools_connection_that_was_cut_off_releases_what_it_queued()
    {
        // A connection cut off at its 64 MiB bound stayed blocked in a WebSocket send to a peer that
        // never reads, holding its socket and its whole queue; the client limit no longer counted it,
        // so each reconnection kept another 64 MiB.
        ChildProcess.Completed("probe12", "stalled-leak")
            .AssertResult("probe12.stalled-leak", "bounded");
    }

    [Fact]
    public void A_profile_recorded_when_the_heap_limit_is_exceeded_does_not_crash_the_process()
    {
        // The profile's parking thread entered the spent context 100 ms later; the
        // ScriptResourceException was unhandled on that thread and ended the process.
        ChildProcess.Completed("probe12", "parked-spent")
            .AssertResult("probe12.parked-spent.bomb", "ScriptResourceException")
            .AssertResult("probe12.parked-spent", "alive");
    }

    [Fact]
    public void Disposing_a_context_that_still_records_a_CPU_profile_does_not_crash_the_process()
    {
        // ClearScript's isolate teardown disposes V8's CpuProfiler with the profile still open, after
        // the logger it unregisters from is gone: SIGSEGV in Logger::RemoveListener. A context spent
        // by the heap limit cannot stop its profile at all, so a script that exceeds the limit while
        // the host profiles crashes the process when the host disposes the context.
        ChildProcess.Completed("probe12", "dispose-profiling")
            .AssertResult("probe12.dispose-profiling", "disposed");
    }

    [Fact]
    public void EvalAsync_with_a_cancelled_token_does_not_wait_forever_for_a_debugger()
    {
        // EvalAsync registers TerminateExecution on the token, which ran at once, before the wait
        // began, and found nothing to cancel: the call then waited for a debugger that never came.
        ChildProcess.Completed("probe12", "cancelled-wait")
            .AssertResult("probe12.cancelled-wait", "ScriptTerminatedException", "TaskCanceledException", "OperationCanceledException");
    }

    [Fact]
    public void Compiling_many_scripts_with_a_debugger_attached_does_not_grow_the_hubs_memory_without_bound()
    {
        // The hub kept every Debugger.scriptParsed for clients that join late, and V8 announces each
        // compiled script (eval, new Function): 100,000 of them kept about 57 MiB, for ever. The probe
        // compiles 50,000 (about 28 MiB unbounded, well past the 16 MiB bound, in half the time on a busy CI machine).
        ChildProcess.Completed("probe12", "script-cache")
            .AssertResult("probe12.script-cache", "bounded");
    }
}
