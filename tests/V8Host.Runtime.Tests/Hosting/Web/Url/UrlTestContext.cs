namespace V8Host.Tests.Hosting.Web.Url;

/// <summary>A context with the Web platform installed, for the URL tests.</summary>
internal sealed class UrlTestContext : IDisposable
{
    private readonly Isolate _isolate = new();

    public UrlTestContext() => Context = _isolate.CreateContextBuilder().UseWebPlatform().Build();

    public Context Context { get; }

    public string Eval(string source) => Context.Eval<string>(source);

    public void Dispose()
    {
        Context.Dispose();
        _isolate.Dispose();
    }
}
