using System.Diagnostics;
using System.Globalization;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// Two instances of the sample on one PostgreSQL database, as docs/deployment.md describes: followers of either
/// see orders placed through the other (LISTEN/NOTIFY), and behind nginx the page's streams survive losing an
/// instance without losing or repeating an order.
/// </summary>
public sealed class SeveralInstancesTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const int Seeded = 1_000;
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan s_acrossInstances = TimeSpan.FromSeconds(1);

    private SampleServer _first = null!;
    private SampleServer _second = null!;

    public async Task InitializeAsync()
    {
        // One after the other, as a rolling deployment starts them; the schema lock makes either order safe.
        var options = new SampleOptions { PostgresConnectionString = postgres.ConnectionString, SeedRows = Seeded };
        _first = await SampleServer.StartAsync(options);
        _second = await SampleServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task An_order_placed_through_one_instance_reaches_the_followers_of_the_other_within_a_second()
    {
        // Followers on the second instance: a browser's EventSource and fetch reader, and two plain HTTP readers.
        await using var page = await DevToolsPage.OpenAsync(_second.BaseAddress);
        using var client = _second.CreateClient();
        using var feed = await StreamedLines.OpenAsync(client, "/orders/feed");
        using var events = await StreamedLines.OpenAsync(client, "/orders/live");
        await feed.NextIdsAsync(10, s_prompt, "the recent orders");
        await events.NextEventsAsync(10, s_prompt, "the recent order events");
        foreach (var panel in OrderPage.LivePanels)
        {
            await page.WaitUntilAsync($"{OrderPage.Rows(panel)}.length === 10", s_prompt, $"the ten most recent orders in #{panel}");
        }

        using var first = _first.CreateClient();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var placed = await Shop.PlaceOrderAsync(first);
            var clock = Stopwatch.StartNew();
            Assert.Equal([placed], await feed.NextIdsAsync(1, s_acrossInstances, $"order {placed} in the NDJSON feed of the other instance"));
            Assert.Equal(placed.ToString(CultureInfo.InvariantCulture), (await events.NextEventAsync(s_acrossInstances - clock.Elapsed, $"event {placed} on the other instance")).Id);
            foreach (var panel in OrderPage.LivePanels)
            {
                await page.WaitUntilAsync(OrderPage.RowWithId(panel, placed), s_acrossInstances - clock.Elapsed, $"order {placed} in #{panel} on the other instance");
            }
        }
    }

    [Fact]
    public async Task Behind_nginx_the_page_survives_losing_each_instance_in_turn_without_losing_or_repeating_an_order()
    {
        await using var nginx = await Nginx.StartAsync(Nginx.DocumentedConfiguration(), _first.BaseAddress, _second.BaseAddress);
        await using var page = await DevToolsPage.OpenAsync(nginx.BaseAddress);
        foreach (var panel in OrderPage.LivePanels)
        {
            await page.WaitUntilAsync($"{OrderPage.Rows(panel)}.length === 10", s_prompt, $"the ten most recent orders in #{panel}");
        }

        // A rolling redeploy: each instance in turn goes away while orders are placed through the other, then
        // comes back. Whichever instance the streams were on, they lose it once and resume on the other.
        var placed = new List<long>();
        foreach (var (stopped, serving) in new[] { (_first, _second), (_second, _first) })
        {
            await stopped.StopAsync();
            using var client = serving.CreateClient();
            placed.Add(await Shop.PlaceOrderAsync(client));
            placed.Add(await Shop.PlaceOrderAsync(client));
            foreach (var panel in OrderPage.LivePanels)
            {
                await page.WaitUntilAsync(OrderPage.RowWithId(panel, placed[^1]), s_prompt, $"order {placed[^1]} in #{panel} while an instance is down");
            }

            await stopped.StartAgainAsync();
        }

        var recent = Enumerable.Range(Seeded - 9, 10).Select(id => (long)id);
        foreach (var panel in OrderPage.LivePanels)
        {
            Assert.Equal(recent.Concat(placed).Reverse(), await OrderPage.IdsAsync(page, panel));
        }

        var reconnects = int.Parse((await page.EvaluateAsync("document.getElementById('events-reconnects').textContent")).GetString()!, CultureInfo.InvariantCulture);
        Assert.InRange(reconnects, 1, 2);
    }
}
