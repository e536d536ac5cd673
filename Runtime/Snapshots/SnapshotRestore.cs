namespace V8Host;

/// <summary>
/// How a context started from a snapshot (<see cref="Context.SnapshotRestore"/>): which snapshot context
/// it ran, and whether V8 accepted the code caches. A rejected cache is not an error: that script was
/// parsed and compiled as usual, so the context is correct, only its start was slower.
/// </summary>
public sealed class SnapshotRestore
{
    internal SnapshotRestore(int contextIndex, int scriptCount, IReadOnlyList<string> rejectedScripts, string? rejectionReason)
    {
        ContextIndex = contextIndex;
        ScriptCount = scriptCount;
        RejectedScripts = rejectedScripts;
        RejectionReason = rejectionReason;
    }

    /// <summary>The snapshot context the context started from.</summary>
    public int ContextIndex { get; }

    /// <summary>How many scripts it ran.</summary>
    public int ScriptCount { get; }

    /// <summary>The names of the scripts whose code cache V8 rejected (empty when all were accepted).</summary>
    public IReadOnlyList<string> RejectedScripts { get; }

    /// <summary>Whether V8 rejected at least one cache, so that the context compiled those scripts from source.</summary>
    public bool CacheRejected => RejectedScripts.Count > 0;

    /// <summary>
    /// Why the caches were rejected, as far as V8Host can tell (the versions and V8 cache tags of the
    /// snapshot and of this process); null when nothing was rejected.
    /// </summary>
    public string? RejectionReason { get; }

    /// <inheritdoc />
    public override string ToString() => CacheRejected
        ? $"snapshot context {ContextIndex}: {RejectedScripts.Count} of {ScriptCount} code cache(s) rejected ({RejectionReason})"
        : $"snapshot context {ContextIndex}: {ScriptCount} script(s) from their code caches";
}
