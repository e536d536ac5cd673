using System.Runtime.InteropServices;
using Microsoft.ClearScript.V8;

namespace V8Host.Engine;

/// <summary>
/// V8 command-line flags that ClearScript does not expose, set through the <c>v8::V8::SetFlagsFromString</c>
/// its native library exports. V8 reads flags once: after <c>v8::V8::Initialize</c> they are frozen
/// and setting one aborts the process, so this runs only before the first isolate, and only when
/// nothing in the process has loaded ClearScript's V8 library yet.
/// </summary>
internal static class V8Flags
{
    /// <summary>
    /// Keeps interrupt checks in optimized loops. Turboshaft's loop-unrolling phase removes the
    /// back-edge stack check of a loop with a small known trip count (below 5,000); the
    /// element-initialization loop TurboFan emits for <c>new Array(n)</c> with a constant
    /// 16 &lt; n &lt; 5,000 has no check of its own, so the removal lands on the next check the phase
    /// meets, the enclosing loop's. That loop then never services an interrupt: TerminateExecution
    /// (timeouts), ClearScript's heap sampler and host-requested termination are all ignored, and
    /// near-heap-limit expansion lets it grow without bound. Without the phase every loop keeps its
    /// check; TurboFan and Maglev still optimize.
    /// </summary>
    public const string KeepLoopInterruptChecks = "--no-turboshaft-loop-unrolling";

    private const string LibraryName = "ClearScriptV8.linux-x64.so";
    private const string SetFlagsFromString = "_ZN2v82V818SetFlagsFromStringEPKcm"; // v8::V8::SetFlagsFromString(const char*, size_t)

    private static string? s_loadedPath;

    /// <summary>Sets <paramref name="flags"/>; null when set, else why not.</summary>
    public static unsafe string? TrySet(string flags)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "V8 flags are set only on linux-x64, the one platform V8Host ships ClearScript's native library for.";
        if (IsLibraryLoaded())
            return "ClearScript's V8 library was loaded before V8Host created its first isolate; V8 may have frozen its flags.";
        if (LoadLibrary() is not { } library)
            return $"{LibraryName} was not found where ClearScript looks for it.";
        if (!NativeLibrary.TryGetExport(library, SetFlagsFromString, out var export))
            return $"{LibraryName} does not export v8::V8::SetFlagsFromString.";

        var bytes = System.Text.Encoding.ASCII.GetBytes(flags + "\0");
        fixed (byte* text = bytes)
            ((delegate* unmanaged<byte*, nuint, void>)export)(text, (nuint)(bytes.Length - 1));
        return null;
    }

    /// <summary>
    /// After ClearScript created its first isolate: null when the library it uses is the one the flags
    /// were set in, else why the flags did not reach its V8 (it loaded another copy).
    /// </summary>
    public static string? VerifySameLibrary()
    {
        if (s_loadedPath is not { } expected)
            return null;
        try
        {
            var others = File.ReadLines("/proc/self/maps")
                .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var start and >= 0 ? line[start..] : "")
                .Where(path => path.EndsWith("/" + LibraryName, StringComparison.Ordinal) && path != expected)
                .Distinct()
                .ToList();
            return others.Count == 0 ? null : $"ClearScript loaded {others[0]}, not {expected} where V8Host set the flags.";
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Whether any copy of ClearScript's V8 library is mapped into this process.</summary>
    private static bool IsLibraryLoaded()
    {
        try
        {
            return File.ReadLines("/proc/self/maps").Any(line => line.EndsWith("/" + LibraryName, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return true; // cannot tell: do not risk an abort
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// The library from the first of ClearScript's own search directories (V8Proxy.GetDirPaths) that
    /// has it: the dynamic loader hands ClearScript the same mapping when it loads that path later.
    /// </summary>
    private static IntPtr? LoadLibrary()
    {
        var directories = new List<string>();
        var location = typeof(V8ScriptEngine).Assembly.Location;
        if (!string.IsNullOrWhiteSpace(location) && Path.GetDirectoryName(location) is { } assemblyDirectory)
        {
            directories.Add(Path.Combine(assemblyDirectory, "runtimes", "linux-x64", "native"));
            directories.Add(assemblyDirectory);
        }

        directories.Add(AppContext.BaseDirectory);
        if (Microsoft.ClearScript.HostSettings.AuxiliarySearchPath is { Length: > 0 } auxiliary)
            directories.AddRange(auxiliary.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        foreach (var directory in directories)
        {
            var path = Path.Combine(directory, LibraryName);
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                s_loadedPath = Path.GetFullPath(path);
                return handle;
            }
        }

        return null;
    }
}
