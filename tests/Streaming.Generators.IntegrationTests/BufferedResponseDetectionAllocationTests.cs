using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// <c>UseBufferedResponseDetection()</c> allocates nothing per request: the same ordinary JSON endpoint answered
/// through the same pipeline with and without it, a thousand times, on this thread.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class BufferedResponseDetectionAllocationTests(ITestOutputHelper output)
{
    private const int Requests = 1_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_thousand_requests_through_the_detector_allocate_what_they_allocate_without_it(bool watched)
    {
        using var services = new ServiceCollection().AddLogging().AddMetrics().AddStreaming().BuildServiceProvider();
        var readings = Enumerable.Range(0, 3).Select(Reading.Create).ToArray();
        RequestDelegate endpoint = context => context.Response.WriteAsJsonAsync(readings, JsonSerializerOptions.Web);
        var plain = new ApplicationBuilder(services).Use(_ => endpoint).Build();
        var detected = new ApplicationBuilder(services).UseBufferedResponseDetection().Use(_ => endpoint).Build();

        // A [Stream] endpoint is passed through; an ordinary one is watched.
        var metadata = watched ? EndpointMetadataCollection.Empty : new EndpointMetadataCollection(new StreamEndpointMetadata(Format.JsonArray));
        var readingsEndpoint = new Endpoint(null, metadata, "GET /readings");
        var without = Allocations.QuietestPass(() => Serve(plain, services, readingsEndpoint));
        var with = Allocations.QuietestPass(() => Serve(detected, services, readingsEndpoint));

        output.WriteLine($"{Requests} {(watched ? "watched" : "passed-through")} requests: {without} bytes allocated without the detector, {with} with it.");
        // A wrapper (or any object) per request would be at least 24 000 bytes.
        Assert.InRange(with - without, long.MinValue, Requests * 8);
    }

    /// <summary>A thousand requests, each in a new context, as BenchmarkDotNet's benchmark of the same pipelines makes them.</summary>
    private static void Serve(RequestDelegate pipeline, IServiceProvider services, Endpoint endpoint)
    {
        for (var request = 0; request < Requests; request++)
        {
            var served = pipeline(NewContext(services, endpoint));
            Assert.True(served.IsCompletedSuccessfully);
        }
    }

    /// <summary>A request whose body goes nowhere, answered in place: the body feature is the server's, always the same.</summary>
    private static DefaultHttpContext NewContext(IServiceProvider services, Endpoint endpoint)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        context.SetEndpoint(endpoint);
        return context;
    }
}
