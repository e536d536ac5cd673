using System.Runtime.CompilerServices;

namespace V8Host.Package.Tests;

/// <summary>
/// Heap limits against a script the JIT turns into a loop that never services interrupts. V8 aborts
/// the whole process when such a script reaches its hard limit, so each case runs in a child process.
/// </summary>
public sealed class HostileScriptTests : IDisposable
{
    private const string Hostile = "var a = []; while (true) a.push(new Array(1000).fill('x' + a.length));";

    private readonly string _root = Directory.CreateTempSubdirectory("v8host-hostile-").FullName;

    [Fact]
    public void Without_the_jit_a_heap_limit_stops_even_a_builtin_only_loop()
    {
        var output = RunChild(disableJit: true);

        Assert.Contains("ScriptResourceException", output);
        Assert.Contains("process survived", output);
    }

    private string RunChild(bool disableJit)
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "Hostile")).FullName;
        File.WriteAllText(Path.Combine(app, "Hostile.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{Path.Combine(RepositoryRoot(), "Runtime", "V8Host.Runtime.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), $$"""
            using V8Host;

            V8HostSettings.DisableJitCompilation = {{(disableJit ? "true" : "false")}};
            using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 32 * 1024 * 1024 }).CreateContext();
            try
            {
                context.Eval("{{Hostile}}", TimeSpan.FromMinutes(2));
            }
            catch (Exception error)
            {
                Console.WriteLine(error.GetType().Name + ": " + error.Message);
            }

            Console.WriteLine("process survived");
            """);

        // Building the runtime project from a child: the machine's package folder keeps the repository's obj/ assets valid.
        return new DotNetCli(packagesFolder: null).Run(app, "run", "-nodeReuse:false");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
