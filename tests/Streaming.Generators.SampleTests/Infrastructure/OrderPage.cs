namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>What the sample's page shows, as script expressions for <see cref="DevToolsPage"/>.</summary>
public static class OrderPage
{
    /// <summary>The two live panels: Server-Sent Events through <c>EventSource</c>, and NDJSON read with <c>fetch</c>.</summary>
    public static readonly string[] LivePanels = ["events", "feed"];

    public static string Rows(string panel) => $"document.querySelectorAll('#{panel} tbody tr')";

    public static string RowWithId(string panel, long id) => $"document.querySelector('#{panel} tr[data-id=\"{id}\"]')";

    /// <summary>The order ids a panel shows, newest first.</summary>
    public static async Task<IReadOnlyList<long>> IdsAsync(DevToolsPage page, string panel)
        => (await page.EvaluateAsync($"[...{Rows(panel)}].map(row => Number(row.dataset.id))")).EnumerateArray().Select(id => id.GetInt64()).ToList();
}
