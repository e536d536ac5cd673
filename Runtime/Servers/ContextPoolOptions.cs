using Microsoft.Extensions.Logging;

namespace V8Host;

/// <summary>
/// What the contexts of a <see cref="ContextPool"/> start from, how many there are, and how long and
/// how often each may be rented. Settable, so that <c>services.AddV8Host(options =&gt; …)</c> and
/// <c>Microsoft.Extensions.Options</c> can fill it; the pool copies it when it is created.
/// </summary>
public sealed class ContextPoolOptions
{
    /// <summary>The name the pool's metrics and log events carry (tag <c>pool</c>).</summary>
    public string Name { get; set; } = "default";

    /// <summary>The profile every context uses (host functions, classes, host APIs).</summary>
    public HostProfile? Profile { get; set; }

    /// <summary>Startup data every context starts from (<see cref="SnapshotIndex"/> picks the context; 0 by default).</summary>
    public StartupData? Snapshot { get; set; }

    /// <summary>Which context of <see cref="Snapshot"/>; needs <see cref="Snapshot"/>.</summary>
    public int? SnapshotIndex { get; set; }

    /// <summary>Limits of each context's isolate (heap, stack …).</summary>
    public IsolateOptions? IsolateOptions { get; set; }

    /// <summary>Further set-up of each context, after the snapshot and the profile (globals, more host APIs, modules).</summary>
    public Action<ContextBuilder>? Configure { get; set; }

    /// <summary>The most contexts the pool holds, rented and idle together. Renters past it wait.</summary>
    public int MaxSize { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>How many idle contexts the pool keeps ready, created in the background.</summary>
    public int MinIdle { get; set; }

    /// <summary>After this many rents a context is disposed and replaced (bounds what its heap accumulates); 0 for no limit.</summary>
    public int MaxUsesPerContext { get; set; } = 1000;

    /// <summary>
    /// Whether each context's baseline (every object reachable from its global object, and the
    /// built-ins) is frozen when the context is created, so that a renter's changes to it cannot reach
    /// the next renter (docs/servers.md, "Isolation"). On by default. Off only with
    /// <see cref="MaxUsesPerContext"/> = 1: scripts may then change built-ins, and since nothing could
    /// undo that, each context serves one rent (the pool still keeps <see cref="MinIdle"/> ready).
    /// </summary>
    public bool FreezeBaseline { get; set; } = true;

    /// <summary>How long one rent may last: a script still running then is terminated, and the context is recycled when returned. Null for no limit.</summary>
    public TimeSpan? MaxRentDuration { get; set; }

    /// <summary>Where pool events (created, recycled and why) go, and the contexts' console output when <see cref="Configure"/> installs no console of its own.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    internal ContextPoolOptions Validated()
    {
        if (MaxSize < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxSize), MaxSize, "ContextPoolOptions.MaxSize must be at least 1.");
        if (MinIdle < 0 || MinIdle > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(MinIdle), MinIdle, $"ContextPoolOptions.MinIdle must be between 0 and MaxSize ({MaxSize}).");
        if (MaxUsesPerContext < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxUsesPerContext), MaxUsesPerContext, "ContextPoolOptions.MaxUsesPerContext must be 0 (no limit) or more.");
        if (MaxRentDuration is { } duration && duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(MaxRentDuration), duration, "ContextPoolOptions.MaxRentDuration must be positive, or null for no limit.");
        if (!FreezeBaseline && MaxUsesPerContext != 1)
            throw new ArgumentException(
                $"ContextPoolOptions.FreezeBaseline = false needs MaxUsesPerContext = 1 (it is {MaxUsesPerContext}): without the freeze, a renter's changes to built-ins cannot be undone, so each context may serve only one rent.",
                nameof(FreezeBaseline));
        if (SnapshotIndex is not null && Snapshot is null)
            throw new ArgumentException("ContextPoolOptions.SnapshotIndex needs a Snapshot.", nameof(SnapshotIndex));
        if (SnapshotIndex is < 0)
            throw new ArgumentOutOfRangeException(nameof(SnapshotIndex), SnapshotIndex, "ContextPoolOptions.SnapshotIndex cannot be negative.");
        if (Snapshot is not null && !Snapshot.IsValid())
            throw new ArgumentException($"ContextPoolOptions.Snapshot is not valid startup data: {Snapshot.Problem}.", nameof(Snapshot));
        if (Snapshot is not null)
            Snapshot.CheckContextIndex(SnapshotIndex ?? 0);
        ArgumentException.ThrowIfNullOrEmpty(Name, nameof(Name));
        return (ContextPoolOptions)MemberwiseClone();
    }
}
