using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace Streaming.Client;

/// <summary>
/// Reads a Server-Sent Events stream (<c>text/event-stream</c>) from a <c>GET</c> as an
/// <see cref="IAsyncEnumerable{T}"/> of <see cref="SseItem{T}"/>, reconnecting as a browser's
/// <c>EventSource</c> does until the caller stops or the server says the stream is over.
/// </summary>
/// <remarks>
/// <para>
/// When a connection ends or drops, the reader waits the server's <c>retry:</c> interval, or else an
/// exponential backoff with jitter (<see cref="SseClientOptions"/>), and asks again with the last event's id in
/// <c>Last-Event-ID</c>, so that a server that resumes from it loses and repeats nothing. A connection that
/// sends nothing, not even a heartbeat comment, for <see cref="SseClientOptions.IdleTimeout"/> is replaced.
/// </para>
/// <para>
/// The stream ends when the server answers <c>204 No Content</c>, or when the caller breaks out of the loop or
/// cancels. A <c>4xx</c>, a status other than <c>200</c>, or another media type throws
/// <see cref="HttpRequestException"/> (as <c>EventSource</c> fails); <c>5xx</c> and network errors are retried,
/// up to <see cref="SseClientOptions.MaxReconnectAttempts"/> in a row. An <c>error</c> event (what
/// Streaming.Generators sends when a stream fails after it has started) throws <see cref="SseErrorException"/>.
/// </para>
/// <para>Data is read as text for <see cref="string"/> items and as JSON for any other type.</para>
/// </remarks>
public static class HttpClientSseExtensions
{
    /// <summary>Reads the events at <paramref name="requestUri"/>, their data as JSON items.</summary>
    /// <typeparam name="TValue">The type of each event's data (<see cref="string"/> reads it as text).</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The address, relative to <see cref="HttpClient.BaseAddress"/> or absolute.</param>
    /// <param name="jsonTypeInfo">How to read one event's data (from a <c>JsonSerializerContext</c>; trimming- and AOT-safe).</param>
    /// <param name="options">How to reconnect; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public static IAsyncEnumerable<SseItem<TValue>> GetFromSseAsAsyncEnumerable<TValue>(this HttpClient client, [StringSyntax(StringSyntaxAttribute.Uri)] string? requestUri, JsonTypeInfo<TValue> jsonTypeInfo, SseClientOptions? options = null, CancellationToken cancellationToken = default)
        => GetFromSseAsAsyncEnumerable(client, Requests.CreateUri(requestUri), jsonTypeInfo, options, cancellationToken);

    /// <inheritdoc cref="GetFromSseAsAsyncEnumerable{TValue}(HttpClient, string?, JsonTypeInfo{TValue}, SseClientOptions?, CancellationToken)"/>
    public static IAsyncEnumerable<SseItem<TValue>> GetFromSseAsAsyncEnumerable<TValue>(this HttpClient client, Uri? requestUri, JsonTypeInfo<TValue> jsonTypeInfo, SseClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return SseReconnectingReader.ReadAsync(client, requestUri, typeof(TValue) == typeof(string) ? null : jsonTypeInfo, options ?? new(), cancellationToken);
    }

    /// <summary>Reads the events at <paramref name="requestUri"/>, their data as JSON items.</summary>
    /// <typeparam name="TValue">The type of each event's data (<see cref="string"/> reads it as text).</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The address, relative to <see cref="HttpClient.BaseAddress"/> or absolute.</param>
    /// <param name="jsonOptions">How to read data; <see langword="null"/> for <see cref="JsonSerializerOptions.Web"/>.</param>
    /// <param name="options">How to reconnect; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    [RequiresUnreferencedCode(Requests.SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(Requests.SerializationDynamicCodeMessage)]
    public static IAsyncEnumerable<SseItem<TValue>> GetFromSseAsAsyncEnumerable<TValue>(this HttpClient client, [StringSyntax(StringSyntaxAttribute.Uri)] string? requestUri, JsonSerializerOptions? jsonOptions, SseClientOptions? options = null, CancellationToken cancellationToken = default)
        => GetFromSseAsAsyncEnumerable(client, Requests.CreateUri(requestUri), Requests.TypeInfo<TValue>(jsonOptions), options, cancellationToken);

    /// <inheritdoc cref="GetFromSseAsAsyncEnumerable{TValue}(HttpClient, string?, JsonSerializerOptions?, SseClientOptions?, CancellationToken)"/>
    [RequiresUnreferencedCode(Requests.SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(Requests.SerializationDynamicCodeMessage)]
    public static IAsyncEnumerable<SseItem<TValue>> GetFromSseAsAsyncEnumerable<TValue>(this HttpClient client, Uri? requestUri, JsonSerializerOptions? jsonOptions, SseClientOptions? options = null, CancellationToken cancellationToken = default)
        => GetFromSseAsAsyncEnumerable(client, requestUri, Requests.TypeInfo<TValue>(jsonOptions), options, cancellationToken);

    /// <summary>Reads the events at <paramref name="requestUri"/>, their data as text.</summary>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The address, relative to <see cref="HttpClient.BaseAddress"/> or absolute.</param>
    /// <param name="options">How to reconnect; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public static IAsyncEnumerable<SseItem<string>> GetFromSseAsAsyncEnumerable(this HttpClient client, [StringSyntax(StringSyntaxAttribute.Uri)] string? requestUri, SseClientOptions? options = null, CancellationToken cancellationToken = default)
        => GetFromSseAsAsyncEnumerable(client, Requests.CreateUri(requestUri), options, cancellationToken);

    /// <inheritdoc cref="GetFromSseAsAsyncEnumerable(HttpClient, string?, SseClientOptions?, CancellationToken)"/>
    public static IAsyncEnumerable<SseItem<string>> GetFromSseAsAsyncEnumerable(this HttpClient client, Uri? requestUri, SseClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return SseReconnectingReader.ReadAsync<string>(client, requestUri, null, options ?? new(), cancellationToken);
    }
}
