namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `pool &lt;heap-bomb|endless&gt;`: a renter of a ContextPool context attacks it; the context must never be
/// rented again, and the next renter gets a working one.
/// </summary>
internal static class PoolAttacks
{
    public static void Run(string[] args)
    {
        var step = args[0];
        var name = "pool." + step;
        using var pool = new ContextPool(new ContextPoolOptions
        {
            MaxSize = 1,
            IsolateOptions = new IsolateOptions { MaxHeapBytes = 32 * 1024 * 1024 },
            // The endless script is ended by the rent limit; the heap bomb by the heap limit.
            MaxRentDuration = step == "endless" ? TimeSpan.FromMilliseconds(500) : null,
            Configure = builder => builder.Install(ConsoleApi.Discard),
        });
        Context attacked;
        using (var lease = pool.Rent())
        {
            attacked = lease.Context;
            var script = step switch
            {
                "heap-bomb" => "new Array(1.2e8).fill(1.5)",
                "endless" => "for (;;) {}",
                _ => throw new ArgumentException("unknown pool step " + step),
            };
            Report.Result(name, Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () => lease.Context.Eval(script))));
        }

        Report.Result(name + ".recycled", !attacked.IsAlive && pool.Created == 1 ? "yes" : "no");
        using (var next = pool.Rent())
        {
            Report.Result(name + ".next", Report.ValueOutcome(name, () => next.Context.Eval<int>("1 + 1")));
            Report.Result(name + ".fresh", next.Context == attacked ? "no" : "yes");
        }
    }
}
