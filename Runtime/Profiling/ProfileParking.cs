namespace V8Host.Profiling;

/// <summary>
/// Takes V8's sampling off the threads that ran script once the context has gone quiet, onto a
/// thread of its own that lives as long as the recording. V8 keeps signalling the last thread that
/// ran script (<see cref="CpuProfileRecorder"/>), and that thread must not exit meanwhile: a
/// thread-pool thread does exit after sitting idle, and a new thread can then take its identity
/// and V8's signals before it is ready for them. Parking after a short quiet spell costs one
/// sampler restart per idle period, not one per call.
/// </summary>
internal sealed class ProfileParking
{
    /// <summary>How long the context stays unused before the sampling is parked.</summary>
    internal static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly Action _park;
    private readonly AutoResetEvent _callEnded = new(false);
    private readonly ManualResetEventSlim _stopped = new();

    /// <param name="park">Moves the sampling onto the calling thread if the context is free (it enters the context).</param>
    public ProfileParking(Action park)
    {
        _park = park;
        new Thread(Run) { IsBackground = true, Name = "V8Host CPU profile" }.Start();
    }

    /// <summary>An outermost call into the context has returned.</summary>
    public void CallEnded() => _callEnded.Set();

    /// <summary>Ends the thread; the recording has already moved off it (stopping enters the context on the stopping thread).</summary>
    public void Stop()
    {
        _stopped.Set();
        _callEnded.Set();
    }

    // The events are left to the finalizer: CallEnded runs outside the context's lock and may race
    // the thread's end, and a disposed event would throw in the caller's call into the context.
    private void Run()
    {
        while (!_stopped.IsSet)
        {
            _callEnded.WaitOne();

            // Wait until no call has ended for a whole quiet spell.
            while (!_stopped.IsSet && _callEnded.WaitOne(Quiet))
            {
            }

            if (_stopped.IsSet)
                break;
            try
            {
                _park();
            }
            catch (Exception)
            {
                // The context refused the call (its isolate exceeded the heap limit, a termination
                // was pending): the sampling stays where it is. On this thread of our own an
                // exception would end the process.
            }
        }
    }
}
