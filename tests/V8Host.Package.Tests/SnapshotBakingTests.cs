namespace V8Host.Package.Tests;

/// <summary>
/// <c>&lt;V8Snapshot&gt;</c> items in a fresh console project that uses the packed package: the build bakes
/// the scripts (the package's task and baker with the project's own runtime), embeds the blob, and the
/// generator's <c>V8Snapshots.App</c> starts contexts from it; a second build skips baking, a changed
/// input re-bakes, and script errors fail the build in MSBuild's canonical format at the file and line.
/// </summary>
public sealed class SnapshotBakingTests : IDisposable
{
    private const string BakeSkipped = "Skipping target \"V8HostBakeSnapshots\" because all output files are up-to-date";
    private readonly string _root = Directory.CreateTempSubdirectory("v8host-snapshots-").FullName;
    private readonly DotNetCli _cli;
    private readonly string _app;

    public SnapshotBakingTests()
    {
        _cli = new DotNetCli(Path.Combine(_root, "packages"));
        _app = Directory.CreateDirectory(Path.Combine(_root, "Baked")).FullName;
        LocalFeed.CreateConsoleApp(_cli, _app, "Baked", offline: true);
        Directory.CreateDirectory(Path.Combine(_app, "js"));
        Write("js/lib.js", "globalThis.lib = { twice: x => x * 2, greet: name => 'hello ' + name };\n");
        Write("js/boot.js", "globalThis.ready = lib.greet('snapshot');\n");
        Write("js/warm.js", "lib.twice(21);\nglobalThis.warmed = true;\n");
        Write("Program.cs", """
            using V8Host;

            using var context = new Isolate(Baked.V8Snapshots.App).CreateContextFromSnapshot();
            Console.WriteLine(context.Eval<string>("`${ready} ${lib.twice(4)} warm-up kept: ${typeof warmed !== 'undefined'}`"));
            Console.WriteLine(context.SnapshotRestore);
            try
            {
                context.Eval("lib.greet.call(null, Symbol())");
            }
            catch (JavaScriptException error)
            {
                Console.WriteLine($"{error.ErrorName} at {error.Frames[0].ScriptName}:{error.Frames[0].Line}");
            }
            """);
    }

    [Fact]
    public void The_build_bakes_embeds_and_skips_baking_when_nothing_changed()
    {
        SetSnapshotItems("""<V8Snapshot Include="js/lib.js;js/boot.js" SnapshotName="App" WarmUp="js/warm.js" />""");
        var first = Build();
        Assert.DoesNotContain(BakeSkipped, first);
        var blob = Path.Combine(_app, "obj", "Debug", "net10.0", "v8snapshots", "App.v8snapshot");
        Assert.True(File.Exists(blob), "the build did not write the snapshot blob");

        var output = Run();
        Assert.Equal("hello snapshot 8 warm-up kept: false", output[0]);
        Assert.Equal("snapshot context 0: 2 script(s) from their code caches", output[1]);
        // Script names are the project-relative paths, not the build machine's.
        Assert.Equal("TypeError at js/lib.js:1", output[2]);

        // Unchanged inputs: the target is skipped and the blob is not rewritten.
        var bakedAt = File.GetLastWriteTimeUtc(blob);
        var second = Build();
        Assert.Contains(BakeSkipped, second);
        Assert.Equal(bakedAt, File.GetLastWriteTimeUtc(blob));

        // A changed script re-bakes, and the program sees the change.
        Write("js/boot.js", "globalThis.ready = lib.greet('rebaked');\n");
        Assert.DoesNotContain(BakeSkipped, Build());
        Assert.Equal("hello rebaked 8 warm-up kept: false", Run()[0]);

        // Reordering the items changes no timestamp, but the recorded list of inputs: re-baked too.
        Write("js/extra.js", "globalThis.warmed = true;\n");
        SetSnapshotItems("""
            <V8Snapshot Include="js/lib.js" SnapshotName="App" WarmUp="js/warm.js" />
            <V8Snapshot Include="js/boot.js" SnapshotName="App" />
            <V8Snapshot Include="js/extra.js" SnapshotName="Extra" />
            """);
        Write("Program.cs", """
            using V8Host;

            using var extra = new Isolate(Baked.V8Snapshots.Extra).CreateContextFromSnapshot();
            Console.WriteLine(extra.Eval<bool>("globalThis.warmed") + " " + Baked.V8Snapshots.App.ContextCount);
            """);
        Assert.DoesNotContain(BakeSkipped, Build());
        Assert.Equal("True 1", Run()[0]);
    }

