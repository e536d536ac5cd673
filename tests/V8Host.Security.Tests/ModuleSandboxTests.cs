namespace V8Host.Security.Tests;

/// <summary>Modules under a directory loader cannot read files outside its root, by any route.</summary>
public class ModuleSandboxTests
{
    [Theory]
    [InlineData("dotdot")]
    [InlineData("absolute")]
    [InlineData("file-url")]
    [InlineData("encoded")]
    [InlineData("backslash")]
    [InlineData("nul")]
    [InlineData("symlink-file")]
    [InlineData("symlink-dir")]
    [InlineData("package-exports")]
    public void A_module_cannot_read_outside_the_loader_root(string route) =>
        ChildProcess.Completed("modules", route).AssertResult($"modules.{route}", "refused");

    [Theory]
    [InlineData("map-get")]
    [InlineData("map-set")]
    [InlineData("function-call")]
    [InlineData("define-property")]
    [InlineData("reflect-set")]
    [InlineData("object-prototype-setters")]
    [InlineData("string-template")]
    public void Tampered_intrinsics_neither_see_nor_change_the_CommonJS_runtime(string target) =>
        ChildProcess.Completed("modules-tamper", target).AssertResult($"modules-tamper.{target}", "ok");
}
