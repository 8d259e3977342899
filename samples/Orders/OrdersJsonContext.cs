using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orders;

/// <summary>
/// Compile-time JSON metadata for the request and response bodies of the ordinary (non-streamed) endpoints,
/// so they need no reflection (trimming, NativeAOT). The streams have generated writers of their own.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(NewOrder))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(List<Order>))]
[JsonSerializable(typeof(Race.ServerMemory))]
internal sealed partial class OrdersJsonContext : JsonSerializerContext;
