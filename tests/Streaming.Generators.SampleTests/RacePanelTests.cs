using System.Globalization;
using Streaming.Generators.SampleTests.Infrastructure;
using Xunit.Abstractions;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The page's race in headless Chromium: 200 000 rows from the <c>[Stream]</c> endpoint and from the buffered
/// one, requested at the same moment. The streamed side shows rows before the buffered side shows any.
/// </summary>
public sealed class RacePanelTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 200_000;
    private SampleServer _sample = null!;

    public async Task InitializeAsync() => _sample = await SampleServer.StartAsync(new SampleOptions { SeedRows = Rows });

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public async Task The_streamed_side_shows_its_first_row_before_the_buffered_side_shows_any()
    {
        await using var page = await DevToolsPage.OpenAsync(_sample.BaseAddress);
        Assert.Equal(Rows.ToString(CultureInfo.InvariantCulture), (await page.EvaluateAsync("document.getElementById('race-rows').value")).GetString());
        await page.EvaluateAsync("document.getElementById('race').click()");

        // The moment the streamed side has a row, the buffered side has none: it is still filling its list.
        await page.WaitUntilAsync("document.getElementById('race-streamed-first').textContent.endsWith('ms')", TimeSpan.FromSeconds(30), "the first streamed row");
        Assert.Equal("…", (await page.EvaluateAsync("document.getElementById('race-buffered-first').textContent")).GetString());

        await page.WaitUntilAsync("document.getElementById('race-panel').dataset.finished === 'true'", TimeSpan.FromSeconds(120), "the race to finish");
        await page.ScreenshotAsync(Path.Combine(Repository.Root, "artifacts", "screenshots", "race.png"));

        var text = new Dictionary<string, string>();
        foreach (var id in new[] { "streamed-first", "streamed-all", "buffered-first", "buffered-all", "streamed-status", "buffered-status", "heap-peak" })
        {
            text[id] = (await page.EvaluateAsync($"document.getElementById('race-{id}').textContent")).GetString()!;
        }

        output.WriteLine(string.Join(", ", text.Select(pair => $"{pair.Key}: {pair.Value}")));
        Assert.Equal(Rows.ToString("N0", CultureInfo.GetCultureInfo("en")) + " rows", text["streamed-status"]);
        Assert.Equal(text["streamed-status"], text["buffered-status"]);
        Assert.True(Milliseconds(text["streamed-first"]) < Milliseconds(text["buffered-first"]), $"Streamed first row at {text["streamed-first"]}, buffered at {text["buffered-first"]}.");
        Assert.EndsWith(" MB", text["heap-peak"]);
    }

    private static double Milliseconds(string shown) => double.Parse(shown.Replace(" ms", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
