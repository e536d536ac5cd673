namespace V8Host.Security.Tests;

/// <summary>Renters of a ContextPool attacking their context, each in its own process: the attacked context is never rented again.</summary>
[Collection(MemoryHungry.Name)]
public class ContextPoolAttackTests
{
    [Fact]
    public void A_heap_bomb_spends_only_its_own_context() =>
        ChildProcess.Completed("pool", "heap-bomb")
            .AssertResult("pool.heap-bomb", "ScriptResourceException")
            .AssertResult("pool.heap-bomb.recycled", "yes")
            .AssertResult("pool.heap-bomb.next", "value:2")
            .AssertResult("pool.heap-bomb.fresh", "yes");

    [Fact]
    public void An_endless_script_is_ended_by_the_rent_limit_and_its_context_replaced() =>
        ChildProcess.Completed("pool", "endless")
            .AssertResult("pool.endless", "ScriptTerminatedException")
            .AssertResult("pool.endless.recycled", "yes")
            .AssertResult("pool.endless.next", "value:2")
            .AssertResult("pool.endless.fresh", "yes");

    // Issue 14: the reset's own allocations in a renter's nearly full heap (see PoolAttacks.ResetOutOfMemory).
    [Fact]
    public void A_reset_in_a_nearly_full_heap_ends_and_the_next_renter_gets_a_working_context() =>
        ChildProcess.Completed("pool", "reset-oom")
            .AssertResult("pool.reset-oom.fill", "ok")
            .AssertResult("pool.reset-oom.return", "ok")
            .AssertResult("pool.reset-oom.next", "value:2");
}
