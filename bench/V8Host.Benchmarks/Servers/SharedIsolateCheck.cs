using System.Diagnostics;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using V8Host;

namespace V8Host.Benchmarks.Servers;

/// <summary>
/// What contexts sharing one isolate give up, shown with real runs rather than read from
/// documentation: <c>dotnet run -c Release --project bench/V8Host.Benchmarks -- shared-isolate-check</c>.
/// Each step prints what happened (a value, or the exception's type and message, and how long it took);
/// docs/benchmarks.md reports one run. Engines "a" and "b" are two contexts of one ClearScript
/// <see cref="V8Runtime"/>; the V8Host steps repeat the scenario with a context per isolate.
/// </summary>
internal static class SharedIsolateCheck
{
    private const int HeapLimit = 64 << 20;
    // Retains about 1 MiB per iteration (a 2^17-element array of small integers) in a global.
    private const string Retain = "globalThis.keep ??= []; for (let i = 0; i < {0}; i++) keep.push(new Array(1 << 17).fill(i)); keep.length";
    private const string HeapBomb = "const bomb = []; while (true) bomb.push(new Array(1 << 17).fill(1));";

    public static void Run()
    {
        SharedHeapLimit();
        HeapBombOnSharedRuntime();
        HeapBombOnV8Host();
        InterruptReachesOtherEngine();
        InterruptWithNothingRunning();
        LongScriptBlocksOtherEngines();
        LongScriptOnV8Host();
    }

    /// <summary>b holds 40 MiB; a then retains 30 MiB, under the limit on its own, but not with b's.</summary>
    private static void SharedHeapLimit()
    {
        Section("1. one heap limit for all engines of a runtime (MaxHeapSize 64 MiB)");
        using var runtime = NewLimitedRuntime();
        using var a = runtime.CreateScriptEngine();
        using var b = runtime.CreateScriptEngine();
        Step("b retains 40 MiB", () => b.Evaluate(string.Format(Retain, 40)));
        Step("heap used (runtime)", () => Mib(runtime.GetHeapInfo().UsedHeapSize));
        Step("a retains 30 MiB", () => a.Evaluate(string.Format(Retain, 30)));
        Step("heap used (runtime)", () => Mib(runtime.GetHeapInfo().UsedHeapSize));
        Step("b: keep.length", () => b.Evaluate("keep.length"));
        Step("a new engine on the runtime: 1 + 1", () =>
        {
            using var c = runtime.CreateScriptEngine();
            return c.Evaluate("1 + 1");
        });
        Step("the host sets MaxHeapSize again (same value); b: keep.length", () =>
        {
            runtime.MaxHeapSize = (UIntPtr)HeapLimit;
            return b.Evaluate("keep.length");
        });
        Recover(runtime, a, b);
    }

    /// <summary>A heap bomb in a: what b, which did nothing wrong, sees afterwards.</summary>
    private static void HeapBombOnSharedRuntime()
    {
        Section("2. a heap bomb in one engine of a shared runtime (MaxHeapSize 64 MiB)");
        using var runtime = NewLimitedRuntime();
        using var a = runtime.CreateScriptEngine();
        using var b = runtime.CreateScriptEngine();
        Step("b retains 1 MiB", () => b.Evaluate(string.Format(Retain, 1)));
        Step("a: heap bomb", () => a.Evaluate(HeapBomb));
        Step("b: keep.length", () => b.Evaluate("keep.length"));
        Step("b: 1 + 1", () => b.Evaluate("1 + 1"));
        Step("a new engine on the runtime: 1 + 1", () =>
        {
            using var c = runtime.CreateScriptEngine();
            return c.Evaluate("1 + 1");
        });
        Step("heap used (runtime), after a full collection", () =>
        {
            runtime.CollectGarbage(true);
            return Mib(runtime.GetHeapInfo().UsedHeapSize);
        });
        Step("the host sets MaxHeapSize again (same value); b: keep.length", () =>
        {
            runtime.MaxHeapSize = (UIntPtr)HeapLimit;
            return b.Evaluate("keep.length");
        });
        Recover(runtime, a, b);
    }

    private static void HeapBombOnV8Host()
    {
        Section("3. the same heap bomb in V8Host (MaxHeapBytes 64 MiB, an isolate per context)");
        var options = new IsolateOptions { MaxHeapBytes = HeapLimit };
        using var a = new Isolate(options).CreateContext();
        using var b = new Isolate(options).CreateContext();
        Step("b retains 1 MiB", () => b.Eval<int>(string.Format(Retain, 1)));
        Step("a: heap bomb", () => a.Eval(HeapBomb));
        Step("b: keep.length", () => b.Eval<int>("keep.length"));
        Step("a: 1 + 1", () => a.Eval<int>("1 + 1"));
    }

