using System.Net.Http.Json;
using System.Text.Json;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>What a test does to the sample's shop: place an order, as the page's button does.</summary>
public static class Shop
{
    public static async Task<long> PlaceOrderAsync(HttpClient client, int customerId = 42, int productId = 5, int quantity = 2)
    {
        using var response = await client.PostAsJsonAsync("/orders", new { customerId, productId, quantity });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /orders answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }
}
