using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>Our endpoints: the same producers as the built-in ones, written by the generated code.</summary>
public static class BenchStreams
{
    [Stream(Format.NdJson, "/ours/ndjson")]
    public static IAsyncEnumerable<Order> NdJson(int count, bool wait, CancellationToken ct) => Producers.Orders(count, wait, ct);

    [Stream(Format.JsonArray, "/ours/array")]
    public static IAsyncEnumerable<Order> JsonArray(int count, bool wait, CancellationToken ct) => Producers.Orders(count, wait, ct);

    [Stream(Format.Sse, "/ours/sse")]
    public static IAsyncEnumerable<Order> Sse(int count, bool wait, CancellationToken ct) => Producers.Orders(count, wait, ct);

    [Stream(Format.Csv, "/ours/csv")]
    public static IEnumerable<OrderRow> Csv() => SampleData.Rows;

    [Stream(Format.Sse, "/ours/sse-idle")]
    public static IAsyncEnumerable<Order> IdleSse(CancellationToken ct) => Producers.OneThenIdle(ct);

    [Stream(Format.NdJson, "/ours/ticks/ndjson")]
    public static IAsyncEnumerable<Tick> TicksNdJson(int count, CancellationToken ct) => Producers.Ticks(count, ct);

    [Stream(Format.Sse, "/ours/ticks/sse")]
    public static IAsyncEnumerable<Tick> TicksSse(int count, CancellationToken ct) => Producers.Ticks(count, ct);
}
