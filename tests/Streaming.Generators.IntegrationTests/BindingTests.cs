using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Streaming.Generators.IntegrationTests.Infrastructure;
using Streaming.Generators.IntegrationTests.Streams;
using Xunit.Abstractions;

namespace Streaming.Generators.IntegrationTests;

/// <summary>Parameters bind from every source a minimal API offers, and bad input is a 400 before any body byte.</summary>
public sealed class BindingTests(StreamingServer server, ITestOutputHelper output) : IClassFixture<StreamingServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task Route_query_header_services_context_request_and_token_all_bind(string protocol)
    {
        using var client = server.CreateClient(protocol);
        var key = Guid.NewGuid();
        using var request = client.NewRequest(HttpMethod.Get,
            $"/binding/7/north-wing?count=3&big=9007199254740993&ratio=0.25&price=19.99&flag=true&key={key}&at=2026-11-21T08:00:00%2B01:00&quality=suspect&note=hello%20there");
        request.Headers.Add("X-Tenant", "acme");

        using var response = await client.SendAsync(request).WaitAsync(Patience);
        var echo = JsonSerializer.Deserialize<BindingEcho>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new BindingEcho(7, "north-wing", 3, 9007199254740993, 0.25, 19.99m, true, key, new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(1)),
                ReadingQuality.Suspect, "acme", "hello there", "GET", "/binding/7/north-wing", TokenIsRequestAborted: true, ArchiveSize: 42),
            echo);
    }

    [Theory]
    [InlineData("/binding/7/n?count=3&ratio=1&price=1&flag=true&key=00000000-0000-0000-0000-000000000001&at=2026-01-01&quality=good", "header", "The header value 'X-Tenant' is required.")]
    [InlineData("/binding/7/n?count=x&ratio=1&price=1&flag=true&key=00000000-0000-0000-0000-000000000001&at=2026-01-01&quality=good", "tenant", "The query value 'count' is not a valid int.")]
    [InlineData("/binding/7/n?count=3&ratio=1&price=1&flag=true&key=nope&at=2026-01-01&quality=good", "tenant", "The query value 'key' is not a valid Guid.")]
    [InlineData("/binding/7/n?count=3&ratio=1&price=1&flag=true&key=00000000-0000-0000-0000-000000000001&at=2026-01-01&quality=awful", "tenant", "The query value 'quality' is not a valid ReadingQuality.")]
    public async Task Bad_input_is_a_400_ProblemDetails_before_any_body_on_both_protocols(string path, string tenant, string detail)
    {
        foreach (var protocol in new[] { Protocols.Http1, Protocols.Http2 })
        {
            using var client = server.CreateClient(protocol);
            using var request = client.NewRequest(HttpMethod.Get, path);
            if (tenant != "header")
            {
                request.Headers.Add("X-Tenant", tenant);
            }

            using var response = await client.SendAsync(request).WaitAsync(Patience);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_instance_method_gets_a_new_instance_per_request_disposed_after_the_response()
    {
        using var client = server.CreateClient();
        var (first, firstProbe) = server.Probes.Create();
        var (second, secondProbe) = server.Probes.Create();

        var firstBody = await client.GetStringAsync($"/instance/{first}").WaitAsync(Patience);
        await firstProbe.InstanceDisposed.Task.WaitAsync(Patience);
        var secondBody = await client.GetStringAsync($"/instance/{second}").WaitAsync(Patience);
        await secondProbe.InstanceDisposed.Task.WaitAsync(Patience);

        var firstSensors = Sensors(firstBody);
        var secondSensors = Sensors(secondBody);
        Assert.Equal(2, firstSensors.Count);
        Assert.Single(firstSensors.Distinct());
        Assert.NotEqual(firstSensors[0], secondSensors[0]);
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task A_POST_stream_reads_its_JSON_body(string protocol)
    {
        using var client = server.CreateClient(protocol);

        using var response = await client.PostAsJsonAsync("/readings/query", new ReadingQuery(From: 10, Count: 3)).WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Oracle.NdJson(Enumerable.Range(10, 3).Select(Reading.Create)), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"from\": 1, \"count\": ", "application/json", HttpStatusCode.BadRequest, Protocols.Http1)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest, Protocols.Http1)]
    [InlineData("{\"from\": \"one\"}", "application/json", HttpStatusCode.BadRequest, Protocols.Http1)]
    [InlineData("from=1&count=2", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, Protocols.Http1)]
    [InlineData("{\"from\": 1, \"count\": ", "application/json", HttpStatusCode.BadRequest, Protocols.Http2)]
    [InlineData("null", "application/json", HttpStatusCode.BadRequest, Protocols.Http2)]
    [InlineData("{\"from\": \"one\"}", "application/json", HttpStatusCode.BadRequest, Protocols.Http2)]
    [InlineData("from=1&count=2", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, Protocols.Http2)]
    public async Task A_bad_body_is_a_4xx_before_any_stream(string body, string contentType, HttpStatusCode expected, string protocol)
    {
        using var client = server.CreateClient(protocol);

        using var response = await client.PostAsync("/readings/query", new StringContent(body, Encoding.UTF8, contentType)).WaitAsync(Patience);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            // 415 comes from routing, which matches the endpoint's accepted content type as for a minimal API.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Hundreds_of_malformed_query_strings_and_route_values_get_400_or_404_never_500_on_both_protocols()
    {
        var random = new Random(20261121);
        var outcomes = new Dictionary<string, int>();
        using var http1 = server.CreateClient(Protocols.Http1);
        using var http2 = server.CreateClient(Protocols.Http2);
        for (var i = 0; i < 400; i++)
        {
            var client = i % 2 == 0 ? http1 : http2;
            var path = $"/fuzz/{RouteValue(random, constrained: true)}/{RouteValue(random, constrained: false)}?{MalformedQuery(random)}";
            using var request = client.NewRequest(HttpMethod.Get, path);
            if (random.Next(3) == 0)
            {
                request.Headers.TryAddWithoutValidation("X-Limit", Noise(random, AsciiNoise));
            }

            string outcome;
            try
            {
                using var response = await client.SendAsync(request).WaitAsync(Patience);
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(
                    response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
                    $"{path} answered {outcome}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException exception) when (exception.InnerException is HttpProtocolException { ErrorCode: 0x1 })
            {
                // HTTP/2's 400: Kestrel resets a stream whose :path is not a valid request target, before any application code.
                outcome = "h2 PROTOCOL_ERROR";
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine(string.Join(", ", outcomes.Select(o => $"{o.Key}: {o.Value}")));
        Assert.True(outcomes.GetValueOrDefault("400") > 150, "The fuzz rarely got past routing; it tests too little binding.");
    }

    private static List<string> Sensors(string ndjson)
        => ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize<Reading>(line, JsonSerializerOptions.Web)!.Sensor).ToList();

    /// <summary>A route value for <c>{id:int}</c> (a constraint: bad values are 404) or <c>{key}</c> (a Guid parsed by the endpoint: bad values are 400).</summary>
    private static string RouteValue(Random random, bool constrained) => random.Next(8) switch
    {
        < 4 when constrained => random.Next(-5, 500).ToString(System.Globalization.CultureInfo.InvariantCulture),
        < 3 => Guid.NewGuid().ToString(),
        3 => Guid.NewGuid().ToString("N")[..random.Next(1, 31)],
        4 => Uri.EscapeDataString(Noise(random)),
        5 => "99999999999999999999",
        6 => "%C3%28",
        _ => "1.5",
    };

    /// <summary>
    /// A query string whose required <c>count</c> is always missing or malformed, so the only right answers are
    /// 400 (or 404 when routing already refused), and whose other values are often malformed too.
    /// </summary>
    private static string MalformedQuery(Random random)
    {
        string[] names = ["big", "ratio", "price", "flag", "at", "quality", "span", "Count", "", "count[]"];
        string[] notInts = ["1e400", "NaN", "2147483648", "%ZZ%", "1.0", "0x10", "١", "", "1,2"];
        var parts = new List<string>();
        switch (random.Next(3))
        {
            case 0:
                break;
            case 1:
                parts.Add("count=" + notInts[random.Next(notInts.Length)]);
                break;
            default:
                parts.Add("count=" + Uri.EscapeDataString("x" + Noise(random)));
                break;
        }

        for (var i = random.Next(0, 8); i >= 0; i--)
        {
            var name = names[random.Next(names.Length)];
            var value = random.Next(4) switch
            {
                0 => Uri.EscapeDataString(Noise(random)),
                1 => Noise(random).Replace("&", "", StringComparison.Ordinal).Replace("#", "", StringComparison.Ordinal),
                2 => random.Next(4) switch { 0 => "1e400", 1 => "-0", 2 => "NaN", _ => "2147483648" },
                _ => "%ZZ%",
            };
            parts.Insert(random.Next(parts.Count + 1), random.Next(5) == 0 ? name : $"{name}={value}");
        }

        return string.Join(random.Next(6) == 0 ? "&&" : "&", parts);
    }

    private const string AnyNoise = "0123456789abcdefXYZ-+.:,;=/ \t%é日\u0000\u202E\uFFFD'\"<>{}[]|\\^`~!@$*()_";

    // What a client can put in a header at all.
    private const string AsciiNoise = "0123456789abcdefXYZ-+.:,;=/ %'\"<>{}[]|\\^`~!@$*()_";

    private static string Noise(Random random, string alphabet = AnyNoise)
    {
        var length = random.Next(0, 24);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
