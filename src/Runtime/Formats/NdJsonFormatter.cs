using System;
using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Streaming;

/// <summary>
/// Newline-delimited JSON: each item's JSON followed by <c>\n</c>. Sent as <c>application/x-ndjson</c>, or as
/// <c>application/jsonl</c> (JSON Lines, the same bytes) to a request whose <c>Accept</c> prefers that name.
/// </summary>
public sealed class NdJsonFormatter<T, TWriter> : JsonFormatter<T, TWriter>
    where TWriter : IJsonItemWriter<T>
{
    /// <inheritdoc />
    public override string ContentType => StreamFormats.NdJsonMediaType;

    /// <inheritdoc />
    public override void PrepareResponse(HttpResponse response)
    {
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        response.ContentType = PrefersJsonLines(response.HttpContext.Request) ? StreamFormats.JsonLinesMediaType : ContentType;
    }

    /// <inheritdoc />
    public override void WriteItem(IBufferWriter<byte> output, T item)
    {
        WriteJson(output, item, after: "\n"u8);
    }

    /// <summary>Whether <c>Accept</c> ranks <c>application/jsonl</c> above <c>application/x-ndjson</c> (a tie keeps the default).</summary>
    private static bool PrefersJsonLines(HttpRequest request)
    {
        if (request.Headers.Accept.Count == 0)
        {
            return false;
        }

        double jsonLines = 0, ndJson = 0;
        foreach (var mediaType in request.GetTypedHeaders().Accept)
        {
            var quality = mediaType.Quality ?? 1;
            if (mediaType.MediaType.Equals(StreamFormats.JsonLinesMediaType, StringComparison.OrdinalIgnoreCase))
            {
                jsonLines = Math.Max(jsonLines, quality);
            }
            else if (mediaType.MediaType.Equals(StreamFormats.NdJsonMediaType, StringComparison.OrdinalIgnoreCase))
            {
                ndJson = Math.Max(ndJson, quality);
            }
        }

        return jsonLines > ndJson;
    }
}
