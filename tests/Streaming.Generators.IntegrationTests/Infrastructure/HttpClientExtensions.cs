namespace Streaming.Generators.IntegrationTests.Infrastructure;

public static class HttpClientExtensions
{
    /// <summary>A request with the client's default version and policy (a hand-made request is HTTP/1.1 otherwise).</summary>
    public static HttpRequestMessage NewRequest(this HttpClient client, HttpMethod method, string path)
        => new(method, path) { Version = client.DefaultRequestVersion, VersionPolicy = client.DefaultVersionPolicy };
}
