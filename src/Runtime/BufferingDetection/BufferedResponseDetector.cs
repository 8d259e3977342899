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
using Microsoft.Net.Http.Headers;

namespace Streaming;

/// <summary>
/// Finds the buffering no analyzer can see (the list is built in another assembly, behind an interface): a JSON
/// response past the threshold that an ordinary endpoint serialized from a value it had built whole. It counts the
/// body bytes as they pass, and decides once the endpoint has finished.
/// </summary>
internal sealed class BufferedResponseDetector(StreamingRuntime runtime, BufferedResponseDetectionOptions options)
{
    private readonly ConcurrentDictionary<Endpoint, bool> _reported = new();
    private readonly ConcurrentDictionary<Endpoint, bool> _watched = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !_watched.GetOrAdd(endpoint, static e => MaySendBufferedJson(e))
            || context.Features.Get<IHttpResponseBodyFeature>() is not { } body)
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var watch = new WatchedResponseBody(body);
        context.Features.Set<IHttpResponseBodyFeature>(watch);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
        }

        if (watch.Bytes >= options.ThresholdBytes && IsBufferedJson(context.Response, watch))
        {
            Report(context, endpoint, watch.Bytes, Stopwatch.GetElapsedTime(started, watch.FirstWrite));
        }
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

    /// <summary>A JSON body that a serializer wrote: not a file (sent with <c>SendFileAsync</c>, or sized or named in advance).</summary>
    private static bool IsBufferedJson(HttpResponse response, WatchedResponseBody watch)
    {
        var headers = response.Headers;
        return !watch.SentFile
               && IsJson(headers.ContentType.ToString())
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
}
