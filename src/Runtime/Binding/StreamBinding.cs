using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Streaming;

/// <summary>
/// Parameter binding used by generated endpoints: reads route, query and header values, parses them with the
/// invariant culture, and answers 400 before any body byte when a value is missing or malformed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StreamBinding
{
    /// <summary>A route value as text, or <see langword="null"/>.</summary>
    public static string? Route(HttpContext context, string name) => context.GetRouteValue(name)?.ToString();

    /// <summary>A query-string value as text (several values joined by commas), or <see langword="null"/>.</summary>
    public static string? Query(HttpContext context, string name) => context.Request.Query[name];

    /// <summary>A request header as text (several values joined by commas), or <see langword="null"/>.</summary>
    public static string? Header(HttpContext context, string name) => context.Request.Headers[name];

    /// <summary>Parses <paramref name="text"/> as <typeparamref name="T"/> with the invariant culture.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : IParsable<T>
    {
        if (string.IsNullOrEmpty(text))
        {
            value = default!;
            return false;
        }

        return T.TryParse(text, CultureInfo.InvariantCulture, out value!);
    }

    /// <summary>Parses <paramref name="text"/> as an enum member name (any case) or number.</summary>
    public static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            value = default;
            return false;
        }

        return Enum.TryParse(text, ignoreCase: true, out value);
    }

    /// <summary>Reads the JSON request body with the application's JSON options (<c>ConfigureHttpJsonOptions</c>).</summary>
    /// <returns>Whether the body was read; on <see langword="false"/> a 400 has been written.</returns>
    public static async ValueTask<(bool Success, T? Value)> TryReadJsonBodyAsync<T>(HttpContext context, string parameter)
    {
        if (!context.Request.HasJsonContentType())
        {
            await RejectAsync(context, $"The request body for '{parameter}' must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
            return (false, default);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        try
        {
            var value = await context.Request.ReadFromJsonAsync(typeInfo, context.RequestAborted);
            if (value is null)
            {
                await RejectAsync(context, $"The request body for '{parameter}' is required.");
                return (false, default);
            }

            return (true, value);
        }
        catch (JsonException)
        {
            await RejectAsync(context, $"The request body for '{parameter}' is not valid JSON for {typeof(T).Name}.");
            return (false, default);
        }
    }

    /// <summary>Answers 400 for a <paramref name="source"/> value that is missing or does not parse.</summary>
    /// <param name="context">The request.</param>
    /// <param name="source">Where the value comes from: <c>route</c>, <c>query</c> or <c>header</c>.</param>
    /// <param name="name">The value's name in the request.</param>
    /// <param name="text">The text received, or <see langword="null"/> when it was missing.</param>
    /// <param name="typeName">The type it should have parsed as.</param>
    public static Task RejectValueAsync(HttpContext context, string source, string name, string? text, string typeName)
        => RejectAsync(context, string.IsNullOrEmpty(text)
            ? $"The {source} value '{name}' is required."
            : $"The {source} value '{name}' is not a valid {typeName}.");

    private static Task RejectAsync(HttpContext context, string detail, int status = StatusCodes.Status400BadRequest)
    {
        var logger = context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Streaming.StreamBinding") ?? NullLogger.Instance;
        StreamLog.BadRequest(logger, context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? "", detail);
        return ProblemResponse.WriteAsync(context, status, detail);
    }
}
