using System.Net;
using System.Text;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>Format.Sse</c> over a real socket, read back with <c>SseParser</c>: framing, fields, fuzzed payloads,
/// failures, resumption and incremental delivery.</summary>
[Collection(ServerCollection.Name)]
public sealed class SseStreamingTests(StreamingServer server)
{
    private const int Seed = 5150;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Headers_mark_an_uncached_unbuffered_event_stream()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/sse/readings?count=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(["no"], response.Headers.GetValues("X-Accel-Buffering"));
    }

    [Fact]
    public async Task Each_object_is_one_event_whose_data_is_its_NDJSON_line()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/sse/readings?count=40");

        Assert.Equal(string.Concat(Enumerable.Range(0, 40).Select(i => $"data: {Oracle.Json(Reading.Create(i))}\n\n")), body);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => Oracle.Json(Reading.Create(i))), SseReading.Parse(body).Select(e => e.Data));
    }

    [Fact]
    public async Task Plain_values_are_written_as_their_JSON()
    {
        using var client = server.CreateClient();

        var numbers = await client.GetStringAsync("/sse/numbers?count=20");
        var ids = SseReading.Parse(await client.GetStringAsync("/sse/ids?count=5"));

        Assert.Equal(string.Concat(Enumerable.Range(0, 20).Select(i => $"data: {Oracle.Json(i * 0.1)}\n\n")), numbers);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => Oracle.Json(new Guid(i, 0, 0, new byte[8]))), ids.Select(e => e.Data));
        Assert.All(ids, e => Assert.Equal("id", e.EventType));
    }

    [Fact]
    public async Task SseItems_write_their_event_type_id_and_retry()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/sse/readings/items?count=30");
        var events = SseReading.Parse(body);

        SseReading.AssertOnlyOurLines(body);
        Assert.StartsWith("event: reading\nid: r-0\nretry: 1500\ndata: {", body, StringComparison.Ordinal);
        Assert.Equal(30, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = SseStreams.ReadingItem(i);
            Assert.Equal(expected.EventType, events[i].EventType);
            Assert.Equal(expected.EventId, events[i].EventId);
            Assert.Equal(expected.ReconnectionInterval, events[i].ReconnectionInterval);
            Assert.Equal(Oracle.Json(expected.Data), events[i].Data);
        }
    }

    [Theory]
    [InlineData("/sse/fuzz/text", false)]
    [InlineData("/sse/fuzz/items", true)]
    public async Task Fuzzed_payloads_full_of_line_breaks_and_field_names_never_inject_an_event_or_a_field(string path, bool withFields)
    {
        const int count = 1500;
        using var client = server.CreateClient();

        var body = await client.GetStringAsync($"{path}?seed={Seed}&count={count}");
        var events = SseReading.Parse(body);

        SseReading.AssertOnlyOurLines(body);
        Assert.Equal(count, events.Count);
        for (var i = 0; i < count; i++)
        {
            var sent = FuzzEvent.Create(Seed, i);
            var received = events[i];
            Assert.True(SseReading.Normalize(sent.Data) == received.Data, $"Event {i}: the data differs.");
            Assert.Equal(withFields && !string.IsNullOrEmpty(sent.EventType) ? sent.EventType : "message", received.EventType);
            Assert.Equal(withFields ? sent.EventId : null, received.EventId);
            Assert.Equal(withFields ? sent.ReconnectionInterval : null, received.ReconnectionInterval);
        }
    }

    [Fact]
    public async Task The_first_event_arrives_while_the_producer_waits_for_the_second()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/sse/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal($"data: {Oracle.Json(Reading.Create(0))}", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal("", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal(1, probe.Produced);
        Assert.False(probe.FinallyRan.Task.IsCompleted, "The producer finished before the test released a second item.");

        probe.Release(1);
        Assert.Equal($"data: {Oracle.Json(Reading.Create(1))}", await reader.ReadLineAsync().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_failure_after_the_first_event_sends_an_error_event_and_ends_the_stream()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/sse/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        // A complete body: the stream ends normally after its error event.
        var body = await response.Content.ReadAsStringAsync().WaitAsync(Patience);
        var events = SseReading.Parse(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, events.Count);
        Assert.Equal([Oracle.Json(Reading.Create(0)), Oracle.Json(Reading.Create(1))], events.Take(2).Select(e => e.Data));
        Assert.Equal("error", events[2].EventType);
        Assert.Equal("The stream failed on the server.", events[2].Data);
        Assert.DoesNotContain("sensor went offline", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_before_anything_was_sent_takes_the_ordinary_error_path()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/sse/failing?after=0");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("sensor went offline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sse/nul-id")]
    [InlineData("/sse/nul-event")]
    public async Task An_event_id_or_type_with_NUL_is_refused_before_any_byte_as_a_line_break_is(string path)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);

        // Written, the id would be dropped by every parser that follows the specification, and Last-Event-ID with it.
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("payload", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, new[] { "1", "2", "3", "4", "5" })]
    [InlineData("2", new[] { "3", "4", "5" })]
    [InlineData("5", new string[0])]
    public async Task A_Last_Event_ID_header_resumes_the_stream_after_that_event(string? lastEventId, string[] expectedIds)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sse/resume?count=5");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        using var response = await client.SendAsync(request);
        var events = SseReading.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(expectedIds, events.Select(e => e.EventId));
        Assert.Equal(expectedIds.Select(id => Oracle.Json(Reading.Create(int.Parse(id)))), events.Select(e => e.Data));
    }

    [Fact]
    public async Task A_Last_Event_ID_that_is_not_a_number_is_a_400()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sse/resume?count=5");
        request.Headers.Add("Last-Event-ID", "seven");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The header value 'Last-Event-ID' is not a valid int.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
