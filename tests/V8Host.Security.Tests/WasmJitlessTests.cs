namespace V8Host.Security.Tests;

/// <summary>Jitless mode (process-wide, so in a child process) disables WebAssembly; CompileWasm says so.</summary>
public class WasmJitlessTests
{
    [Fact]
    public void Jitless_mode_has_no_WebAssembly_and_CompileWasm_says_why()
    {
        ChildProcess.Completed("wasm-jitless")
            .AssertResult("wasm-jitless.typeof", "undefined")
            .AssertResult("wasm-jitless.compile", "NotSupportedException:names-setting")
            .AssertResult("wasm-jitless.validate", "NotSupportedException:names-setting")
            .AssertResult("wasm-jitless.after", "2");
    }
}
