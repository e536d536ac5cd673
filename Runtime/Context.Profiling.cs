using V8Host.Profiling;

namespace V8Host;

public sealed partial class Context
{
    private static int s_profileCount;

    // The profile being recorded, or null: every entry into the context checks it (RunHeld).
    private CpuProfileRecorder? _cpuProfile;

    /// <summary>
    /// Starts recording a CPU profile of this context's isolate, with samples (so that a timeline and a
    /// flame graph can be drawn). One profile at a time per context; <see cref="StopCpuProfile"/> ends it.
    /// </summary>
    /// <param name="title">The profile's title; null for <c>"V8Host profile N"</c>.</param>
    /// <exception cref="InvalidOperationException">A profile is already being recorded, or V8 refused to start one.</exception>
    public void StartCpuProfile(string? title = null) => Run<object?>("Context.StartCpuProfile", engine =>
    {
        if (_cpuProfile is not null)
            throw new InvalidOperationException($"Context.StartCpuProfile: the profile '{_cpuProfile.Title}' is still being recorded; call StopCpuProfile first.");

        // V8 names profiles; the name is unique per process.
        var number = Interlocked.Increment(ref s_profileCount);
        _cpuProfile = CpuProfileRecorder.Start(engine, "v8host-cpu-profile-" + number, title ?? "V8Host profile " + number)
            ?? throw new InvalidOperationException("Context.StartCpuProfile: V8 did not start a CPU profile.");
        _cpuProfileParking = new ProfileParking(ParkCpuProfile);
        return null;
    });

    // Moves the sampling off quiet script threads (see ProfileParking), or null when no profile is recorded.
    private ProfileParking? _cpuProfileParking;

    /// <summary>Enters the context on the parking thread, so that the recording follows it there; skipped while the context is busy.</summary>
    private void ParkCpuProfile()
    {
        if (!TryHold())
            return;
        try
        {
            if (_cpuProfile is not null && !_disposed)
                Run<object?>("Context CPU profile", _ => null);
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            ReleaseHold();
        }

        EventLoop.OnContextReleased();
    }

    /// <summary>Stops the profile <see cref="StartCpuProfile"/> started and returns it.</summary>
    /// <exception cref="InvalidOperationException">No profile is being recorded.</exception>
    public CpuProfile StopCpuProfile() => Run("Context.StopCpuProfile", engine =>
    {
        var recorder = _cpuProfile ?? throw new InvalidOperationException("Context.StopCpuProfile: no profile is being recorded; call StartCpuProfile first.");
        _cpuProfile = null;
        _cpuProfileParking?.Stop();
        _cpuProfileParking = null;
        return recorder.Stop(engine);
    });

    /// <summary>
    /// Sets the interval between the samples of the next CPU profile (V8's default is 1000 µs; V8 takes
    /// at least 125 µs). The inspector's <c>Profiler.setSamplingInterval</c> comes here.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="microseconds"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">
    /// A profile is being recorded. V8 reads the interval when its sampler starts, and a recording
    /// restarts the sampler whenever script moves to another thread, so a change would apply part-way through.
    /// </exception>
    internal void SetCpuProfileSampleInterval(int microseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(microseconds);
        Run<object?>("Context.SetCpuProfileSampleInterval", engine =>
        {
            if (_cpuProfile is not null)
                throw new InvalidOperationException($"Context.SetCpuProfileSampleInterval: the profile '{_cpuProfile.Title}' is being recorded; set the interval before StartCpuProfile.");
            engine.CpuProfileSampleInterval = (uint)microseconds;
            return null;
        });
    }

    /// <summary>
    /// Writes a snapshot of the isolate's heap to <paramref name="destination"/> in the <c>.heapsnapshot</c>
    /// format that Chrome DevTools' Memory panel loads. It covers every context of the isolate and collects
    /// garbage first; a large heap makes a large snapshot, so write it to a file rather than memory.
    /// </summary>
    public void WriteHeapSnapshot(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
            throw new ArgumentException("Context.WriteHeapSnapshot: the stream is not writable.", nameof(destination));
        Run<object?>("Context.WriteHeapSnapshot", engine =>
        {
            engine.WriteRuntimeHeapSnapshot(destination);
            return null;
        });
    }
}
