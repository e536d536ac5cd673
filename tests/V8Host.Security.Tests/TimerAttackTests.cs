namespace V8Host.Security.Tests;

/// <summary>Scripts that turn timers against their host (TimerAttacks in the attack program), each in a child process.</summary>
public class TimerAttackTests
{
    [Fact]
    public void A_runaway_timer_callback_does_not_hang_a_host_call_with_a_timeout() =>
        ChildProcess.Completed("timers", "runaway").AssertResult("timers.runaway", "value:42");

    [Fact]
    public void A_flood_of_zero_delay_timers_does_not_starve_the_host() =>
        ChildProcess.Completed("timers", "flood").AssertResult("timers.flood", "ok");

    [Fact]
    public void A_timer_bomb_is_a_RangeError_and_the_context_stays_usable()
    {
        var result = ChildProcess.Completed("timers", "bomb");
        result.AssertResult("timers.bomb", "JavaScriptException:RangeError");
        result.AssertResult("timers.bomb.then-eval", "value:1");
    }

    [Fact]
    public void Tampered_builtins_do_not_change_what_timers_call() =>
        ChildProcess.Completed("timers", "tamper").AssertResult("timers.tamper", "value:real!");

    [Fact]
    public void Disposing_while_timers_fire_neither_crashes_nor_hangs() =>
        ChildProcess.Completed("timers", "dispose").AssertResult("timers.dispose", "ok");
}
