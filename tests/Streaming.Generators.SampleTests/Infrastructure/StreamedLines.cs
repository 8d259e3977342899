using System.Text;
using System.Text.Json;

namespace Streaming.Generators.SampleTests.Infrastructure;

/// <summary>Reads a streamed response line by line as it arrives, with a deadline on each line.</summary>
public sealed class StreamedLines(HttpResponseMessage response, Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    public HttpResponseMessage Response => response;

    /// <summary>Sends a GET and returns once the response headers are in, failing after <paramref name="headersWithin"/>.</summary>
    public static async Task<StreamedLines> OpenAsync(HttpClient client, string path, TimeSpan? headersWithin = null)
    {
        var timeout = headersWithin ?? TimeSpan.FromSeconds(10);
        using var deadline = new CancellationTokenSource(timeout);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (TaskCanceledException)
        {
            Assert.Fail($"The response headers of {path} did not arrive within {timeout}.");
            throw;
        }

        response.EnsureSuccessStatusCode();
        return new StreamedLines(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next line, or a failure naming what did not arrive within <paramref name="timeout"/>.</summary>
    public async Task<string> NextAsync(TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var line = await _reader.ReadLineAsync(deadline.Token);
            Assert.True(line is not null, $"The stream ended before {what}.");
            return line;
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{what} did not arrive within {timeout}.");
            throw;
        }
    }

    /// <summary>Waits for the stream to end (cleanly or cut off); fails if it is still open after <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan> EndAsync(TimeSpan timeout)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await _reader.ReadLineAsync(deadline.Token) is not null)
            {
            }
        }
        catch (IOException)
        {
            // Cut off mid-response: ended all the same.
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The stream was still open after {timeout}.");
        }

        return started.Elapsed;
    }

    /// <summary>Reads the end of a complete body: no further line, and no cut (which would throw).</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        Assert.Null(await _reader.ReadLineAsync(deadline.Token));
    }

    public async Task<JsonElement> NextJsonAsync(TimeSpan timeout, string what)
        => JsonDocument.Parse(await NextAsync(timeout, what)).RootElement;

    /// <summary>The ids of the next <paramref name="count"/> lines, each a JSON object with an <c>id</c>.</summary>
    public async Task<IReadOnlyList<long>> NextIdsAsync(int count, TimeSpan timeout, string what)
    {
        var ids = new List<long>();
        for (var i = 1; i <= count; i++)
        {
            ids.Add((await NextJsonAsync(timeout, $"{what} ({i} of {count})")).GetProperty("id").GetInt64());
        }

        return ids;
    }

    /// <summary>
    /// The next Server-Sent Events block (up to a blank line): its event type, id and data, or — for a heartbeat —
    /// only its comment.
    /// </summary>
    public async Task<SseBlock> NextEventAsync(TimeSpan timeout, string what)
    {
        var block = new SseBlock();
        while (await NextAsync(timeout, what) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            block = field switch
            {
                "" => block with { Comment = value },
                "event" => block with { Type = value },
                "id" => block with { Id = value },
                "data" => block with { Data = block.Data is null ? value : $"{block.Data}\n{value}" },
                _ => block,
            };
        }

        return block;
    }

    /// <summary>The next <paramref name="count"/> Server-Sent Events blocks.</summary>
    public async Task<IReadOnlyList<SseBlock>> NextEventsAsync(int count, TimeSpan timeout, string what)
    {
        var blocks = new List<SseBlock>();
        for (var i = 1; i <= count; i++)
        {
            blocks.Add(await NextEventAsync(timeout, $"{what} ({i} of {count})"));
        }

        return blocks;
    }

    public void Dispose()
    {
        _reader.Dispose();
        response.Dispose();
    }
}

/// <summary>One block of a Server-Sent Events stream.</summary>
public sealed record SseBlock(string? Type = null, string? Id = null, string? Data = null, string? Comment = null);
