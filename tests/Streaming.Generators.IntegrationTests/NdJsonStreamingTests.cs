using System.Net;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>Format.NdJson</c> over a real socket: incremental, exact, cancellable, never falsely complete.</summary>
[Collection(ServerCollection.Name)]
public sealed class NdJsonStreamingTests(StreamingServer server)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_first_line_arrives_while_the_iterator_waits_for_the_second_item()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync().WaitAsync(Patience);

        Assert.Equal(Oracle.Json(Reading.Create(0)), first);
        Assert.Equal(1, probe.Produced);
        Assert.False(probe.FinallyRan.Task.IsCompleted, "The iterator finished before the test released a second item.");

        probe.Release(1);
        Assert.Equal(Oracle.Json(Reading.Create(1)), await reader.ReadLineAsync().WaitAsync(Patience));
    }

    [Theory]
    [InlineData("/readings?count=2000")]
    [InlineData("/readings?count=2000&yieldEach=true")]
    [InlineData("/readings/sync?count=2000")]
    public async Task The_body_is_exactly_one_serializer_line_per_item(string path)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked, "HTTP/1.1 streams use chunked transfer encoding.");
        Assert.Equal(Oracle.NdJson(Enumerable.Range(0, 2000).Select(Reading.Create)), body);
    }

    [Fact]
    public async Task An_empty_stream_is_an_empty_body()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/readings?count=0");

        Assert.Equal("", body);
    }

    [Fact]
    public async Task Closing_the_client_mid_stream_cancels_the_iterator_and_runs_its_finally()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        var client = server.CreateClient();
        var response = await client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.NotNull(await reader.ReadLineAsync().WaitAsync(Patience));

        reader.Dispose();
        response.Dispose();
        client.Dispose();

        await probe.FinallyRan.Task.WaitAsync(Patience);
        Assert.True(probe.WasCancelled, "The iterator's token was not cancelled when the client went away.");
        Assert.Equal(1, probe.Produced);
    }

    [Fact]
    public async Task An_exception_after_two_items_gives_a_truncated_response_the_client_reports()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal(Oracle.Json(Reading.Create(0)), await reader.ReadLineAsync());
        Assert.Equal(Oracle.Json(Reading.Create(1)), await reader.ReadLineAsync());
        // HttpClient reports a body cut off before its last chunk as an IOException (HttpIOException or a reset).
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task An_exception_before_anything_was_flushed_discards_the_unsent_items_and_answers_500()
    {
        using var client = server.CreateClient();

        // Two items are written but still buffered when the producer throws: nothing is on the wire yet.
        using var response = await client.GetAsync("/failing?after=2&wait=false");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_exception_before_the_first_item_takes_the_ordinary_error_path()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/failing?after=0");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("sensor went offline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/readings?count=ten", "The query value 'count' is not a valid int.")]
    [InlineData("/readings", "The query value 'count' is required.")]
    [InlineData("/readings?count=3&yieldEach=maybe", "The query value 'yieldEach' is not a valid bool.")]
    public async Task Bad_input_gets_400_before_any_body(string path, string detail)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
