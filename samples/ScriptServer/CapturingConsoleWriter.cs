using System.Text;

namespace ScriptServer;

/// <summary>
/// The writer each pooled context's <c>ConsoleApi</c> writes to. ConsoleApi writes every console call
/// as one <c>Write(string)</c> of its text and a <c>'\n'</c> (docs/console.md, "Sinks"), so each write
/// is one entry of the current request's <see cref="ConsoleCapture"/>; a multi-line call (an object,
/// a trace) stays one entry.
/// </summary>
public sealed class CapturingConsoleWriter : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(string? value)
    {
        if (value is null || ConsoleCapture.Current is not { } capture)
            return;
        capture.Add(value.EndsWith('\n') ? value[..^1] : value);
    }

    // ConsoleApi never writes characters one by one; anything else that does gets an entry per write.
    public override void Write(char value) => Write(value.ToString());
}
