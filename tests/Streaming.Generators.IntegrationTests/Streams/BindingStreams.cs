using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Streaming.Generators.IntegrationTests.Infrastructure;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>What <see cref="BindingStreams.Echo"/> received, sent back as its only item.</summary>
public sealed record BindingEcho(
    int Id,
    string Slug,
    int Count,
    long? Big,
    double Ratio,
    decimal Price,
    bool Flag,
    Guid Key,
    DateTimeOffset At,
    ReadingQuality Quality,
    string Tenant,
    string? Note,
    string Method,
    string Path,
    bool TokenIsRequestAborted,
    int ArchiveSize);

public sealed record ReadingQuery(int From, int Count);

/// <summary>A service the streams take as a parameter.</summary>
public sealed class ReadingArchive
{
    public int Size => 42;
}

/// <summary>Parameters from every source a stream can bind.</summary>
public static class BindingStreams
{
    [Stream(Format.NdJson, "/binding/{id:int}/{slug}")]
    public static IEnumerable<BindingEcho> Echo(
        int id,
        string slug,
        int count,
        long? big,
        double ratio,
        decimal price,
        bool flag,
        Guid key,
        DateTimeOffset at,
        ReadingQuality quality,
        [FromHeader(Name = "X-Tenant")] string tenant,
        HttpContext context,
        HttpRequest request,
        CancellationToken token,
        ReadingArchive archive,
        string? note = null)
    {
        yield return new BindingEcho(
            id, slug, count, big, ratio, price, flag, key, at, quality, tenant, note,
            request.Method, context.Request.Path.Value!, token == context.RequestAborted && token.CanBeCanceled, archive.Size);
    }

    /// <summary>Readings chosen by a JSON body.</summary>
    [Stream(Format.NdJson, "/readings/query", Method = "POST")]
    public static async IAsyncEnumerable<Reading> Query([FromBody] ReadingQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = query.From; i < query.From + query.Count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return Reading.Create(i);
        }
    }

    /// <summary>A target for malformed input: a constrained and an unconstrained route value, and typed query values.</summary>
    [Stream(Format.NdJson, "/fuzz/{id:int}/{key}")]
    public static IEnumerable<Reading> Fuzz(
        int id,
        Guid key,
        int count,
        long? big,
        double? ratio,
        decimal? price,
        bool? flag,
        DateTimeOffset? at,
        ReadingQuality? quality,
        TimeSpan? span,
        [FromHeader(Name = "X-Limit")] int? limit)
    {
        yield return Reading.Create(id);
    }
}

/// <summary>Instance methods: the endpoint creates the class per request from DI and disposes it afterwards.</summary>
public sealed class InstanceStreams(ProducerProbes probes) : IAsyncDisposable
{
    private static int s_created;
    private readonly int _instance = Interlocked.Increment(ref s_created);
    private string? _run;

    [Stream(Format.NdJson, "/instance/{run}")]
    public IAsyncEnumerable<Reading> Items(string run)
    {
        _run = run;
        return Produce();
    }

    public ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            probes[_run].InstanceDisposed.TrySetResult();
        }

        return default;
    }

    private async IAsyncEnumerable<Reading> Produce()
    {
        for (var i = 0; i < 2; i++)
        {
            await Task.Yield();
            yield return Reading.Create(i) with { Sensor = $"instance-{_instance}" };
        }
    }
}
