using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests;

/// <summary>
/// <see cref="StreamingOptions.CloseOnAuthenticationExpiration"/> with a real JWT bearer handler: a stream
/// authorized at its start ends when its token expires, SSE cleanly (its client authenticates again and
/// reconnects), other formats aborted; an endpoint can keep its streams open.
/// </summary>
public sealed class AuthenticationExpiryTests(JwtServer server) : IClassFixture<JwtServer>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task An_idle_SSE_stream_ends_cleanly_when_its_token_expires(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        var (expires, response, body) = await OpenAsync($"/auth/sse/{run}", protocol);
        using var _ = response;

        var first = await ReadLineAsync(body);
        Assert.StartsWith("data: ", first, StringComparison.Ordinal);

        // A clean end: the rest of the body reads to its end without an error.
        var rest = await new StreamReader(body).ReadToEndAsync().WaitAsync(Patience);
        var endedAt = DateTimeOffset.UtcNow;

        Assert.DoesNotContain("event: error", rest, StringComparison.Ordinal);
        // The server's timer and this clock may differ by a tick of the system timer.
        Assert.True(endedAt >= expires - TimeSpan.FromMilliseconds(15), $"The stream ended {(expires - endedAt).TotalMilliseconds:F0} ms before its token expired.");
        Assert.True(endedAt - expires < TimeSpan.FromSeconds(5), $"The stream ended {(endedAt - expires).TotalMilliseconds:F0} ms after its token expired.");
        await probe.FinallyRan.Task.WaitAsync(Patience);
        Assert.True(probe.WasCancelled, "The producer's token was not cancelled when the token expired.");
        await AssertCountedAsync("sse");
    }

    [Theory]
    [MemberData(nameof(Protocols.Both), MemberType = typeof(Protocols))]
    public async Task An_NDJSON_stream_is_aborted_when_its_token_expires_never_ended_as_complete(string protocol)
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        var (_, response, body) = await OpenAsync($"/auth/ndjson/{run}", protocol);
        using var __ = response;

        Assert.StartsWith("{", await ReadLineAsync(body), StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<IOException>(() => new StreamReader(body).ReadToEndAsync().WaitAsync(Patience));
        Assert.True(watch.Elapsed < Lifetime + TimeSpan.FromSeconds(5), $"The stream was cut {watch.ElapsedMilliseconds} ms after its first line.");
        await probe.FinallyRan.Task.WaitAsync(Patience);
        await AssertCountedAsync("ndjson");
    }

    [Fact]
    public async Task An_endpoint_that_turns_the_option_off_keeps_streaming_past_the_expiry()
    {
        var (run, probe) = server.Probes.Create();
        probe.Release(1);
        var (expires, response, body) = await OpenAsync($"/auth/sse-kept/{run}", Protocols.Http1);
        using var _ = response;
        await ReadLineAsync(body);

        await Task.Delay(expires - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        probe.Release(1);

        Assert.Equal("", await ReadLineAsync(body));
        Assert.StartsWith("data: ", await ReadLineAsync(body), StringComparison.Ordinal);
        Assert.False(probe.WasCancelled);
    }

    [Fact]
    public async Task Without_a_token_the_stream_is_refused_before_it_starts()
    {
        using var client = server.CreateClient();
        var (run, probe) = server.Probes.Create();

        using var response = await client.GetAsync($"/auth/sse/{run}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(probe.Started.Task.IsCompleted);
    }

    /// <returns>When the token expires (JWT expiry has whole seconds), the response and its body.</returns>
    private async Task<(DateTimeOffset Expires, HttpResponseMessage Response, Stream Body)> OpenAsync(string path, string protocol)
    {
        var token = JwtServer.Token(Lifetime);
        var expires = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).ValidTo;
        var client = server.CreateClient(protocol);
        using var request = client.NewRequest(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Patience);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (new DateTimeOffset(expires, TimeSpan.Zero), response, await response.Content.ReadAsStreamAsync());
    }

    private static async Task<string> ReadLineAsync(Stream body)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await body.ReadAsync(one).AsTask().WaitAsync(Patience) == 1 && one[0] != '\n')
        {
            line.Add(one[0]);
        }

        return System.Text.Encoding.UTF8.GetString(line.ToArray());
    }

    private async Task AssertCountedAsync(string format)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!server.Metrics.Of("streaming.server.duration").Any(m => m.Tag("streaming.outcome") == "authentication_expired" && m.Tag("streaming.format") == format))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {format} stream was counted as authentication_expired.");
            await Task.Delay(20);
        }
    }
}
