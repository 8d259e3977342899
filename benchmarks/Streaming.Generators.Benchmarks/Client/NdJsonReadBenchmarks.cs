using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Streaming.Client;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.Client;

/// <summary>
/// Reading a 1 M-item body from an <see cref="HttpClient"/>, item by item: the client's NDJSON reader, the loop
/// users write by hand today (<see cref="StreamReader.ReadLineAsync()"/> + <see cref="JsonSerializer"/> on each
/// line) over the same NDJSON bytes, and <c>GetFromJsonAsAsyncEnumerable</c> over the same items as one JSON
/// array. All three deserialize with System.Text.Json's source-generated metadata (Web defaults). The body comes
/// from memory through an <see cref="HttpMessageHandler"/>, so the figures are the readers', not the network's.
/// Times and allocations are per item.
/// </summary>
/// <remarks>
/// <c>Row</c> is the sample's order (four scalars, one object per item); <c>Order</c> is the benchmarks' rich
/// order (text, a nested record and a list: ten or so objects per item, whose deserialization dominates).
/// </remarks>
[MemoryDiagnoser]
public class NdJsonReadBenchmarks
{
    public const int Items = 1_000_000;

    private HttpClient _ndJson = null!;
    private HttpClient _jsonArray = null!;

    [Params("Row", "Order")]
    public string Item { get; set; } = "Row";

    [GlobalSetup]
    public void Setup()
    {
        var (ndJson, jsonArray) = Item == "Row" ? Bodies(SampleRows(), BenchJsonContext.Default.SaleRow) : Bodies(SampleData.Orders, BenchJsonContext.Default.Order);
        _ndJson = new HttpClient(new InMemoryHandler(ndJson, "application/x-ndjson")) { BaseAddress = new Uri("http://bench/") };
        _jsonArray = new HttpClient(new InMemoryHandler(jsonArray, "application/json")) { BaseAddress = new Uri("http://bench/") };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ndJson.Dispose();
        _jsonArray.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items, Description = "StreamReader.ReadLineAsync + JsonSerializer (NDJSON)")]
    public Task<long> HandLoop() => Item == "Row" ? HandLoop(BenchJsonContext.Default.SaleRow) : HandLoop(BenchJsonContext.Default.Order);

    [Benchmark(OperationsPerInvoke = Items, Description = "Streaming.Generators.Client GetFromNdJsonAsAsyncEnumerable (NDJSON)")]
    public Task<long> Client() => Item == "Row" ? Client(BenchJsonContext.Default.SaleRow) : Client(BenchJsonContext.Default.Order);

    [Benchmark(OperationsPerInvoke = Items, Description = "GetFromJsonAsAsyncEnumerable (JSON array)")]
    public Task<long> JsonArray() => Item == "Row" ? JsonArray(BenchJsonContext.Default.SaleRow) : JsonArray(BenchJsonContext.Default.Order);

    private async Task<long> HandLoop<T>(JsonTypeInfo<T> typeInfo)
    {
        long count = 0;
        using var response = await _ndJson.GetAsync("items", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0 && JsonSerializer.Deserialize(line, typeInfo) is not null)
            {
                count++;
            }
        }

        return Check(count);
    }

    private Task<long> Client<T>(JsonTypeInfo<T> typeInfo)
        => CountAsync(_ndJson.GetFromNdJsonAsAsyncEnumerable("items", typeInfo));

    private Task<long> JsonArray<T>(JsonTypeInfo<T> typeInfo)
        => CountAsync(_jsonArray.GetFromJsonAsAsyncEnumerable("items", typeInfo));

    /// <summary>Reads every item, counting the ones that deserialized to a value.</summary>
    private static async Task<long> CountAsync<T>(IAsyncEnumerable<T?> items)
    {
        long count = 0;
        await foreach (var item in items)
        {
            if (item is not null)
            {
                count++;
            }
        }

        return Check(count);
    }

    private static long Check(long count) => count == Items ? count : throw new InvalidOperationException($"Read {count} items, not {Items}.");

    private static SaleRow[] SampleRows()
        => Array.ConvertAll(SampleData.Orders, o => new SaleRow(o.Id, (int)(o.Id % 5000), o.Total, o.PlacedAt.UtcDateTime));

    /// <summary>The same <see cref="Items"/> items, cycling through the samples, as NDJSON and as one JSON array.</summary>
    private static (byte[] NdJson, byte[] JsonArray) Bodies<T>(T[] samples, JsonTypeInfo<T> typeInfo)
    {
        var lines = Array.ConvertAll(samples, s => JsonSerializer.SerializeToUtf8Bytes(s, typeInfo));
        using var ndJson = new MemoryStream();
        using var jsonArray = new MemoryStream();
        jsonArray.WriteByte((byte)'[');
        for (var i = 0; i < Items; i++)
        {
            var line = lines[i % lines.Length];
            ndJson.Write(line);
            ndJson.WriteByte((byte)'\n');
            if (i > 0)
            {
                jsonArray.WriteByte((byte)',');
            }

            jsonArray.Write(line);
        }

        jsonArray.WriteByte((byte)']');
        return (ndJson.ToArray(), jsonArray.ToArray());
    }

    /// <summary>Answers every request with the same body from memory, read through a plain stream as a socket's would be.</summary>
    private sealed class InMemoryHandler(byte[] body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
