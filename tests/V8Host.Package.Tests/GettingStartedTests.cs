using System.Text.RegularExpressions;

namespace V8Host.Package.Tests;

/// <summary>
/// The programs on docs/getting-started.md (and the README's and generator.md's) do what the page says,
/// for a user who pastes them. A ```csharp block right after a <c>&lt;!-- program --&gt;</c> line is a
/// whole Program.cs; each is built in a fresh console project that adds the packed V8Host package
/// (restored offline: the local pack output and the machine's NuGet cache are the only sources), run,
/// and its output must be exactly the lines its <c>// prints:</c> comments give, in order. Unmarked
/// blocks are fragments.
/// </summary>
public sealed partial class GettingStartedTests : IDisposable
{
    private const string ProgramMarker = "<!-- program -->";
    private const string GettingStarted = "docs/getting-started.md";
    private static readonly string[] s_pages = { GettingStarted, "README.md", "docs/generator.md", "docs/wasm.md" };
    private readonly string _root = Directory.CreateTempSubdirectory("v8host-getting-started-").FullName;

    [Fact]
    public void The_pages_mark_their_programs_and_every_output_claim_is_in_one()
    {
        // Steps 2 to 5 of getting started each have a program; losing a marker would silently stop checking one.
        var gettingStarted = CodeBlocks(GettingStarted).Count(b => b.IsProgram);
        Assert.True(gettingStarted >= 4, $"expected at least 4 marked programs on {GettingStarted}, found {gettingStarted}");
        foreach (var block in s_pages.SelectMany(CodeBlocks))
        {
            Assert.True(block.Language == "csharp" || !block.IsProgram, $"{block.Where}: {ProgramMarker} must precede a ```csharp block, not ```{block.Language}");
            if (block.Language == "csharp" && !block.IsProgram)
                Assert.True(ExpectedOutput(block.Code).Count == 0, $"{block.Where}: a block with // prints: comments must be marked {ProgramMarker}, or its claims go unchecked");
            if (block.IsProgram)
                Assert.True(ExpectedOutput(block.Code).Count > 0, $"{block.Where}: a program must say what it prints");
        }
    }

    [Fact]
    public void Every_program_builds_as_pasted_and_prints_what_its_comments_say()
    {
        var programs = s_pages.SelectMany(CodeBlocks).Where(b => b.IsProgram).ToList();
        Assert.Contains(programs, p => p.Code.Contains("[HostClass]", StringComparison.Ordinal));

        var app = Directory.CreateDirectory(Path.Combine(_root, "MyApp")).FullName;
        var cli = new DotNetCli(Path.Combine(_root, "packages"));

        // Step 1 of getting started, offline: the pack output plus what this machine's NuGet cache holds.
        LocalFeed.CreateConsoleApp(cli, app, "MyApp", offline: true);

        var declarations = Path.Combine(app, "bin", "Debug", "net10.0", "MyApp.d.ts");
        foreach (var program in programs)
        {
            File.WriteAllText(Path.Combine(app, "Program.cs"), program.Code);
            if (File.Exists(declarations))
                File.Delete(declarations);
            var build = cli.Run(app, "build", "-nodeReuse:false");
            Assert.True(!build.Contains("warning V8H", StringComparison.Ordinal), $"{program.Where}: the program draws a V8Host analyzer warning:\n{build}");

            // The page tells users the build writes MyApp.d.ts for their host classes.
            if (program.Code.Contains("[HostClass]", StringComparison.Ordinal))
                Assert.True(File.Exists(declarations) && File.ReadAllText(declarations).Contains("declare class ", StringComparison.Ordinal), $"{program.Where}: the build did not write the program's classes to MyApp.d.ts");

            var expected = ExpectedOutput(program.Code);
            var actual = cli.Run(app, "run", "--no-build").TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToList();
            Assert.True(
                expected.SequenceEqual(actual),
                $"{program.Where}: the program's output differs from its // prints: comments.\nexpected:\n{string.Join('\n', expected)}\nactual:\n{string.Join('\n', actual)}");
        }
    }

    public void Dispose() => LocalFeed.TryDelete(_root);

    /// <summary>A page's fenced blocks, each with its language, where it starts and whether a program marker precedes it.</summary>
    private static List<CodeBlock> CodeBlocks(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(LocalFeed.RepositoryRoot, page));
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                continue;
            var language = lines[i][3..].Trim();
            var end = Array.FindIndex(lines, i + 1, line => line.TrimEnd() == "```");
            Assert.True(end > i, $"{page} line {i + 1}: the code block is never closed");
            var isProgram = i > 0 && lines[i - 1].Trim() == ProgramMarker;
            blocks.Add(new CodeBlock(language, $"{page} line {i + 1}", isProgram, string.Join('\n', lines[(i + 1)..end]) + "\n"));
            i = end;
        }

        return blocks;
    }

    /// <summary>The lines a program claims to print: the text after each <c>// prints:</c>, in source order.</summary>
    private static List<string> ExpectedOutput(string code) =>
        code.Split('\n').Select(line => PrintsComment().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value.TrimEnd()).ToList();

    [GeneratedRegex(@"//\s*prints:\s?(.*)$")]
    private static partial Regex PrintsComment();

    private sealed record CodeBlock(string Language, string Where, bool IsProgram, string Code);
}
