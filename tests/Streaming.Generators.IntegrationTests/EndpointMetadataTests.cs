using System.Net;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// <c>MapStreamEndpoints()</c> returns one convention builder for all stream endpoints (tags, authorization,
/// rate limiting here), and each endpoint describes itself to ApiExplorer, so the OpenAPI document shows its
/// parameters, its content type and its element type.
/// </summary>
public sealed class EndpointMetadataTests(ConventionsServer server) : IClassFixture<ConventionsServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_OpenAPI_document_lists_every_stream_with_its_content_type_element_type_and_parameters()
    {
        using var document = await OpenApiAsync();
        var paths = document.RootElement.GetProperty("paths");

        var readings = paths.GetProperty("/readings").GetProperty("get");
        var ok = readings.GetProperty("responses").GetProperty("200").GetProperty("content");
        // NDJSON under both its names: application/x-ndjson (the default) and JSON Lines.
        Assert.Equal(["application/x-ndjson", "application/jsonl"], ok.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("/Reading", ok.GetProperty("application/x-ndjson").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/Reading", ok.GetProperty("application/jsonl").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
        Assert.True(readings.GetProperty("responses").TryGetProperty("400", out _), "Bad input's 400 is not documented.");
        var count = Assert.Single(readings.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "count");
        Assert.Equal("query", count.GetProperty("in").GetString());
        Assert.True(count.GetProperty("required").GetBoolean());
        var yieldEach = Assert.Single(readings.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "yieldEach");
        Assert.False(yieldEach.TryGetProperty("required", out var required) && required.GetBoolean(), "A parameter with a default is documented as required.");
        // Attributes on the [Stream] method are endpoint metadata, as they are for a minimal API's handler.
        Assert.Equal("Readings, as fast as they can be made.", readings.GetProperty("summary").GetString());

        var binding = paths.GetProperty("/binding/{id}/{slug}").GetProperty("get");
        var parameters = binding.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("in").GetString());
        Assert.Equal("path", parameters["id"]);
        Assert.Equal("path", parameters["slug"]);
        Assert.Equal("header", parameters["X-Tenant"]);
        Assert.Equal("query", parameters["quality"]);
        Assert.Equal(12, parameters.Count);
        Assert.DoesNotContain("archive", parameters.Keys);
        Assert.DoesNotContain("context", parameters.Keys);
        Assert.DoesNotContain("token", parameters.Keys);

        var query = paths.GetProperty("/readings/query").GetProperty("post");
        Assert.True(query.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), "The POST stream's body is not documented.");
    }

    [Fact]
    public async Task Every_generated_endpoint_is_in_the_document_with_the_media_type_of_its_format()
    {
        using var document = await OpenApiAsync();
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Operation: operation.Value)))
            .ToList();

        var streamPaths = new[] { "/gated/{run}", "/ticks/{run}", "/endless/{run}", "/readings", "/readings/sync", "/failing", "/readings/query", "/instance/{run}", "/fuzz/{id}/{key}", "/flush/every-item/{run}" };
        foreach (var path in streamPaths)
        {
            var (_, operation) = Assert.Single(documented, d => d.Path == path);
            Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/x-ndjson", out _), $"{path} does not say it answers NDJSON.");
            Assert.Equal(["Streams"], operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }
    }

    [Fact]
    public async Task RequireAuthorization_on_the_returned_builder_protects_every_stream()
    {
        using var client = server.CreateClient();

        using var anonymous = await client.GetAsync("/readings?count=1").WaitAsync(Patience);
        using var request = client.NewRequest(HttpMethod.Get, "/readings?count=1");
        request.Headers.Add(ConventionsServer.UserHeader, "ada");
        using var authenticated = await client.SendAsync(request).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
    }

    [Fact]
    public async Task RequireRateLimiting_on_the_returned_builder_limits_every_stream()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release();
        using var client = server.CreateClient();
        using var first = client.NewRequest(HttpMethod.Get, $"/gated/{run}");
        first.Headers.Add(ConventionsServer.UserHeader, "ada");
        using var open = await client.SendAsync(first, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        using var second = client.NewRequest(HttpMethod.Get, "/readings?count=1");
        second.Headers.Add(ConventionsServer.UserHeader, "ada");
        using var limited = await client.SendAsync(second).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        open.Dispose();
        await probe.FinallyRan.Task.WaitAsync(Patience);
    }

    private async Task<JsonDocument> OpenApiAsync()
    {
        using var client = server.CreateClient();
        var json = await client.GetStringAsync("/openapi/v1.json").WaitAsync(Patience);
        return JsonDocument.Parse(json);
    }
}
