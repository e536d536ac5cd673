using System.Net;

namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// A Web-platform context with FetchApi and a local server: <see cref="Server"/> answers through
/// the handler the test gives, and <see cref="Allowed"/> records every URL the allow callback saw.
/// </summary>
public abstract class FetchContext : IDisposable
{
    protected static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);

    private readonly List<string> _allowed = new();
    private Context? _context;
    private LocalHttpServer? _server;

    protected LocalHttpServer Server => _server ?? throw new InvalidOperationException("Serve first.");

    protected Context Context => _context ?? throw new InvalidOperationException("Serve or Build first.");

    protected IReadOnlyList<string> Allowed
    {
        get
        {
            lock (_allowed)
                return _allowed.ToArray();
        }
    }

    /// <summary>Starts the server and a context whose fetch may reach it (and whatever <paramref name="allow"/> adds).</summary>
    protected void Serve(Func<HttpListenerContext, Task> handle, Func<Uri, bool>? allow = null, TimeSpan? timeout = null, long? maxResponseBytes = null)
    {
        _server = new LocalHttpServer(handle);
        var port = _server.Port;
        Build(new FetchApi(allow: uri =>
        {
            lock (_allowed)
                _allowed.Add(uri.ToString());
            return allow?.Invoke(uri) ?? (uri.Host == "127.0.0.1" && uri.Port == port);
        })
        {
            Timeout = timeout ?? TimeSpan.FromSeconds(100),
            MaxResponseBytes = maxResponseBytes ?? 64L * 1024 * 1024,
        });
    }

    protected void Build(FetchApi api) =>
        _context = new Isolate().CreateContextBuilder().UseWebPlatform().Install(api).Build();

    /// <summary>Runs <paramref name="body"/> as an async function's body and returns what it returns, as a string.</summary>
    protected async Task<string> Run(string body) =>
        Convert.ToString(await Context.EvalAsync($"(async () => {{\n{body}\n}})()").WaitAsync(Generous), System.Globalization.CultureInfo.InvariantCulture)!;

    protected string Eval(string source) => Convert.ToString(Context.Eval(source), System.Globalization.CultureInfo.InvariantCulture)!;

    public void Dispose()
    {
        _context?.Dispose();
        _server?.Dispose();
        GC.SuppressFinalize(this);
    }
}
