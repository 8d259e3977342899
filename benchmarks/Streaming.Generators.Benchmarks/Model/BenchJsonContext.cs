using System.Text.Json;
using System.Text.Json.Serialization;

namespace Streaming.Generators.Benchmarks.Model;

/// <summary>System.Text.Json's own source generator for the same types, with the Web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(IAsyncEnumerable<Order>))]
[JsonSerializable(typeof(Tick))]
[JsonSerializable(typeof(SaleRow))]
[JsonSerializable(typeof(IAsyncEnumerable<Tick>))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
