using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Streaming.Generated.Streaming.Generators.IntegrationTests.Streams;

namespace Streaming.Generators.IntegrationTests.Streams;

/// <summary>Endpoints that call <see cref="StreamResponse"/> by hand, as an application may.</summary>
public static class ByHandEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/by-hand/readings", (HttpContext context, int count) =>
            StreamResponse.WriteAsync(context, Enumerable.Range(0, count).Select(Reading.Create), new NdJsonFormatter<Reading, ReadingJsonWriter>()));

        app.MapGet("/by-hand/failure-record", (HttpContext context) =>
            StreamResponse.WriteAsync(context, OneThenFail(), new FailureRecordFormatter()));
    }

    private static async IAsyncEnumerable<Reading> OneThenFail()
    {
        await Task.Yield();
        yield return Reading.Create(0);
        await Task.Delay(10);
        throw new InvalidOperationException("The sensor went offline.");
    }
}

/// <summary>NDJSON with an in-band failure record, as SSE has: it shows what the runtime lets a format say about a failure.</summary>
internal sealed class FailureRecordFormatter : JsonFormatter<Reading, ReadingJsonWriter>
{
    public override string ContentType => "application/x-ndjson";

    public override void WriteItem(IBufferWriter<byte> output, Reading item)
    {
        WriteJson(output, item);
        output.Write("\n"u8);
    }

    public override bool TryWriteFailure(IBufferWriter<byte> output, Exception exception, bool includeDetails)
    {
        output.Write(Encoding.UTF8.GetBytes($"error: {(includeDetails ? exception.Message : "details hidden")}\n"));
        return true;
    }
}
