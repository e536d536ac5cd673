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
        if (step == "reset-oom")
        {
            ResetOutOfMemory();
            return;
        }

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

    // Issue 14: a renter fills its heap to just under the limit (in a global, which the reset deletes)
    // and runs one name of almost 4 MiB, so that the reset's own check for top-level bindings would
    // have to allocate tens of MiB in a full heap (a name that long is not checked: the context is
    // recycled). Return must end, recycle or keep a
    // working context, and the process must survive.
    private static void ResetOutOfMemory()
    {
        const string name = "pool.reset-oom";
        using var pool = new ContextPool(new ContextPoolOptions
        {
            MaxSize = 1,
            IsolateOptions = new IsolateOptions { MaxHeapBytes = 32 * 1024 * 1024 },
            Configure = builder => builder.Install(ConsoleApi.Discard),
        });
        var lease = pool.Rent();
        var attacked = lease.Context;
        Report.Result(name + ".fill", Report.Outcome(name, () => attacked.Eval(
            "globalThis.hold = []; for (let i = 0; i < 40; i++) hold.push(new Array(60000).fill(i + 0.5));")));
        Report.Result(name + ".name", Report.Outcome(name, () => attacked.Eval("globalThis." + new string('q', 4 * 1024 * 1024 - 64) + " = 1;")));
        Report.Detail(name, $"alive before Return: {attacked.IsAlive}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Report.Result(name + ".return", Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, lease.Dispose)));
        Report.Detail(name, $"Return took {watch.ElapsedMilliseconds} ms; recycled: {!attacked.IsAlive}");
        Report.Result(name + ".return-under-1s", watch.Elapsed < TimeSpan.FromSeconds(1) ? "yes" : "no");
        using var next = pool.Rent();
        Report.Result(name + ".next", Report.ValueOutcome(name, () => next.Context.Eval<int>("1 + 1")));
        Report.Result(name + ".clean", Report.ValueOutcome(name, () => next.Context.Eval<string>("String(Object.keys.hold?.length)")));
    }
}
