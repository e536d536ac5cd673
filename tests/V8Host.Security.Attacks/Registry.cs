using V8Host.Security.Attacks.Scenarios;

namespace V8Host.Security.Attacks;

/// <summary>Scenario names → entry points. Each group dispatches on its own first argument.</summary>
internal static class Registry
{
    public static IReadOnlyDictionary<string, Action<string[]>> Scenarios { get; } = new Dictionary<string, Action<string[]>>
    {
        ["thrown"] = ThrownValues.Run,
        ["thrown-data"] = ThrownData.Run,
        ["heap"] = HeapBombs.Run,
        ["finreg"] = FinalizationLoops.Run,
        ["arraybuffer"] = ArrayBufferLimits.Run,
        ["glue"] = GlueForgery.Run,
        ["tamper"] = TamperedIntrinsics.Run,
        ["errors"] = ForgedErrors.Run,
        ["timeout"] = Timeouts.Run,
        ["stack"] = StackDepth.Run,
        ["compilefn"] = CompileFunctionInjection.Run,
        ["typed"] = TypedReads.Run,
        ["bulk"] = BulkDataAttacks.Run,
        ["hostclass"] = HostClassLifetime.Run,
        ["fuzz"] = Fuzzer.Run,
        ["lifetime"] = LifetimeFuzzer.Run,
        ["modules"] = ModuleEscapes.Run,
        ["modules-tamper"] = ModuleGlueTampering.Run,
        ["console"] = ConsoleAttacks.Run,
        ["timers"] = TimerAttacks.Run,
        ["probe10"] = Issue10Probes.Run,
        ["web-encoding"] = WebEncodingScenarios.Run,
        ["probe11"] = Issue11Probes.Run,
        ["probe12"] = Issue12Probes.Run,
        ["probe13"] = Issue13Probes.Run,
        ["inspector"] = InspectorAttacks.Run,
        ["profiler-thread-exit"] = ProfilerThreadExit.Run,
        ["pool"] = PoolAttacks.Run,
        ["wasm-jitless"] = WasmJitless.Run,
        ["bufspan"] = BufferSpanAttacks.Run,
    };
}
