using Microsoft.Extensions.Logging;

namespace V8Host.Tests.Hosting.Console;

/// <summary>One captured log entry: level, event and the structured state as a dictionary.</summary>
public sealed record CapturedEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> State);

/// <summary>A real (tiny) ILogger that records what it is given.</summary>
public sealed class CapturingLogger(LogLevel minimum = LogLevel.Trace) : ILogger
{
    public List<CapturedEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = new Dictionary<string, object?>();
        if (state is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            foreach (var pair in list)
                values[pair.Key] = pair.Value;
        }

        Entries.Add(new CapturedEntry(logLevel, eventId, formatter(state, exception), values));
    }
}

/// <summary>A TextWriter that fails every write (a closed pipe, a full disk).</summary>
public sealed class FailingWriter : TextWriter
{
    public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

    public override void Write(char value) => throw new IOException("disk full");

    public override void Write(string? value) => throw new IOException("disk full");
}

internal static class Consoles
{
    public static Context With(ConsoleApi console) => new Isolate().CreateContextBuilder().Install(console).Build();

    /// <summary>Runs <paramref name="script"/> with a console writing to one buffer; returns what it wrote.</summary>
    public static string Output(string script)
    {
        var output = new StringWriter();
        using (var context = With(new ConsoleApi(output)))
            context.Eval(script);
        return output.ToString();
    }
}
