namespace V8Host.Security.Tests;

/// <summary>
/// Red-team probes of issue 13's code-cache snapshots (Issue13Probes in the attack program), each in
/// a child process: hostile scripts in SnapshotCreator, crafted startup data sealed with a valid
/// checksum, one StartupData shared by threads, and snapshot scripts that leave promise work behind.
/// </summary>
public class Issue13ProbeTests
{
    /// <summary>Every RESULT line under <paramref name="prefix"/> starts with one of <paramref name="expected"/>.</summary>
    private static void AssertAll(ChildResult child, string prefix, int count, params string[] expected)
    {
        var results = child.Results.Where(result => result.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(results.Count == count, $"{results.Count} RESULT lines under {prefix}, expected {count}.\n" + child.Describe());
        foreach (var (name, outcome) in results)
            Assert.True(expected.Any(e => outcome.StartsWith(e, StringComparison.Ordinal)), $"RESULT {name}: expected {string.Join(" or ", expected)}, got '{outcome}'.\n" + child.Describe());
    }

    [Fact]
    public void A_snapshot_prelude_that_replaces_intrinsics_does_not_break_the_host_side_built_on_top()
    {
        // The builder's host functions, globals, console and Web platform are installed after the
        // snapshot's scripts ran: V8Host's glue captured the intrinsics before, so the host side works.
        ChildProcess.Completed("probe13", "tamper")
            .AssertResult("probe13.tamper.eval", "ok")
            .AssertResult("probe13.tamper.add", "ok")
            .AssertResult("probe13.tamper.plain", "accepted:value:function")
            .AssertResult("probe13.tamper.build", "ok")
            .AssertResult("probe13.tamper.call", "value:5")
            .AssertResult("probe13.tamper.list", "value:3")
            .AssertResult("probe13.tamper.global", "value:42")
            .AssertResult("probe13.tamper.typed", "value:4,5")
            .AssertResult("probe13.tamper.error", "JavaScriptException:TypeError")
            .AssertResult("probe13.tamper.console", "ok")
            .AssertResult("probe13.tamper.works", "2");
    }

    [Fact]
    public void Snapshot_scripts_that_take_global_names_start_as_they_were_baked()
    {
        // A plain start (no builder steps) must work whatever the script did to the global: it ran
        // in the creator. Snapshot scripts ran before the context's console was installed, so a
        // frozen global or a non-configurable console failed every start, and a proxy the script made
        // ran its traps when logged. Builder steps that need a taken name fail with a JS error.
        var child = ChildProcess.Completed("probe13", "hostile-globals");

        foreach (var key in new[] { "logs", "proxy-log", "frozen-global", "console-taken", "lexical-host", "accessor-host" })
            child.AssertResult($"probe13.hostile-globals.{key}.plain", "accepted:value:2");
        child.AssertResult("probe13.hostile-globals.logs", "ok")
            .AssertResult("probe13.hostile-globals.proxy-log", "ok")
            .AssertResult("probe13.hostile-globals.frozen-global", "JavaScriptException:TypeError")
            .AssertResult("probe13.hostile-globals.console-taken", "JavaScriptException:TypeError")
            .AssertResult("probe13.hostile-globals.lexical-host", "JavaScriptException:TypeError")
            .AssertResult("probe13.hostile-globals.accessor-host", "JavaScriptException:Error");
    }

    [Fact]
    public void Odd_thrown_values_in_Eval_AddContext_and_warm_ups_are_JavaScriptExceptions_and_the_creator_goes_on()
    {
        var child = ChildProcess.Completed("probe13", "odd-throws");

        // Symbols, proxies whose traps throw, getters that throw, a 64 MiB string, cycles: 12 values, 3 places each.
        AssertAll(child, "probe13.odd-throws.", 12 * 3 + 2, "JavaScriptException", "value:0", "accepted:value:1");
        child.AssertResult("probe13.odd-throws.index", "value:0")
            .AssertResult("probe13.odd-throws.blob", "accepted:value:1");
    }

    [Fact]
    public void ScriptTimeout_ends_loops_promise_job_loops_and_Atomics_wait_in_every_place()
    {
        var child = ChildProcess.Completed("probe13", "loops");

        AssertAll(child, "probe13.loops.", 4 * 3 + 2, "ScriptTerminatedException", "value:0", "accepted:value:1");
        child.AssertResult("probe13.loops.index", "value:0")
            .AssertResult("probe13.loops.blob", "accepted:value:1");
    }

    [Fact]
    public void Disposing_the_creator_ends_an_endless_script_in_Eval_AddContext_or_a_warm_up()
    {
        // Without ScriptTimeout, Dispose is the host's only way to stop a script. It reached the
        // default context (Eval) but not the context AddContext works in, so an endless context
        // script or warm-up ran on for ever after the creator was disposed.
        var child = ChildProcess.Completed("probe13", "dispose-running");

        foreach (var where in new[] { "eval", "context", "warm-up" })
        {
            child.AssertResult($"probe13.dispose-running.{where}", "ScriptTerminatedException", "ObjectDisposedException")
                .AssertResult($"probe13.dispose-running.{where}.dispose", "ok")
                .AssertResult($"probe13.dispose-running.{where}.alive", "false");
        }
    }

    [Fact]
    public void Crafted_counts_and_lengths_are_malformed_data_not_crashes_or_huge_allocations()
    {
        var child = ChildProcess.Completed("probe13", "crafted");

        foreach (var key in new[] { "context-count-max", "context-count-negative", "script-count-max", "script-count-negative", "cache-length-negative", "cache-length-max", "string-length-negative", "string-length-overlong", "string-length-huge", "trailing-bytes", "missing-context" })
            child.AssertResult("probe13.crafted." + key, "invalid:malformed");
        child.AssertResult("probe13.crafted.zero-contexts", "restore:ArgumentOutOfRangeException")
            .AssertResult("probe13.crafted.many-empty-contexts", "accepted:value:2")
            // The writer never produces invalid UTF-8, so data holding it was crafted: refused as
            // malformed, rather than decoded to U+FFFD into a source nobody wrote.
            .AssertResult("probe13.crafted.invalid-utf8", "invalid:malformed");
    }

    [Fact]
    public void Script_names_Compile_refuses_make_the_data_malformed()
    {
        // An empty or reserved ("v8host:") name passed IsValid and new Isolate(data); every context
        // start then threw ArgumentException "The value cannot be an empty string (Parameter 'filename')".
        ChildProcess.Completed("probe13", "names")
            .AssertResult("probe13.names.empty", "invalid:malformed")
            .AssertResult("probe13.names.reserved", "invalid:malformed")
            .AssertResult("probe13.names.nul", "rejected:value:1")
            .AssertResult("probe13.names.long", "rejected:value:1");
    }

    [Fact]
    public void A_cache_paired_with_another_source_of_the_same_length_runs_the_cached_code_without_crashing()
    {
        // V8 checks only the source's length: it takes the cache and runs the code it holds. Functions
        // the cache did not compile are compiled from the source the data shows, at the cache's
        // positions: a SyntaxError or the other source's function, never a crash. Only a forger can
        // pair them (the checksum covers both), and StartupData's remarks say so.
        ChildProcess.Completed("probe13", "mismatch")
            .AssertResult("probe13.mismatch.top-level", "accepted:value:AAAA")
            .AssertResult("probe13.mismatch.lazy-moved", "accepted:JavaScriptException:SyntaxError")
            .AssertResult("probe13.mismatch.lazy-shifted", "accepted:value:9:0")
            .AssertResult("probe13.mismatch.lazy-garbage", "accepted:JavaScriptException:SyntaxError")
            .AssertResult("probe13.mismatch.inner-eager", "accepted:value:m")
            .AssertResult("probe13.mismatch.other-length", "rejected:value:BBBBBB");
    }

    [Fact]
    public void A_damaged_cache_is_refused_by_the_checksum_and_a_short_one_by_V8()
    {
        ChildProcess.Completed("probe13", "forged-cache")
            .AssertResult("probe13.forged-cache.unsealed", "invalid:checksum")
            .AssertResult("probe13.forged-cache.flipped", "accepted:value:42", "rejected:value:42")
            .AssertResult("probe13.forged-cache.cut", "rejected:value:42")
            .AssertResult("probe13.forged-cache.header-only", "rejected:value:42");
    }

    [Fact]
    public void A_forged_cache_sealed_again_reaches_V8_which_does_not_check_its_payload()
    {
        // The known limit of the format, stated in StartupData's remarks: V8 (release builds; ClearScript
        // exposes no flag for its code-cache checksums) deserializes a cache whose header matches without
        // checking the payload, and noise aborts the process. The checksum stops damage, not a forger.
        // When this starts to complete, V8 checks payloads: update the remarks and this test.
        var child = ChildProcess.Run(ChildProcess.DefaultTimeout, "probe13", "forged-cache", "noise-0");

        Assert.False(child.TimedOut, child.Describe());
        Assert.True(child.ExitCode != 0 && (child.Stdout + child.Stderr).Contains("Fatal error", StringComparison.Ordinal), child.Describe());
    }

    [Fact]
    public void One_startup_data_serves_threads_that_dispose_contexts_as_they_appear()
    {
        ChildProcess.Completed("probe13", "threads")
            .AssertResult("probe13.threads", "ok")
            .AssertResult("probe13.threads.after", "accepted:value:8");
    }

    [Fact]
    public void Promise_work_left_by_snapshot_scripts_runs_in_the_started_context()
    {
        ChildProcess.Completed("probe13", "promises")
            .AssertResult("probe13.promises.build", "ok")
            .AssertResult("probe13.promises.log", "value:reaction,async,async-done")
            .AssertResult("probe13.promises.works", "2")
            .AssertResult("probe13.promises.plain", "value:reaction,async,async-done");
    }
}

/// <summary>Issue 13 probes that spend up to V8's default heap, one at a time.</summary>
[Collection(MemoryHungry.Name)]
public class Issue13HeapProbeTests
{
    [Theory]
    [InlineData("heap-eval")]
    [InlineData("heap-context")]
    [InlineData("heap-warm-up")]
    public void A_heap_bomb_in_the_creator_is_a_ScriptResourceException_and_the_creator_goes_on(string step)
    {
        // In Eval the bomb spent the creator's own isolate: IsAlive stayed true but every later Eval
        // threw "the isolate exceeded its heap limit" (and so would CreateBlob on a blob without
        // scripts). The creator now starts a fresh isolate and runs the kept prelude in it again.
        var name = "probe13." + step;
        ChildProcess.Completed("probe13", step)
            .AssertResult(name, "ScriptResourceException")
            .AssertResult(name + ".alive", "true")
            .AssertResult(name + ".add", "value:0")
            .AssertResult(name + ".eval-after", "ok")
            .AssertResult(name + ".blob", "value:accepted:value:yes!");
    }

    [Fact]
    public void A_snapshot_script_that_fails_when_a_context_starts_releases_the_isolate()
    {
        ChildProcess.Completed("probe13", "restore-fails")
            .AssertResult("probe13.restore-fails", "restore:JavaScriptException:Error")
            .AssertResult("probe13.restore-fails.released", "yes");
    }
}
