using System.Text.Json;
using Streaming.Generators.IntegrationTests.Json.Types;

namespace Streaming.Generators.IntegrationTests.Json;

/// <summary>
/// One [Stream] method per element type under test, so the generator writes (and this project compiles) a
/// writer for each. They are not mapped; the differential tests call the generated writers directly.
/// </summary>
public static class JsonTypeStreams
{
    [Stream(Format.NdJson)]
    public static IEnumerable<Scalars> Scalars() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<NullableScalars> NullableScalars() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Floats> Floats() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Enums> Enums() => [];

    [Stream(Format.JsonArray)]
    public static IEnumerable<Attributed> Attributed() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Measurement> Measurements() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Puppy> Puppies() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Circle> Circles() => [];

    [Stream(Format.JsonArray)]
    public static IEnumerable<Collections> Collections() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Invoice> Invoices() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Page<Address>> AddressPages() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Page<Customer>> CustomerPages() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Dom> Dom() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Fallbacks> Fallbacks() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Shipment> Shipments() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Awkward> Awkward() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<AnyValue> AnyValues() => [];

    [Stream(Format.JsonArray)]
    public static IEnumerable<AnyValue> AnyValueArrays() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Counters> Counters() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Keyed> Keyed() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<SpanRecord> Spans() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Paged<Types.Catalog.Item>> CatalogPages() => [];

    [Stream(Format.JsonArray)]
    public static IEnumerable<Paged<Types.Admin.Item>> AdminPages() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<BuyerOrder> BuyerOrders() => [];

    // Element types that are not objects of ours get a writer of their own.
    [Stream(Format.NdJson)]
    public static IAsyncEnumerable<string?> Strings() => AsyncEnumerable.Empty<string?>();

    [Stream(Format.JsonArray)]
    public static IEnumerable<int> Numbers() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<double?> MaybeDoubles() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Dictionary<string, int>> Counts() => [];

    [Stream(Format.JsonArray)]
    public static IEnumerable<List<Invoice>> InvoiceBatches() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<int[]> IntArrays() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Colour> ColoursByName() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Access> AccessNumbers() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<Point?> MaybePoints() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<JsonElement> Elements() => [];

    [Stream(Format.NdJson)]
    public static IEnumerable<object?> Objects() => [];
}
