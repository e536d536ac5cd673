using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Engine;

/// <summary>
/// The one place that knows how an <see cref="IsolateOptions"/> maps onto ClearScript: a
/// <see cref="V8ScriptEngine"/> is one V8 isolate with one context, so an <see cref="Isolate"/> and
/// the context it is consumed into share one <see cref="EngineCore"/>.
/// </summary>
internal sealed class EngineCore : IDisposable
{
    private const V8ScriptEngineFlags Flags =
        V8ScriptEngineFlags.EnableDateTimeConversion |
        V8ScriptEngineFlags.MarshalUnsafeInt64AsBigInt |
        V8ScriptEngineFlags.EnableDynamicModuleImports |
        V8ScriptEngineFlags.DisableGlobalMembers |
        V8ScriptEngineFlags.HideHostExceptions;

    private const long MiB = 1024 * 1024;
    private const double HeapExpansionMultiplier = 2;

    public EngineCore(IsolateOptions options, StartupData? snapshot)
    {
        options.Validate();
        V8HostSettings.Apply();
        Options = options;
        Snapshot = snapshot;
        if (options.EnableInspector)
            (Engine, Inspector) = CreateInspectedEngine(options);
        else
            Engine = new V8ScriptEngine(CreateConstraints(options), Flags);
        ExceptionMarshalGuard.EnsureInstalled();
        // Sampled limit: on breach ClearScript terminates the script and marks the isolate spent,
        // instead of letting V8 abort the process at its hard limit. Without MaxHeapBytes the limit is
        // V8's own, so that a heap bomb ends the same way under the default options.
        Engine.MaxRuntimeHeapSize = (UIntPtr)(ulong)(options.MaxHeapBytes ?? (long)Engine.GetRuntimeHeapInfo().HeapSizeLimit);
        Engine.RuntimeHeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt;

        if (options.MaxStackBytes is { } maxStack)
            Engine.MaxRuntimeStackUsage = (UIntPtr)(ulong)maxStack;
    }

    public V8ScriptEngine Engine { get; }

    /// <summary>The inspector, when <see cref="IsolateOptions.EnableInspector"/> is set.</summary>
    public Inspector? Inspector { get; }

    public IsolateOptions Options { get; }

    public StartupData? Snapshot { get; }

    public HeapStatistics GetHeapStatistics()
    {
        var info = Engine.GetRuntimeHeapInfo();
        return new HeapStatistics(
            (long)info.TotalHeapSize,
            (long)info.TotalHeapSizeExecutable,
            (long)info.TotalPhysicalSize,
            (long)info.TotalAvailableSize,
            (long)info.UsedHeapSize,
            (long)info.HeapSizeLimit,
            (long)info.TotalExternalSize);
    }

    public void CollectGarbage(bool full) => Engine.CollectGarbage(full);

    /// <summary>
    /// Whether live objects exceed the sampled heap limit. A single builtin call can allocate past it
    /// between two samples and return normally (heap expansion kept V8 alive): checked after each
    /// outermost call, collecting garbage first so that dead objects do not count.
    /// </summary>
    public bool IsOverHeapLimit()
    {
        var limit = (ulong)Engine.MaxRuntimeHeapSize;
        if (limit == 0 || (ulong)Engine.GetRuntimeHeapInfo().UsedHeapSize <= limit)
            return false;
        Engine.CollectGarbage(true);
        return (ulong)Engine.GetRuntimeHeapInfo().UsedHeapSize > limit;
    }

    /// <summary>
    /// Asks running script to stop. A script paused in the debugger is resumed too, since V8 only
    /// notices termination while it runs.
    /// </summary>
    public void Interrupt()
    {
        Engine.Interrupt();
        Inspector?.Hub.ResumeForTermination();
    }

    public void Dispose()
    {
        // Debuggers learn the target is gone while the engine can still answer them.
        Inspector?.Close();
        Engine.Dispose();
    }

