using System;

namespace Streaming;

/// <summary>
/// Endpoint metadata of a generated stream endpoint: its wire format and the flush, shutdown and
/// authentication settings of its <c>[Stream]</c> attribute. Find it with <c>endpoint.Metadata.GetMetadata&lt;StreamEndpointMetadata&gt;()</c>.
/// </summary>
public sealed class StreamEndpointMetadata
{
    /// <summary>Describes an endpoint that streams in <paramref name="format"/>.</summary>
    public StreamEndpointMetadata(Format format) => Format = format;

    /// <summary>The wire format.</summary>
    public Format Format { get; }

    /// <summary>The response media type of <see cref="Format"/>, as the OpenAPI document shows it.</summary>
    public string ContentType => StreamFormats.MediaType(Format);

    /// <summary>The endpoint's own <see cref="StreamingOptions.FlushEveryItem"/>, or <see langword="null"/> for the application's.</summary>
    public bool? FlushEveryItem { get; init; }

    /// <summary>The endpoint's own <see cref="StreamingOptions.FlushThresholdBytes"/>, or <see langword="null"/> for the application's.</summary>
    public int? FlushThresholdBytes
    {
        get;
        init => field = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The flush threshold must be positive.");
    }

    /// <summary>The endpoint's own <see cref="StreamingOptions.SseEndOnShutdown"/>, or <see langword="null"/> for the application's.</summary>
    public bool? SseEndOnShutdown { get; init; }

    /// <summary>The endpoint's own <see cref="StreamingOptions.CloseOnAuthenticationExpiration"/>, or <see langword="null"/> for the application's.</summary>
    public bool? CloseOnAuthenticationExpiration { get; init; }
}
