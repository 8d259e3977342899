using System;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Streaming;

/// <summary>
/// What all streams of one application share: options, logger, meter, the concurrency limit, the threads of
/// synchronous producers, the heartbeat timer, and the signals of the application's shutdown.
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
        ProducerThreads = new ProducerThreads(Options.MaxBlockingProducerThreads);

        if (services?.GetService<IHostApplicationLifetime>() is { } lifetime)
        {
            Stopping = lifetime.ApplicationStopping;
            var shutdownTimeout = services.GetService<IOptions<HostOptions>>()?.Value.ShutdownTimeout ?? TimeSpan.FromSeconds(30);
            ShutdownCut = CutAfterStopping(lifetime.ApplicationStopping, shutdownTimeout);
        }

        RunningStreams = new RunningStreams(Stopping, ShutdownCut);
    }

    public StreamingOptions Options { get; }

    public ILogger Logger { get; }

    /// <summary>The buffered-response detector's logger.</summary>
    public ILogger DetectorLogger { get; }

    public StreamingMetrics Metrics { get; }

    public StreamConcurrencyLimiter Limiter { get; }

    /// <summary>Whether failure records may carry exception messages (Development only).</summary>
    public bool IncludeExceptionDetails { get; }

    /// <summary>Where synchronous producers run, off the shared thread pool.</summary>
    public ProducerThreads ProducerThreads { get; }

    /// <summary>The one timer that sends every stream's heartbeats.</summary>
    public HeartbeatTimer Heartbeats { get; } = new();

    /// <summary>The streams the application's shutdown ends.</summary>
    public RunningStreams RunningStreams { get; }

    /// <summary><c>ApplicationStopping</c>: SSE streams end at once.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Fires shortly before the host's shutdown timeout runs out: streams still running are cut.</summary>
    public CancellationToken ShutdownCut { get; }

    /// <summary>
    /// The host stops waiting for requests when its shutdown timeout passes and the server then drops their
    /// connections. Streams are cut a little earlier (a tenth of the timeout, at most a second), so that the cut
    /// is this library's: ended as incomplete in every format, logged and counted as <c>server_shutdown</c>.
    /// </summary>
    private static CancellationToken CutAfterStopping(CancellationToken stopping, TimeSpan shutdownTimeout)
    {
        if (shutdownTimeout < TimeSpan.Zero || shutdownTimeout > TimeSpan.FromDays(24))
        {
            // An infinite timeout: the host waits for every request, so nothing is cut.
            return CancellationToken.None;
        }

        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, shutdownTimeout.Ticks / 10));
        var cut = new CancellationTokenSource();
        stopping.Register(static state =>
        {
            var (source, delay) = ((CancellationTokenSource, TimeSpan))state!;
            source.CancelAfter(delay);
        }, (cut, shutdownTimeout - margin));
        return cut.Token;
    }

    /// <summary>The runtime of <paramref name="context"/>'s application: a generated endpoint carries it in its metadata.</summary>
    public static StreamingRuntime For(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<StreamingRuntime>() ?? For(context.RequestServices);

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
