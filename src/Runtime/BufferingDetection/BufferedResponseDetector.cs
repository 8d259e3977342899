using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Net.Http.Headers;

namespace Streaming;

/// <summary>
/// Finds the buffering no analyzer can see (the list is built in another assembly, behind an interface): a JSON
/// response past the threshold that an ordinary endpoint serialized from a value it had built whole. It counts the
/// body bytes as they pass, and decides once the endpoint has finished.
/// </summary>
/// <remarks>
/// Built to cost nothing per request: an endpoint that is not watched gets <c>next</c>'s own task back; a watched
/// one borrows a counting wrapper from a pool (one wrapper per request in flight, never shared, so HTTP/2 streams of
/// one connection cannot mix their counts) and returns it when the endpoint is done. Only an endpoint that
/// finishes asynchronously costs the one await that waits for it.
/// </remarks>
internal sealed class BufferedResponseDetector(StreamingRuntime runtime, BufferedResponseDetectionOptions options)
{
    /// <summary>Wrappers kept for reuse: as many as watched requests in flight at once, up to this many.</summary>
    private const int RetainedWrappers = 1024;

    private readonly ConcurrentDictionary<Endpoint, bool> _reported = new();
    private readonly ConcurrentDictionary<Endpoint, bool> _watched = new();
    private readonly DefaultObjectPool<WatchedResponseBody> _wrappers = new(new WrapperPolicy(), RetainedWrappers);

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !_watched.GetOrAdd(endpoint, static e => MaySendBufferedJson(e))
            || context.Features.Get<IHttpResponseBodyFeature>() is not { } body)
        {
            return next(context);
        }

        var watch = _wrappers.Get();
        watch.Watch(body);
        context.Features.Set<IHttpResponseBodyFeature>(watch);
        Task running;
        try
        {
            running = next(context);
        }
        catch
        {
            Release(context, body, watch);
            throw;
        }

        if (!running.IsCompletedSuccessfully)
        {
            return FinishAsync(running, context, endpoint, body, watch);
        }

        Finish(context, endpoint, body, watch);
        return Task.CompletedTask;
    }

    private async Task FinishAsync(Task running, HttpContext context, Endpoint endpoint, IHttpResponseBodyFeature body, WatchedResponseBody watch)
    {
        try
        {
            await running;
        }
        catch
        {
            Release(context, body, watch);
            throw;
        }

        Finish(context, endpoint, body, watch);
    }

    /// <summary>The endpoint has finished: its body, if big enough, is judged; the server's own body feature is back in place either way.</summary>
    private void Finish(HttpContext context, Endpoint endpoint, IHttpResponseBodyFeature body, WatchedResponseBody watch)
    {
        var bytes = watch.Bytes;
        var sentFile = watch.SentFile;
        var started = watch.Started;
        var firstFlush = watch.FirstFlush;
        Release(context, body, watch);
        if (bytes >= options.ThresholdBytes && !sentFile && IsBufferedJson(context.Response))
        {
            // A body the endpoint never flushed itself goes out once it has finished, which is now.
            var timeToFirstByte = Stopwatch.GetElapsedTime(started, firstFlush == 0 ? Stopwatch.GetTimestamp() : firstFlush);
            Report(context, endpoint, bytes, timeToFirstByte);
        }
    }

    private void Release(HttpContext context, IHttpResponseBodyFeature body, WatchedResponseBody watch)
    {
        context.Features.Set(body);
        _wrappers.Return(watch);
    }

    /// <summary>Endpoints that can answer with a serialized value: not a <c>[Stream]</c> method, and not a handler
    /// declared to return an <c>IAsyncEnumerable&lt;T&gt;</c>, which System.Text.Json writes as it is enumerated.</summary>
    private static bool MaySendBufferedJson(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<StreamEndpointMetadata>() is not null)
        {
            return false;
        }

        var handler = endpoint.Metadata.GetMetadata<MethodInfo>() ?? endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.MethodInfo;
        return handler is null || !MentionsAsyncEnumerable(handler.ReturnType, depth: 4);
    }

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c> itself or as a type argument: <c>Task&lt;Ok&lt;IAsyncEnumerable&lt;T&gt;&gt;&gt;</c>.</summary>
    private static bool MentionsAsyncEnumerable(Type type, int depth)
    {
        if (!type.IsGenericType || depth == 0)
        {
            return false;
        }

        if (type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>))
        {
            return true;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            if (MentionsAsyncEnumerable(argument, depth - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A JSON body that a serializer wrote: not a file (sized or named in advance).</summary>
    private static bool IsBufferedJson(HttpResponse response)
    {
        var headers = response.Headers;
        return IsJson(headers.ContentType.ToString())
               && headers.ContentLength is null
               && headers.ContentDisposition.Count == 0;
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.AsSpan();
        var parameters = mediaType.IndexOf(';');
        if (parameters >= 0)
        {
            mediaType = mediaType[..parameters];
        }

        mediaType = mediaType.Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private void Report(HttpContext context, Endpoint endpoint, long bytes, TimeSpan timeToFirstByte)
    {
        var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? endpoint.DisplayName ?? context.Request.Path.Value ?? "";
        runtime.Metrics.Buffered(route);
        if (_reported.TryAdd(endpoint, true))
        {
            BufferingLog.BufferedResponse(runtime.DetectorLogger, endpoint.DisplayName ?? route, route, bytes, timeToFirstByte.TotalMilliseconds);
        }
    }

    /// <summary>A wrapper goes back to the pool cleared: no count, timestamp or server feature of the last request stays in it.</summary>
    private sealed class WrapperPolicy : IPooledObjectPolicy<WatchedResponseBody>
    {
        public WatchedResponseBody Create() => new();

        public bool Return(WatchedResponseBody obj)
        {
            obj.Clear();
            return true;
        }
    }
}
