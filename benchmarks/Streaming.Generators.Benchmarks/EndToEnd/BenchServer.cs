using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Streaming.Generators.Benchmarks.Model;

namespace Streaming.Generators.Benchmarks.EndToEnd;

/// <summary>
/// The server side of the end-to-end runs, in a process of its own so that its allocations and memory are
/// counted apart from the client's: Kestrel on 127.0.0.1, our generated endpoints, the built-in ones they are
/// compared with, and <c>/_stats</c>, which reports the process's allocations and memory.
/// </summary>
public static class BenchServer
{
    /// <summary>
    /// The line the server prints on standard output once it listens, followed by its HTTP/1.1 address and its
    /// HTTP/2 address (cleartext, prior knowledge: h2c), separated by a space.
    /// </summary>
    public const string ReadyLine = "listening ";

    /// <param name="profileAllocations">Samples what the server allocates, for <c>/_allocations</c>.</param>
    /// <param name="detector">Puts <c>UseBufferedResponseDetection()</c> in the pipeline, in front of every endpoint.</param>
    public static async Task<int> RunAsync(bool profileAllocations, bool detector = false)
    {
        using var sampler = profileAllocations ? new AllocationSampler() : null;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        ListenOptions? http1 = null, http2 = null;
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, options => http1 = options);
            kestrel.Listen(IPAddress.Loopback, 0, options => (http2 = options).Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();

        await using var app = builder.Build();
        if (detector)
        {
            app.UseBufferedResponseDetection();
        }

        app.MapStreamEndpoints();
        MapBuiltIns(app);
        app.MapGet("/_stats", Stats);
        app.MapGet("/_allocations", () => sampler?.TakeReport() ?? "start the server with --profile-allocations\n");
        await app.StartAsync();

        // Kestrel writes the port each listener was given back into its options.
        Console.WriteLine($"{ReadyLine}http://{http1!.IPEndPoint} http://{http2!.IPEndPoint}");

        // The parent closes our standard input when it is done (or dies): that is the signal to stop.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }

    /// <summary>What ASP.NET Core offers without us, serving the same producers.</summary>
    private static void MapBuiltIns(WebApplication app)
    {
        // An ordinary JSON endpoint, the kind most responses come from: a list built first, then serialized.
        var lists = new ConcurrentDictionary<int, Order[]>();
        app.MapGet("/json/orders", (int count) => TypedResults.Json(lists.GetOrAdd(count, n => SampleData.Orders[..n]), BenchJsonContext.Default.OrderArray));

        // A minimal API that returns IAsyncEnumerable<T>: JSON array through JsonSerializer, metadata by reflection.
        app.MapGet("/builtin/array", (int count, bool wait, CancellationToken ct) => Producers.Orders(count, wait, ct));

        // The same with System.Text.Json's source-generated metadata.
        app.MapGet("/builtin-sg/array", (int count, bool wait, CancellationToken ct)
            => TypedResults.Json(Producers.Orders(count, wait, ct), BenchJsonContext.Default.IAsyncEnumerableOrder));

        // .NET 11's JSON Lines: System.Text.Json 11 writes each item and a line feed straight to the response's PipeWriter.
        app.MapGet("/net11/jsonl", (HttpContext context, int count, bool wait, CancellationToken ct) =>
        {
            context.Response.ContentType = "application/jsonl; charset=utf-8";
            return JsonSerializer.SerializeAsyncEnumerable(context.Response.BodyWriter, Producers.Orders(count, wait, ct), BenchJsonContext.Default.Order, topLevelValues: true, ct);
        });

        // The least an idle event stream can cost: one event written by hand, then the request waits. What Kestrel holds per stream.
        app.MapGet("/floor/sse-idle", (HttpContext context, CancellationToken ct) => IdleFloorAsync(context, proxyHeader: false, ct));

        // The same, telling proxies not to buffer as every event stream behind nginx must: Kestrel keeps a header it
        // has no field for in a dictionary of its own.
        app.MapGet("/floor/sse-idle-header", (HttpContext context, CancellationToken ct) => IdleFloorAsync(context, proxyHeader: true, ct));

        // ASP.NET Core's own Server-Sent Events result.
        app.MapGet("/builtin/sse", (int count, bool wait, CancellationToken ct)
            => TypedResults.ServerSentEvents(Producers.Orders(count, wait, ct)));

        app.MapGet("/builtin/sse-idle", (CancellationToken ct) => TypedResults.ServerSentEvents(Producers.OneThenIdle(ct)));

        app.MapGet("/builtin/ticks/array", (int count, CancellationToken ct) => Producers.Ticks(count, ct));
        app.MapGet("/builtin/ticks/sse", (int count, CancellationToken ct) => TypedResults.ServerSentEvents(Producers.Ticks(count, ct)));
    }

    private static async Task IdleFloorAsync(HttpContext context, bool proxyHeader, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream";
        if (proxyHeader)
        {
            context.Response.Headers["X-Accel-Buffering"] = "no";
        }

        await context.Response.BodyWriter.WriteAsync("data: {}\n\n"u8.ToArray(), ct);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }

    /// <summary>
    /// <c>key=value</c> lines: bytes allocated by the whole process so far (precise), GC counts, CPU time used by
    /// the process (user and system, microseconds), resident and peak memory; with <c>?gc=true</c> after a full blocking compacting collection, with the managed heap size.
    /// With <c>?resetPeak=true</c> the kernel's peak resident size is reset afterwards.
    /// </summary>
    private static string Stats(bool? gc, bool? resetPeak)
    {
        long heap = -1;
        if (gc == true)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            heap = GC.GetTotalMemory(forceFullCollection: false);
        }

        var (rss, peak) = ProcMemory.Read();
        var text = string.Create(CultureInfo.InvariantCulture,
            $"allocated={GC.GetTotalAllocatedBytes(precise: true)}\ngen0={GC.CollectionCount(0)}\ngen1={GC.CollectionCount(1)}\ngen2={GC.CollectionCount(2)}\ncpu={(long)Environment.CpuUsage.TotalTime.TotalMicroseconds}\nrss={rss}\npeak={peak}\nheap={heap}\nserverGc={GCSettings.IsServerGC}\n");
        if (resetPeak == true)
        {
            ProcMemory.ResetPeak();
        }

        return text;
    }
}

/// <summary>Resident and peak resident memory of a process (by default this one), from <c>/proc</c> (Linux).</summary>
internal static class ProcMemory
{
    public static (long Rss, long Peak) Read(string process = "self")
    {
        long rss = -1, peak = -1;
        foreach (var line in File.ReadLines($"/proc/{process}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }

        return (rss, peak);
    }

    /// <summary>Resets the peak resident size (VmHWM) to the current one (Linux 4.0+).</summary>
    public static void ResetPeak(string process = "self") => File.WriteAllText($"/proc/{process}/clear_refs", "5");

    private static long Kilobytes(string line)
        => long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
}
