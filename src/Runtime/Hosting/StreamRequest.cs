using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Streaming;

/// <summary>
/// One admitted stream request: it holds a slot of <see cref="StreamingOptions.MaxConcurrentStreams"/> and puts
/// on the request's cancellation token, until it is disposed, everything that may end the stream early besides
/// the client: <see cref="StreamingOptions.MaxStreamDuration"/>, the application's shutdown and the expiry of the
/// request's authentication. Generated endpoints begin one before binding parameters, so that the token they
/// bind already carries all of it and a refused request costs nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamRequest : IDisposable, IStreamListItem<StreamRequest>
{
    // CancelAfter takes at most about 49 days; a later end is no end for a stream.
    private static readonly TimeSpan s_longestTimer = TimeSpan.FromDays(45);

    private readonly StreamingRuntime _runtime;
    private readonly CancellationToken _clientAborted;
    private readonly CancellationTokenSource? _stop;
    private readonly StopReason _timedStop;
    private readonly bool _isSse;
    private readonly bool _endsAtStopping;
    private int _stopReason;
    private bool _disposed;

    private StreamRequest(HttpContext context, StreamingRuntime runtime, StreamEndpointMetadata? endpoint, string route, string format)
    {
        Context = context;
        _runtime = runtime;
        Route = route;
        Format = format;
        var options = runtime.Options;
        FlushEveryItem = endpoint?.FlushEveryItem ?? options.FlushEveryItem;
        FlushThresholdBytes = endpoint?.FlushThresholdBytes ?? options.FlushThresholdBytes;
        _clientAborted = context.RequestAborted;

        var isSse = format == StreamFormats.TagValue(Streaming.Format.Sse);
        var endsAtStopping = isSse && (endpoint?.SseEndOnShutdown ?? options.SseEndOnShutdown);
        var shutdown = endsAtStopping ? runtime.Stopping : runtime.ShutdownCut;
        var (timedStop, stopAfter) = TimedStop(context, endpoint, options);
        if (!shutdown.CanBeCanceled && timedStop == StopReason.None)
        {
            return;
        }

        // As ASP.NET's request timeouts do: everything that observes RequestAborted sees these ends too.
        _stop = CancellationTokenSource.CreateLinkedTokenSource(_clientAborted);
        context.RequestAborted = _stop.Token;
        _isSse = isSse;
        _endsAtStopping = endsAtStopping;
        if (timedStop != StopReason.None)
        {
            _timedStop = timedStop;
            _stop.CancelAfter(stopAfter);
        }

        if (shutdown.CanBeCanceled)
        {
            runtime.RunningStreams.Add(this, endsAtStopping);
        }
    }

    /// <summary>Why a stream ends before its producer does, other than the client going away.</summary>
    private enum StopReason
    {
        None,
        Deadline,
        AuthenticationExpired,
        Shutdown,
    }

    internal HttpContext Context { get; }

    /// <summary>Whether the application's stopping ends this stream, rather than the shutdown cut.</summary>
    internal bool EndsAtStopping => _endsAtStopping;

    /// <summary>The neighbours in the application's list of <see cref="RunningStreams"/>.</summary>
    StreamRequest? IStreamListItem<StreamRequest>.Previous { get; set; }

    /// <inheritdoc cref="IStreamListItem{T}.Previous"/>
    StreamRequest? IStreamListItem<StreamRequest>.Next { get; set; }

    internal StreamingRuntime Runtime => _runtime;

    /// <summary>The route template, for logs and the <c>http.route</c> tag.</summary>
    internal string Route { get; }

    /// <summary>The <c>streaming.format</c> tag.</summary>
    internal string Format { get; }

    internal bool FlushEveryItem { get; }

    internal int FlushThresholdBytes { get; }

    /// <summary>Cancelled when the client goes away, the deadline passes, the application stops or the authentication expires.</summary>
    internal CancellationToken Aborted => _stop?.Token ?? _clientAborted;

    /// <summary>For flushes: only the server's own ends need to interrupt them (the server ends them when the client goes away).</summary>
    internal CancellationToken FlushToken => _stop?.Token ?? default;

    /// <summary>How a stream that ended before its producer did ended: by the client, the deadline, the shutdown or the authentication's expiry.</summary>
    internal StreamOutcome EarlyOutcome
    {
        get
        {
            var reason = (StopReason)Volatile.Read(ref _stopReason);
            if (reason == StopReason.None && _stop?.IsCancellationRequested == true && !_clientAborted.IsCancellationRequested)
            {
                reason = _timedStop;
            }

            return reason switch
            {
                StopReason.Deadline => StreamOutcome.TimedOut,
                StopReason.AuthenticationExpired => StreamOutcome.AuthenticationExpired,
                StopReason.Shutdown => StreamOutcome.ServerShutdown,
                _ => StreamOutcome.ClientDisconnected,
            };
        }
    }

    /// <summary>
    /// Whether a stream the server ended ends as a complete response: SSE only, whose clients reconnect and resume,
    /// when the authentication expired or when it ended as the application began to stop. Every other stream the
    /// server ends, an SSE stream that opted out of ending at shutdown included, is cut by the shutdown timeout
    /// and aborted.
    /// </summary>
    internal bool EndsCleanlyWhenStopped
        => (StopReason)Volatile.Read(ref _stopReason) == StopReason.Shutdown ? _endsAtStopping : _isSse;

    /// <summary>
    /// Admits a stream, or answers <c>503</c> with <c>Retry-After</c> and returns <see langword="null"/> when
    /// <see cref="StreamingOptions.MaxConcurrentStreams"/> streams are running. Admission itself never waits.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="endpoint">The endpoint's format and flush settings.</param>
    /// <param name="refused">When refused, the 503 being written; else a completed task.</param>
    public static StreamRequest? Begin(HttpContext context, StreamEndpointMetadata endpoint, out Task refused)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(endpoint);
        return Begin(context, endpoint, StreamFormats.TagValue(endpoint.Format), out refused);
    }

    internal static StreamRequest? Begin(HttpContext context, StreamEndpointMetadata? endpoint, string format, out Task refused)
    {
        var runtime = StreamingRuntime.For(context);
        var route = RouteOf(context);
        if (runtime.Limiter.TryAcquire())
        {
            refused = Task.CompletedTask;
            return new StreamRequest(context, runtime, endpoint, route, format);
        }

        refused = RefuseAsync(context, runtime, route, format);
        return null;
    }

    /// <summary>Puts the client's own token back, so that what is written after the server's end is not cancelled by it.</summary>
    internal void EndDeadline()
    {
        if (_stop is not null)
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
        if (_stop is not null)
        {
            _runtime.RunningStreams.Remove(this);
            Context.RequestAborted = _clientAborted;
            _stop.Dispose();
        }

        _runtime.Limiter.Release();
    }

    /// <summary>Ends the stream early because the application is stopping.</summary>
    internal void StopForShutdown() => Stop(StopReason.Shutdown);

    private void Stop(StopReason reason)
    {
        if (!_stop!.IsCancellationRequested && Interlocked.CompareExchange(ref _stopReason, (int)reason, 0) == 0)
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream ended as the application began to stop.
            }
        }
    }

    /// <summary>The earlier of the deadline and, when asked for, the authentication's expiry.</summary>
    private static (StopReason Reason, TimeSpan After) TimedStop(HttpContext context, StreamEndpointMetadata? endpoint, StreamingOptions options)
    {
        var reason = StopReason.None;
        var after = TimeSpan.MaxValue;
        if (options.MaxStreamDuration is { } maxDuration)
        {
            (reason, after) = (StopReason.Deadline, maxDuration);
        }

        if ((endpoint?.CloseOnAuthenticationExpiration ?? options.CloseOnAuthenticationExpiration)
            && context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc is { } expires)
        {
            // Timers count whole milliseconds: rounded up, the stream never ends before the ticket has expired.
            var left = TimeSpan.FromMilliseconds(Math.Ceiling((expires - DateTimeOffset.UtcNow).TotalMilliseconds) + 1);
            if (left < after)
            {
                (reason, after) = (StopReason.AuthenticationExpired, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
        }

        return after <= s_longestTimer ? (reason, after) : (StopReason.None, default);
    }

    private static async Task RefuseAsync(HttpContext context, StreamingRuntime runtime, string route, string format)
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
    }

    private static string RouteOf(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        return (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint?.DisplayName ?? "";
    }
}
