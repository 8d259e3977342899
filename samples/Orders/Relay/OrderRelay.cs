using System.Globalization;
using System.Runtime.CompilerServices;
using Streaming.Client;

namespace Orders.Relay;

/// <summary>
/// Reads an upstream order stream through <c>Streaming.Generators.Client</c>, one order at a time as it arrives.
/// The upstream is <c>Relay:Upstream</c> when set, otherwise this application itself.
/// </summary>
public sealed class OrderRelay(HttpClient http, IConfiguration configuration)
{
    /// <summary>
    /// The upstream's <c>/orders</c>. Cancelling <paramref name="cancellationToken"/> (the downstream client
    /// has gone) cancels the upstream request; an upstream body cut short throws, so the relay's own response
    /// is cut short in turn rather than ending as if complete.
    /// </summary>
    public async IAsyncEnumerable<Order> OrdersAsync(HttpRequest request, long? after, long? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = $"orders?after={after ?? 0}" + (limit is { } l ? $"&limit={l.ToString(CultureInfo.InvariantCulture)}" : "");
        var address = new Uri(Upstream(request), query);
        await foreach (var order in http.GetFromNdJsonAsAsyncEnumerable(address, OrdersJsonContext.Default.Order, cancellationToken))
        {
            yield return order ?? throw new InvalidDataException("The upstream sent null where an order belongs.");
        }
    }

    private Uri Upstream(HttpRequest request)
        => configuration["Relay:Upstream"] is { Length: > 0 } upstream
            ? new Uri(upstream.EndsWith('/') ? upstream : upstream + "/")
            : new Uri($"{request.Scheme}://{request.Host}/");
}
