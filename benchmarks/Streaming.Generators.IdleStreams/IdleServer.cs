using System.Diagnostics;
using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Streaming;

namespace Streaming.Generators.IdleStreams;

/// <summary>A live feed that sends one event and then waits, as most feeds do between events, and a request that takes no time.</summary>
public static class IdleServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The listen backlog must take a burst of connections; the kernel caps it at net.core.somaxconn.
        builder.WebHost.UseSockets(sockets => sockets.Backlog = 65_535);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture)));
        builder.Services.AddStreaming(o => o.SseHeartbeatInterval = TimeSpan.FromSeconds(15));

        var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        app.MapGet("/stats", () =>
        {
            using var process = Process.GetCurrentProcess();
            var gc = GC.GetGCMemoryInfo();
            return $"live_managed_after_full_gc={GC.GetTotalMemory(true)} committed={gc.TotalCommittedBytes} rss={process.WorkingSet64} threads={process.Threads.Count} gc_mode={(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}";
        });
        app.MapStreamEndpoints();
        await app.StartAsync();
        Console.WriteLine("ready");
        await app.WaitForShutdownAsync();
        return 0;
    }
}

public sealed record Hello(long Id);

public static class IdleFeed
{
    [Stream(Format.Sse, "/idle")]
    public static async IAsyncEnumerable<SseItem<Hello>> Idle([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<Hello>(new Hello(1)) { EventId = "1" };
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
