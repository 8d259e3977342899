using System.Net;
using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>Format.JsonArray</c> over a real socket: <c>[</c> at once, exactly the serializer's array, never falsely complete.</summary>
[Collection(ServerCollection.Name)]
public sealed class JsonArrayStreamingTests(StreamingServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_opening_bracket_and_first_item_arrive_while_the_iterator_waits()
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/array/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new StringBuilder();

        // The producer has produced nothing yet: the array is already open.
        await ReadUntilAsync(body, received, "[");
        Assert.Equal(0, probe.Produced);

        probe.Release(1);
        var first = "[" + Oracle.Json(Reading.Create(0));
        await ReadUntilAsync(body, received, first);
        Assert.Equal(1, probe.Produced);
        Assert.False(probe.FinallyRan.Task.IsCompleted, "The iterator finished before the test released a second item.");

        probe.Release(1);
        await ReadUntilAsync(body, received, first + "," + Oracle.Json(Reading.Create(1)));
    }

    [Theory]
    [InlineData("/array/readings?count=2000")]
    [InlineData("/array/readings?count=2000&yieldEach=true")]
    [InlineData("/array/readings/sync?count=2000")]
    public async Task The_body_is_exactly_the_serializers_array(string path)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked, "HTTP/1.1 streams use chunked transfer encoding.");
        Assert.Equal(Oracle.Json(Enumerable.Range(0, 2000).Select(Reading.Create).ToList()), body);
    }

    [Fact]
    public async Task An_empty_stream_is_an_empty_array()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/array/readings?count=0");

        Assert.Equal("[]", body);
        Assert.Equal(Oracle.Json(new List<Reading>()), body);
    }

    [Fact]
    public async Task Scalar_items_with_nulls_and_escapes_match_the_serializer()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/array/names");

        Assert.Equal(Oracle.Json(ArrayStreams.Names().ToList()), body);
    }

    [Fact]
    public async Task An_exception_after_the_first_flush_leaves_an_unterminated_array_the_client_reports()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/array/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new StringBuilder();

        var twoItems = "[" + Oracle.Json(Reading.Create(0)) + "," + Oracle.Json(Reading.Create(1));
        await ReadUntilAsync(body, received, twoItems);
        // HttpClient reports a body cut off before its last chunk as an IOException (HttpIOException or a reset).
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            var buffer = new byte[4096];
            int read;
            while ((read = await body.ReadAsync(buffer).AsTask().WaitAsync(Patience)) > 0)
            {
                received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        });
        // Nothing more arrived: no closing bracket, so no parser can mistake this for the whole array.
        Assert.Equal(twoItems, received.ToString());
    }

    [Fact]
    public async Task An_exception_before_anything_was_flushed_answers_500_without_a_body()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/array/failing?after=2&wait=false");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    /// <summary>Reads until exactly <paramref name="expected"/> has arrived; fails on anything else.</summary>
    private static async Task ReadUntilAsync(Stream body, StringBuilder received, string expected)
    {
        var buffer = new byte[1];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[2];
        while (received.Length < expected.Length)
        {
            var read = await body.ReadAsync(buffer).AsTask().WaitAsync(Patience);
            Assert.True(read > 0, $"The body ended after '{received}' while '{expected}' was expected.");
            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            received.Append(chars, 0, count);
        }

        Assert.Equal(expected, received.ToString());
    }
}
