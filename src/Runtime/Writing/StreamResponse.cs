using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Streaming;

/// <summary>
/// Writes a sequence to an HTTP response as it is produced. Generated endpoints call this; it can also be
/// called by hand from any endpoint with a generated formatter.
/// </summary>
/// <remarks>
/// Flush policy: bytes are flushed whenever the producer makes the writer wait (its <c>MoveNextAsync</c>
/// did not complete synchronously) and whenever the buffered bytes pass
/// <see cref="StreamingOptions.FlushThresholdBytes"/>. Nothing is written before the first item or the first
/// wait, so an exception thrown before then takes the ordinary error path (500). An exception after that
/// either ends the stream with the format's failure record (SSE) or aborts the response, so that no client
/// mistakes a partial body for a complete one. A client that goes away cancels the producer's token and
/// disposes its enumerator, logged at Information.
/// </remarks>
public static class StreamResponse
{
    /// <summary>Streams <paramref name="items"/> to the response in the format of <paramref name="formatter"/>.</summary>
    public static async Task WriteAsync<T>(HttpContext context, IAsyncEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);

        var options = StreamingOptions.For(context);
        var output = context.Response.BodyWriter;
        var aborted = context.RequestAborted;
        var opened = false;
        long count = 0;

        formatter.PrepareResponse(context.Response);
        var enumerator = items.GetAsyncEnumerator(aborted);
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var next = enumerator.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // The producer makes us wait: whatever we hold goes out now.
                    Open(formatter, output, ref opened);
                    if (output.UnflushedBytes > 0 && !await FlushWhileProducerRunsAsync(output, next))
                    {
                        await DrainAsync(next);
                        break;
                    }

                    // An idle stream may owe its client a heartbeat (SSE) while it waits.
                    next = IdleHeartbeat.WhilePending(next, formatter, output);
                }

                if (!await next)
                {
                    break;
                }

                Open(formatter, output, ref opened);
                formatter.WriteItem(output, enumerator.Current);
                count++;
                if (output.UnflushedBytes >= options.FlushThresholdBytes && !await FlushAsync(output))
                {
                    break;
                }
            }

            await CompleteAsync(context, formatter, output, opened, count);
        }
        catch (Exception) when (!context.Response.HasStarted && !aborted.IsCancellationRequested)
        {
            // Nothing is on the wire: let the application's error handling answer (500, ProblemDetails …).
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(context, formatter, output, exception, count);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    /// <summary>Streams <paramref name="items"/> to the response in the format of <paramref name="formatter"/>.</summary>
    /// <remarks>
    /// A synchronous producer gives no sign that it is about to block, so the writer flushes after every item
    /// that took longer than a millisecond to produce, and at the byte threshold. Prefer
    /// <see cref="IAsyncEnumerable{T}"/> for sources that wait on I/O.
    /// </remarks>
    public static async Task WriteAsync<T>(HttpContext context, IEnumerable<T> items, StreamFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(formatter);

        var options = StreamingOptions.For(context);
        var output = context.Response.BodyWriter;
        var aborted = context.RequestAborted;
        var slowItem = Stopwatch.Frequency / 1000;
        var opened = false;
        long count = 0;

        formatter.PrepareResponse(context.Response);
        var enumerator = items.GetEnumerator();
        try
        {
            while (!aborted.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                if (!enumerator.MoveNext())
                {
                    break;
                }

                var waited = Stopwatch.GetTimestamp() - started >= slowItem;
                Open(formatter, output, ref opened);
                formatter.WriteItem(output, enumerator.Current);
                count++;
                if ((waited || output.UnflushedBytes >= options.FlushThresholdBytes) && !await FlushAsync(output))
                {
                    break;
                }
            }

            await CompleteAsync(context, formatter, output, opened, count);
        }
        catch (Exception) when (!context.Response.HasStarted && !aborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(context, formatter, output, exception, count);
        }
        finally
        {
            enumerator.Dispose();
        }
    }

    private static void Open<T>(StreamFormatter<T> formatter, PipeWriter output, ref bool opened)
    {
        if (!opened)
        {
            formatter.WriteStart(output);
            opened = true;
        }
    }

    private static async ValueTask CompleteAsync<T>(HttpContext context, StreamFormatter<T> formatter, PipeWriter output, bool opened, long count)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            StreamLog.ClientDisconnected(Logger(context), Route(context), count);
            return;
        }

        Open(formatter, output, ref opened);
        formatter.WriteEnd(output);
        await FlushAsync(output);
    }

    private static async ValueTask FailAsync<T>(HttpContext context, StreamFormatter<T> formatter, PipeWriter output, Exception exception, long count)
    {
        var logger = Logger(context);
        if (context.RequestAborted.IsCancellationRequested)
        {
            StreamLog.ClientDisconnected(logger, Route(context), count);
            return;
        }

        StreamLog.StreamFailed(logger, exception, Route(context), count);
        var includeDetails = context.RequestServices?.GetService<IWebHostEnvironment>()?.IsDevelopment() == true;
        if (formatter.TryWriteFailure(output, exception, includeDetails) && await FlushAsync(output))
        {
            return;
        }

        // No closing chunk, no END_STREAM: every client sees a truncated body, never a complete one.
        context.Abort();
    }

    /// <summary>Flushes while the producer's pending <c>MoveNextAsync</c> keeps running.</summary>
    private static async ValueTask<bool> FlushWhileProducerRunsAsync(PipeWriter output, ValueTask<bool> pending)
    {
        try
        {
            return await FlushAsync(output);
        }
        catch
        {
            // Never leave the producer running unobserved: wait for it before the enumerator is disposed.
            await DrainAsync(pending);
            throw;
        }
    }

    /// <summary>Flushes; <see langword="false"/> when the client has gone away.</summary>
    private static async ValueTask<bool> FlushAsync(PipeWriter output)
    {
        var result = await output.FlushAsync();
        return !result.IsCompleted && !result.IsCanceled;
    }

    private static async ValueTask DrainAsync(ValueTask<bool> pending)
    {
        try
        {
            await pending;
        }
        catch
        {
            // The stream is already ending; the producer's own failure adds nothing.
        }
    }

    private static ILogger Logger(HttpContext context)
        => context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("Streaming.StreamResponse") ?? NullLogger.Instance;

    private static string Route(HttpContext context) => context.GetEndpoint()?.DisplayName ?? context.Request.Path.Value ?? "";
}
