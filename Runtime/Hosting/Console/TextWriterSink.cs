namespace V8Host;

/// <summary>
/// Writes console calls as Node writes them to its streams: group indentation on every line, one
/// <c>'\n'</c> per call. The writers are looked up at each write, so the default console follows
/// <see cref="System.Console.SetOut"/>. A writer is locked while written: contexts sharing one do
/// not interleave within a call.
/// </summary>
internal sealed class TextWriterSink(Func<TextWriter> output, Func<TextWriter> error) : ConsoleSink
{
    public override void Write(in ConsoleEntry entry)
    {
        var text = entry.Text;
        if (entry.Indent > 0)
        {
            var indentation = new string(' ', entry.Indent);
            text = indentation + text.Replace("\n", "\n" + indentation, StringComparison.Ordinal);
        }

        WriteLine(entry.IsError ? error() : output(), text);
    }

    public override void WriteUncaught(string text) => WriteLine(error(), text);

    private static void WriteLine(TextWriter writer, string text)
    {
        lock (writer)
            writer.Write(string.Concat(text, "\n"));
    }
}
