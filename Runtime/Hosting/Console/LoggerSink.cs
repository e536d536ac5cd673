using Microsoft.Extensions.Logging;

namespace V8Host;

/// <summary>
/// Logs each console call as one <see cref="ILogger"/> entry. Levels follow what the call means
/// in Node: log, info, dir, dirxml, table, count, timeLog, timeEnd and group labels are
/// Information; debug is Debug, and so is trace (a stack printed to help debugging: Trace is
/// MEL's "may contain sensitive data" level, off almost everywhere); warn and Node's process
/// warnings are Warning; error and assert are Error. Unhandled errors are Error entries with
/// Method "uncaught". Group indentation is not applied to the message: the group is state.
/// </summary>
internal sealed class LoggerSink(ILogger logger) : ConsoleSink
{
    private static readonly Func<ConsoleLogState, Exception?, string> s_formatter = static (state, _) => state.Message;

    public override bool WantsLocation => true;

    public override void Write(in ConsoleEntry entry)
    {
        var level = LevelOf(entry);
        if (!logger.IsEnabled(level))
            return;
        logger.Log(level, new EventId((int)entry.Method + 1, "console." + entry.MethodName), new ConsoleLogState(entry.Text, entry.MethodName, entry.ScriptName, entry.Line, entry.Column, entry.Label, entry.Group), null, s_formatter);
    }

    public override void WriteUncaught(string text) =>
        logger.Log(LogLevel.Error, new EventId(0, "console.uncaught"), new ConsoleLogState(text, "uncaught", null, null, null, null, null), null, s_formatter);

    private static LogLevel LevelOf(in ConsoleEntry entry)
    {
        if (entry.IsWarning)
            return LogLevel.Warning;
        return entry.Method switch
        {
            ConsoleMethod.Debug or ConsoleMethod.Trace => LogLevel.Debug,
            ConsoleMethod.Warn => LogLevel.Warning,
            ConsoleMethod.Error or ConsoleMethod.Assert => LogLevel.Error,
            _ => LogLevel.Information,
        };
    }
}
