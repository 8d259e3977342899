using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary><c>UseBufferedResponseDetection()</c> over a real socket: what it reports, what it leaves alone, and that it changes no byte.</summary>
public sealed class BufferedResponseDetectionTests(BufferedResponseDetectionTests.DetectingServer server) : IClassFixture<BufferedResponseDetectionTests.DetectingServer>
{
    /// <summary>Readings enough for a body of more than 2 MiB.</summary>
    private const int Count = 24_000;

    private const long TwoMiB = 2 * 1024 * 1024;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_buffered_2_MiB_JSON_list_is_reported_once_with_its_endpoint_size_and_time_to_first_byte()
    {
        using var client = server.CreateClient();

        var first = await client.GetByteArrayAsync("/buffered/readings");
        var second = await client.GetByteArrayAsync("/buffered/readings");

        Assert.InRange(first.LongLength, TwoMiB, long.MaxValue);
        // Byte for byte what the application's own serializer writes for the list: the detector changes nothing.
        var json = server.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(DetectingServer.Readings(Count), json), first);
        Assert.Equal(first, second);

        var warning = await server.Logs.WaitForAsync(IsDetectorWarning, Patience);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("/buffered/readings", warning["Route"]);
        Assert.Equal((long)first.Length, warning["Bytes"]);
        Assert.InRange((double)warning["TimeToFirstByteMilliseconds"]!, 0, Patience.TotalMilliseconds);
        Assert.Contains("HTTP: GET /buffered/readings", warning.Message);
        Assert.Contains("[Stream]", warning.Message);

