using System.Text.Json;

namespace V8Host.Conformance.Wpt;

/// <summary>
/// The records wpt-report.js sends (state, result, complete) and the host's own error notes, counted as
/// wpt/RUNNER.md says: "complete" is authoritative; without it, every subtest the harness created counts,
/// and those without a result count as TIMEOUT, so a hang cannot shrink the denominator.
/// </summary>
internal sealed partial class ResultCollector
{
    private static readonly string[] HarnessStatuses = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];

    private readonly object _gate = new();
    private readonly Dictionary<string, SubtestResult> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly ManualResetEventSlim _completed = new();
    private (string Harness, string? Message, IReadOnlyList<SubtestResult> Tests)? _complete;

    /// <summary>Set when the harness reported completion.</summary>
    public ManualResetEventSlim Completed => _completed;

    /// <summary>Adds one JSON record; returns whether it was the completion record.</summary>
    public bool Add(string json)
    {
        using var record = JsonDocument.Parse(EscapeLoneSurrogates(json));
        var root = record.RootElement;
        lock (_gate)
        {
            switch (root.GetProperty("type").GetString())
            {
                case "state":
                    var name = root.GetProperty("name").GetString() ?? "";
                    _seen.TryAdd(name, new SubtestResult(name, SubtestStatus.Timeout, "no result (the harness did not complete)"));
                    return false;
                case "result":
                    var result = Subtest(root);
                    _seen[result.Name] = result;
                    return false;
                case "complete":
                    var status = root.GetProperty("status").GetInt32();
                    _complete = (status >= 0 && status < HarnessStatuses.Length ? HarnessStatuses[status] : status.ToString(),
                        Text(root, "message"),
                        root.GetProperty("tests").EnumerateArray().Select(Subtest).ToArray());
                    _completed.Set();
                    return true;
                default:
                    _errors.Add("unknown record: " + json);
                    return false;
            }
        }
    }

    /// <summary>Notes an error the host saw (a script that threw, an uncaught error, a host failure).</summary>
    public void Error(string message)
    {
        lock (_gate)
            _errors.Add(message);
    }

    public WptFileResult Result(WptTestFile file)
    {
        lock (_gate)
        {
            if (_complete is { } complete)
            {
                var harness = complete.Harness == "OK" && _errors.Count > 0 ? "ERROR" : complete.Harness;
                return new WptFileResult(file, harness, complete.Message, complete.Tests, [.. _errors]);
            }
            return new WptFileResult(file, "TIMEOUT", "the harness did not complete within the file's time limit", [.. _seen.Values], [.. _errors]);
        }
    }

    // JSON.stringify writes a lone surrogate as "\ud800", which System.Text.Json refuses to decode into a
    // string; subtest names (encodeInto's) contain them. Keep them readable as the escape text itself.
    private static string EscapeLoneSurrogates(string json) =>
        LoneSurrogate().Replace(json, match => @"\\" + match.Value[1..]);

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogate();

    private static SubtestResult Subtest(JsonElement element) =>
        new(element.GetProperty("name").GetString() ?? "", (SubtestStatus)element.GetProperty("status").GetInt32(), Text(element, "message"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
