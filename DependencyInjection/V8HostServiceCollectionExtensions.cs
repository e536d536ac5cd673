using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using V8Host;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers V8Host with a service collection.</summary>
public static class V8HostServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="ContextPool"/>, built from the <see cref="ContextPoolOptions"/>
    /// configured through <c>Microsoft.Extensions.Options</c> (<paramref name="configure"/>, and any
    /// <c>services.Configure&lt;ContextPoolOptions&gt;(…)</c> or configuration binding). When the
    /// options name no <see cref="ContextPoolOptions.LoggerFactory"/>, the container's
    /// <c>ILoggerFactory</c> (if it has one) receives the pool's events and the contexts' console output.
    /// </summary>
    /// <remarks>
    /// Calling it again adds <paramref name="configure"/> to the same options and the same pool. The
    /// container creates the pool on first use and disposes it (and its idle contexts) with itself;
    /// resolve it at start-up when <see cref="ContextPoolOptions.MinIdle"/> should warm up before the
    /// first request. Options are validated when the pool is created: an out-of-range option throws
    /// <see cref="ArgumentException"/> naming it.
    /// </remarks>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddV8Host(this IServiceCollection services, Action<ContextPoolOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
            services.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ContextPoolOptions>, ContextPoolLoggingSetup>());
        services.TryAddSingleton(provider => new ContextPool(provider.GetRequiredService<IOptions<ContextPoolOptions>>().Value));
        return services;
    }
}