    /// <summary>b runs an endless loop; the host interrupts a, which runs nothing.</summary>
    private static void InterruptReachesOtherEngine()
    {
        Section("4. a.Interrupt() while b runs an endless loop (one runtime)");
        using var runtime = new V8Runtime();
        using var a = runtime.CreateScriptEngine();
        using var b = runtime.CreateScriptEngine();
        var loop = Background("b: while (true) {}", () => b.Evaluate("while (true) {}"));
        Thread.Sleep(500);
        Step("a.Interrupt()", () =>
        {
            a.Interrupt();
            return "returned";
        });
        if (!loop.Join(TimeSpan.FromSeconds(3)))
        {
            Console.WriteLine("    b's loop still running 3 s after a.Interrupt(); now b.Interrupt()");
            b.Interrupt();
            loop.Join();
        }

        Step("a: 1 + 1", () => a.Evaluate("1 + 1"));
        Step("b: 1 + 1", () => b.Evaluate("1 + 1"));
    }

    /// <summary>An interrupt with no script running: does it wait for the next script, and whose?</summary>
    private static void InterruptWithNothingRunning()
    {
        Section("5. a.Interrupt() with nothing running, then b and a run (one runtime)");
        using var runtime = new V8Runtime();
        using var a = runtime.CreateScriptEngine();
        using var b = runtime.CreateScriptEngine();
        a.Interrupt();
        Step("b: 1 + 1", () => b.Evaluate("1 + 1"));
        Step("a: 1 + 1", () => a.Evaluate("1 + 1"));
    }

    /// <summary>b runs an endless loop; a, on another thread, only wants 1 + 1.</summary>
    private static void LongScriptBlocksOtherEngines()
    {
        Section("6. a: 1 + 1 while b runs an endless loop (one runtime)");
        using var runtime = new V8Runtime();
        using var a = runtime.CreateScriptEngine();
        using var b = runtime.CreateScriptEngine();
        var loop = Background("b: while (true) {}", () => b.Evaluate("while (true) {}"));
        Thread.Sleep(500);
        var quick = Background("a: 1 + 1 (started while b loops)", () => a.Evaluate("1 + 1"));
        if (!quick.Join(TimeSpan.FromSeconds(2)))
            Console.WriteLine("    a's 1 + 1 has not returned after 2 s; now b.Interrupt()");
        b.Interrupt();
        loop.Join();
        quick.Join();
    }

    private static void LongScriptOnV8Host()
    {
        Section("7. the same in V8Host (an isolate per context)");
        using var a = new Isolate().CreateContext();
        using var b = new Isolate().CreateContext();
        var loop = Background("b: while (true) {} (2 s timeout)", () => b.Eval("while (true) {}", TimeSpan.FromSeconds(2)));
        Thread.Sleep(500);
        Step("a: 1 + 1 (while b loops)", () => a.Eval<int>("1 + 1"));
        Step("b.TerminateExecution() from the host", () => b.TerminateExecution());
        loop.Join();
        Step("a: 1 + 1", () => a.Eval<int>("1 + 1"));
        Step("b: 1 + 1", () => b.Eval<int>("1 + 1"));
    }

    /// <summary>The way back: the host disposes the engine that holds the memory (it has to know which), collects, and sets the limit again.</summary>
    private static void Recover(V8Runtime runtime, V8ScriptEngine culprit, V8ScriptEngine innocent)
    {
        Step("dispose a, full collection; heap used (runtime)", () =>
        {
            culprit.Dispose();
            runtime.CollectGarbage(true);
            return Mib(runtime.GetHeapInfo().UsedHeapSize);
        });
        Step("b: keep.length (limit not set again)", () => innocent.Evaluate("keep.length"));
        Step("the host sets MaxHeapSize again (same value); b: keep.length", () =>
        {
            runtime.MaxHeapSize = (UIntPtr)HeapLimit;
            return innocent.Evaluate("keep.length");
        });
    }

    // The runtime V8Host would give an isolate with MaxHeapBytes = 64 MiB (Runtime/Engine/EngineCore.cs):
    // a sampled soft limit with the Interrupt policy, and V8's hard limit far enough above it (the
    // limit plus max(3 x limit, 1 GiB), in MiB).
    private static V8Runtime NewLimitedRuntime() =>
        new(new V8RuntimeConstraints { MaxOldSpaceSize = 64 + Math.Max(3 * 64, 1024), HeapExpansionMultiplier = 2 })
        {
            MaxHeapSize = (UIntPtr)HeapLimit,
            HeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt,
        };

    private static void Section(string title) => Console.WriteLine($"\n{title}");

    private static void Step(string what, Func<object?> action)
    {
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            outcome = $"= {action() ?? "null"}";
        }
        catch (Exception exception)
        {
            outcome = Describe(exception);
        }

        Console.WriteLine($"  {what}: {outcome} ({clock.ElapsedMilliseconds} ms)");
    }

    private static Thread Background(string what, Func<object?> action)
    {
        var thread = new Thread(() => Step(what, action));
        thread.Start();
        return thread;
    }

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        if (exception is IScriptEngineException script)
            text += $" [IsFatal={script.IsFatal}, ExecutionStarted={script.ExecutionStarted}]";
        if (exception.InnerException is { } inner)
            text += $" <- {inner.GetType().Name}: {inner.Message}";
        return text;
    }

    private static string Mib(ulong bytes) => $"{bytes / (1024.0 * 1024):F1} MiB";
}
