using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http.Features;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.Hosting;

/// <summary>
/// What <c>UseBufferedResponseDetection()</c> adds to an ordinary JSON response: the same endpoint answered through
/// the same pipeline with and without the detector. A response is a fresh <see cref="DefaultHttpContext"/> whose
/// body goes to <see cref="Stream.Null"/>, so the figures are the pipeline's and the serializer's, not a socket's.
/// </summary>
[MemoryDiagnoser]
public class BufferedResponseDetectionBenchmarks
{
    private readonly Endpoint _endpoint = new(null, EndpointMetadataCollection.Empty, "HTTP: GET /orders");
    private ServiceProvider _services = null!;
    private RequestDelegate _plain = null!;
    private RequestDelegate _detected = null!;

    /// <summary>Orders in the response: about 300 bytes, and about 300 KB (under the 1 MiB threshold).</summary>
    [Params(1, 1024)]
    public int Orders { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging().AddMetrics().AddStreaming().BuildServiceProvider();
        var orders = SampleData.Orders.Take(Orders).ToArray();
        RequestDelegate endpoint = context => context.Response.WriteAsJsonAsync(orders, BenchJsonContext.Default.OrderArray);

        _plain = new ApplicationBuilder(_services).Use(next => endpoint).Build();
        _detected = new ApplicationBuilder(_services).UseBufferedResponseDetection().Use(next => endpoint).Build();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true, Description = "without the detector")]
    public Task Plain() => _plain(NewContext());

    [Benchmark(Description = "with UseBufferedResponseDetection()")]
    public Task Detected() => _detected(NewContext());

    private DefaultHttpContext NewContext()
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        context.SetEndpoint(_endpoint);
        return context;
    }
}
