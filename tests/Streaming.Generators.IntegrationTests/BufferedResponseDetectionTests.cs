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

        Assert.Single(server.Logs.Entries, IsDetectorWarning);
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

    private static bool IsDetectorWarning(LogEntry entry) => entry.Category == StreamingTelemetry.BufferedResponseLoggerCategory;

    /// <summary>The test streams, and ordinary endpoints that send the same readings buffered, as a file, or as an async sequence.</summary>
    public sealed class DetectingServer : StreamingServer
    {
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
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_file);
        }
    }
}
