using Microsoft.ClearScript.V8;

namespace V8Host;

/// <summary>Process-wide V8 settings. They must be chosen before the first <see cref="Isolate"/> is created.</summary>
public static class V8HostSettings
{
    private static readonly object s_gate = new();
    private static bool s_applied;
    private static bool s_confirmed;
    private static bool s_disableJitCompilation;
    private static string? s_loopInterruptChecksUnavailable = "No isolate was created yet.";

    /// <summary>
    /// Runs all JavaScript in V8's interpreter (no JIT). Slower, but every loop services V8's interrupts,
    /// so heap limits and termination reach even a script that only calls built-ins in a tight loop
    /// (see docs/runtime.md, "Termination and limits"). Recommended for hostile scripts.
    /// </summary>
    /// <exception cref="InvalidOperationException">Set after the first isolate was created.</exception>
    public static bool DisableJitCompilation
    {
        get => s_disableJitCompilation;
        set
        {
            lock (s_gate)
            {
                if (s_applied && value != s_disableJitCompilation)
                    throw new InvalidOperationException("V8HostSettings.DisableJitCompilation must be set before the first Isolate is created: V8 reads its flags once per process.");
                s_disableJitCompilation = value;
            }
        }
    }

    /// <summary>
    /// Null when V8 was started with every optimized loop keeping its interrupt check (V8Host turns
    /// off Turboshaft's loop unrolling, which removed it from some allocating loops, so that timeouts
    /// and heap limits could not stop them). Otherwise why that could not be done: then, with the JIT
    /// on, such a loop ignores timeouts and heap limits; set <see cref="DisableJitCompilation"/>.
    /// Before the first isolate: "No isolate was created yet."
    /// </summary>
    public static string? LoopInterruptChecksUnavailable
    {
        get
        {
            lock (s_gate)
                return s_loopInterruptChecksUnavailable;
        }
    }

    /// <summary>Called once the first engine exists: the flags must have reached the V8 it runs on.</summary>
    internal static void ConfirmApplied()
    {
        lock (s_gate)
        {
            if (s_confirmed)
                return;
            s_confirmed = true;
            if (s_loopInterruptChecksUnavailable is null)
                s_loopInterruptChecksUnavailable = Engine.V8Flags.VerifySameLibrary();
        }
    }

    /// <summary>Applies the settings to V8 once, just before the first isolate.</summary>
    internal static void Apply()
    {
        lock (s_gate)
        {
            if (s_applied)
                return;
            if (s_disableJitCompilation)
                V8Settings.GlobalFlags |= V8GlobalFlags.DisableJITCompilation;

            // With the JIT on, optimized loops must keep their interrupt checks, or timeouts and heap
            // limits never reach them (see V8Flags.KeepLoopInterruptChecks). Harmless when jitless.
            s_loopInterruptChecksUnavailable = Engine.V8Flags.TrySet(Engine.V8Flags.KeepLoopInterruptChecks);
            s_applied = true;
        }
    }
}
