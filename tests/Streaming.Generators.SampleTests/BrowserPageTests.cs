using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>The sample's page in headless Chromium: what a person sees while the streams arrive.</summary>
public sealed class BrowserPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(15);
    private const string FeedRows = "document.querySelectorAll('#feed tbody tr')";
    private SampleServer _sample = null!;

    public async Task InitializeAsync() => _sample = await SampleServer.StartAsync(new SampleOptions { SeedRows = 5_000 });

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public async Task Feed_rows_render_as_they_arrive_while_the_ndjson_stream_stays_open()
    {
        await using var page = await browser.Browser.OpenAsync(_sample.BaseAddress);

        // The feed's producer now waits for new orders, so these rows reached the DOM before any end of stream.
        await page.WaitUntilAsync($"{FeedRows}.length === 10", s_prompt, "the ten most recent orders");
        Assert.Equal("5000", (await page.EvaluateAsync($"{FeedRows}[0].dataset.id")).GetString());

        using var client = _sample.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var placed = await Shop.PlaceOrderAsync(client);
            await page.WaitUntilAsync($"document.querySelector('#feed tr[data-id=\"{placed}\"]')", s_prompt, $"order {placed} in the feed");
        }

        Assert.Equal("open", (await page.EvaluateAsync("document.getElementById('feed-status').textContent")).GetString());
        Assert.Equal(12, (await page.EvaluateAsync($"{FeedRows}.length")).GetInt32());
    }

    [Fact]
    public async Task The_feed_resumes_after_the_server_drops_it_without_losing_or_repeating_an_order()
    {
        await using var page = await browser.Browser.OpenAsync(_sample.BaseAddress);
        await page.WaitUntilAsync($"{FeedRows}.length === 10", s_prompt, "the ten most recent orders");

        await _sample.RestartAsync();
        using var client = _sample.CreateClient();
        var placed = await Shop.PlaceOrderAsync(client);

        await page.WaitUntilAsync($"document.querySelector('#feed tr[data-id=\"{placed}\"]')", s_prompt, $"order {placed} after the restart");
        var ids = (await page.EvaluateAsync($"[...{FeedRows}].map(row => row.dataset.id)")).EnumerateArray().Select(id => id.GetString()).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(11, ids.Count);
    }
}
