using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Streaming.Client;

/// <summary>
/// Reads newline-delimited JSON (<c>application/x-ndjson</c>, JSON Lines <c>application/jsonl</c>) from a
/// <c>GET</c> as an <see cref="IAsyncEnumerable{T}"/>: each item as soon as its line has arrived.
/// </summary>
/// <remarks>
/// The request sends <c>TE: trailers</c>, so that a server that can (Streaming.Generators on HTTP/2) marks the
/// end of a complete body; a body cut short by a reset, a missing final chunk or an aborted HTTP/2 stream
/// throws from the enumerator (an <see cref="System.IO.IOException"/>, usually <see cref="HttpIOException"/>),
/// never ends it. A status other than 2xx throws <see cref="HttpRequestException"/> before the first item.
/// </remarks>
public static class HttpClientNdJsonExtensions
{
    private static readonly MediaTypeWithQualityHeaderValue s_ndJson = new("application/x-ndjson");
    private static readonly MediaTypeWithQualityHeaderValue s_jsonLines = new("application/jsonl");

    /// <summary>Sends a <c>GET</c> to <paramref name="requestUri"/> and reads its NDJSON body item by item.</summary>
    /// <typeparam name="TValue">The item type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The address, relative to <see cref="HttpClient.BaseAddress"/> or absolute.</param>
    /// <param name="jsonTypeInfo">How to read one item (from a <c>JsonSerializerContext</c>; trimming- and AOT-safe).</param>
    /// <param name="cancellationToken">Stops the request and the read.</param>
    public static IAsyncEnumerable<TValue?> GetFromNdJsonAsAsyncEnumerable<TValue>(this HttpClient client, [StringSyntax(StringSyntaxAttribute.Uri)] string? requestUri, JsonTypeInfo<TValue> jsonTypeInfo, CancellationToken cancellationToken = default)
        => GetFromNdJsonAsAsyncEnumerable(client, Requests.CreateUri(requestUri), jsonTypeInfo, cancellationToken);

    /// <inheritdoc cref="GetFromNdJsonAsAsyncEnumerable{TValue}(HttpClient, string?, JsonTypeInfo{TValue}, CancellationToken)"/>
    public static IAsyncEnumerable<TValue?> GetFromNdJsonAsAsyncEnumerable<TValue>(this HttpClient client, Uri? requestUri, JsonTypeInfo<TValue> jsonTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return GetAsync(client, requestUri, jsonTypeInfo, cancellationToken);
    }

    /// <summary>Sends a <c>GET</c> to <paramref name="requestUri"/> and reads its NDJSON body item by item.</summary>
    /// <typeparam name="TValue">The item type.</typeparam>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The address, relative to <see cref="HttpClient.BaseAddress"/> or absolute.</param>
    /// <param name="options">How to read items; <see langword="null"/> for <see cref="JsonSerializerOptions.Web"/>.</param>
    /// <param name="cancellationToken">Stops the request and the read.</param>
    [RequiresUnreferencedCode(Requests.SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(Requests.SerializationDynamicCodeMessage)]
    public static IAsyncEnumerable<TValue?> GetFromNdJsonAsAsyncEnumerable<TValue>(this HttpClient client, [StringSyntax(StringSyntaxAttribute.Uri)] string? requestUri, JsonSerializerOptions? options, CancellationToken cancellationToken = default)
        => GetFromNdJsonAsAsyncEnumerable(client, Requests.CreateUri(requestUri), Requests.TypeInfo<TValue>(options), cancellationToken);

    /// <inheritdoc cref="GetFromNdJsonAsAsyncEnumerable{TValue}(HttpClient, string?, JsonSerializerOptions?, CancellationToken)"/>
    [RequiresUnreferencedCode(Requests.SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(Requests.SerializationDynamicCodeMessage)]
    public static IAsyncEnumerable<TValue?> GetFromNdJsonAsAsyncEnumerable<TValue>(this HttpClient client, Uri? requestUri, JsonSerializerOptions? options, CancellationToken cancellationToken = default)
        => GetFromNdJsonAsAsyncEnumerable(client, requestUri, Requests.TypeInfo<TValue>(options), cancellationToken);

    /// <summary>Reads the NDJSON body of <paramref name="response"/> item by item, for requests sent by hand (a <c>POST</c>, say).</summary>
    /// <remarks>
    /// Send the request with <see cref="HttpCompletionOption.ResponseHeadersRead"/>, or the whole body is read
    /// before the first item, and with <c>TE: trailers</c> for the server's end marker to be checked. The status
    /// is the caller's to check. The response is not disposed.
    /// </remarks>
    /// <typeparam name="TValue">The item type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="jsonTypeInfo">How to read one item (from a <c>JsonSerializerContext</c>; trimming- and AOT-safe).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static IAsyncEnumerable<TValue?> ReadFromNdJsonAsAsyncEnumerable<TValue>(this HttpResponseMessage response, JsonTypeInfo<TValue> jsonTypeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return JsonLines.ReadAsync(response, jsonTypeInfo, cancellationToken);
    }

    /// <inheritdoc cref="ReadFromNdJsonAsAsyncEnumerable{TValue}(HttpResponseMessage, JsonTypeInfo{TValue}, CancellationToken)"/>
    /// <param name="response">The response.</param>
    /// <param name="options">How to read items; <see langword="null"/> for <see cref="JsonSerializerOptions.Web"/>.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    [RequiresUnreferencedCode(Requests.SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(Requests.SerializationDynamicCodeMessage)]
    public static IAsyncEnumerable<TValue?> ReadFromNdJsonAsAsyncEnumerable<TValue>(this HttpResponseMessage response, JsonSerializerOptions? options, CancellationToken cancellationToken = default)
        => ReadFromNdJsonAsAsyncEnumerable(response, Requests.TypeInfo<TValue>(options), cancellationToken);

    private static async IAsyncEnumerable<TValue?> GetAsync<TValue>(HttpClient client, Uri? requestUri, JsonTypeInfo<TValue> jsonTypeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Requests.Get(client, requestUri);
        request.Headers.Accept.Add(s_ndJson);
        request.Headers.Accept.Add(s_jsonLines);
        CompletionTrailers.Accept(request);

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await foreach (var item in JsonLines.ReadAsync(response, jsonTypeInfo, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
