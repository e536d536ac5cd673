using System.Globalization;
using System.Text;

namespace V8Host.Conformance.Wpt;

/// <summary>One area's figures next to Node's.</summary>
public sealed record AreaFigures(string Area, int Passed, int Total, int NodePassed, int NodeTotal, int FilesFullyPassing, int Files)
{
    /// <summary>V8Host's passes as a share of Node's (1 when Node passes none).</summary>
    public double ShareOfNode => NodePassed == 0 ? 1 : (double)Passed / NodePassed;
}

/// <summary>The results of a run over (part of) the WPT subset, per file and per area, compared with Node.</summary>
public sealed class ConformanceReport
{
    private ConformanceReport(WptSuite suite, IReadOnlyList<WptFileResult> files)
    {
        Suite = suite;
        Files = files;
        Areas = files.GroupBy(file => file.File.Area).Select(area => new AreaFigures(
            area.Key,
            area.Sum(file => file.Passed),
            area.Sum(file => file.Subtests.Count),
            area.Sum(file => NodeOf(file).Count(subtest => subtest.Passed)),
            area.Sum(file => NodeOf(file).Count),
            area.Count(file => file.Subtests.Count > 0 && file.Passed == file.Subtests.Count && file.Harness == "OK"),
            area.Count())).ToArray();
    }

    public WptSuite Suite { get; }

    public IReadOnlyList<WptFileResult> Files { get; }

    public IReadOnlyList<AreaFigures> Areas { get; }

    /// <summary>Runs <paramref name="files"/>, <paramref name="jobs"/> at a time, each in its own isolate.</summary>
    public static ConformanceReport Run(WptSuite suite, IReadOnlyList<WptTestFile> files, int jobs = 2, double timeoutScale = 1, Action<WptFileResult>? progress = null)
    {
        var results = new WptFileResult[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, index =>
        {
            results[index] = WptFileRunner.Run(suite, files[index], timeoutScale);
            progress?.Invoke(results[index]);
        });
        return new ConformanceReport(suite, results);
    }

    /// <summary>Node's subtests for the file of <paramref name="result"/> (none when Node has no record).</summary>
    public IReadOnlyList<NodeSubtest> NodeOf(WptFileResult result) =>
        Suite.Node.TryGetValue(result.File.Path, out var node) ? node : [];

