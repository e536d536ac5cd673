namespace V8Host.Tests.Hosting.Web.Events;

/// <summary>
/// A context with the Web platform on a manual event loop (tests pump it), whose error output is
/// collected instead of written to the process's standard error.
/// </summary>
public class WebEventsContext : IDisposable
{
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private readonly List<string> _errors = new();

    protected WebEventsContext()
    {
        Context = new Isolate(new IsolateOptions { EventLoop = EventLoopMode.Manual }).CreateContextBuilder().UseWebPlatform().Build();
        Context.ErrorOutput = text =>
        {
            lock (_errors)
                _errors.Add(text);
        };
    }

    protected Context Context { get; }

    /// <summary>What the context wrote as uncaught, so far.</summary>
    protected IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
                return _errors.ToArray();
        }
    }

    protected string Eval(string source) => Convert.ToString(Context.Eval(source), System.Globalization.CultureInfo.InvariantCulture)!;

    protected Task Idle() => Context.RunUntilIdleAsync().WaitAsync(Generous);

    public void Dispose()
    {
        Context.Dispose();
        GC.SuppressFinalize(this);
    }
}
