using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Streaming;

/// <summary>
/// What all streams of one application share: options, logger, meter and the concurrency limit.
/// <c>AddStreaming()</c> registers it; an application that never called it still gets one per service
/// container, so <c>MapStreamEndpoints()</c> alone is a complete set-up.
/// </summary>
internal sealed class StreamingRuntime
{
    // Keyed by the container's options singleton: one runtime per application, collected with it.
    private static readonly ConditionalWeakTable<IOptions<StreamingOptions>, StreamingRuntime> s_unregistered = new();
    private static readonly StreamingRuntime s_withoutServices = new(null);

    public StreamingRuntime(System.IServiceProvider? services)
    {
        Options = services?.GetService<IOptions<StreamingOptions>>()?.Value ?? new StreamingOptions();
        var loggers = services?.GetService<ILoggerFactory>();
        Logger = loggers?.CreateLogger(StreamingTelemetry.LoggerCategory) ?? NullLogger.Instance;
        DetectorLogger = loggers?.CreateLogger(StreamingTelemetry.BufferedResponseLoggerCategory) ?? NullLogger.Instance;
        Metrics = new StreamingMetrics(services?.GetService<IMeterFactory>());
        Limiter = new StreamConcurrencyLimiter(Options.MaxConcurrentStreams);
        IncludeExceptionDetails = services?.GetService<IHostEnvironment>()?.IsDevelopment() == true;
    }

    public StreamingOptions Options { get; }

    public ILogger Logger { get; }

    /// <summary>The buffered-response detector's logger.</summary>
    public ILogger DetectorLogger { get; }

    public StreamingMetrics Metrics { get; }

    public StreamConcurrencyLimiter Limiter { get; }

    /// <summary>Whether failure records may carry exception messages (Development only).</summary>
    public bool IncludeExceptionDetails { get; }

    public static StreamingRuntime For(HttpContext context) => For(context.RequestServices);

    public static StreamingRuntime For(System.IServiceProvider? services)
    {
        if (services is null)
        {
            return s_withoutServices;
        }

        if (services.GetService<StreamingRuntime>() is { } registered)
        {
            return registered;
        }

        if (services.GetService<IOptions<StreamingOptions>>() is not { } options)
        {
            return s_withoutServices;
        }

        return s_unregistered.TryGetValue(options, out var runtime)
            ? runtime
            : s_unregistered.GetValue(options, _ => new StreamingRuntime(services));
    }
}
