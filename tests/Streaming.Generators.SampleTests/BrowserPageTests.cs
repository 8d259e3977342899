using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>The sample's page in headless Chromium: what a person sees while the streams arrive.</summary>
public sealed class BrowserPageTests : IAsyncLifetime
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(15);

    private SampleServer _sample = null!;

    public async Task InitializeAsync() => _sample = await SampleServer.StartAsync(new SampleOptions { SeedRows = 5_000 });

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public async Task Live_rows_render_as_they_arrive_while_both_streams_stay_open()
    {
        await using var page = await DevToolsPage.OpenAsync(_sample.BaseAddress);

        // Both producers now wait for new orders, so these rows reached the DOM before any end of stream.
        foreach (var panel in OrderPage.LivePanels)
        {
            await page.WaitUntilAsync($"{OrderPage.Rows(panel)}.length === 10", s_prompt, $"the ten most recent orders in #{panel}");
            Assert.Equal("5000", (await page.EvaluateAsync($"{OrderPage.Rows(panel)}[0].dataset.id")).GetString());
        }

        using var client = _sample.CreateClient();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var placed = await Shop.PlaceOrderAsync(client);
            foreach (var panel in OrderPage.LivePanels)
            {
                await page.WaitUntilAsync(OrderPage.RowWithId(panel, placed), s_prompt, $"order {placed} in #{panel}");
            }
        }

        foreach (var panel in OrderPage.LivePanels)
        {
            Assert.Equal("open", (await page.EvaluateAsync($"document.getElementById('{panel}-status').textContent")).GetString());
            Assert.Equal(12, (await page.EvaluateAsync($"{OrderPage.Rows(panel)}.length")).GetInt32());
        }
    }

    [Fact]
    public async Task Both_streams_resume_after_the_server_drops_them_without_losing_or_repeating_an_order()
    {
        await using var page = await DevToolsPage.OpenAsync(_sample.BaseAddress);
        foreach (var panel in OrderPage.LivePanels)
        {
            await page.WaitUntilAsync($"{OrderPage.Rows(panel)}.length === 10", s_prompt, $"the ten most recent orders in #{panel}");
        }

        // A redeploy: the process is killed and started again on the same port and database.
        await _sample.RestartAsync();
        using var client = _sample.CreateClient();
        var placed = await Shop.PlaceOrderAsync(client);

        foreach (var panel in OrderPage.LivePanels)
        {
            await page.WaitUntilAsync(OrderPage.RowWithId(panel, placed), s_prompt, $"order {placed} in #{panel} after the restart");
            var ids = (await page.EvaluateAsync($"[...{OrderPage.Rows(panel)}].map(row => row.dataset.id)")).EnumerateArray().Select(id => id.GetString()).ToList();
            Assert.Equal(11, ids.Count);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        Assert.Equal("1", (await page.EvaluateAsync("document.getElementById('events-reconnects').textContent")).GetString());
    }

    [Fact]
    public async Task The_text_report_is_written_into_the_page()
    {
        await using var page = await DevToolsPage.OpenAsync(_sample.BaseAddress);
        await page.EvaluateAsync("document.getElementById('report').click()");

        await page.WaitUntilAsync("document.getElementById('report-status').textContent === 'closed'", s_prompt, "the report to finish");
        using var client = _sample.CreateClient();
        Assert.Equal(await client.GetStringAsync("/customers/42/report.txt"), (await page.EvaluateAsync("document.getElementById('report-text').textContent")).GetString());
    }}
