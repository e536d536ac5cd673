namespace V8Host.Engine;

/// <summary>A function type: parameter and result types; prints as <c>(i32, i32) -> i32</c>.</summary>
internal sealed record WasmFunctionType(IReadOnlyList<WasmValueType> Parameters, IReadOnlyList<WasmValueType> Results)
{
    public override string ToString() => Format(Parameters.Select(p => p.Text), Results.Select(r => r.Text), Results.Count);

    /// <summary>The signature text: results in parentheses unless there is exactly one.</summary>
    public static string Format(IEnumerable<string> parameters, IEnumerable<string> results, int resultCount)
    {
        var head = $"({string.Join(", ", parameters)})";
        var tail = resultCount == 1 ? results.Single() : $"({string.Join(", ", results)})";
        return $"{head} -> {tail}";
    }
}
