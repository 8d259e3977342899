using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Streaming.Client;

namespace Streaming.Generators.ClientTests;

/// <summary>NDJSON read by the client over a real Kestrel socket, from generated and hand-written endpoints.</summary>
public sealed class NdJsonClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task Reads_every_item_of_a_generated_stream(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);

        var ticks = await client.GetFromNdJsonAsAsyncEnumerable("/ticks?count=500", ClientJson.Default.Tick).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 500).Select(Streams.Create), ticks);
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task Yields_an_item_before_the_server_has_produced_the_next(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);
        using var timeout = new CancellationTokenSource(Patience);

        // The producer waits for the gate after the first tick; only a client that yields that tick opens it.
        var ticks = new List<Tick?>();
        await foreach (var tick in client.GetFromNdJsonAsAsyncEnumerable("/ticks/gated", ClientJson.Default.Tick, timeout.Token))
        {
            ticks.Add(tick);
            server.Gate.Open();
        }

        Assert.Equal([Streams.Create(1), Streams.Create(2)], ticks);
    }

    [Fact]
    public async Task Reassembles_lines_split_across_reads_accepts_crlf_and_a_last_line_without_a_break_and_skips_blank_lines()
    {
        const string body = "{\"number\":1,\"label\":\"one\"}\r\n\r\n  \n{\"number\":2,\"label\":\"line\\nbreak \\u00e9\u00e9\"}\n\t\n{\"number\":3,\"label\":\"three\"}";
        var bytes = Encoding.UTF8.GetBytes(body);
        await using var server = await Server.StartAsync(app => app.MapGet("/trickle", async (HttpContext context) =>
        {
            // Every byte in its own chunk, flushed apart: lines and UTF-8 sequences split at every position.
            context.Response.ContentType = "application/x-ndjson";
            for (var i = 0; i < bytes.Length; i++)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1));
                await context.Response.Body.FlushAsync();
                if (i % 16 == 0)
                {
                    await Task.Delay(1);
                }
            }
        }));
        using var client = server.CreateClient();

        var ticks = await client.GetFromNdJsonAsAsyncEnumerable("/trickle", ClientJson.Default.Tick).ToListAsync();

        Assert.Equal([new Tick(1, "one"), new Tick(2, "line\nbreak éé"), new Tick(3, "three")], ticks);
    }

    [Fact]
    public async Task Reassembles_lines_that_span_many_buffers()
    {
        var label = new string('x', 200_000);
        await using var server = await Server.StartAsync(app => app.MapGet("/long", (HttpContext context) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            return context.Response.WriteAsync($"{{\"number\":1,\"label\":\"{label}\"}}\n{{\"number\":2,\"label\":\"{label}\"}}\n");
        }));
        using var client = server.CreateClient();

        var ticks = await client.GetFromNdJsonAsAsyncEnumerable("/long", ClientJson.Default.Tick).ToListAsync();

        Assert.Equal([new Tick(1, label), new Tick(2, label)], ticks);
    }

    [Theory]
    [InlineData("{\"number\":1,\"label\":\"one\"} {\"number\":2,\"label\":\"two\"}\n")]
    [InlineData("{\"number\":1,\"label\":\"one\"} x\n")]
    [InlineData("{\"number\":1,\"label\":\"one\"}\n{\"number\":2,")]
    public async Task A_line_that_is_not_exactly_one_json_value_throws(string body)
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/bad", (HttpContext context) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            return context.Response.WriteAsync(body);
        }));
        using var client = server.CreateClient();

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(async () =>
            await client.GetFromNdJsonAsAsyncEnumerable("/bad", ClientJson.Default.Tick).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task A_connection_reset_raises_from_the_enumerator_and_never_ends_the_loop(string protocol, string cutAfter)
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/cut", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"number\":1,\"label\":\"one\"}\n" + cutAfter);
            await context.Response.Body.FlushAsync();
            await Task.Delay(50);
            context.Abort();
        }));
        using var client = server.CreateClient(protocol);

        var read = new List<Tick?>();
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var tick in client.GetFromNdJsonAsAsyncEnumerable("/cut", ClientJson.Default.Tick))
            {
                read.Add(tick);
            }
        });

        Assert.True(exception is IOException or HttpRequestException, exception.ToString());
        Assert.Equal([new Tick(1, "one")], read);
    }

    public static TheoryData<string, string> Cuts => new()
    {
        { "1.1", "{\"number\":2,\"lab" },
        { "2", "{\"number\":2,\"lab" },
        { "1.1", "" },
        { "2", "" },
    };

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_generated_stream_that_fails_midway_raises_after_the_items_it_sent(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);

        var read = new List<Tick?>();
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var tick in client.GetFromNdJsonAsAsyncEnumerable("/ticks/failing?after=3", ClientJson.Default.Tick))
            {
                read.Add(tick);
            }
        });

        Assert.True(exception is IOException or HttpRequestException, exception.ToString());
        Assert.Equal(Enumerable.Range(1, 3).Select(Streams.Create), read);
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task Completion_trailers_carry_the_status_and_item_count_when_asked_for_where_kestrel_sends_trailers(string protocol)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient(protocol);

        using var asked = new HttpRequestMessage(HttpMethod.Get, "/ticks?count=7") { Version = client.DefaultRequestVersion, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        asked.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        using var response = await client.SendAsync(asked);
        Assert.Equal(7, (await response.Content.ReadAsStringAsync()).Count(c => c == '\n'));
        if (protocol == "2")
        {
            Assert.Equal(["complete"], response.TrailingHeaders.GetValues("Streaming-Status"));
            Assert.Equal(["7"], response.TrailingHeaders.GetValues("Streaming-Items"));
        }
        else
        {
            // Kestrel's HTTP/1.1 responses do not support trailers: the chunked terminator alone marks the end.
            Assert.Empty(response.TrailingHeaders);
        }

        using var notAsked = await client.GetAsync("/ticks?count=7");
        await notAsked.Content.ReadAsStringAsync();
        Assert.False(notAsked.TrailingHeaders.Contains("Streaming-Status"));
    }

    [Fact]
    public async Task Trailers_that_count_more_items_than_arrived_make_the_body_truncated()
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/short", async (HttpContext context) =>
        {
            // A body that ends cleanly at the transport but says it held more: what a cutting proxy would leave.
            context.Response.ContentType = "application/x-ndjson";
            context.Response.DeclareTrailer("Streaming-Items");
            await context.Response.WriteAsync("{\"number\":1,\"label\":\"one\"}\n");
            context.Response.AppendTrailer("Streaming-Status", "complete");
            context.Response.AppendTrailer("Streaming-Items", "2");
        }));
        using var client = server.CreateClient("2");

        var read = new List<Tick?>();
        var exception = await Assert.ThrowsAsync<HttpIOException>(async () =>
        {
            await foreach (var tick in client.GetFromNdJsonAsAsyncEnumerable("/short", ClientJson.Default.Tick))
            {
                read.Add(tick);
            }
        });

        Assert.Equal(HttpRequestError.ResponseEnded, exception.HttpRequestError);
        Assert.Contains("2 items but 1 were read", exception.Message);
        Assert.Single(read);
    }

    [Fact]
    public async Task The_client_asks_for_trailers_and_for_either_name_of_the_format()
    {
        await using var server = await Server.StartAsync(app => app.MapGet("/echo", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync($"{{\"number\":0,\"label\":\"{context.Request.Headers.TE}|{context.Request.Headers.Accept}\"}}\n");
        }));
        using var client = server.CreateClient("2");

        var seen = await client.GetFromNdJsonAsAsyncEnumerable("/echo", ClientJson.Default.Tick).SingleAsync();

        Assert.Equal("trailers|application/x-ndjson, application/jsonl", seen!.Label);
    }

    [Theory]
    [InlineData("application/jsonl", "application/jsonl")]
    [InlineData("application/x-ndjson, application/jsonl", "application/x-ndjson")]
    [InlineData("application/x-ndjson;q=0.5, application/jsonl", "application/jsonl")]
    [InlineData("*/*", "application/x-ndjson")]
    [InlineData(null, "application/x-ndjson")]
    public async Task Ndjson_endpoints_answer_json_lines_when_accept_prefers_it_with_the_same_bytes(string? accept, string expected)
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ticks?count=3");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(await client.GetStringAsync("/ticks?count=3"), body);
    }

    [Fact]
    public async Task A_status_other_than_success_throws_before_the_first_item()
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient();

        var exception = await Assert.ThrowsAsync<HttpRequestException>(async () =>
            await client.GetFromNdJsonAsAsyncEnumerable("/nowhere", ClientJson.Default.Tick).ToListAsync());

        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task Reads_with_reflection_options_too()
    {
        await using var server = await Server.StartAsync();
        using var client = server.CreateClient();

        var ticks = await client.GetFromNdJsonAsAsyncEnumerable<Tick>("/ticks?count=3", (System.Text.Json.JsonSerializerOptions?)null).ToListAsync();

        Assert.Equal(Enumerable.Range(1, 3).Select(Streams.Create), ticks);
    }
}
