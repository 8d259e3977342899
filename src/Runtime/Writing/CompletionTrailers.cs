using System;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Streaming;

/// <summary>
/// The positive end marker of a complete stream, for clients that ask for it with <c>TE: trailers</c>:
/// <c>Streaming-Status: complete</c> and <c>Streaming-Items: n</c>, sent as response trailers where the
/// server supports them (Kestrel on HTTP/2). A stream that does not complete never carries them, so a client
/// that checks them cannot take a cut body for a whole one even behind a proxy that hides the cut.
/// </summary>
internal static class CompletionTrailers
{
    public const string Status = "Streaming-Status";
    public const string Items = "Streaming-Items";

    /// <summary>Announces the trailers in the <c>Trailer</c> header; called before the first byte.</summary>
    public static void Declare(HttpContext context)
    {
        if (Wanted(context))
        {
            context.Response.DeclareTrailer(Status);
            context.Response.DeclareTrailer(Items);
        }
    }

    /// <summary>Marks the response complete after its last byte has been flushed.</summary>
    public static void Append(HttpContext context, long items)
    {
        if (Wanted(context))
        {
            context.Response.AppendTrailer(Status, "complete");
            context.Response.AppendTrailer(Items, items.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static bool Wanted(HttpContext context) => AcceptsTrailers(context.Request) && context.Response.SupportsTrailers();

    /// <summary>Whether <c>TE</c> lists <c>trailers</c> (<c>TE: trailers, deflate;q=0.5</c>).</summary>
    private static bool AcceptsTrailers(HttpRequest request)
    {
        foreach (var value in request.Headers.TE)
        {
            var text = value.AsSpan();
            foreach (var range in text.Split(','))
            {
                var coding = text[range];
                var semicolon = coding.IndexOf(';');
                if (semicolon >= 0)
                {
                    coding = coding[..semicolon];
                }

                if (coding.Trim().Equals("trailers", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
