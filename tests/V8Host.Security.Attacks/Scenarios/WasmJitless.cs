namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `wasm-jitless`: with V8HostSettings.DisableJitCompilation (process-wide, hence a child process)
/// V8 has no WebAssembly. Expected: scripts see no WebAssembly global, and CompileWasm/ValidateWasm
/// throw NotSupportedException naming DisableJitCompilation; the context stays usable.
/// </summary>
internal static class WasmJitless
{
    // The smallest valid module: the header alone.
    private static readonly byte[] s_empty = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    public static void Run(string[] args)
    {
        V8HostSettings.DisableJitCompilation = true;
        using var context = new Isolate().CreateContext();
        Report.Result("wasm-jitless.typeof", context.Eval<string>("typeof WebAssembly"));
        Report.Result("wasm-jitless.compile", Outcome("wasm-jitless.compile", () => context.CompileWasm(s_empty)));
        Report.Result("wasm-jitless.validate", Outcome("wasm-jitless.validate", () => context.ValidateWasm(s_empty)));
        Report.Result("wasm-jitless.after", Report.StillWorks(context));
    }

    /// <summary>The exception's kind, and whether its message names the setting.</summary>
    private static string Outcome(string name, Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (Exception exception)
        {
            Report.Detail(name, exception);
            return Report.Kind(exception) + (exception.Message.Contains("DisableJitCompilation", StringComparison.Ordinal) ? ":names-setting" : string.Empty);
        }
    }
}
