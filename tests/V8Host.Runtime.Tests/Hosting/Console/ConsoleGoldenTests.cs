using System.Runtime.CompilerServices;
using System.Text.Json;

namespace V8Host.Tests.Hosting.Console;

/// <summary>
/// V8Host's console against Node's: golden/make-golden.js ran each snippet through Node 20's
/// util.format (or a console.Console) and recorded the text in golden/golden.json; each row here
/// runs the same snippet through a context's console into a StringWriter. Rows where V8Host
/// differs on purpose carry the reason and V8Host's expected text in the JSON.
/// </summary>
public class ConsoleGoldenTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenRow>> s_rows = new(Load);

    public static TheoryData<string> RowIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in s_rows.Value.Keys)
            data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(RowIds))]
    public void Matches_node(string id)
    {
        var row = s_rows.Value[id];
        var output = new StringWriter();
        using (var context = new Isolate().CreateContextBuilder().Install(new ConsoleApi(output)).Build())
            context.Eval(row.Args is { } args ? $"console.log(...({args}));" : row.Run!);

        Assert.Equal(row.Expected, output.ToString());
    }

    [Fact]
    public void The_table_is_large_and_its_differences_are_explained()
    {
        Assert.True(s_rows.Value.Count >= 80, $"Only {s_rows.Value.Count} golden rows.");
        foreach (var row in s_rows.Value.Values)
        {
            Assert.True((row.Reason is null) == (row.Expected == row.Node), $"Row {row.Id}: a row differs from Node exactly when it gives a reason.");
        }
    }

    private static IReadOnlyDictionary<string, GoldenRow> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(GoldenPath()));
        var rows = new Dictionary<string, GoldenRow>();
        foreach (var element in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            string? Text(string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
            var row = new GoldenRow(Text("id")!, Text("args"), Text("run"), Text("node")!, Text("expected")!, Text("reason"));
            rows.Add(row.Id, row);
        }

        return rows;
    }

    private static string GoldenPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "golden", "golden.json");

    private sealed record GoldenRow(string Id, string? Args, string? Run, string Node, string Expected, string? Reason);
}
