namespace V8Host;

/// <summary>The ordered steps a <see cref="ContextBuilder"/> or snapshot applies to a new context.</summary>
internal sealed class ContextSetup
{
    private readonly List<Action<Context>> _steps = new();

    private int? _snapshotIndex;

    public ContextSetup Add(Action<Context> step)
    {
        _steps.Add(step);
        return this;
    }

    public ContextSetup UseSnapshot(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        _snapshotIndex = index;
        return this;
    }

    /// <summary>The snapshot's scripts run first, so builder steps see (and may override) what they define.</summary>
    public void Apply(Context context)
    {
        if (_snapshotIndex is { } index)
            context.RestoreSnapshot(index);
        foreach (var step in _steps)
            step(context);
    }
}
