using Microsoft.ClearScript.V8;

namespace V8Host.Profiling;

/// <summary>
/// The CPU profile a context is recording, kept on the thread that runs the context's script.
/// </summary>
/// <remarks>
/// V8's sampler interrupts only the OS thread that started the profiler, while a context runs on
/// whichever thread calls it. So when script enters on another thread, the V8 profile recorded so
/// far is ended (a segment) and a new one begins on this thread: with no profile left open, V8
/// stops its sampler and starts a new one for the new thread. <see cref="Stop"/> merges the
/// segments into one profile. The context's lock serialises every call.
/// <para>
/// The sampler must never outlive its thread. When a thread exits, a new thread can reuse its
/// pthread, and the new thread would then take V8's signals before it has set itself up. So the
/// thread that starts the recording gets no open segment, because it may exit before anything else
/// happens. A thread that ran script keeps its segment until another thread enters, the recording
/// stops, or the context goes quiet and <see cref="ProfileParking"/> moves it to a thread of its own.
/// </para>
/// </remarks>
internal sealed class CpuProfileRecorder
{
    // Managed thread ids start at 1.
    private const int NoThread = 0;

    private readonly string _name;
    private readonly List<string> _segments = [];
    private int _threadId = NoThread;

    private CpuProfileRecorder(string name, string title)
    {
        _name = name;
        Title = title;
    }

    /// <summary>The title the finished <see cref="CpuProfile"/> carries.</summary>
    public string Title { get; }

    /// <summary>
    /// Begins recording under the V8 profile name <paramref name="name"/>; null when V8 did not
    /// start a profile. The first segment only marks the start. Script that enters later opens the
    /// next one.
    /// </summary>
    public static CpuProfileRecorder? Start(V8ScriptEngine engine, string name, string title)
    {
        ProfilerSignal.IgnoreWhenUnhandled();
        var recorder = new CpuProfileRecorder(name, title);
        if (!recorder.TryBeginSegment(engine))
            return null;
        recorder.EndSegment(engine);
        return recorder;
    }

    /// <summary>Records on the current thread from now on, unless it is recorded there already.</summary>
    public void Follow(V8ScriptEngine engine)
    {
        if (_threadId == Environment.CurrentManagedThreadId)
            return;
        EndSegment(engine);

        // A segment V8 refused to begin is retried on the next entry; the segments so far are kept.
        TryBeginSegment(engine);
    }

    /// <summary>Ends the recording and returns the segments merged into one profile.</summary>
    public CpuProfile Stop(V8ScriptEngine engine)
    {
        EndSegment(engine);
        return new CpuProfile(Title, CpuProfileMerger.Merge(_segments));
    }

    /// <summary>
    /// Ends the open segment without a result, before the isolate goes: ClearScript tears V8's
    /// profiler down after its logger, and an open profile then crashes the process.
    /// </summary>
    public void Abandon(V8ScriptEngine engine)
    {
        try
        {
            EndSegment(engine);
        }
        catch (Exception exception) when (exception is Microsoft.ClearScript.IScriptEngineException or InvalidOperationException)
        {
            // A spent isolate may refuse; nothing more can be done before it goes.
        }
    }

    private bool TryBeginSegment(V8ScriptEngine engine)
    {
        var begun = engine.BeginCpuProfile(_name, V8CpuProfileFlags.EnableSampleCollection);
        _threadId = begun ? Environment.CurrentManagedThreadId : NoThread;
        return begun;
    }

    private void EndSegment(V8ScriptEngine engine)
    {
        if (_threadId == NoThread)
            return;
        _threadId = NoThread;
        _segments.Add(engine.EndCpuProfile(_name).ToJson());
    }
}
