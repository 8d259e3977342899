using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Streaming.Generators.SampleTests.Infrastructure;

namespace Streaming.Generators.SampleTests;

/// <summary>
/// The sample's <c>/relay/orders</c> in front of an upstream this test controls (a Kestrel of its own): orders
/// pass through one at a time, a client that leaves cancels the upstream request, and an upstream cut short
/// cuts the relayed response short too.
/// </summary>
public sealed class RelayTests(RelayTests.Upstream upstream) : IClassFixture<RelayTests.Upstream>
{
    private static readonly TimeSpan s_prompt = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Each_order_is_relayed_as_soon_as_the_upstream_sends_it()
    {
        var run = upstream.NewRun();
        using var client = upstream.Sample.CreateClient();
        using var lines = await StreamedLines.OpenAsync(client, $"/relay/orders?after={run.Id}", s_prompt);

        // The upstream has sent one order and waits: the relay must already have passed it on.
        Assert.Equal(run.Id + 1, Id(await lines.NextAsync(s_prompt, "the first order, while the upstream waits")));
        run.Release();
        Assert.Equal(run.Id + 2, Id(await lines.NextAsync(s_prompt, "the second order")));
        await lines.CompleteAsync(s_prompt);
    }

    [Fact]
    public async Task A_client_that_leaves_cancels_the_upstream_request()
    {
        var run = upstream.NewRun();
        using (var client = upstream.Sample.CreateClient())
        using (var lines = await StreamedLines.OpenAsync(client, $"/relay/orders?after={run.Id}", s_prompt))
        {
            Assert.Equal(run.Id + 1, Id(await lines.NextAsync(s_prompt, "the first order")));
        }

        await run.Aborted.Task.WaitAsync(s_prompt);
    }

    [Fact]
    public async Task An_upstream_cut_short_cuts_the_relayed_response_short()
    {
        var run = upstream.NewRun(failAfterFirst: true);
        using var client = upstream.Sample.CreateClient();
        using var lines = await StreamedLines.OpenAsync(client, $"/relay/orders?after={run.Id}", s_prompt);

        Assert.Equal(run.Id + 1, Id(await lines.NextAsync(s_prompt, "the first order")));
        run.Release();
        await Assert.ThrowsAnyAsync<IOException>(() => lines.NextAsync(s_prompt, "the cut"));
    }

    private static long Id(string line) => JsonDocument.Parse(line).RootElement.GetProperty("id").GetInt64();

    /// <summary>
    /// An upstream order API on a port of its own, and the sample relaying from it. Each test's run is told apart
    /// by <c>?after=</c>: the upstream sends order after+1, waits for the test, then sends after+2 (or is cut).
    /// </summary>
    public sealed class Upstream : IAsyncLifetime
    {
        private readonly Dictionary<long, UpstreamRun> _runs = [];
        private WebApplication _app = null!;
        private long _nextRun;

        public SampleServer Sample { get; private set; } = null!;

        public UpstreamRun NewRun(bool failAfterFirst = false)
        {
            lock (_runs)
            {
                var run = new UpstreamRun((_nextRun += 1000), failAfterFirst);
                _runs[run.Id] = run;
                return run;
            }
        }

        public async Task InitializeAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapGet("/orders", ServeAsync);
            await _app.StartAsync();
            var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

            Sample = await SampleServer.StartAsync(new SampleOptions
            {
                SeedRows = 100,
                Settings = new Dictionary<string, string> { ["Relay__Upstream"] = address },
            });
        }

        public async Task DisposeAsync()
        {
            await Sample.DisposeAsync();
            await _app.DisposeAsync();
        }

        private async Task ServeAsync(HttpContext context, long after)
        {
            UpstreamRun run;
            lock (_runs)
            {
                run = _runs[after];
            }

            context.RequestAborted.Register(() => run.Aborted.TrySetResult());
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync(Line(after + 1));
            await context.Response.Body.FlushAsync();
            await run.Released.Task.WaitAsync(context.RequestAborted);
            if (run.FailAfterFirst)
            {
                await context.Response.WriteAsync("{\"id\":");
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            await context.Response.WriteAsync(Line(after + 2));
        }

        private static string Line(long id)
            => $"{{\"id\":{id},\"customerId\":7,\"product\":\"Espresso beans 1 kg\",\"quantity\":1,\"total\":24.90,\"status\":\"Paid\",\"createdAt\":\"2026-11-29T10:00:00Z\"}}\n";
    }

    public sealed class UpstreamRun(long id, bool failAfterFirst)
    {
        public long Id => id;

        public bool FailAfterFirst => failAfterFirst;

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => Released.TrySetResult();
    }
}
