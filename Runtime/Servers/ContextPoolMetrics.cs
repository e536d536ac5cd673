using System.Diagnostics.Metrics;

namespace V8Host;

/// <summary>
/// The pool's <see cref="System.Diagnostics.Metrics"/> instruments, on the meter
/// <see cref="ContextPool.MeterName"/>, so that dotnet-counters and OpenTelemetry see them. Every
/// measurement carries the tag <c>pool</c> (<see cref="ContextPoolOptions.Name"/>).
/// </summary>
internal sealed class ContextPoolMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly KeyValuePair<string, object?> _pool;
    private readonly Counter<long> _created;
    private readonly Counter<long> _rented;
    private readonly Counter<long> _recycled;
    private readonly Histogram<double> _rentWait;

    public ContextPoolMetrics(string poolName, Func<int> idle, Func<int> inUse)
    {
        _meter = new Meter(ContextPool.MeterName);
        _pool = new("pool", poolName);
        _created = _meter.CreateCounter<long>("v8host.pool.contexts.created", "{context}", "Contexts the pool created.");
        _rented = _meter.CreateCounter<long>("v8host.pool.rents", "{rent}", "Contexts rented.");
        _recycled = _meter.CreateCounter<long>("v8host.pool.contexts.recycled", "{context}", "Contexts disposed instead of returned to the pool, by reason.");
        _rentWait = _meter.CreateHistogram<double>("v8host.pool.rent.wait", "ms", "How long renters waited for a context.");
        var pool = _pool;
        _meter.CreateObservableGauge("v8host.pool.contexts.idle", () => new Measurement<int>(idle(), pool), "{context}", "Idle contexts.");
        _meter.CreateObservableGauge("v8host.pool.contexts.in_use", () => new Measurement<int>(inUse(), pool), "{context}", "Rented contexts.");
    }

    public void Created() => _created.Add(1, _pool);

    public void Rented(TimeSpan waited)
    {
        _rented.Add(1, _pool);
        _rentWait.Record(waited.TotalMilliseconds, _pool);
    }

    public void Recycled(string reason) => _recycled.Add(1, _pool, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
