using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Streaming.Client;

/// <summary>What the <c>HttpClient</c> extensions of this package share.</summary>
internal static class Requests
{
    public const string SerializationUnreferencedCodeMessage = "JSON serialization and deserialization might require types that cannot be statically analyzed. Use the overload that takes a JsonTypeInfo, or make sure all of the required types are preserved.";
    public const string SerializationDynamicCodeMessage = "JSON serialization and deserialization might require types that cannot be statically analyzed and might need runtime code generation. Use System.Text.Json source generation for native AOT applications.";

    /// <summary>A <c>GET</c> with the client's default version and policy (a hand-made request is HTTP/1.1 otherwise).</summary>
    public static HttpRequestMessage Get(HttpClient client, Uri? requestUri)
        => new(HttpMethod.Get, requestUri) { Version = client.DefaultRequestVersion, VersionPolicy = client.DefaultVersionPolicy };

    public static Uri? CreateUri(string? uri) => string.IsNullOrEmpty(uri) ? null : new Uri(uri, UriKind.RelativeOrAbsolute);

    /// <summary>Metadata for <typeparamref name="TValue"/> from <paramref name="options"/>, or from <see cref="JsonSerializerOptions.Web"/> as System.Net.Http.Json does.</summary>
    [RequiresUnreferencedCode(SerializationUnreferencedCodeMessage)]
    [RequiresDynamicCode(SerializationDynamicCodeMessage)]
    public static JsonTypeInfo<TValue> TypeInfo<TValue>(JsonSerializerOptions? options)
    {
        options ??= JsonSerializerOptions.Web;
        options.MakeReadOnly(populateMissingResolver: true);
        return (JsonTypeInfo<TValue>)options.GetTypeInfo(typeof(TValue));
    }
}