    [Fact]
    public void Script_errors_fail_the_build_at_their_file_line_and_column()
    {
        SetSnapshotItems("""<V8Snapshot Include="js/lib.js;js/boot.js" SnapshotName="App" />""");
        Build();
        var blob = Path.Combine(_app, "obj", "Debug", "net10.0", "v8snapshots", "App.v8snapshot");
        Assert.True(File.Exists(blob));

        Write("js/boot.js", "globalThis.ready = 1;\nlet broken = ;\n");
        var syntax = FailedBuild();
        Assert.Contains($"{Full("js/boot.js")}(2,14): error V8H2001: SyntaxError: Unexpected token ';'", syntax);

        Write("js/boot.js", "function start() {\n  return lib.missing.value;\n}\nstart();\n");
        var thrown = FailedBuild();
        Assert.Contains($"{Full("js/boot.js")}(2,", thrown);
        Assert.Contains("): error V8H2001: TypeError: Cannot read properties of undefined (reading 'value')", thrown);
        // The blob of the earlier good build is gone: a stale one must not look up to date next time.
        Assert.False(File.Exists(blob), "a failed bake left the old blob behind");

        SetSnapshotItems("""<V8Snapshot Include="js/lib.js" SnapshotName="App" WarmUp="js/warm-missing.js" />""");
        Assert.Contains("error V8H2004: V8Snapshot 'App': the file 'js/warm-missing.js' does not exist.", FailedBuild());

        SetSnapshotItems("""<V8Snapshot Include="js/lib.js" SnapshotName="my-app" />""");
        Assert.Contains("error V8H2007: The V8Snapshot name 'my-app' is not a C# identifier", FailedBuild());

        SetSnapshotItems("""<V8Snapshot Include="js/lib.js" />""");
        Assert.Contains("error V8H2006: The V8Snapshot item 'js/lib.js' has no SnapshotName", FailedBuild());

        Write("js/boot.js", "for (;;) {}\n");
        SetSnapshotItems("""<V8Snapshot Include="js/lib.js;js/boot.js" SnapshotName="App" />""", "<V8HostSnapshotTimeout>2</V8HostSnapshotTimeout>");
        // MSBuild writes a position-less error as "file : error".
        Assert.Contains($"{Full("js/boot.js")} : error V8H2002: the script did not finish within 2 s", FailedBuild());
    }

    public void Dispose() => LocalFeed.TryDelete(_root);

    private void SetSnapshotItems(string items, string properties = "")
    {
        var project = Path.Combine(_app, "Baked.csproj");
        var text = File.ReadAllText(project);
        var start = text.IndexOf("  <!-- snapshots -->", StringComparison.Ordinal);
        if (start >= 0)
            text = text[..start] + "</Project>\n";
        File.WriteAllText(project, text.Replace("</Project>", $"""
              <!-- snapshots -->
              <PropertyGroup>{properties}</PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """));
    }

    private string Build() => _cli.Run(_app, "build", "-nodeReuse:false", "-v:n");

    private string FailedBuild()
    {
        var (exitCode, output) = _cli.RunAllowingFailure(_app, "build", "-nodeReuse:false");
        Assert.True(exitCode != 0, $"the build was expected to fail:\n{output}");
        return output;
    }

    private List<string> Run() =>
        _cli.Run(_app, "run", "--no-build").TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_app, file), text);

    private string Full(string file) => Path.GetFullPath(Path.Combine(_app, file));
}