        Assert.Single(server.Logs.Entries, e => IsDetectorWarning(e) && (string?)e["Route"] == "/buffered/readings");
        Assert.Equal(2, server.Metrics.Sum("streaming.server.buffered_responses", m => m.Tag("http.route") == "/buffered/readings"));
    }

    [Theory]
    [InlineData("/array/readings?count=24000")]
    [InlineData("/buffered/file")]
    [InlineData("/buffered/bytes")]
    [InlineData("/buffered/small")]
    [InlineData("/buffered/async")]
    public async Task Streams_files_and_small_responses_are_not_reported(string path)
    {
        using var client = server.CreateClient();

        var body = await client.GetByteArrayAsync(path);

        if (!path.EndsWith("small", StringComparison.Ordinal))
        {
            Assert.InRange(body.LongLength, TwoMiB, long.MaxValue);
        }

        // The same request to the buffered endpoint is reported by now: the check runs before the response completes.
        var route = path.Split('?')[0];
        Assert.DoesNotContain(server.Logs.Entries, e => IsDetectorWarning(e) && (string?)e["Route"] == route);
        Assert.Equal(0, server.Metrics.Sum("streaming.server.buffered_responses", m => m.Tag("http.route") == route));
    }

    [Fact]
    public async Task A_reused_wrapper_carries_nothing_from_one_request_to_the_next_on_a_keep_alive_connection()
    {
        using var client = server.CreateClient();

        // Two bodies of 0.8 MiB (together past 1 MiB), a file (sent past the wrapper), then a buffered 2 MiB body,
        // one after the other on one connection: each is judged on its own bytes, file flag and first flush.
        var first = await client.GetAsync("/buffered/part");
        var second = await client.GetAsync("/buffered/part");
        var file = await client.GetAsync("/buffered/file");
        var last = await client.GetAsync("/buffered/after-file");

        Assert.Single(new[] { first, second, last }.Select(r => r.Headers.GetValues("X-Connection").Single()).Distinct());
        Assert.InRange((await first.Content.ReadAsByteArrayAsync()).LongLength, TwoMiB / 4, TwoMiB / 2);
        Assert.True(file.IsSuccessStatusCode);
        var body = await last.Content.ReadAsByteArrayAsync();

        var warning = await server.Logs.WaitForAsync(e => IsDetectorWarning(e) && (string?)e["Route"] == "/buffered/after-file", Patience);
        Assert.Equal((long)body.Length, warning["Bytes"]);
        Assert.InRange((double)warning["TimeToFirstByteMilliseconds"]!, 0, Patience.TotalMilliseconds);
        Assert.Equal(1, server.Metrics.Sum("streaming.server.buffered_responses", m => m.Tag("http.route") == "/buffered/after-file"));
        Assert.Equal(0, server.Metrics.Sum("streaming.server.buffered_responses", m => m.Tag("http.route") == "/buffered/part"));
    }

    [Fact]
    public async Task Concurrent_HTTP2_streams_on_one_connection_are_counted_apart()
    {
        using var client = server.CreateClient(Protocols.Http2);

        // Eight 0.8 MiB responses written at the same time on one connection: 6.4 MiB together, none past 1 MiB alone.
        var responses = await Task.WhenAll(Enumerable.Range(0, DetectingServer.Together).Select(_ => client.GetAsync("/buffered/together")));

        Assert.Single(responses.Select(r => r.Headers.GetValues("X-Connection").Single()).Distinct());
        var json = server.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var expected = JsonSerializer.SerializeToUtf8Bytes(DetectingServer.Readings(DetectingServer.Part), json);
        foreach (var response in responses)
        {
            Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        }

        Assert.DoesNotContain(server.Logs.Entries, e => IsDetectorWarning(e) && (string?)e["Route"] == "/buffered/together");
        Assert.Equal(0, server.Metrics.Sum("streaming.server.buffered_responses", m => m.Tag("http.route") == "/buffered/together"));
    }

    private static bool IsDetectorWarning(LogEntry entry) => entry.Category == StreamingTelemetry.BufferedResponseLoggerCategory;

    /// <summary>The test streams, and ordinary endpoints that send the same readings buffered, as a file, or as an async sequence.</summary>
    public sealed class DetectingServer : StreamingServer
    {
        /// <summary>Readings for a body of about 0.8 MiB: under the threshold alone, past it two together.</summary>
        public const int Part = 3_500;

        /// <summary>Requests that <c>/buffered/together</c> holds back until all have arrived.</summary>
        public const int Together = 8;

        private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        private readonly string _file = Path.Combine(Path.GetTempPath(), $"readings-{Guid.NewGuid():N}.json");

        public static List<Reading> Readings(int count) => Enumerable.Range(0, count).Select(Reading.Create).ToList();

        protected override void ConfigureApp(WebApplication app)
        {
            File.WriteAllBytes(_file, JsonSerializer.SerializeToUtf8Bytes(Readings(Count), JsonSerializerOptions.Web));
            app.UseBufferedResponseDetection();
            base.ConfigureApp(app);

            app.MapGet("/buffered/readings", async () =>
            {
                await Task.Yield();
                return Readings(Count);
            });
            app.MapGet("/buffered/small", () => Readings(10));
            app.MapGet("/buffered/file", () => Results.File(_file, "application/json"));
            app.MapGet("/buffered/bytes", () => Results.Bytes(File.ReadAllBytes(_file), "application/json"));
            app.MapGet("/buffered/async", () => Readings(Count).ToAsyncEnumerable());
            app.MapGet("/buffered/part", (HttpContext context) => OnConnection(context, Readings(Part)));
            app.MapGet("/buffered/after-file", (HttpContext context) => OnConnection(context, Readings(Count)));
            app.MapGet("/buffered/together", async (HttpContext context) =>
            {
                if (Interlocked.Increment(ref _arrived) == Together)
                {
                    _allArrived.SetResult();
                }

                await _allArrived.Task.WaitAsync(Patience);
                return OnConnection(context, Readings(Part));
            });
        }

        /// <summary>The response names its connection, so that a test can tell that requests shared one.</summary>
        private static List<Reading> OnConnection(HttpContext context, List<Reading> readings)
        {
            context.Response.Headers["X-Connection"] = context.Connection.Id;
            return readings;
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_file);
        }
    }
}
