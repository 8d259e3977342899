using System.Net;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary>A 400 before the body never depends on JSON metadata the application may have trimmed away.</summary>
public sealed class ProblemWithoutJsonMetadataTests(NoJsonMetadataServer server) : IClassFixture<NoJsonMetadataServer>
{
    [Fact]
    public async Task Bad_input_gets_a_400_problem_even_when_the_JSON_options_know_no_types()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/readings?count=ten");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Bad Request", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("The query value 'count' is not a valid int.", problem.RootElement.GetProperty("detail").GetString());
    }
}

/// <summary>With <c>AddProblemDetails()</c>, the application's problem details service writes our problems too.</summary>
public sealed class ApplicationProblemDetailsTests(CustomProblemDetailsServer server) : IClassFixture<CustomProblemDetailsServer>
{
    [Fact]
    public async Task Bad_input_is_answered_by_the_applications_problem_details_service()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/readings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The query value 'count' is required.", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal("readings", problem.RootElement.GetProperty("service").GetString());
    }
}
