using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming.Client;

/// <summary>
/// Reads one Server-Sent Events stream across as many connections as it takes, as the WHATWG
/// <c>EventSource</c> does: after a connection ends or drops it waits the server's <c>retry:</c> (else an
/// exponential backoff with jitter) and asks again with <c>Last-Event-ID</c>; <c>204 No Content</c> ends the
/// stream; a <c>4xx</c>, a status other than <c>200</c> or another media type fail it; <c>5xx</c> and network
/// errors are retried. Each response is parsed by <see cref="SseParser"/>.
/// </summary>
internal static class SseReconnectingReader
{
    private static readonly MediaTypeWithQualityHeaderValue s_eventStream = new("text/event-stream");

    public static async IAsyncEnumerable<SseItem<T>> ReadAsync<T>(HttpClient client, Uri? requestUri, JsonTypeInfo<T>? jsonTypeInfo, SseClientOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parse = ItemParser(jsonTypeInfo);
        var lastEventId = options.LastEventId;
        var retry = Timeout.InfiniteTimeSpan;
        var failedAttempts = 0;
        for (var connection = 0; ; connection++)
        {
            if (connection > 0)
            {
                await Task.Delay(ReconnectDelay(retry, failedAttempts, options), cancellationToken).ConfigureAwait(false);
            }

            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var (response, failure) = await ConnectAsync(client, requestUri, lastEventId, idle, options.IdleTimeout, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                ThrowWhenOutOfAttempts(++failedAttempts, options, failure!);
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    yield break;
                }

                var body = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), idle, options.IdleTimeout);
                await using (body.ConfigureAwait(false))
                {
                    var parser = SseParser.Create(body, parse);
                    var events = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                    await using (events.ConfigureAwait(false))
                    {
                        long received = 0;
                        while (true)
                        {
                            (var more, failure) = await NextAsync(events, idle, lastEventId, cancellationToken).ConfigureAwait(false);
                            if (parser.ReconnectionInterval != Timeout.InfiniteTimeSpan)
                            {
                                retry = parser.ReconnectionInterval;
                            }

                            if (!more)
                            {
                                break;
                            }

                            var item = events.Current;
                            lastEventId = item.EventId ?? lastEventId;
                            failedAttempts = 0;
                            received++;
                            yield return item;
                        }

                        if (failure is null)
                        {
                            failure = EndedWithTrailers(response, received);
                        }

                        if (received == 0)
                        {
                            ThrowWhenOutOfAttempts(++failedAttempts, options, failure ?? new HttpIOException(HttpRequestError.ResponseEnded, "The server ended the stream without an event."));
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Sends one request. Returns the response to read (<c>200 text/event-stream</c> or <c>204</c>), or the
    /// failure to retry after; throws what must not be retried.
    /// </summary>
    private static async ValueTask<(HttpResponseMessage? Response, Exception? Failure)> ConnectAsync(
        HttpClient client, Uri? requestUri, string? lastEventId, CancellationTokenSource idle, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        using var request = Requests.Get(client, requestUri);
        request.Headers.Accept.Add(s_eventStream);
        request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
        CompletionTrailers.Accept(request);
        if (!string.IsNullOrEmpty(lastEventId))
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage response;
        try
        {
            idle.CancelAfter(idleTimeout);
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            return (null, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The idle timeout (or HttpClient.Timeout) passed before the response headers came.
            return (null, exception);
        }

        var status = (int)response.StatusCode;
        if (status == 204)
        {
            return (response, null);
        }

        if (status >= 500)
        {
            response.Dispose();
            return (null, new HttpRequestException(HttpRequestError.Unknown, $"Response status code does not indicate success: {status} ({response.ReasonPhrase}).", statusCode: response.StatusCode));
        }

        if (status != 200)
        {
            // A 4xx (or an unfollowed redirect) throws here; another 2xx is no event stream either.
            using (response)
            {
                response.EnsureSuccessStatusCode();
                throw new HttpRequestException(HttpRequestError.Unknown, $"An event stream must answer 200 or 204, not {status}.", statusCode: response.StatusCode);
            }
        }

        if (response.Content.Headers.ContentType?.MediaType is not "text/event-stream")
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.Unknown, $"An event stream must be text/event-stream, not {mediaType ?? "without a media type"}.", statusCode: HttpStatusCode.OK);
        }

        return (response, null);
    }

    /// <summary>The next event, or the end of this connection: cleanly, or with the failure that ended it (a drop, a reset, a silent connection).</summary>
    private static async ValueTask<(bool More, Exception? Failure)> NextAsync<T>(IAsyncEnumerator<SseItem<T>> events, CancellationTokenSource idle, string? lastEventId, CancellationToken cancellationToken)
    {
        try
        {
            return (await events.MoveNextAsync().ConfigureAwait(false), null);
        }
        catch (SseErrorException exception) when (exception.LastEventId is null && lastEventId is not null)
        {
            throw new SseErrorException(exception.EventData, lastEventId);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (false, exception);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && idle.IsCancellationRequested)
        {
            return (false, new TimeoutException("The event stream sent nothing, not even a heartbeat, for longer than the idle timeout."));
        }
    }

    /// <summary>A clean end whose completion trailers disagree with what was read counts as a drop.</summary>
    private static Exception? EndedWithTrailers(HttpResponseMessage response, long received)
    {
        try
        {
            CompletionTrailers.Check(response, received);
            return null;
        }
        catch (HttpIOException exception)
        {
            return exception;
        }
    }

    private static void ThrowWhenOutOfAttempts(int failedAttempts, SseClientOptions options, Exception failure)
    {
        if (failedAttempts > options.MaxReconnectAttempts)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"The event stream could not be read after {failedAttempts} attempts in a row.", failure);
        }
    }

    /// <summary>The server's <c>retry:</c> when it sent one; else the initial delay doubled per failed attempt, capped, with jitter (half to all of it).</summary>
    internal static TimeSpan ReconnectDelay(TimeSpan retry, int failedAttempts, SseClientOptions options)
    {
        if (retry != Timeout.InfiniteTimeSpan)
        {
            return retry;
        }

        var doublings = Math.Min(Math.Max(failedAttempts - 1, 0), 20);
        var ceiling = Math.Min(options.InitialReconnectDelay.Ticks * (1L << doublings), options.MaxReconnectDelay.Ticks);
        ceiling = Math.Max(ceiling, 0);
        return TimeSpan.FromTicks(ceiling / 2 + Random.Shared.NextInt64(ceiling / 2 + 1));
    }

    /// <summary>Text data as it is for <see cref="string"/>, JSON otherwise; the <c>error</c> event throws.</summary>
    private static SseItemParser<T> ItemParser<T>(JsonTypeInfo<T>? jsonTypeInfo) => (eventType, data) =>
    {
        if (eventType == "error")
        {
            throw new SseErrorException(Encoding.UTF8.GetString(data), null);
        }

        return jsonTypeInfo is null ? (T)(object)Encoding.UTF8.GetString(data) : JsonSerializer.Deserialize(data, jsonTypeInfo)!;
    };
}
