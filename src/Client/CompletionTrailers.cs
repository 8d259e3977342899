using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Streaming.Client;

/// <summary>
/// The positive end marker a Streaming.Generators server sends when the request says it accepts trailers
/// (<c>TE: trailers</c>): <c>Streaming-Status: complete</c> and <c>Streaming-Items: n</c> after the last byte.
/// A body that ends without them is judged by the transport alone (a cut chunked body or reset HTTP/2 stream
/// already throws); one whose trailers disagree with what was read is truncated.
/// </summary>
internal static class CompletionTrailers
{
    private const string Status = "Streaming-Status";
    private const string Items = "Streaming-Items";
    private const string Complete = "complete";

    private static readonly TransferCodingWithQualityHeaderValue s_trailers = new("trailers");

    /// <summary>Asks the server for the end marker.</summary>
    public static void Accept(HttpRequestMessage request) => request.Headers.TE.Add(s_trailers);

    /// <summary>Throws when the response's trailers say it did not end as complete, or hold another item count.</summary>
    /// <exception cref="HttpIOException">The trailers disagree with the body that was read.</exception>
    public static void Check(HttpResponseMessage response, long itemsRead)
    {
        var trailers = response.TrailingHeaders;
        if (trailers.TryGetValues(Status, out var status) && status.FirstOrDefault() is { } state && state != Complete)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"The server ended the stream as '{state}', not complete, after {itemsRead} items.");
        }

        if (trailers.TryGetValues(Items, out var items)
            && long.TryParse(items.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var sent)
            && sent != itemsRead)
        {
            throw new HttpIOException(HttpRequestError.ResponseEnded, $"The server sent {sent} items but {itemsRead} were read: the body was cut short.");
        }
    }
}
