using System.Runtime.InteropServices;

namespace V8Host.Profiling;

/// <summary>
/// Keeps a late sampling signal from killing the process. On Linux and macOS, V8's sampler interrupts
/// the sampled thread with SIGPROF, and when the last profile in the process stops, V8 puts back the
/// disposition it found: by default, terminate the process. The sampler sends one more signal as it
/// stops. A sampled thread that is asleep elsewhere can take that signal after the restore. That
/// happens whenever a profile is stopped from another thread, and a recording that follows threads
/// does it at every switch. So before V8 first installs its handler, a SIGPROF that nobody handles is
/// set to be ignored, and V8 then restores "ignore". A handler someone else installed is kept.
/// </summary>
internal static unsafe class ProfilerSignal
{
    // The same number on Linux and macOS, the platforms where V8 samples with signals.
    private const int SigProf = 27;
    private const nint SigDfl = 0;
    private const nint SigIgn = 1;

    // struct sigaction is 152 bytes on glibc x64; a larger buffer covers other C libraries.
    private const int SigactionBytes = 256;

    private static readonly object s_gate = new();
    private static bool s_prepared;

    /// <summary>Called before every profile starts; only the first call in the process acts.</summary>
    public static void IgnoreWhenUnhandled()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        lock (s_gate)
        {
            if (s_prepared)
                return;
            s_prepared = true;

            // The handler comes first in struct sigaction in glibc, musl and macOS; an empty mask and no flags follow.
            var ignore = stackalloc byte[SigactionBytes];
            *(nint*)ignore = SigIgn;
            var previous = stackalloc byte[SigactionBytes];
            if (sigaction(SigProf, ignore, previous) == 0 && *(nint*)previous != SigDfl)
                sigaction(SigProf, previous, null);
        }
    }

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern int sigaction(int signal, byte* action, byte* previous);
}
