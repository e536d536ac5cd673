using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace V8Host.ScriptServer.Tests;

/// <summary>The sample in process (TestServer), with its default limits.</summary>
public class ScriptServerFactory : WebApplicationFactory<Program>
{
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting reaches WebApplication.CreateBuilder's configuration, which Program reads before Build.
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }
}

/// <summary>One context for every request: what one script leaves, the next one would meet.</summary>
public sealed class SingleContextFactory : ScriptServerFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ScriptServer:PoolSize"] = "1" };
}

/// <summary>The server's second mode: a new context per request.</summary>
public sealed class ContextPerRequestFactory : ScriptServerFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ScriptServer:ContextPerRequest"] = "true" };
}
