namespace V8Host.Security.Tests;

/// <summary>Scripts against a context with the inspector on, each in its own process (Scenarios/InspectorAttacks.cs).</summary>
public class InspectorAttackTests
{
    [Fact]
    public void A_console_flood_cuts_off_a_session_that_never_reads_instead_of_growing_the_process()
    {
        ChildProcess.Completed("inspector", "flood")
            .AssertResult("inspector.flood", "ok")
            .AssertResult("inspector.flood.session", "ObjectDisposedException")
            .AssertResult("inspector.flood.bounded", "yes")
            .AssertResult("inspector.still-works", "2");
    }

    [Fact]
    public void A_script_paused_forever_is_stopped_by_its_timeout()
    {
        ChildProcess.Completed("inspector", "paused-timeout")
            .AssertResult("inspector.paused-timeout", "ScriptTerminatedException")
            .AssertResult("inspector.still-works", "2");
    }

    [Fact]
    public void Disposing_a_context_while_its_script_is_paused_does_not_crash()
    {
        ChildProcess.Completed("inspector", "paused-dispose")
            .AssertResult("inspector.paused-dispose", "ScriptTerminatedException", "ObjectDisposedException")
            .AssertResult("inspector.fresh", "2");
    }

    [Fact]
    public void Tampered_intrinsics_do_not_reach_the_console_the_debugger_sees()
    {
        ChildProcess.Completed("inspector", "tampered-console")
            .AssertResult("inspector.tampered-console", "delivered")
            .AssertResult("inspector.still-works", "2");
    }
}

/// <summary>A CPU profile outliving the threads that ran script (Scenarios/ProfilerThreadExit.cs), in its own process.</summary>
public class ProfilerThreadExitTests
{
    [Fact]
    public void Threads_that_ran_script_can_exit_while_a_profile_is_recorded()
    {
        ChildProcess.Completed("profiler-thread-exit").AssertResult("profiler-thread-exit", "ok");
    }
}
