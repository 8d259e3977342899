using System.Net;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary>Every format, over HTTP/1.1 and HTTP/2: items reach the client as they are produced, not at the end.</summary>
public sealed class IncrementalDeliveryTests(StreamingServer server) : IClassFixture<StreamingServer>
{
    private const int Items = 5;
    private const int IntervalMs = 200;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(StreamFormatCase.WithProtocols), MemberType = typeof(StreamFormatCase))]
    public async Task Items_produced_every_200_ms_arrive_one_by_one(string format, string protocol)
    {
        var stream = StreamFormatCase.All[format];
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient(protocol);

        using var response = await client.GetAsync(stream.Path($"/ticks/{run}?count={Items}&intervalMs={IntervalMs}"), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var reader = stream.Reader(await response.Content.ReadAsStreamAsync());
        var producedAtArrival = new List<int>();
        for (var i = 0; i < Items; i++)
        {
            Assert.Equal(stream.ItemText(i), await reader.ReadItemAsync(default).WaitAsync(Patience));
            producedAtArrival.Add(probe.Produced);
            if (i < Items - 1)
            {
                Assert.False(probe.FinallyRan.Task.IsCompleted, $"Item {i} arrived only after the producer had finished.");
            }
        }

        Assert.Null(await reader.ReadItemAsync(default).WaitAsync(Patience));
        Assert.Equal(protocol == Protocols.Http2 ? new Version(2, 0) : new Version(1, 1), response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["no"], response.Headers.GetValues("X-Accel-Buffering"));
        // Item i is read before item i + 2 exists: 200 ms apart, the writer never holds more than what just came.
        for (var i = 0; i < Items; i++)
        {
            Assert.True(producedAtArrival[i] <= i + 2, $"When item {i} arrived the producer had made {producedAtArrival[i]} items: {string.Join(", ", producedAtArrival)}.");
        }
    }
}
