using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ScriptServerLoad;

/// <summary>The sample in this process on Kestrel, on a loopback port of its choosing (.NET 10's UseKestrel + StartServer).</summary>
public sealed class LoopbackServer : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public LoopbackServer(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.Single());
        if (!System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(Address.Host)))
            throw new InvalidOperationException($"The server listens on {Address}, not on loopback.");
    }

    public Uri Address { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The page is embedded in the sample; the content root only has to exist (the sample's
        // appsettings.json is copied here with its assembly).
        builder.UseContentRoot(AppContext.BaseDirectory);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
