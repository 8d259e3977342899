using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Streaming;

/// <summary>
/// Writes a sequence to an HTTP response as it is produced. Generated endpoints call this; it can also be
/// called by hand from any endpoint with a generated formatter.
/// </summary>
/// <remarks>
/// Flush policy: bytes are flushed whenever the producer makes the writer wait (its <c>MoveNextAsync</c> did
/// not complete synchronously), whenever the buffered bytes pass the flush threshold, and after every item
/// when the endpoint asks for it. Headers go out with the first flush, so an exception before it takes the
/// ordinary error path (500). An exception after it either ends the stream with the format's failure record
/// (SSE) or aborts the response, so that no client mistakes a partial body for a complete one. A client that
/// goes away cancels the producer's token and disposes its enumerator, logged at Information. A pending
/// <c>MoveNextAsync</c> is always awaited before the enumerator is disposed.
/// </remarks>
public static class StreamResponse
{
    /// <summary>Streams <paramref name="items"/> to the response in the format of <paramref name="formatter"/>.</summary>
    public static Task WriteAsync<T>(HttpContext context, IAsyncEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);

        return Begin(context, formatter, out var refused) is { } request
            ? RunAsync(request, items, formatter)
            : refused;
    }

    /// <summary>Streams <paramref name="items"/> to the response in the format of <paramref name="formatter"/>.</summary>
    /// <remarks>
    /// A synchronous producer gives no sign that it is about to block, so the writer flushes after every item
    /// that took longer than a millisecond to produce, and at the byte threshold. Prefer
    /// <see cref="IAsyncEnumerable{T}"/> for sources that wait on I/O.
    /// </remarks>
    public static Task WriteAsync<T>(HttpContext context, IEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);

        return Begin(context, formatter, out var refused) is { } request
            ? RunBlockingAsync(request, items, formatter)
            : refused;
    }

    /// <summary>Streams <paramref name="items"/> for a request admitted by <see cref="StreamRequest.Begin(HttpContext, StreamEndpointMetadata, out Task)"/>, and disposes the request when the stream ends.</summary>
    public static Task WriteAsync<T>(StreamRequest request, IAsyncEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);
        return RunAsync(request, items, formatter);
    }

    /// <summary>Streams <paramref name="items"/> for a request admitted by <see cref="StreamRequest.Begin(HttpContext, StreamEndpointMetadata, out Task)"/>, and disposes the request when the stream ends.</summary>
    public static Task WriteAsync<T>(StreamRequest request, IEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);
        return RunBlockingAsync(request, items, formatter);
    }

    /// <summary>Admits a stream written by hand: the endpoint's metadata when it has some, else the formatter's media type as its format.</summary>
    private static StreamRequest? Begin<T>(HttpContext context, StreamFormatter<T> formatter, out Task refused)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<StreamEndpointMetadata>();
        var format = endpoint is null ? MediaType(formatter.ContentType) : StreamFormats.TagValue(endpoint.Format);
        return StreamRequest.Begin(context, endpoint, format, out refused);
    }

    /// <summary>
    /// A synchronous producer blocks the thread that calls it: the stream runs on a thread of its own. A sequence
    /// that can also be read asynchronously (an EF Core query returned as <see cref="IEnumerable{T}"/>) is read so.
    /// </summary>
    private static Task RunBlockingAsync<T>(StreamRequest request, IEnumerable<T> items, StreamFormatter<T> formatter)
        => items is IAsyncEnumerable<T> asyncItems
            ? RunAsync(request, asyncItems, formatter)
            : RunOnProducerThreadAsync(request, items, formatter);

    private static async Task RunOnProducerThreadAsync<T>(StreamRequest request, IEnumerable<T> items, StreamFormatter<T> formatter)
    {
        try
        {
            await request.Runtime.ProducerThreads.RunAsync(() => RunAsync(request, items, formatter));
        }
        finally
        {
            // Also when no thread could be started for it.
            request.Dispose();
        }
    }

    /// <summary>
    /// Writes the stream from start to end and disposes <paramref name="request"/>: the loop and everything around
    /// it in one async method, so that an idle stream waits in one state machine. What that state machine keeps
    /// while it waits is kept by every idle stream, so it holds few locals: the request and the body writer
    /// carry the rest.
    /// </summary>
    /// <param name="request">The admitted request.</param>
    /// <param name="items">The producer: an <see cref="IAsyncEnumerable{T}"/>, or an <see cref="IEnumerable{T}"/> read on this thread.</param>
    /// <param name="formatter">The format.</param>
    private static async Task RunAsync<T>(StreamRequest request, object items, StreamFormatter<T> formatter)
    {
        var started = StreamTelemetry.Started(request);
        var body = new StreamBodyWriter(request.Context.Response.BodyWriter, request);
        IAsyncEnumerator<T>? enumerator = null;
        StreamOutcome outcome;
        ExceptionDispatchInfo? failure = null;
        try
        {
            PrepareResponse(request.Context, formatter);

            // Nothing leaves before the first flush, so the start record can be written straight away.
            formatter.WriteStart(body);
            enumerator = items is IAsyncEnumerable<T> asyncItems
                ? asyncItems.GetAsyncEnumerator(request.Aborted)
                : BlockingProducer<T>.Start((IEnumerable<T>)items);

            body.StartHeartbeat(formatter);
            while (true)
            {
                if (request.Aborted.IsCancellationRequested)
                {
                    outcome = EndedEarly(request);
                    break;
                }

                var next = enumerator.MoveNextAsync();
                if (!next.IsCompleted && !await WaitForProducerAsync(request, body, next))
                {
                    outcome = EndedEarly(request);
                    break;
                }

                bool more;
                if (!body.HasHeartbeat || next.IsCompleted)
                {
                    more = await next;
                }
                else
                {
                    // While, and only while, the producer keeps the loop waiting, an idle stream may get its heartbeat.
                    body.Idle();
                    try
                    {
                        more = await next;
                    }
                    finally
                    {
                        await body.ResumeAsync();
                    }
                }

                if (!more)
                {
                    // A producer that stops quietly when its token fires has not finished its sequence.
                    outcome = request.Aborted.IsCancellationRequested ? EndedEarly(request) : StreamOutcome.Completed;
                    break;
                }

                formatter.WriteItem(body, enumerator.Current);
                body.ItemWritten();
                var due = request.FlushEveryItem || body.UnflushedBytes >= request.FlushThresholdBytes || (enumerator as BlockingProducer<T>)?.LastItemWasSlow == true;
                if (due && !await body.FlushAsync(request.FlushToken))
                {
                    outcome = EndedEarly(request);
                    break;
                }
            }

            if (outcome == StreamOutcome.Completed)
            {
                // The producer's clean-up is part of the stream: if it fails, the body must not end as complete.
                var finished = enumerator;
                enumerator = null;
                await finished.DisposeAsync();

                formatter.WriteEnd(body);
                if (!await body.FlushAsync(request.FlushToken))
                {
                    outcome = EndedEarly(request);
                }
                else
                {
                    CompletionTrailers.Append(request.Context, body.SentItems);
                }
            }
        }
        catch (Exception exception)
        {
            outcome = request.Aborted.IsCancellationRequested ? EndedEarly(request) : StreamOutcome.Failed;
            if (outcome == StreamOutcome.Failed)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }

        // The loop holds the writer here, so no heartbeat is being written.
        body.StopHeartbeat();

        try
        {
            if (enumerator is not null)
            {
                await DisposeAfterEarlyEndAsync(enumerator);
            }

            // Before the first flush nothing is on the wire: a failure goes on to the application's error handling.
            var rethrow = outcome == StreamOutcome.Failed && !body.HasSent && !request.Context.Response.HasStarted;
            if (!rethrow)
            {
                await EndAsync(request, formatter, body, outcome, failure?.SourceException);
            }

            body.Discard();
            StreamTelemetry.Ended(request, started, outcome, body.SentItems, body.SentBytes, failure?.SourceException, logException: !rethrow);
            if (rethrow)
            {
                failure!.Throw();
            }
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>
    /// The producer makes the writer wait: what is buffered goes out now, while the producer keeps running.
    /// Returns <see langword="false"/> when the client has gone away, after the producer's pending
    /// <c>MoveNextAsync</c> has finished, so that it is never left running when the enumerator is disposed.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<bool> WaitForProducerAsync(StreamRequest request, StreamBodyWriter body, ValueTask<bool> pending)
    {
        if (body.UnflushedBytes == 0)
        {
            return true;
        }

        bool flushed;
        try
        {
            flushed = await body.FlushAsync(request.FlushToken);
        }
        catch
        {
            await DrainAsync(pending);
            throw;
        }

        if (!flushed)
        {
            await DrainAsync(pending);
        }

        return flushed;
    }

    /// <summary>Ends a stream that did not complete, in the way its outcome calls for.</summary>
    private static async ValueTask EndAsync<T>(StreamRequest request, StreamFormatter<T> formatter, StreamBodyWriter body, StreamOutcome outcome, Exception? failure)
    {
        switch (outcome)
        {
            case StreamOutcome.Failed:
                await EndIncompleteAsync(request, formatter, body, failure!);
                break;

            case StreamOutcome.TimedOut:
                request.EndDeadline();
                if (body.HasSent || request.Context.Response.HasStarted)
                {
                    await EndIncompleteAsync(request, formatter, body, new TimeoutException("The stream ran longer than its maximum duration."));
                }
                else
                {
                    body.Discard();
                    request.Context.Response.Clear();
                    await ProblemResponse.WriteAsync(
                        request.Context,
                        StatusCodes.Status504GatewayTimeout,
                        "The stream ran longer than its maximum duration before it sent anything.");
                }

                break;

            case StreamOutcome.ServerShutdown or StreamOutcome.AuthenticationExpired:
                await EndStoppedAsync(request, body, outcome);
                break;
        }
    }

    /// <summary>
    /// Ends a stream the server stopped (the application is stopping, or the authentication expired). SSE ends as
    /// a complete response, which its clients take as the cue to reconnect (elsewhere, or with fresh credentials)
    /// and resume; any other started stream is aborted, so that no client takes it for complete. A stream that
    /// has sent nothing yet is answered 503 or 401 instead.
    /// </summary>
    private static async ValueTask EndStoppedAsync(StreamRequest request, StreamBodyWriter body, StreamOutcome outcome)
    {
        request.EndDeadline();
        var response = request.Context.Response;
        if (request.EndsCleanlyWhenStopped)
        {
            try
            {
                // Only whole events are ever buffered: each item and heartbeat is written without a pause.
                await body.FlushAsync(default);
            }
            catch (Exception)
            {
                // The client is gone too.
            }
        }
        else if (body.HasSent || response.HasStarted)
        {
            request.Context.Abort();
        }
        else
        {
            body.Discard();
            response.Clear();
            var shutdown = outcome == StreamOutcome.ServerShutdown;
            if (shutdown)
            {
                response.Headers.Connection = "close";
            }

            await ProblemResponse.WriteAsync(
                request.Context,
                shutdown ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized,
                shutdown ? "The server is shutting down; try again." : "The authentication expired before the stream sent anything.");
        }
    }

    /// <summary>Ends a started stream with the format's failure record, or else aborts it.</summary>
    private static async ValueTask EndIncompleteAsync<T>(StreamRequest request, StreamFormatter<T> formatter, StreamBodyWriter body, Exception failure)
    {
        try
        {
            if (formatter.TryWriteFailure(body, failure, request.Runtime.IncludeExceptionDetails) && await body.FlushAsync(default))
            {
                return;
            }
        }
        catch (Exception)
        {
            // The failure record could not be sent; aborting below still tells the client.
        }

        // No closing chunk on HTTP/1.1, RST_STREAM on HTTP/2: every client sees a truncated body, never a complete one.
        request.Context.Abort();
    }

    private static void PrepareResponse<T>(HttpContext context, StreamFormatter<T> formatter)
    {
        // Proxies such as nginx buffer whole responses unless told not to.
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // Servers and middleware that buffer (IIS, HTTP.sys, response compression) pass each write on from here.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        formatter.PrepareResponse(context.Response);
        CompletionTrailers.Declare(context);
    }

    private static StreamOutcome EndedEarly(StreamRequest request) => request.EarlyOutcome;

    private static async ValueTask DrainAsync(ValueTask<bool> pending)
    {
        try
        {
            await pending;
        }
        catch
        {
            // The stream is already ending; the producer's own failure adds nothing.
        }
    }

    private static async ValueTask DisposeAfterEarlyEndAsync<T>(IAsyncEnumerator<T> enumerator)
    {
        try
        {
            await enumerator.DisposeAsync();
        }
        catch
        {
            // The stream is already ending for another reason, which is the one reported.
        }
    }

    private static string MediaType(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
    }
}
