using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>The sample's streams over HTTP, from a plain client.</summary>
public sealed class SampleStreamTests : IAsyncLifetime
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(10);
    private SampleServer _sample = null!;

    public async Task InitializeAsync() => _sample = await SampleServer.StartAsync(new SampleOptions { SeedRows = 5_000 });

    public async Task DisposeAsync() => await _sample.DisposeAsync();

    [Fact]
    public async Task Orders_are_the_seeded_rows_as_ndjson()
    {
        using var client = _sample.CreateClient();
        using var response = await client.GetAsync("/orders?after=4997");

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([4998L, 4999L, 5000L], lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64()));
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Matches("""^\d+\.\d\d$""", first.GetProperty("total").GetRawText());
        Assert.Contains(first.GetProperty("status").GetString(), new[] { "Pending", "Paid", "Shipped", "Delivered", "Cancelled" });
    }

    [Fact]
    public async Task The_catalogue_is_one_json_array()
    {
        using var client = _sample.CreateClient();
        using var response = await client.GetAsync("/products");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var products = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Enumerable.Range(1, 10), products.EnumerateArray().Select(product => product.GetProperty("id").GetInt32()));
        Assert.Equal("""{"id":1,"name":"Espresso beans 1 kg","price":24.90}""", products[0].GetRawText());
    }

    [Fact]
    public async Task A_customers_orders_are_only_theirs()
    {
        using var client = _sample.CreateClient();
        var body = await client.GetStringAsync("/customers/42/orders");

        var customers = body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("customerId").GetInt32())
            .ToList();
        Assert.NotEmpty(customers);
        Assert.All(customers, customer => Assert.Equal(42, customer));
    }

    [Fact]
    public async Task The_feed_sends_recent_orders_at_once_then_each_new_order_as_it_is_placed()
    {
        using var client = _sample.CreateClient();
        using var lines = await StreamedLines.OpenAsync(client, "/orders/feed");

        // The producer now waits for new orders: these rows are on the wire while it is blocked.
        Assert.Equal(Enumerable.Range(4991, 10).Select(id => (long)id), await lines.NextIdsAsync(10, s_prompt, "the recent orders"));

        for (var i = 0; i < 2; i++)
        {
            var placed = await Shop.PlaceOrderAsync(client);
            var arrived = await lines.NextJsonAsync(s_prompt, $"order {placed}, placed after the feed opened");
            Assert.Equal(placed, arrived.GetProperty("id").GetInt64());
            Assert.Equal("Pending", arrived.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Kestrel_keeps_an_idle_feed_open_past_the_minimum_data_rate_grace_period()
    {
        using var client = _sample.CreateClient();
        using var lines = await StreamedLines.OpenAsync(client, "/orders/feed");
        await lines.NextIdsAsync(10, s_prompt, "the recent orders");

        // MinResponseDataRate (240 B/s after a 5 s grace) judges a client's reading, not a producer's silence.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var placed = await Shop.PlaceOrderAsync(client);
        Assert.Equal([placed], await lines.NextIdsAsync(1, s_prompt, $"order {placed} after 8 s of silence"));
    }

    [Fact]
    public async Task Live_events_resume_right_after_the_last_event_id_then_follow_new_orders()
    {
        using var client = _sample.CreateClient();
        client.DefaultRequestHeaders.Add("Last-Event-ID", "4997");
        using var events = await StreamedLines.OpenAsync(client, "/orders/live");
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);

        foreach (var expected in new[] { 4998L, 4999L, 5000L })
        {
            var block = await events.NextEventAsync(s_prompt, $"event {expected}");
            Assert.Equal(("order", expected.ToString(CultureInfo.InvariantCulture)), (block.Type, block.Id));
            Assert.Equal(expected, JsonDocument.Parse(block.Data!).RootElement.GetProperty("id").GetInt64());
        }

        var placed = await Shop.PlaceOrderAsync(client);
        Assert.Equal(placed.ToString(CultureInfo.InvariantCulture), (await events.NextEventAsync(s_prompt, $"event {placed}")).Id);
    }

    [Fact]
    public async Task A_customers_orders_export_as_csv_for_spreadsheets()
    {
        using var client = _sample.CreateClient();
        using var response = await client.GetAsync("/customers/42/orders.csv");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\uFEFF"u8.ToArray(), body[..3]);
        var records = Encoding.UTF8.GetString(body[3..]).Split("\r\n");
        Assert.Equal("Id;CustomerId;Product;Quantity;Total;Status;CreatedAt", records[0]);
        Assert.Equal("", records[^1]);
        var customers = records[1..^1].Select(record => record.Split(';')[1]).ToList();
        Assert.NotEmpty(customers);
        Assert.All(customers, customer => Assert.Equal("42", customer));
    }

    [Fact]
    public async Task A_customers_report_is_plain_text_ending_with_a_total()
    {
        using var client = _sample.CreateClient();
        using var response = await client.GetAsync("/customers/42/report.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Orders of customer 42", lines[0]);
        Assert.Matches($@"^{lines.Length - 2} orders, \d+\.\d\d in all$", lines[^1]);
    }

    [Fact]
    public async Task Placing_an_order_for_an_unknown_product_is_a_400()
    {
        using var client = _sample.CreateClient();
        using var response = await client.PostAsync("/orders", JsonContent.Create(new { customerId = 1, productId = 999, quantity = 1 }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("productId", await response.Content.ReadAsStringAsync());
    }
}
