using Orders.Data;
using Streaming;

namespace Orders.Streams;

/// <summary>The catalogue as one JSON array, for clients that want a plain JSON document.</summary>
public static class CatalogStreams
{
    /// <summary>Every product, as <c>JsonSerializer.Serialize(products)</c> would write them; the <c>[</c> goes out at once.</summary>
    [Stream(Format.JsonArray, "/products")]
    public static IAsyncEnumerable<Product> Products(OrderStore store, CancellationToken cancellationToken)
        => store.ProductsAsync(cancellationToken);
}
