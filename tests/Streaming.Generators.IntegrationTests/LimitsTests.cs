using System.Net;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><see cref="StreamingOptions.MaxConcurrentStreams"/>: a stream over the limit is refused with 503 and Retry-After before any body.</summary>
public sealed class ConcurrencyLimitTests(ConcurrencyLimitedServer server) : IClassFixture<ConcurrencyLimitedServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_stream_over_the_limit_gets_503_with_Retry_After_and_a_freed_slot_admits_the_next(string protocol)
    {
        var open = new List<(HttpClient Client, HttpResponseMessage Response, ProducerProbe Probe)>();
        for (var i = 0; i < ConcurrencyLimitedServer.Limit; i++)
        {
            open.Add(await OpenGatedAsync(protocol));
        }

        var (refusedRun, refusedProbe) = server.Probes.Create();
        using (var client = server.CreateClient(protocol))
        using (var refused = await client.GetAsync($"/gated/{refusedRun}").WaitAsync(Patience))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            Assert.False(refusedProbe.Started.Task.IsCompleted, "A refused request still ran its producer.");
        }

        // Leaving frees a slot.
        await CloseAsync(open[0]);
        var admitted = await OpenGatedAsync(protocol);
        Assert.Equal(HttpStatusCode.OK, admitted.Response.StatusCode);

        await CloseAsync(admitted);
        await CloseAsync(open[1]);
    }

    [Fact]
    public async Task Slots_come_back_from_every_ending_completed_failed_bad_request_and_disconnected()
    {
        using var client = server.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readings?count=3")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/readings?count=three")).StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync("/failing?after=0")).StatusCode);
            await CloseAsync(await OpenGatedAsync(Protocols.Http1));
        }

        var open = new[] { await OpenGatedAsync(Protocols.Http1), await OpenGatedAsync(Protocols.Http2) };
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readings?count=1")).StatusCode);
        foreach (var stream in open)
        {
            await CloseAsync(stream);
        }

        var refusals = server.Metrics.Sum("streaming.server.rejected_streams");
        Assert.True(refusals >= 1, "The refusal was not counted.");
    }

    /// <summary>
    /// Opens a stream, retrying while it is refused: a slot is given back when the endpoint returns, a moment
    /// after the previous producer's finally. A slot that never comes back fails the test after the patience.
    /// </summary>
    private async Task<(HttpClient Client, HttpResponseMessage Response, ProducerProbe Probe)> OpenGatedAsync(string protocol)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (run, probe) = server.Probes.Create();
            probe.Release();
            var client = server.CreateClient(protocol);
            var response = await client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (client, response, probe);
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "A slot was not given back.");
            response.Dispose();
            client.Dispose();
            await Task.Delay(20);
        }
    }

    private static async Task CloseAsync((HttpClient Client, HttpResponseMessage Response, ProducerProbe Probe) stream)
    {
        stream.Response.Dispose();
        stream.Client.Dispose();
        await stream.Probe.FinallyRan.Task.WaitAsync(Patience);
    }
}

/// <summary><see cref="StreamingOptions.MaxStreamDuration"/>: a stream that runs too long is cut off as incomplete.</summary>
public sealed class MaxDurationTests(DeadlineServer server) : IClassFixture<DeadlineServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_stream_past_its_maximum_duration_is_cancelled_and_aborted_never_completed(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        probe.Release();
        using var client = server.CreateClient(protocol);
        using var response = await client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(Oracle.Json(Reading.Create(0)), await reader.ReadLineAsync().WaitAsync(Patience));

        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(Patience));

        await probe.FinallyRan.Task.WaitAsync(Patience);
        Assert.True(probe.WasCancelled, "The producer's token did not fire at the deadline.");
        var ended = await server.Logs.WaitForAsync(e => e.EventId.Name == "StreamEnded" && e.Message.Contains("timed_out", StringComparison.Ordinal), Patience);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, ended.Level);
        Assert.Contains(server.Metrics.Of("streaming.server.duration"), m => m.Tag("streaming.outcome") == "timed_out");
    }

    [Fact]
    public async Task A_stream_that_sent_nothing_by_its_deadline_gets_504()
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/gated/{run}").WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(probe.WasCancelled);
    }

    [Fact]
    public async Task The_deadline_reaches_a_plain_cancellation_token_parameter_too()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release();
        using var client = server.CreateClient();
        using var response = await client.GetAsync($"/gated-plain/{run}", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);

        await Assert.ThrowsAnyAsync<IOException>(async () => await new StreamReader(await response.Content.ReadAsStreamAsync()).ReadToEndAsync().WaitAsync(Patience));
        await probe.FinallyRan.Task.WaitAsync(Patience);
        Assert.True(probe.WasCancelled);
    }
}
