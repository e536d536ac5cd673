using System.Runtime.InteropServices;

namespace V8Host.Engine;

/// <summary>
/// How much native stack the current thread has left. V8 and .NET share one stack: V8's limit must
/// leave room for the .NET frames of host callbacks, and a host callback must not start when the
/// stack is nearly gone, or a deep JS → .NET → JS recursion ends in a .NET stack overflow, which no
/// one can catch.
/// </summary>
internal static unsafe class NativeStack
{
    /// <summary>Stack kept free below V8's limit for .NET frames (host callbacks, exception handling).</summary>
    public const long DotNetReserve = 128 * 1024;

    /// <summary>A host callback needs at least this much to run and report an error.</summary>
    public const long MinimumForHostCall = 64 * 1024;

    /// <summary>V8's own default budget (its --stack-size of 984 KiB), used when no MaxStackBytes is set.</summary>
    public const long DefaultV8Budget = 984 * 1024;

    [ThreadStatic]
    private static nuint t_lowestAddress;

    [ThreadStatic]
    private static bool t_queried;

    /// <summary>Bytes between the current stack position and the end of the thread's stack, or null when the platform does not tell.</summary>
    public static long? Remaining()
    {
        if (!t_queried)
        {
            t_lowestAddress = QueryLowestAddress();
            t_queried = true;
        }

        if (t_lowestAddress == 0)
            return null;
        byte marker = 0;
        return (long)((nuint)(&marker) - t_lowestAddress);
    }

    /// <summary>Whether a host callback may start on this thread.</summary>
    public static bool HasRoomForHostCall() => Remaining() is not { } remaining || remaining >= MinimumForHostCall;

    /// <summary>The stack budget to give V8 for a call starting here: the wanted budget, capped to what the thread really has.</summary>
    public static long BudgetFor(long? wanted)
    {
        var budget = wanted ?? DefaultV8Budget;
        if (Remaining() is { } remaining)
            budget = Math.Min(budget, remaining - DotNetReserve);
        return budget;
    }

    private static nuint QueryLowestAddress()
    {
        try
        {
            if (OperatingSystem.IsLinux())
                return LinuxLowestAddress();
            if (OperatingSystem.IsWindows())
            {
                GetCurrentThreadStackLimits(out var low, out _);
                return low;
            }

            if (OperatingSystem.IsMacOS())
            {
                var self = pthread_self();
                return (nuint)pthread_get_stackaddr_np(self) - pthread_get_stacksize_np(self);
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        return 0;
    }

    private static nuint LinuxLowestAddress()
    {
        // pthread_attr_t is 56 bytes on glibc x64; a larger buffer covers other C libraries.
        var attributes = stackalloc byte[256];
        if (pthread_getattr_np(pthread_self(), attributes) != 0)
            return 0;
        try
        {
            return pthread_attr_getstack(attributes, out var address, out _) == 0 ? (nuint)address : 0;
        }
        finally
        {
            pthread_attr_destroy(attributes);
        }
    }

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern nint pthread_self();

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern int pthread_getattr_np(nint thread, byte* attributes);

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern int pthread_attr_getstack(byte* attributes, out nint address, out nuint size);

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern int pthread_attr_destroy(byte* attributes);

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern nint pthread_get_stackaddr_np(nint thread);

    [DllImport("libc", CallingConvention = CallingConvention.Cdecl)]
    private static extern nuint pthread_get_stacksize_np(nint thread);

    [DllImport("kernel32", CallingConvention = CallingConvention.Winapi)]
    private static extern void GetCurrentThreadStackLimits(out nuint lowLimit, out nuint highLimit);
}
