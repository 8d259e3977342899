namespace Streaming.Generators.Benchmarks.EndToEnd;

internal static class Responses
{
    /// <summary>Reads the whole response to <paramref name="url"/> and throws it away.</summary>
    public static async Task DrainAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        while (await body.ReadAsync(buffer) > 0)
        {
        }
    }
}
