using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Streaming.Client;

namespace Streaming.Generators.ClientTests;

/// <summary>Server-Sent Events read by the client over a real Kestrel socket, across drops, restarts and silences.</summary>
public sealed class SseClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A short, fixed backoff so that tests reconnect quickly.</summary>
    private static SseClientOptions Quick() => new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(100),
    };

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task Resumes_after_a_server_restart_with_no_event_lost_or_repeated(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);
        using var timeout = new CancellationTokenSource(Patience);

        var ids = new List<int>();
        var restarted = false;
        await foreach (var item in client.GetFromSseAsAsyncEnumerable("/sse/ticks", ClientJson.Default.Tick, Quick(), timeout.Token))
        {
            Assert.Equal(item.EventId, item.Data.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ids.Add(item.Data.Number);
            if (ids.Count == 5 && !restarted)
            {
                // The open stream is cut; the client finds no server for a while, then a new one on the same port.
                await server.StopAsync();
                await Task.Delay(300, timeout.Token);
                await server.RestartAsync();
                restarted = true;
            }

            if (ids.Count == 12)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 12), ids);
    }

    [Fact]
    public async Task Honours_retry_from_the_server_between_connections()
    {
        var connections = new ConcurrentQueue<(long At, string? LastEventId)>();
        var clock = Stopwatch.StartNew();
        await using var server = await Server.StartAsync(app => app.MapGet("/retry", async (HttpContext context) =>
        {
            connections.Enqueue((clock.ElapsedMilliseconds, context.Request.Headers["Last-Event-ID"]));
            var id = connections.Count;
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync($"retry: 300\nid: {id}\ndata: {id}\n\n");
        }));
        using var client = server.CreateClient();

        var events = await client.GetFromSseAsAsyncEnumerable("/retry", Quick()).Take(4).ToListAsync();

        Assert.Equal(["1", "2", "3", "4"], events.Select(e => e.Data));
        var seen = connections.ToArray();
        Assert.Equal([null, "1", "2", "3"], seen.Select(c => (string?)c.LastEventId));
        var gaps = seen.Zip(seen.Skip(1), (a, b) => b.At - a.At).ToArray();
        Assert.All(gaps, gap => Assert.InRange(gap, 295, 300 + 700));
    }

    [Fact]
    public async Task Backs_off_exponentially_with_jitter_up_to_the_cap_without_retry()
    {
        var connections = new ConcurrentQueue<long>();
        var clock = Stopwatch.StartNew();
        await using var server = await Server.StartAsync(app => app.MapGet("/unavailable", async (HttpContext context) =>
        {
            connections.Enqueue(clock.ElapsedMilliseconds);
            if (connections.Count <= 5)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: up\n\n");
        }));
        using var client = server.CreateClient();
        var options = new SseClientOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromMilliseconds(400) };

        var first = await client.GetFromSseAsAsyncEnumerable("/unavailable", options).FirstAsync();

        Assert.Equal("up", first.Data);
        var at = connections.ToArray();
        var gaps = at.Zip(at.Skip(1), (a, b) => b - a).ToArray();

        // Each delay is drawn from [half, all] of 100, 200, 400, 400 ms (doubling, capped); scheduling may only add.
        long[] ceilings = [100, 200, 400, 400, 400];
        Assert.Equal(5, gaps.Length);
        for (var i = 0; i < gaps.Length; i++)
        {
            Assert.InRange(gaps[i], ceilings[i] / 2 - 5, ceilings[i] + 400);
        }
    }

    [Fact]
    public void Backoff_delays_are_spread_between_half_and_all_of_the_doubled_delay()
    {
        var options = new SseClientOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(100), MaxReconnectDelay = TimeSpan.FromSeconds(1) };
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var ceiling = Math.Min(100 * (1 << (attempt - 1)), 1000);
            var delays = Enumerable.Range(0, 200).Select(_ => SseReconnectingReader.ReconnectDelay(Timeout.InfiniteTimeSpan, attempt, options).TotalMilliseconds).ToArray();
            Assert.All(delays, d => Assert.InRange(d, ceiling / 2.0, ceiling));
            Assert.True(delays.Distinct().Count() > 50, "The delays are not jittered.");
        }
    }

    [Fact]
    public async Task No_content_ends_the_stream()
    {
        var connections = 0;
        await using var server = await Server.StartAsync(app => app.MapGet("/finite", async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref connections) > 1)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: one\n\ndata: two\n\n");
        }));
        using var client = server.CreateClient();

        var events = await client.GetFromSseAsAsyncEnumerable("/finite", Quick()).ToListAsync();

        Assert.Equal(["one", "two"], events.Select(e => e.Data));
        Assert.Equal(2, connections);
    }

    [Theory]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status404NotFound)]
    public async Task A_client_error_stops_without_retrying(int status)
    {
        var connections = 0;
        await using var server = await Server.StartAsync(app => app.MapGet("/gone", async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref connections) > 1)
            {
                context.Response.StatusCode = status;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: one\n\n");
        }));
        using var client = server.CreateClient();

        var read = new List<string>();
        var exception = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var item in client.GetFromSseAsAsyncEnumerable("/gone", Quick()))
            {
                read.Add(item.Data);
            }
        });

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(["one"], read);
        Assert.Equal(2, connections);
    }

    [Fact]
    public async Task Gives_up_after_the_attempt_limit_with_the_last_failure()
    {
        var connections = 0;
        await using var server = await Server.StartAsync(app => app.MapGet("/down", (HttpContext context) =>
        {
            Interlocked.Increment(ref connections);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }));
        using var client = server.CreateClient();
        var options = Quick();
        options.MaxReconnectAttempts = 2;

        var exception = await Assert.ThrowsAsync<HttpIOException>(async () => await client.GetFromSseAsAsyncEnumerable("/down", options).ToListAsync());

        Assert.Equal(3, connections);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, Assert.IsType<HttpRequestException>(exception.InnerException).StatusCode);
    }

    [Fact]
    public async Task The_idle_timeout_replaces_a_silent_connection_and_a_heartbeat_keeps_one_alive()
    {
        var connections = new ConcurrentQueue<string?>();
        await using var server = await Server.StartAsync(app =>
        {
            app.MapGet("/silent", async (HttpContext context) =>
            {
                connections.Enqueue(context.Request.Headers["Last-Event-ID"]);
                var id = connections.Count;
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync($"id: {id}\ndata: {id}\n\n");
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
            app.MapGet("/heartbeats", async (HttpContext context) =>
            {
                connections.Enqueue("heartbeats");
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("data: before\n\n");

                // No event for 1.5 s, longer than the idle timeout, but a heartbeat every 100 ms.
                for (var i = 0; i < 15; i++)
                {
                    await context.Response.Body.FlushAsync();
                    await Task.Delay(100);
                    await context.Response.WriteAsync(": heartbeat\n\n");
                }

                await context.Response.WriteAsync("data: after\n\n");
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            });
        });
        using var client = server.CreateClient();
        var options = Quick();
        options.IdleTimeout = TimeSpan.FromSeconds(1);

        // A cold server's first answer can take longer than the idle timeout itself.
        (await client.GetAsync("/ticks?count=1")).Dispose();

        var silent = await client.GetFromSseAsAsyncEnumerable("/silent", options).Take(3).ToListAsync();

        Assert.Equal(["1", "2", "3"], silent.Select(e => e.Data));
        Assert.Equal(new string?[] { null, "1", "2" }, connections.ToArray());

        connections.Clear();
        var kept = await client.GetFromSseAsAsyncEnumerable("/heartbeats", options).Take(2).ToListAsync();

        Assert.Equal(["before", "after"], kept.Select(e => e.Data));
        Assert.Equal(new string?[] { "heartbeats" }, connections.ToArray());
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task An_error_event_throws_with_its_data_and_is_not_retried(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);

        var read = new List<int>();
        var exception = await Assert.ThrowsAsync<SseErrorException>(async () =>
        {
            await foreach (var item in client.GetFromSseAsAsyncEnumerable("/sse/failing?after=2", ClientJson.Default.Tick, Quick()))
            {
                read.Add(item.Data.Number);
            }
        });

        Assert.Equal("The stream failed on the server.", exception.EventData);
        Assert.Equal([1, 2], read);
    }

    [Fact]
    public async Task String_data_is_read_as_text_and_other_types_as_json()
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/mixed", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: note\ndata: {\"number\":1,\r\ndata: \"label\":\"x\"}\r\n\r\n");
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));
        using var client = server.CreateClient();

        var text = await client.GetFromSseAsAsyncEnumerable("/mixed", Quick()).FirstAsync();
        var json = await client.GetFromSseAsAsyncEnumerable("/mixed", ClientJson.Default.Tick, Quick()).FirstAsync();

        Assert.Equal(new SseItem<string>("{\"number\":1,\n\"label\":\"x\"}", "note"), text);
        Assert.Equal(new Tick(1, "x"), json.Data);
        Assert.Equal("note", json.EventType);
    }

    [Fact]
    public async Task Cancelling_ends_a_reader_waiting_between_connections()
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/down", (HttpContext context) => context.Response.StatusCode = 503));
        using var client = server.CreateClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var options = new SseClientOptions { InitialReconnectDelay = TimeSpan.FromMinutes(5) };

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await client.GetFromSseAsAsyncEnumerable("/down", options, cancel.Token).ToListAsync());

        Assert.InRange(clock.ElapsedMilliseconds, 0, 5000);
    }
}
