using System.Net;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests;

/// <summary>Headers go out with the first flush: until then a failure takes the ordinary error path.</summary>
public sealed class ResponseStartTests(ProblemDetailsServer server) : IClassFixture<ProblemDetailsServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task No_headers_leave_before_the_first_item(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        using var client = server.CreateClient(protocol);

        var headers = client.GetAsync($"/gated/{run}", HttpCompletionOption.ResponseHeadersRead);
        await probe.Started.Task.WaitAsync(Patience);
        await Task.Delay(300);
        Assert.False(headers.IsCompleted, "The response started before the producer had an item.");

        probe.Release(1);
        using var response = await headers.WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/failing?after=0")]
    [InlineData("/failing?after=2&wait=false")]
    public async Task A_failure_before_the_first_flush_is_the_applications_500_ProblemDetails_and_nothing_else(string path)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("X-Accel-Buffering"), "Headers of the stream survived into the error response.");
        // The body is one ProblemDetails document: none of the items written before the failure leaked into it.
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("sensor", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Oracle.Json(Reading.Create(0)), body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_before_the_first_flush_is_logged_once_as_failed_and_left_to_the_error_handler()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/failing?after=0");

        var ended = server.Logs.Entries.Last(e => e.EventId.Name == "StreamEnded" && (string?)e["Route"] == "/failing");
        Assert.Equal("failed", ended["Outcome"]);
        Assert.Null(ended.Exception);
        Assert.Contains(server.Logs.Entries, e => e.Exception is InvalidOperationException { Message: "The sensor went offline." } && e.Category.Contains("ExceptionHandler", StringComparison.Ordinal));
    }
}
