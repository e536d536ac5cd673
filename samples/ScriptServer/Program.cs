using ScriptServer;
using V8Host;

// A page and POST /run: {"script": "..."} → {"result", "console", "error"}. Limits come from the
// "ScriptServer" configuration section (ScriptServerOptions); ASPNETCORE_URLS picks the address.
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(ScriptServerOptions.Section).Get<ScriptServerOptions>() ?? new ScriptServerOptions();

// Process-wide, before the first isolate: see ScriptServerOptions.DisableJit.
V8HostSettings.DisableJitCompilation = options.DisableJit;

builder.Services.AddSingleton(options);
builder.Services.AddSingleton<ScriptRunner>();
builder.Services.AddV8Host(pool =>
{
    pool.Name = "scripts";
    pool.IsolateOptions = options.IsolateOptions;
    pool.MaxRentDuration = options.MaxRentDuration;
    pool.Configure = ScriptContexts.Configure;
    if (options.PoolSize > 0)
        pool.MaxSize = options.PoolSize;
    pool.MinIdle = options.ContextPerRequest ? 0 : Math.Min(2, pool.MaxSize);
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes);

var app = builder.Build();

// Create the pool now, so that MinIdle contexts are warm before the first request.
app.Services.GetRequiredService<ContextPool>();

app.MapPage();
app.MapPost("/run", RunEndpoint.HandleAsync);
app.Run();

// WebApplicationFactory<Program> in the tests starts this app.
public partial class Program;
