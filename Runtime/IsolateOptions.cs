namespace V8Host;

/// <summary>Limits and features of a new <see cref="Isolate"/>.</summary>
public sealed record IsolateOptions
{
    /// <summary>
    /// Heap size, in bytes, above which script execution is stopped with a
    /// <see cref="ScriptResourceException"/>. <see langword="null"/> means V8's default limit, where
    /// exhausting the heap ends the process. The limit is sampled while script runs, so a script can
    /// overshoot it briefly; the isolate's hard limit is set well above it to absorb that.
    /// </summary>
    public long? MaxHeapBytes { get; init; }

    /// <summary>
    /// Total size, in bytes, of the ArrayBuffer memory (including typed arrays' buffers) the isolate may
    /// allocate. ArrayBuffer contents live outside the V8 heap, so <see cref="MaxHeapBytes"/> does not
    /// count them; beyond this limit allocation fails with a JS <c>RangeError</c>.
    /// </summary>
    public long? MaxArrayBufferBytes { get; init; }

    /// <summary>
    /// Largest size, in bytes, of any one WebAssembly memory in the isolate (rounded down to whole
    /// 64 KiB pages). Every memory, whether a module declares it or a script creates it with
    /// <c>new WebAssembly.Memory</c>, gets a maximum no larger than this, so <c>memory.grow</c> inside
    /// wasm code returns -1 there, and <c>memory.grow()</c> from JS or <see cref="WasmMemory.Grow"/>
    /// from .NET fail with a clear error; a module whose initial memory is already larger does not
    /// compile. <see langword="null"/> (the default) leaves V8's own bound (4 GiB for a 32-bit memory).
    /// It bounds each memory, not their total; <see cref="MaxArrayBufferBytes"/> applies to wasm
    /// memories as well. Enforced per isolate by V8Host's glue (V8's own flag is process-wide); see
    /// docs/wasm.md, "Limits".
    /// </summary>
    public long? MaxWasmMemoryBytes { get; init; }

    /// <summary>Native stack budget, in bytes, for script execution. Deep recursion beyond it raises a JS <c>RangeError</c>.</summary>
    public long? MaxStackBytes { get; init; }

    /// <summary>
    /// When <see langword="true"/>, a .NET exception thrown by a host function exposes its stack trace
    /// to JavaScript in the error message. Off by default: scripts see only the exception's message.
    /// </summary>
    public bool ExposeHostStackTraces { get; init; }

    /// <summary>
    /// Upper bound, in bytes, of what one typed read (<c>Eval&lt;T&gt;</c>, <c>Get&lt;T&gt;</c>, a host
    /// function's parameters) may allocate in .NET: 16 bytes per collection element plus 2 per string
    /// character, counted across nested collections. A larger value throws
    /// <see cref="ScriptResourceException"/> and the context stays usable. Default 256 MiB.
    /// </summary>
    /// <remarks>A script can make a small heap value expand enormously in .NET: one 32 MiB string referenced 64 times, or a sparse array of length 2^32−1.</remarks>
    public long MaxConversionBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Who runs the context's event loop: <see cref="EventLoopMode.Automatic"/> (the default) runs due
    /// timers and settled host tasks by itself; <see cref="EventLoopMode.Manual"/> waits for the host to pump.
    /// </summary>
    public EventLoopMode EventLoop { get; init; } = EventLoopMode.Automatic;

    /// <summary>
    /// How long one event-loop task (a timer callback, the reactions to a settled host task) may run
    /// before it is terminated and reported as uncaught. <see langword="null"/> (the default) sets no
    /// limit: a runaway callback then holds the context until <see cref="Context.TerminateExecution"/>.
    /// </summary>
    public TimeSpan? EventLoopTaskTimeout { get; init; }

    /// <summary>
    /// Starts V8's inspector: Chrome DevTools, chrome://inspect and VS Code can attach to
    /// <see cref="InspectorPort"/>, and <see cref="Context.Inspector"/> opens in-process sessions.
    /// Off by default. Scripts show in the debugger under the names the host compiled them with.
    /// </summary>
    public bool EnableInspector { get; init; }

    /// <summary>
    /// The TCP port debuggers attach to; 0 (the default) picks a free one (read it from
    /// <see cref="Inspector.Port"/>). 9229 is the port chrome://inspect and VS Code look at first.
    /// Needs <see cref="EnableInspector"/>.
    /// </summary>
    public int InspectorPort { get; init; }

    /// <summary>
    /// Whether the first script the host runs waits, before its first statement, until a debugger
    /// sends <c>Runtime.runIfWaitingForDebugger</c> (DevTools and VS Code do once they have set their
    /// breakpoints), and then pauses there, like <c>node --inspect-brk</c>. Needs <see cref="EnableInspector"/>.
    /// </summary>
    public bool WaitForDebugger { get; init; }

    /// <summary>
    /// Listens for debuggers on every network interface instead of loopback only. Off by default,
    /// and dangerous: whoever reaches the port runs any code in the process (a debugger evaluates
    /// script, and script calls the host's functions). Needs <see cref="EnableInspector"/>.
    /// </summary>
    public bool AllowRemoteInspector { get; init; }

    internal void Validate()
    {
        if (InspectorPort is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(InspectorPort), InspectorPort, "InspectorPort must be a TCP port (0 picks a free one).");
        if (!EnableInspector && (InspectorPort != 0 || WaitForDebugger || AllowRemoteInspector))
        {
            var option = InspectorPort != 0 ? nameof(InspectorPort) : WaitForDebugger ? nameof(WaitForDebugger) : nameof(AllowRemoteInspector);
            throw new ArgumentException($"IsolateOptions.{option} needs EnableInspector = true.", option);
        }
        if (MaxHeapBytes is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxHeapBytes), MaxHeapBytes, "MaxHeapBytes must be positive.");
        if (MaxArrayBufferBytes is < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxArrayBufferBytes), MaxArrayBufferBytes, "MaxArrayBufferBytes cannot be negative.");
        if (MaxWasmMemoryBytes is < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxWasmMemoryBytes), MaxWasmMemoryBytes, "MaxWasmMemoryBytes cannot be negative.");
        if (MaxConversionBytes <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxConversionBytes), MaxConversionBytes, "MaxConversionBytes must be positive.");
        if (!Enum.IsDefined(EventLoop))
            throw new ArgumentOutOfRangeException(nameof(EventLoop), EventLoop, "EventLoop must be Automatic or Manual.");
        if (EventLoopTaskTimeout is { } taskTimeout && taskTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(EventLoopTaskTimeout), EventLoopTaskTimeout, "EventLoopTaskTimeout must be positive.");
        if (MaxStackBytes is <= 0)
            throw new ArgumentOutOfRangeException(nameof(MaxStackBytes), MaxStackBytes, "MaxStackBytes must be positive.");
    }
}
