using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using V8Host;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Gives the pool the container's logger factory unless the application chose one. A post-configure
/// step, so that it runs after every <c>Configure</c> whatever order they were registered in.
/// </summary>
internal sealed class ContextPoolLoggingSetup : IPostConfigureOptions<ContextPoolOptions>
{
    private readonly ILoggerFactory? _loggerFactory;

    public ContextPoolLoggingSetup(IServiceProvider services) => _loggerFactory = services.GetService<ILoggerFactory>();

    public void PostConfigure(string? name, ContextPoolOptions options) => options.LoggerFactory ??= _loggerFactory;
}
