using System.Net;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>A failure after the first byte never looks like a complete response, on either protocol.</summary>
public sealed class FailureTests(StreamingServer server) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_item_past_the_depth_limit_fails_mid_stream_like_any_other_failure()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/depth/too-deep", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("""{"stringValue":"first","intValue":null,"doubleValue":null,"arrayValue":null,"kvlistValue":null}""", await reader.ReadLineAsync().WaitAsync(Patience));
        Assert.Equal("""{"stringValue":null,"intValue":2,"doubleValue":null,"arrayValue":null,"kvlistValue":null}""", await reader.ReadLineAsync().WaitAsync(Patience));

        // The serializer refuses the third item too; the response is cut off, never ended as if complete.
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Serialize(DepthStreams.Nested(40), System.Text.Json.JsonSerializerOptions.Web));
        await Assert.ThrowsAnyAsync<IOException>(() => reader.ReadToEndAsync().WaitAsync(Patience));
    }

    [Theory]
    [MemberData(nameof(StreamFormatCase.AbortingWithProtocols), MemberType = typeof(StreamFormatCase))]
    public async Task A_failure_after_the_first_byte_aborts_the_response_and_the_client_sees_an_error(string format, string protocol)
    {
        var stream = StreamFormatCase.All[format];
        using var client = server.CreateClient(protocol);
        using var response = await client.GetAsync(stream.Path("/failing?after=2"), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = stream.Reader(await response.Content.ReadAsStreamAsync());
        var items = new List<string>();

        // HTTP/1.1: no closing chunk; HTTP/2: RST_STREAM. HttpClient reports both as an IOException, never as the
        // end of the body. (Over HTTP/2 a reset may also drop data the client had received but not yet read.)
        var error = await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            while (await reader.ReadItemAsync(default).WaitAsync(Patience) is { } item)
            {
                items.Add(item);
            }
        });

        string[] sent = [stream.ItemText(0), stream.ItemText(1)];
        Assert.Equal(sent[..items.Count], items);
        if (protocol == Protocols.Http1)
        {
            Assert.Equal(2, items.Count);
        }
        else
        {
            // RST_STREAM with INTERNAL_ERROR.
            Assert.Equal(0x2, Assert.IsType<HttpProtocolException>(error).ErrorCode);
        }
    }

    [Theory]
    [InlineData(Protocols.Http1)]
    [InlineData(Protocols.Http2)]
    public async Task An_sse_failure_after_the_first_event_ends_with_an_error_event_that_hides_the_message(string protocol)
    {
        var stream = StreamFormatCase.All["Sse"];
        using var client = server.CreateClient(protocol);
        using var response = await client.GetAsync(stream.Path("/failing?after=2"), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        var reader = (SseEventReader)stream.Reader(await response.Content.ReadAsStreamAsync());

        Assert.Equal(stream.ItemText(0), await reader.ReadItemAsync(default).WaitAsync(Patience));
        Assert.Equal(stream.ItemText(1), await reader.ReadItemAsync(default).WaitAsync(Patience));
        var failure = await reader.ReadItemAsync(default).WaitAsync(Patience);
        Assert.Equal("error", reader.EventType);
        Assert.DoesNotContain("sensor went offline", failure, StringComparison.Ordinal);
        Assert.Null(await reader.ReadItemAsync(default).WaitAsync(Patience));
    }

    [Fact]
    public async Task A_format_with_a_failure_record_ends_with_it_and_hides_the_message_outside_development()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/by-hand/failure-record").WaitAsync(Patience);

        Assert.Equal(Oracle.Json(Reading.Create(0)) + "\nerror: details hidden\n", body);
    }

    [Fact]
    public async Task A_failure_is_logged_as_an_error_with_its_exception()
    {
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/failing?after=2", HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync().WaitAsync(Patience));

        var ended = await server.Logs.WaitForAsync(e => e.EventId.Name == "StreamEnded" && (string?)e["Route"] == "/failing", Patience);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, ended.Level);
        Assert.Equal("failed", ended["Outcome"]);
        Assert.Equal(2L, ended["Items"]);
        Assert.IsType<InvalidOperationException>(ended.Exception);
    }
}

/// <summary>In Development a failure record may say what failed.</summary>
public sealed class DevelopmentFailureTests(DevelopmentServer server) : IClassFixture<DevelopmentServer>
{
    [Fact]
    public async Task A_failure_record_carries_the_message_in_development()
    {
        using var client = server.CreateClient();

        var body = await client.GetStringAsync("/by-hand/failure-record");

        Assert.Equal(Oracle.Json(Reading.Create(0)) + "\nerror: The sensor went offline.\n", body);
    }
}
