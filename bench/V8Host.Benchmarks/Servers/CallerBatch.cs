namespace V8Host.Benchmarks.Servers;

/// <summary>
/// The callers of a concurrent-callers benchmark: <c>callers</c> dedicated threads, started once (in
/// [GlobalSetup]), that run one batch of <see cref="Requests"/> requests split evenly among them per
/// <see cref="Run"/>, so that the mean per operation (OperationsPerInvoke = <see cref="Requests"/>)
/// converts to requests per second. Dedicated threads rather than Parallel.For: the thread pool starts
/// with one thread per core, so on 2 cores a Parallel.For could run "4 callers" on 2 or 3 threads.
/// Started once rather than per batch, as a server's request threads are: in a scratch run (3 s per
/// figure, 2 callers, the pooled request), threads started per batch gave 6.8k–7.7k requests/s,
/// threads started once 6.2k–9.8k, and callers running free without batches 9.2k–11.2k.
/// </summary>
internal sealed class CallerBatch : IDisposable
{
    public const int Requests = 64;

    private readonly Thread[] _threads;
    // Every caller and the benchmark thread meet here twice per batch: once to start, once when done.
    private readonly Barrier _barrier;
    private Action? _request;
    private Exception? _failure;
    private volatile bool _stopping;

    public CallerBatch(int callers)
    {
        if (callers < 1 || Requests % callers != 0)
            throw new ArgumentOutOfRangeException(nameof(callers), callers, $"{Requests} requests must split evenly.");
        _barrier = new Barrier(callers + 1);
        var perCaller = Requests / callers;
        _threads = Enumerable.Range(0, callers).Select(i => new Thread(() => Serve(perCaller)) { IsBackground = true, Name = $"caller {i}" }).ToArray();
        foreach (var thread in _threads)
            thread.Start();
    }

    /// <summary>Runs one batch: each caller runs <paramref name="request"/> its share of <see cref="Requests"/> times.</summary>
    public void Run(Action request)
    {
        _request = request;
        _barrier.SignalAndWait();
        _barrier.SignalAndWait();
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
            throw new InvalidOperationException("A caller failed.", failure);
    }

    public void Dispose()
    {
        _stopping = true;
        _barrier.SignalAndWait();
        foreach (var thread in _threads)
            thread.Join();
        _barrier.Dispose();
    }

    private void Serve(int perCaller)
    {
        while (true)
        {
            _barrier.SignalAndWait();
            if (_stopping)
                return;
            try
            {
                for (var n = 0; n < perCaller; n++)
                    _request!();
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _failure, exception, null);
            }

            _barrier.SignalAndWait();
        }
    }
}
