using System.Net;
using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>Format.Text</c> over a real socket: each item's UTF-8 bytes exactly, as they are produced.</summary>
[Collection(ServerCollection.Name)]
public sealed class TextStreamingTests(StreamingServer server)
{
    private const int Seed = 777;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_body_is_every_token_as_UTF8_with_nothing_added()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/text/tokens?seed={Seed}&count=800");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 800).Select(i => TextStreams.Token(Seed, i)))), body);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(20_000)]
    public async Task Slices_of_memory_are_written_as_UTF8_without_a_string_each(int size)
    {
        using var client = server.CreateClient();

        var body = await client.GetByteArrayAsync($"/text/chunks?seed={Seed}&size={size}");

        Assert.Equal(Encoding.UTF8.GetBytes(TextStreams.LargeText(Seed)), body);
    }

    [Fact]
    public async Task The_first_token_arrives_while_the_producer_waits_for_the_second()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/text/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(TextStreams.GatedToken(0), await ReadTextAsync(body, TextStreams.GatedToken(0)));
        Assert.Equal(1, probe.Produced);
        Assert.False(probe.FinallyRan.Task.IsCompleted, "The producer finished before the test released a second item.");

        probe.Release(1);
        Assert.Equal(TextStreams.GatedToken(1), await ReadTextAsync(body, TextStreams.GatedToken(1)));
    }

    [Fact]
    public async Task A_failure_after_the_first_token_gives_a_truncated_response()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/text/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var body = await response.Content.ReadAsStreamAsync();

        Assert.Equal(TextStreams.GatedToken(0) + TextStreams.GatedToken(1), await ReadTextAsync(body, TextStreams.GatedToken(0) + TextStreams.GatedToken(1)));
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null).WaitAsync(Patience));
    }

    /// <summary>Reads exactly as many bytes as <paramref name="expected"/> has in UTF-8, and decodes them.</summary>
    private static async Task<string> ReadTextAsync(Stream body, string expected)
    {
        var buffer = new byte[Encoding.UTF8.GetByteCount(expected)];
        await body.ReadExactlyAsync(buffer).AsTask().WaitAsync(Patience);
        return Encoding.UTF8.GetString(buffer);
    }
}
