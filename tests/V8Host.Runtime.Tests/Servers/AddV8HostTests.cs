using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace V8Host.Tests.Servers;

/// <summary>services.AddV8Host() over the real Microsoft.Extensions container, options and logging.</summary>
public class AddV8HostTests
{
    [Fact]
    public void The_pool_is_one_singleton_built_from_the_configured_options()
    {
        var services = new ServiceCollection();
        services.AddV8Host(options =>
        {
            options.MaxSize = 3;
            options.Configure = builder => builder.SetGlobal("tenant", "acme");
        });
        using var provider = services.BuildServiceProvider();

        var pool = provider.GetRequiredService<ContextPool>();
        Assert.Same(pool, provider.GetRequiredService<ContextPool>());
        var leases = Enumerable.Range(0, 3).Select(_ => pool.Rent()).ToList();
        Assert.Equal("acme", leases[0].Context.Eval<string>("tenant"));
        Assert.Throws<TimeoutException>(() => pool.Rent(TimeSpan.FromMilliseconds(50)));
        leases.ForEach(lease => lease.Dispose());
    }

    [Fact]
    public void Every_configure_step_applies_to_the_same_pool()
    {
        var services = new ServiceCollection();
        services.AddV8Host(options => options.MaxSize = 1);
        services.Configure<ContextPoolOptions>(options => options.Name = "rules");
        services.AddV8Host(options => options.Configure = builder => builder.SetGlobal("limit", 5));
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(ContextPool));
        var pool = provider.GetRequiredService<ContextPool>();
        using (var lease = pool.Rent())
            Assert.Equal(5, lease.Context.Eval<int>("limit"));
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public void Disposing_the_container_disposes_the_pool()
    {
        var services = new ServiceCollection().AddV8Host();
        var provider = services.BuildServiceProvider();
        var pool = provider.GetRequiredService<ContextPool>();
        using (pool.Rent())
        {
        }

        provider.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public void Console_output_and_pool_events_go_to_the_containers_loggers()
    {
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddV8Host(options => options.MaxUsesPerContext = 1);
        using var provider = services.BuildServiceProvider();

        var pool = provider.GetRequiredService<ContextPool>();
        using (var lease = pool.Rent())
            lease.Context.Eval("console.error('rule failed:', 42)");

        Assert.Contains(logs.Entries, e => e.Category == "V8Host.Console" && e.Level == LogLevel.Error && e.Message.Contains("rule failed: 42"));
        Assert.Contains(logs.Entries, e => e.Category == "V8Host.ContextPool" && e.Message.Contains("recycled a context (max-uses)"));
    }

    [Fact]
    public void A_logger_factory_set_in_the_options_wins_over_the_containers()
    {
        var containerLogs = new RecordingLoggerProvider();
        var ownLogs = new RecordingLoggerProvider();
        using var own = LoggerFactory.Create(logging => logging.AddProvider(ownLogs));
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(containerLogs));
        services.AddV8Host(options => options.LoggerFactory = own);
        using var provider = services.BuildServiceProvider();

        using (var lease = provider.GetRequiredService<ContextPool>().Rent())
            lease.Context.Eval("console.log('hello')");

        Assert.Contains(ownLogs.Entries, e => e.Category == "V8Host.Console" && e.Message.Contains("hello"));
        Assert.DoesNotContain(containerLogs.Entries, e => e.Category == "V8Host.Console");
    }

    [Fact]
    public void Without_a_logging_container_the_pool_still_works()
    {
        using var provider = new ServiceCollection().AddV8Host().BuildServiceProvider();
        using var lease = provider.GetRequiredService<ContextPool>().Rent();
        Assert.Equal(2, lease.Context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name_when_the_pool_is_resolved()
    {
        using var provider = new ServiceCollection().AddV8Host(options => options.MinIdle = -1).BuildServiceProvider();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<ContextPool>());
        Assert.Equal("MinIdle", error.ParamName);
    }

    [Fact]
    public void A_null_service_collection_is_refused()
    {
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => V8HostServiceCollectionExtensions.AddV8Host(null!)).ParamName);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
