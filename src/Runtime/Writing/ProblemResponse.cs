using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Streaming;

/// <summary>
/// Answers a request with an RFC 9457 problem (400, 415, 503, 504) before any byte of a stream. The application's
/// <see cref="IProblemDetailsService"/> writes it when there is one (<c>AddProblemDetails()</c>), so its
/// customisations apply; otherwise it is written here with <see cref="Utf8JsonWriter"/>, so that it never depends
/// on JSON metadata the application may have trimmed away.
/// </summary>
internal static class ProblemResponse
{
    // As ASP.NET writes its own problems: a JSON body, never embedded in HTML, so quotes stay readable.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = ReasonPhrases.GetReasonPhrase(status), Type = TypeOf(status), Detail = detail };
        if (context.RequestServices?.GetService<IProblemDetailsService>() is { } service
            && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }

        context.Response.ContentType = "application/problem+json";
        var json = new Utf8JsonWriter(context.Response.BodyWriter, s_options);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, problem.Type);
            json.WriteString("title"u8, problem.Title);
            json.WriteNumber("status"u8, status);
            json.WriteString("detail"u8, detail);
            json.WriteEndObject();
        }
    }

    /// <summary>The RFC 9110 section of a status, as ASP.NET's own problems link it.</summary>
    private static string? TypeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        StatusCodes.Status415UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        StatusCodes.Status503ServiceUnavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        StatusCodes.Status504GatewayTimeout => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => null,
    };
}
