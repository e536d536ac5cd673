namespace V8Host;

/// <summary>The console methods that write, in the order of Console.js's <c>methodNames</c> (the glue passes the index).</summary>
internal enum ConsoleMethod
{
    Log,
    Info,
    Debug,
    Warn,
    Error,
    Trace,
    Assert,
    Dir,
    Dirxml,
    Table,
    Count,
    CountReset,
    Time,
    TimeLog,
    TimeEnd,
    Group,
    GroupCollapsed,
}
