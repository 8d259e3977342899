using System;

namespace Streaming.Client;

/// <summary>
/// The server ended a Server-Sent Events stream with an <c>error</c> event, as Streaming.Generators does
/// when the stream fails after it has started. The stream is not resumed.
/// </summary>
public sealed class SseErrorException : Exception
{
    /// <summary>Creates the exception for an <c>error</c> event.</summary>
    /// <param name="eventData">The event's data.</param>
    /// <param name="lastEventId">The id of the last event before it, if any.</param>
    public SseErrorException(string eventData, string? lastEventId)
        : base($"The server ended the stream with an error: {eventData}")
    {
        EventData = eventData;
        LastEventId = lastEventId;
    }

    /// <summary>The <c>error</c> event's data (the server's message in Development, a generic one otherwise).</summary>
    public string EventData { get; }

    /// <summary>The id of the last event received before the error, if any.</summary>
    public string? LastEventId { get; }
}
