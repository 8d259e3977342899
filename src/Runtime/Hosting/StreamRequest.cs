using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Streaming;

/// <summary>
/// One admitted stream request: it holds a slot of <see cref="StreamingOptions.MaxConcurrentStreams"/> and,
/// with <see cref="StreamingOptions.MaxStreamDuration"/>, puts a deadline on the request's cancellation token
/// until it is disposed. Generated endpoints begin one before binding parameters, so that the token they bind
/// already carries the deadline and a refused request costs nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamRequest : IDisposable
{
    private readonly StreamingRuntime _runtime;
    private readonly CancellationToken _clientAborted;
    private readonly CancellationTokenSource? _deadline;
    private bool _disposed;

    private StreamRequest(HttpContext context, StreamingRuntime runtime, StreamEndpointMetadata? endpoint, string route, string format)
    {
        Context = context;
        _runtime = runtime;
        Route = route;
        Format = format;
        FlushEveryItem = endpoint?.FlushEveryItem ?? runtime.Options.FlushEveryItem;
        FlushThresholdBytes = endpoint?.FlushThresholdBytes ?? runtime.Options.FlushThresholdBytes;

        _clientAborted = context.RequestAborted;
        if (runtime.Options.MaxStreamDuration is { } maxDuration)
        {
            // As ASP.NET's request timeouts do: everything that observes RequestAborted sees the deadline too.
            _deadline = CancellationTokenSource.CreateLinkedTokenSource(_clientAborted);
            _deadline.CancelAfter(maxDuration);
            context.RequestAborted = _deadline.Token;
        }
    }

    internal HttpContext Context { get; }

    internal StreamingRuntime Runtime => _runtime;

    /// <summary>The route template, for logs and the <c>http.route</c> tag.</summary>
    internal string Route { get; }

    /// <summary>The <c>streaming.format</c> tag.</summary>
    internal string Format { get; }

    internal bool FlushEveryItem { get; }

    internal int FlushThresholdBytes { get; }

    /// <summary>Cancelled when the client goes away or the deadline passes.</summary>
    internal CancellationToken Aborted => _deadline?.Token ?? _clientAborted;

    /// <summary>For flushes: only the deadline needs to interrupt them (the server ends them when the client goes away).</summary>
    internal CancellationToken FlushToken => _deadline?.Token ?? default;

    internal bool DeadlineReached => _deadline?.IsCancellationRequested == true && !_clientAborted.IsCancellationRequested;

    /// <summary>
    /// Admits a stream, or answers <c>503</c> with <c>Retry-After</c> and returns <see langword="null"/> when
    /// <see cref="StreamingOptions.MaxConcurrentStreams"/> streams are running.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="endpoint">The endpoint's format and flush settings.</param>
    public static ValueTask<StreamRequest?> BeginAsync(HttpContext context, StreamEndpointMetadata endpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        return BeginAsync(context, endpoint, StreamFormats.TagValue(endpoint.Format));
    }

    internal static ValueTask<StreamRequest?> BeginAsync(HttpContext context, StreamEndpointMetadata? endpoint, string format)
    {
        var runtime = StreamingRuntime.For(context);
        var route = RouteOf(context);
        if (runtime.Limiter.TryAcquire())
        {
            return new(new StreamRequest(context, runtime, endpoint, route, format));
        }

        return RefuseAsync(context, runtime, route, format);
    }

    /// <summary>Puts the client's own token back, so that what is written after the deadline is not cancelled by it.</summary>
    internal void EndDeadline()
    {
        if (_deadline is not null)
        {
            Context.RequestAborted = _clientAborted;
        }
    }

    /// <summary>Gives back the slot and the request's own cancellation token.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_deadline is not null)
        {
            Context.RequestAborted = _clientAborted;
            _deadline.Dispose();
        }

        _runtime.Limiter.Release();
    }

    private static async ValueTask<StreamRequest?> RefuseAsync(HttpContext context, StreamingRuntime runtime, string route, string format)
    {
        var max = runtime.Options.MaxConcurrentStreams ?? 0;
        runtime.Metrics.Rejected(route, format);
        StreamLog.Refused(runtime.Logger, route, max);

        var retryAfter = (long)Math.Ceiling(runtime.Options.ConcurrencyLimitRetryAfter.TotalSeconds);
        context.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        await ProblemResponse.WriteAsync(
            context,
            StatusCodes.Status503ServiceUnavailable,
            "The server is streaming to as many clients as it is configured for; try again later.");
        return null;
    }

    private static string RouteOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        return (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "";
    }
}
