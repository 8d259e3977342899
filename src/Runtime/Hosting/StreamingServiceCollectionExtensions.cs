using System;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Streaming;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of streamed endpoints.</summary>
public static class StreamingServiceCollectionExtensions
{
    /// <summary>
    /// Registers what streamed endpoints share (options, metrics, the concurrency limit) and configures
    /// <see cref="StreamingOptions"/>. Optional: without it, streams run with the default options.
    /// </summary>
    /// <example><code>builder.Services.AddStreaming(o => o.MaxConcurrentStreams = 500);</code></example>
    public static IServiceCollection AddStreaming(this IServiceCollection services, Action<StreamingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddMetrics();
        services.TryAddSingleton(static provider => new StreamingRuntime(provider));
        return services;
    }
}
