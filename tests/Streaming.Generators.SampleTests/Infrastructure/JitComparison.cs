using System.Net;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>A published build of the sample against the JIT build, on the same database: every format, byte for byte.</summary>
public static class JitComparison
{
    private const int Orders = 20_000;

    public static async Task AssertSameBytesAsync(string executable)
    {
        var database = Directory.CreateTempSubdirectory("orders-published-");
        try
        {
            var options = new SampleOptions { DatabasePath = Path.Combine(database.FullName, "orders.db"), SeedRows = Orders };
            await using var jit = await SampleServer.StartAsync(options);
            await using var published = await SampleServer.StartAsync(options with { Executable = executable });
            using var fromJit = jit.CreateClient();
            using var fromPublished = published.CreateClient();

            // NDJSON, JSON array, CSV, text, and the page itself.
            foreach (var path in new[]
                {
                    $"/orders?limit={Orders}", "/customers/42/orders", $"/orders?after={Orders - 10}", "/products",
                    "/customers/42/orders.csv", "/customers/42/report.txt", "/", "/app.js",
                })
            {
                var expected = await fromJit.GetByteArrayAsync(path);
                Assert.True(expected.Length > 0, $"{path} is empty.");
                Assert.Equal(expected, await fromPublished.GetByteArrayAsync(path));
            }

            // Server-Sent Events and the NDJSON feed never end: compare what each sends first.
            Assert.Equal(await FirstEventsAsync(fromJit), await FirstEventsAsync(fromPublished));
            Assert.Equal(await FirstFeedLinesAsync(fromJit), await FirstFeedLinesAsync(fromPublished));

            // A 400 is ProblemDetails JSON: its metadata has to survive trimming, as the streams' writers do.
            using var badQuery = await fromPublished.GetAsync("/orders?limit=many");
            Assert.Equal(HttpStatusCode.BadRequest, badQuery.StatusCode);
            Assert.Contains("limit", await badQuery.Content.ReadAsStringAsync());

            Assert.True(await Shop.PlaceOrderAsync(fromPublished) > Orders);
        }
        finally
        {
            database.Delete(recursive: true);
        }
    }

    private static async Task<IReadOnlyList<SseBlock>> FirstEventsAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/orders/live") { Headers = { { "Last-Event-ID", $"{Orders - 3}" } } };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamedLines(response, await response.Content.ReadAsStreamAsync());
        return await events.NextEventsAsync(3, TimeSpan.FromSeconds(10), $"the events after {Orders - 3}");
    }

    private static async Task<IReadOnlyList<string>> FirstFeedLinesAsync(HttpClient client)
    {
        using var feed = await StreamedLines.OpenAsync(client, $"/orders/feed?after={Orders - 3}");
        return [await feed.NextAsync(TimeSpan.FromSeconds(10), "the first feed line"), await feed.NextAsync(TimeSpan.FromSeconds(10), "the second"), await feed.NextAsync(TimeSpan.FromSeconds(10), "the third")];
    }
}
