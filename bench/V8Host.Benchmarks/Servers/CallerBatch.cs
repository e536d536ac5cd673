namespace V8Host.Benchmarks.Servers;

/// <summary>
/// One benchmark invocation of a concurrent-callers benchmark: <see cref="Requests"/> requests split
/// evenly over <c>callers</c> threads, so that the mean per operation (OperationsPerInvoke =
/// <see cref="Requests"/>) converts to requests per second. Dedicated threads rather than
/// Parallel.For: the thread pool starts with one thread per core, so on 2 cores a Parallel.For could
/// run "4 callers" on 2 or 3 threads. Starting the threads costs about 0.1 ms per batch, well under
/// 1% of even the pooled batch.
/// </summary>
internal static class CallerBatch
{
    public const int Requests = 64;

    public static void Run(int callers, Action request)
    {
        if (Requests % callers != 0)
            throw new ArgumentOutOfRangeException(nameof(callers), callers, $"{Requests} requests must split evenly.");
        var perCaller = Requests / callers;
        var threads = new Thread[callers];
        Exception? failure = null;
        for (var i = 0; i < callers; i++)
        {
            threads[i] = new Thread(() =>
            {
                try
                {
                    for (var n = 0; n < perCaller; n++)
                        request();
                }
                catch (Exception exception)
                {
                    failure ??= exception;
                }
            });
            threads[i].Start();
        }

        foreach (var thread in threads)
            thread.Join();
        if (failure is not null)
            throw new InvalidOperationException("A caller failed.", failure);
    }
}
