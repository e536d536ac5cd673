using Microsoft.ClearScript;

namespace V8Host;

public sealed partial class Context
{
    /// <summary>The sources compiled or run during the current rent, while a <see cref="ContextPool"/> has this context out; null otherwise.</summary>
    internal RentSources? RentSources { get; set; }

    /// <summary>
    /// Functions of host APIs' glue that clear the API's per-rent state (the console's counters, timers
    /// and groups); a <see cref="ContextPool"/> calls them as it resets the context for the next renter.
    /// </summary>
    internal List<ScriptObject> RentResetters { get; } = new();

    internal void AddRentResetter(ScriptObject reset) => RentResetters.Add(reset);

    /// <summary>How many modules the context holds.</summary>
    internal int ModuleCount => Modules.Count;

    /// <summary>Whether timers, host tasks or queued event-loop work are pending.</summary>
    internal bool HasPendingWork => EventLoop.HasPendingWork;

    /// <summary>Drops the handlers a renter subscribed, so that the next renter's events never reach them.</summary>
    internal void ClearEventHandlers() => UnhandledRejection = null;
}