    /// <summary>docs/conformance.md: the per-area table, the per-file table and what still fails.</summary>
    public string ToMarkdown(string runtimeDescription)
    {
        var text = new StringBuilder();
        var passed = Files.Sum(file => file.Passed);
        var total = Files.Sum(file => file.Subtests.Count);
        var nodePassed = Areas.Sum(area => area.NodePassed);
        var nodeTotal = Areas.Sum(area => area.NodeTotal);
        text.AppendLine("# Web platform conformance");
        text.AppendLine();
        text.AppendLine("How V8Host's Web APIs (`ContextBuilder.UseWebPlatform()`: `TimersApi` + `WebApis`, plus `FetchApi` with nothing");
        text.AppendLine("reachable, whose `Response` the structured-clone tests use to read Blobs) score on a subset of the");
        text.AppendLine("[web-platform-tests](https://github.com/web-platform-tests/wpt): 69 `.any.js` files for the WinterTC Minimum");
        text.AppendLine("Common Web Platform API, as Node.js vendors them. The subset, its BSD licence and its provenance are in");
        text.AppendLine("`tests/V8Host.Conformance/wpt` (LICENSE.md, NOTICE.md, MANIFEST.md); Node's figures are the subset's own");
        text.AppendLine($"NODE-RESULTS.json, measured with Node {Suite.NodeVersion}.");
        text.AppendLine();
        text.AppendLine("Regenerate this page with");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine("dotnet run -c Release --project tests/V8Host.Conformance -- --markdown docs/conformance.md");
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("Each file runs in a fresh isolate and context, with testharness.js and its META scripts evaluated as separate");
        text.AppendLine("classic scripts inside one call, and the event loop left to run until the harness completes (10 s, or 60 s for");
        text.AppendLine("`timeout=long`). A subtest passes only with status PASS. `dotnet test` runs the same code");
        text.AppendLine("(`WptConformanceTests`) and fails when an area drops below 90% of Node's passes.");
        text.AppendLine();
        text.AppendLine($"Measured on {runtimeDescription}.");
        text.AppendLine();
        text.AppendLine($"**Overall: V8Host {passed} / {total} passed; Node {nodePassed} / {nodeTotal}.**");
        text.AppendLine();
        text.AppendLine("## Per area");
        text.AppendLine();
        text.AppendLine("| area | V8Host passed / total | Node passed / total | V8Host's passes as a share of Node's | files fully passing |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var area in Areas)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {area.Area} | {area.Passed} / {area.Total} | {area.NodePassed} / {area.NodeTotal} | {area.ShareOfNode:P1} | {area.FilesFullyPassing} / {area.Files} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| **total** | **{passed} / {total}** | **{nodePassed} / {nodeTotal}** | **{(nodePassed == 0 ? 1 : (double)passed / nodePassed):P1}** | **{Areas.Sum(a => a.FilesFullyPassing)} / {Files.Count}** |");
        text.AppendLine();
        text.AppendLine("## Per file");
        text.AppendLine();
        text.AppendLine("| test file | V8Host | Node | harness |");
        text.AppendLine("|---|---|---|---|");
        foreach (var file in Files)
        {
            var node = NodeOf(file);
            text.AppendLine($"| `{file.File.Path}` | {file.Passed}/{file.Subtests.Count} | {node.Count(s => s.Passed)}/{node.Count} | {(file.Harness == "OK" ? "OK" : "**" + file.Harness + "**")} |");
        }
        text.AppendLine();
        text.AppendLine("## What fails");
        text.AppendLine();
        text.AppendLine("Where V8Host fails on purpose or for want of an API: `setTimeout` never evaluates a string (evil-spec-example passes");
        text.AppendLine("an object to be stringified and run as code); there is no `FormData` and there are no streams (`Blob.stream()`);");
        text.AppendLine("and the URL parser follows the current URL Standard, whose path percent-encode set includes `^` since 2025, while this");
        text.AppendLine("copy of `urltestdata.json` predates that change (`url-setters.any.js`, from a newer WPT, expects `%5E`). Every");
        text.AppendLine("failing subtest of the run:");
        text.AppendLine();
        var any = false;
        foreach (var file in Files)
        {
            var failures = file.Subtests.Where(subtest => !subtest.Passed).ToArray();
            if (failures.Length == 0 && file.Harness == "OK")
                continue;
            any = true;
            text.AppendLine($"- `{file.File.Path}` ({file.Harness}{(file.HarnessMessage is { Length: > 0 } m ? ": " + Clip(m) : "")})");
            foreach (var failure in failures.Take(12))
                text.AppendLine($"  - {Clip(failure.Name)}: {failure.Status} {Clip(failure.Message ?? "")}");
            if (failures.Length > 12)
                text.AppendLine($"  - … and {failures.Length - 12} more");
            foreach (var error in file.Errors.Take(3))
                text.AppendLine($"  - host: {Clip(error)}");
        }
        if (!any)
            text.AppendLine("Nothing: every subtest passes.");
        return text.ToString();
    }

    /// <summary>The console summary: one line per file, then the areas; failing subtests when verbose.</summary>
    public string ToText(bool verbose)
    {
        var text = new StringBuilder();
        foreach (var file in Files)
        {
            var node = NodeOf(file);
            text.AppendLine($"{file.Passed,5}/{file.Subtests.Count,-5} (node {node.Count(s => s.Passed)}/{node.Count})  {file.Harness,-8} {file.File.Path}");
            if (!verbose)
                continue;
            foreach (var failure in file.Subtests.Where(subtest => !subtest.Passed))
                text.AppendLine($"        {failure.Status}: {failure.Name}: {failure.Message}");
            foreach (var error in file.Errors)
                text.AppendLine($"        host: {error}");
        }
        text.AppendLine();
        foreach (var area in Areas)
            text.AppendLine(CultureInfo.InvariantCulture, $"{area.Area,-45} {area.Passed,5}/{area.Total,-5}  node {area.NodePassed,5}/{area.NodeTotal,-5}  {area.ShareOfNode,7:P1}");
        text.AppendLine($"{Files.Sum(f => f.Passed)} passed, {Files.Sum(f => f.Subtests.Count - f.Passed)} failed; node {Areas.Sum(a => a.NodePassed)} passed");
        return text.ToString();
    }

    private static string Clip(string text)
    {
        var line = text.ReplaceLineEndings(" ").Replace("|", "\\|");
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
