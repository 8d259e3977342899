using System.IO.Compression;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// Under <c>UseResponseCompression()</c> a stream stays incremental: each flush of the writer flushes the
/// compressor, so what is written so far can be decompressed before the producer has finished.
/// </summary>
public sealed class CompressionTests(CompressionServer server) : IClassFixture<CompressionServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_compressed_stream_delivers_each_item_while_the_producer_waits(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        probe.Release();
        using var client = server.CreateClient(protocol);
        using var request = client.NewRequest(HttpMethod.Get, $"/gated/{run}");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(["no"], response.Headers.GetValues("X-Accel-Buffering"));
        using var reader = new StreamReader(new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Oracle.Json(Reading.Create(i)), await reader.ReadLineAsync().WaitAsync(Patience));
            Assert.Equal(i + 1, probe.Produced);
            Assert.False(probe.FinallyRan.Task.IsCompleted);
            probe.Release();
        }
    }

    [Fact]
    public async Task A_compressed_stream_decompresses_to_exactly_the_uncompressed_body()
    {
        using var client = server.CreateClient(decompression: System.Net.DecompressionMethods.GZip);

        using var response = await client.GetAsync("/readings?count=2000&yieldEach=true").WaitAsync(Patience);

        Assert.Equal(Oracle.NdJson(Enumerable.Range(0, 2000).Select(Reading.Create)), await response.Content.ReadAsStringAsync());
    }
}
