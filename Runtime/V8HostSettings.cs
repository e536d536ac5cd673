using Microsoft.ClearScript.V8;

namespace V8Host;

/// <summary>Process-wide V8 settings. They must be chosen before the first <see cref="Isolate"/> is created.</summary>
public static class V8HostSettings
{
    private static readonly object s_gate = new();
    private static bool s_applied;
    private static bool s_disableJitCompilation;

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

    /// <summary>Applies the settings to V8 once, just before the first isolate.</summary>
    internal static void Apply()
    {
        lock (s_gate)
        {
            if (s_applied)
                return;
            if (s_disableJitCompilation)
                V8Settings.GlobalFlags |= V8GlobalFlags.DisableJITCompilation;
            s_applied = true;
        }
    }
}
