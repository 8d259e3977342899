using System.Net;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The sample published trimmed (full trim mode, every warning reported on its own, third-party assemblies'
/// included) and run: no trimming or AOT warnings, and the same bytes on the wire as the JIT build.
/// </summary>
public sealed class TrimmedPublishTests(PublishedSample published) : IClassFixture<PublishedSample>
{
    [Fact]
    public void Publishing_reports_no_trimming_or_aot_warnings()
    {
        Assert.Empty(published.TrimWarnings());

        // Trimmed for real: the framework shrank, and JSON has no reflection to fall back on.
        var coreLib = new FileInfo(Path.Combine(published.Directory, "System.Private.CoreLib.dll"));
        var framework = new FileInfo(typeof(object).Assembly.Location);
        Assert.True(coreLib.Length < framework.Length / 2, $"CoreLib is {coreLib.Length} bytes published, {framework.Length} in the framework.");
        Assert.Contains("\"System.Text.Json.JsonSerializer.IsReflectionEnabledByDefault\": false",
            File.ReadAllText(Path.Combine(published.Directory, "Orders.runtimeconfig.json")));
    }

    [Fact]
    public async Task The_trimmed_app_streams_the_same_bytes_as_the_jit_build()
    {
        var database = Directory.CreateTempSubdirectory("orders-trimmed-");
        try
        {
            var options = new SampleOptions { DatabasePath = Path.Combine(database.FullName, "orders.db"), SeedRows = 20_000 };
            await using var jit = await SampleServer.StartAsync(options);
            await using var trimmed = await SampleServer.StartAsync(options with { Executable = published.Executable });
            using var fromJit = jit.CreateClient();
            using var fromTrimmed = trimmed.CreateClient();

            foreach (var path in new[]
                {
                    "/orders?limit=20000", "/customers/42/orders", "/orders?after=19990", "/products",
                    "/customers/42/orders.csv", "/customers/42/report.txt", "/", "/app.js",
                })
            {
                var expected = await fromJit.GetByteArrayAsync(path);
                Assert.True(expected.Length > 0, $"{path} is empty.");
                Assert.Equal(expected, await fromTrimmed.GetByteArrayAsync(path));
            }

            // The live streams never end: compare what each sends first.
            Assert.Equal(await FirstEventsAsync(fromJit), await FirstEventsAsync(fromTrimmed));

            // A 400 is ProblemDetails JSON: its metadata has to survive trimming, as the streams' writers do.
            using var badQuery = await fromTrimmed.GetAsync("/orders?limit=many");
            Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
            Assert.Contains("limit", await badQuery.Content.ReadAsStringAsync());

            Assert.True(await Shop.PlaceOrderAsync(fromTrimmed) > 20_000);
        }
        finally
        {
            database.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<SseBlock>> FirstEventsAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/live") { Headers = { { "Last-Event-ID", "19997" } } };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamedLines(response, await response.Content.ReadAsStreamAsync());
        return await events.NextEventsAsync(3, TimeSpan.FromSeconds(10), "the events after 19997");
    }
}
