using V8Host;

namespace ScriptServer;

/// <summary>How every context of the server is set up, pooled or made per request alike.</summary>
public static class ScriptContexts
{
    /// <summary>
    /// The context's console writes into the request's capture. A console of the context's own (not the
    /// pool's logger console): users' output belongs to their response, not to the server's log.
    /// </summary>
    public static void Configure(ContextBuilder builder) => builder.Install(new ConsoleApi(new CapturingConsoleWriter()));

    /// <summary>A context for one request (<see cref="ScriptServerOptions.ContextPerRequest"/>), set up as the pool's are.</summary>
    public static Context Create(ScriptServerOptions options)
    {
        var builder = new Isolate(options.IsolateOptions).CreateContextBuilder();
        Configure(builder);
        return builder.Build();
    }
}
