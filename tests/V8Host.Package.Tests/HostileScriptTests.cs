namespace V8Host.Package.Tests;

/// <summary>
/// Heap limits. When a script outruns the limit V8 aborts the whole process, so these run in a child
/// process: a failure there shows up as a failed test here instead of a crashed test host.
/// </summary>
public sealed class HostileScriptTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("v8host-hostile-").FullName;

    [Fact]
    public void Heap_limits_stop_hostile_scripts_and_the_process_survives()
    {
        var output = RunChild("""
            using V8Host;

            V8HostSettings.DisableJitCompilation = true;
            foreach (var (name, script) in new[]
            {
                ("chain", "let x = {}; while (true) { x = { next: x, pad: 'p' + Math.random() }; }"),
                ("flood", "var a = []; while (true) a.push(new Array(1000).fill('x' + a.length));"),
            })
            {
                using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 32 * 1024 * 1024 }).CreateContext();
                try
                {
                    context.Eval(script, TimeSpan.FromMinutes(2));
                    Console.WriteLine($"{name}: no error");
                }
                catch (ScriptResourceException error)
                {
                    Console.WriteLine($"{name}: ScriptResourceException mentions the limit: {error.Message.Contains("heap limit")}; alive: {context.IsAlive}");
                    try
                    {
                        context.Eval("1");
                    }
                    catch (ScriptResourceException)
                    {
                        Console.WriteLine($"{name}: later calls throw ScriptResourceException");
                    }
                }
            }

            using var fresh = new Isolate().CreateContext();
            Console.WriteLine($"fresh isolate: {fresh.Eval<int>("1 + 1")}");
            """);

        foreach (var name in new[] { "chain", "flood" })
        {
            Assert.Contains($"{name}: ScriptResourceException mentions the limit: True; alive: False", output);
            Assert.Contains($"{name}: later calls throw ScriptResourceException", output);
        }

        Assert.Contains("fresh isolate: 2", output);
    }

    private string RunChild(string program)
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
                <ProjectReference Include="{Path.Combine(LocalFeed.RepositoryRoot, "Runtime", "V8Host.Runtime.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), program);

        // Building the runtime project from a child: the machine's package folder keeps the repository's obj/ assets valid.
        return new DotNetCli(packagesFolder: null).Run(app, "run", "-nodeReuse:false");
    }

    public void Dispose() => LocalFeed.TryDelete(_root);
}
