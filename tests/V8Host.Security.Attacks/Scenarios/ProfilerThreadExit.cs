namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `profiler-thread-exit`: while a CPU profile is recorded, the thread that ran script exits and new
/// threads start (glibc reuses an exited thread's identity), 60 times over. V8 keeps signalling the
/// last thread that ran script; a new thread taking its identity would get those signals before it
/// is ready (a hang was seen). Expected: every profile stops and holds the script's function.
/// </summary>
internal static class ProfilerThreadExit
{
    public static void Run(string[] args)
    {
        const string name = "profiler-thread-exit";
        using var context = new Isolate().CreateContext();
        context.Eval("function hotFunction(n) { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i) % 7; return s; }");
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(120), () =>
        {
            for (var round = 0; round < 60; round++)
            {
                context.StartCpuProfile();
                var worker = new Thread(() => context.Eval("{ const until = Date.now() + 60; while (Date.now() < until) hotFunction(2000); }"));
                worker.Start();
                worker.Join();

                // Well past the quiet spell (100 ms) after which the sampling leaves the exited thread.
                Thread.Sleep(250);
                var newcomers = Enumerable.Range(0, 8).Select(_ => new Thread(() => GC.KeepAlive(new byte[4096]))).ToArray();
                foreach (var thread in newcomers)
                    thread.Start();
                foreach (var thread in newcomers)
                    thread.Join();

                if (!context.StopCpuProfile().ToJson().Contains("\"hotFunction\"", StringComparison.Ordinal))
                    return $"round {round}: no sample of hotFunction";
            }

            return "ok";
        });
        Report.Result(name, outcome);
    }
}
