using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `heap-jit &lt;bomb&gt; &lt;limit MiB&gt; &lt;timeout ms | none | terminate&lt;ms&gt;&gt; [cap MiB]`: allocation loops
/// with the JIT on, against MaxHeapBytes = limit and an optional Eval timeout (or a TerminateExecution
/// from another thread after the given delay). `new Array(n)` with a constant 16 &lt; n &lt; 5000 inside
/// a loop is the shape whose optimized code lost its interrupt check (see V8Flags in the runtime). A monitor thread watches the resident set: past the cap (default 3 GiB) it
/// prints `RESULT heap-jit.… runaway` and kills the process, so a runaway can never take the machine.
/// Prints the outcome, `.ms` (time to stop), `.peak-mib` (VmHWM), `.spent` (the old context refuses
/// further calls), `.loop-checks` ("kept" when V8Host could keep optimized loops' interrupt checks) and `.fresh` (a new isolate with the same options evaluates 1+1).
/// </summary>
internal static class JitHeapBombs
{
    public static readonly IReadOnlyDictionary<string, string> Bombs = new Dictionary<string, string>
    {
        ["push-arrays"] = "let a=[];while(true)a.push(new Array(1000).fill(0))",
        ["push-big-arrays"] = "let a=[];while(true)a.push(new Array(1e6).fill(0))",
        ["push-objects"] = "let a=[];let i=0;while(true)a.push({i:i++,x:[1,2,3],y:{z:i}})",
        ["push-strings"] = "let a=[];let i=0;while(true)a.push(('s'+(i++)).repeat(50))",
        ["map"] = "const m=new Map();let i=0;while(true)m.set(i++,{i})",
        ["linked"] = "let h=null;while(true)h={next:h,pad:[0,0,0,0,0,0,0,0]}",
        ["try-catch"] = "let a=[];while(true){try{a.push(new Array(1000).fill(0))}catch(e){}}",
        // Nothing retained: the heap stays small, only the timeout or a termination can end it.
        ["churn"] = "while(true)new Array(1000).fill(0)",
        ["churn-objects"] = "let o;while(true)o=Array.from({length:100},(_, i)=>({i}))",
    };

    public static void Run(string[] args)
    {
        var bomb = args[0];
        var limitMiB = long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        TimeSpan? timeout = null;
        TimeSpan? terminateAfter = null;
        if (args[2].StartsWith("terminate", StringComparison.Ordinal))
            terminateAfter = TimeSpan.FromMilliseconds(int.Parse(args[2]["terminate".Length..], System.Globalization.CultureInfo.InvariantCulture));
        else if (args[2] != "none")
            timeout = TimeSpan.FromMilliseconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
        var capMiB = args.Length > 3 ? long.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 3072;
        var verbose = Environment.GetEnvironmentVariable("V8HOST_BOMB_VERBOSE") == "1";
        var name = $"heap-jit.{bomb}.{limitMiB}.{args[2]}";
        var options = new IsolateOptions { MaxHeapBytes = limitMiB << 20 };

        var watch = Stopwatch.StartNew();
        var monitor = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(100);
                var (rss, hwm) = Memory();
                if (verbose)
                    Console.Error.WriteLine($"[monitor] {watch.ElapsedMilliseconds} ms rss {rss} MiB hwm {hwm} MiB");
                if (rss > capMiB)
                {
                    Report.Result(name, "runaway");
                    Report.Detail(name, $"resident set {rss} MiB past the cap of {capMiB} MiB after {watch.ElapsedMilliseconds} ms; killing the process");
                    Console.Out.Flush();
                    Process.GetCurrentProcess().Kill();
                }
            }
        }) { IsBackground = true, Name = "rss-monitor" };
        monitor.Start();

        if (Environment.GetEnvironmentVariable("V8HOST_BOMB_FLAGS") is { Length: > 0 } flags)
            SetV8Flags(flags);
        var context = new Isolate(options).CreateContext();
        watch.Restart();
        if (terminateAfter is { } delay)
        {
            // The host (a pool's MaxRentDuration, a shutdown) stops the script from another thread.
            new Thread(() =>
            {
                Thread.Sleep(delay);
                Report.Result(name + ".terminate-requested", context.TerminateExecution());
            }) { IsBackground = true, Name = "terminator" }.Start();
        }

        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(90), () => Report.Outcome(name, () => context.Eval(bomb == "custom" ? Environment.GetEnvironmentVariable("V8HOST_BOMB_SCRIPT")! : Bombs[bomb], timeout)));
        var elapsed = watch.ElapsedMilliseconds;
        Report.Result(name + ".loop-checks", V8HostSettings.LoopInterruptChecksUnavailable ?? "kept");
        Report.Result(name, outcome);
        Report.Result(name + ".ms", elapsed);
        Report.Result(name + ".peak-mib", Memory().Hwm);
        Report.Result(name + ".spent", Report.StillWorks(context));
        Report.Bounded(name + ".dispose", TimeSpan.FromSeconds(20), context.Dispose);

        Report.Result(name + ".fresh", Report.Bounded(name + ".fresh", TimeSpan.FromSeconds(20), () =>
        {
            using var fresh = new Isolate(options).CreateContext();
            return Report.StillWorks(fresh);
        }));
    }

    /// <summary>Diagnostics only (V8HOST_BOMB_FLAGS): extra V8 flags, set before the first isolate.</summary>
    private static unsafe void SetV8Flags(string flags)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "ClearScriptV8.linux-x64.so");
        var library = System.Runtime.InteropServices.NativeLibrary.Load(path);
        var set = (delegate* unmanaged<byte*, nuint, void>)System.Runtime.InteropServices.NativeLibrary.GetExport(library, "_ZN2v82V818SetFlagsFromStringEPKcm");
        var bytes = System.Text.Encoding.ASCII.GetBytes(flags + "\0");
        fixed (byte* p = bytes)
            set(p, (nuint)(bytes.Length - 1));
        Console.Error.WriteLine($"[flags] {flags}");
    }

    /// <summary>VmRSS and VmHWM of this process, MiB.</summary>
    private static (long Rss, long Hwm) Memory()
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                rss = Kib(line) >> 10;
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                hwm = Kib(line) >> 10;
        }

        return (rss, hwm);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
