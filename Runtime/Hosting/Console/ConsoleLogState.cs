using System.Collections;

namespace V8Host;

/// <summary>
/// The structured state of a console ILogger entry, as the key/value list logging providers read
/// (<c>Message</c>, <c>Method</c>, <c>ScriptName</c>, <c>Line</c>, <c>Column</c>, <c>Label</c>,
/// <c>Group</c>; absent values are null). Its text is the message.
/// </summary>
internal sealed class ConsoleLogState(string message, string method, string? scriptName, int? line, int? column, string? label, string? group)
    : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message => message;

    public int Count => 7;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Message", message),
        1 => new("Method", method),
        2 => new("ScriptName", scriptName),
        3 => new("Line", line),
        4 => new("Column", column),
        5 => new("Label", label),
        6 => new("Group", group),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A console log entry has 7 state values."),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
