using System.Text.Json.Nodes;

namespace ScriptServer;

/// <summary>What POST /run answers: <c>{"result": …, "console": […], "error": null | {…}}</c>.</summary>
public sealed record RunResponse(JsonNode? Result, IReadOnlyList<string> Console, RunError? Error)
{
    public static RunResponse Failed(string name, string message, int? line = null, IReadOnlyList<string>? console = null) =>
        new(null, console ?? [], new RunError(name, message, line));
}

/// <summary>
/// Why a request produced no result. <c>name</c> is the JS error's name for a script's own error
/// (<c>TypeError</c>, <c>SyntaxError</c> …), or one of the server's: <c>ThrownValue</c> (the script
/// threw something that is not an Error), <c>TimeoutError</c>, <c>HeapLimitError</c>,
/// <c>ResultError</c>, <c>RequestError</c>.
/// </summary>
public sealed record RunError(string Name, string Message, int? Line);