    /// <summary>
    /// ClearScript serves the inspector to one WebSocket client on a port of its own; V8Host's hub is
    /// that client, on a free loopback port chosen here, and serves the user's port itself. The port
    /// is free when chosen but could be taken before ClearScript binds it: then another is tried.
    /// </summary>
    private static (V8ScriptEngine, Inspector) CreateInspectedEngine(IsolateOptions options)
    {
        var flags = Flags | V8ScriptEngineFlags.EnableDebugging;
        for (var attempt = 1; ; attempt++)
        {
            var agentPort = FreeLoopbackPort();
            var engine = new V8ScriptEngine(CreateConstraints(options), flags, agentPort);
            Debugging.InspectorHub hub;
            try
            {
                hub = Debugging.InspectorHub.Connect(agentPort, options.WaitForDebugger);
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                engine.Dispose();
                continue;
            }
            catch
            {
                engine.Dispose();
                throw;
            }

            try
            {
                var title = $"V8Host: {AppDomain.CurrentDomain.FriendlyName} [{Environment.ProcessId}]";
                return (engine, new Inspector(hub, new Debugging.InspectorEndpoint(hub, options.InspectorPort, options.AllowRemoteInspector, title)));
            }
            catch
            {
                hub.Dispose();
                engine.Dispose();
                throw;
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Internal scripts (the glue) are registered under <c>v8host:&lt;escaped name&gt;</c>; ClearScript may
    /// append " [n]" to make a document name unique, and an escaped name has no spaces, so everything
    /// from the first space on is ClearScript's and is cut off again for display (here and in the
    /// bootstrap's <c>displayName</c>). Modules are registered by URI instead, which ClearScript needs
    /// to tell the importing module to the loader.
    /// </summary>
    public static DocumentInfo Document(string name, bool module = false)
    {
        if (!module)
            return new DocumentInfo(Scheme + Uri.EscapeDataString(name));
        return new DocumentInfo(DocumentUri(name)) { Category = ModuleCategory.Standard };
    }

    /// <summary>
    /// A document for one-shot or user code: transient, so ClearScript does not add it to its script
    /// cache, which is searched linearly and would grow with every call. It is named by a URI,
    /// <c>v8host:&lt;escaped name&gt;#&lt;n&gt;</c>, because V8 then reports that URI as the resource name
    /// exactly: a plain document name gets ClearScript's uniqueness suffix, which for a reused name
    /// lands before the extension ("conv [2].js"). The fragment, unique per document, lets an error's
    /// frame be matched to the very source it came from (<see cref="ScriptSources"/>); an escaped name
    /// has no '#', so display cuts it off again.
    /// </summary>
    public static DocumentInfo TransientDocument(string name) =>
        new(new Uri(Scheme + Uri.EscapeDataString(name) + "#" + Interlocked.Increment(ref s_lastDocumentId).ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Flags = DocumentFlags.IsTransient,
        };

    public static Uri DocumentUri(string name) => new(Scheme + Uri.EscapeDataString(name));

    /// <summary>The user's name for a resource name V8 reported (see <see cref="Document"/> and <see cref="TransientDocument"/>).</summary>
    public static string DisplayName(string resourceName)
    {
        if (!resourceName.StartsWith(Scheme, StringComparison.Ordinal))
            return resourceName;
        var escaped = resourceName[Scheme.Length..];
        var end = escaped.AsSpan().IndexOfAny(' ', '#');
        return Uri.UnescapeDataString(end < 0 ? escaped : escaped[..end]);
    }

    /// <summary>
    /// Rejects a script or module name that would not come back exactly: escaping turns an unpaired
    /// surrogate into U+FFFD, so errors would name a different script; and names under V8Host's own
    /// scheme are its glue's, whose frames are left out of every stack.
    /// </summary>
    public static void CheckName(string name, string parameterName)
    {
        if (name.StartsWith(Scheme, StringComparison.Ordinal))
            throw new ArgumentException($"Names starting with '{Scheme}' are reserved for V8Host's own scripts.", parameterName);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                i++;
            else if (char.IsSurrogate(name[i]))
                throw new ArgumentException($"The name has an unpaired surrogate at index {i}; script and module names must be well-formed UTF-16.", parameterName);
        }
    }

    /// <summary>Whether a resource name is V8Host's own glue rather than user code.</summary>
    public static bool IsInternal(string resourceName) =>
        DisplayName(resourceName).StartsWith(Scheme, StringComparison.Ordinal) || resourceName.EndsWith("[internal]", StringComparison.Ordinal);

    private static long s_lastDocumentId;

    private const string Scheme = "v8host:";

    private static V8RuntimeConstraints CreateConstraints(IsolateOptions options)
    {
        // One builtin call (JSON.parse, Array.prototype.fill …) can allocate far past any limit before
        // the sampler looks again; V8 would then abort the process. Near its hard limit V8 asks for
        // more instead (ClearScript's near-heap-limit callback): the call completes, and the sampler
        // stops the script right after.
        var constraints = new V8RuntimeConstraints { HeapExpansionMultiplier = HeapExpansionMultiplier };
        if (options.MaxHeapBytes is { } maxHeap)
        {
            // Headroom between the sampled limit and V8's hard limit, so that growth between two samples
            // (50 ms apart at best, later on a loaded machine) is caught by the sampler rather than
            // aborting the process: the limit plus max(3 × limit, 1 GiB).
            var hardLimitMb = (maxHeap + Math.Max(3 * maxHeap, 1024 * MiB)) / MiB;
            constraints.MaxOldSpaceSize = (int)Math.Min(int.MaxValue, hardLimitMb);
        }

        if (options.MaxArrayBufferBytes is { } maxArrayBuffers)
            constraints.MaxArrayBufferAllocation = (ulong)maxArrayBuffers;

        return constraints;
    }
}
