using Microsoft.Extensions.DependencyInjection;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>A server whose SSE streams send a heartbeat after <see cref="Interval"/> of idle, short enough to test.</summary>
public sealed class HeartbeatServer : StreamingServer
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    protected override void ConfigureServices(IServiceCollection services)
        => services.Configure<StreamingOptions>(options => options.SseHeartbeatInterval = Interval);
}

[CollectionDefinition(Name)]
public sealed class HeartbeatServerCollection : ICollectionFixture<HeartbeatServer>
{
    public const string Name = "Kestrel with short SSE heartbeats";
}
