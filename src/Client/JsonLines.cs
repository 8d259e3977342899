using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;

namespace Streaming.Client;

/// <summary>
/// Reads newline-delimited JSON (NDJSON, JSON Lines) from a stream: one item per line, yielded as soon as its
/// line is complete. Lines may be split across reads in any way; <c>\r\n</c> and a last line without <c>\n</c>
/// are accepted and blank lines skipped. Items are deserialized from the UTF-8 bytes where they lie in the
/// pipe's buffer, never through a string.
/// </summary>
internal static class JsonLines
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Reads the body of <paramref name="response"/> to its end, then checks its completion trailers; a failed
    /// read (a truncated body) throws from the enumerator.
    /// </summary>
    public static async IAsyncEnumerable<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> jsonTypeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: BufferSize, minimumReadSize: BufferSize / 4, leaveOpen: false));
        long items = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, out var line))
                {
                    if (!IsBlank(line))
                    {
                        items++;
                        yield return Deserialize(line, jsonTypeInfo);
                    }
                }

                if (result.IsCompleted)
                {
                    // The body ended without a last line break: what remains is the last line.
                    if (!IsBlank(buffer))
                    {
                        items++;
                        yield return Deserialize(buffer, jsonTypeInfo);
                    }

                    break;
                }

                // Everything before the start of the unfinished line is consumed; all of it was examined.
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }

        CompletionTrailers.Check(response, items);
    }

    /// <summary>Takes the next line (without its line break) off the front of <paramref name="buffer"/>.</summary>
    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        if (buffer.IsSingleSegment)
        {
            var index = buffer.FirstSpan.IndexOf((byte)'\n');
            if (index < 0)
            {
                line = default;
                return false;
            }

            line = buffer.Slice(0, index);
            buffer = buffer.Slice(index + 1);
            return true;
        }

        var position = buffer.PositionOf((byte)'\n');
        if (position is not { } end)
        {
            line = default;
            return false;
        }

        line = buffer.Slice(0, end);
        buffer = buffer.Slice(buffer.GetPosition(1, end));
        return true;
    }

    /// <summary>A line of nothing but JSON whitespace (which includes the <c>\r</c> of a <c>\r\n</c>).</summary>
    private static bool IsBlank(in ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan.IndexOfAnyExcept(" \t\r"u8) < 0;
        }

        foreach (var segment in line)
        {
            if (segment.Span.IndexOfAnyExcept(" \t\r"u8) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One line's item; the whole line must be that one JSON value (a trailing <c>\r</c> is whitespace to JSON).</summary>
    private static T? Deserialize<T>(in ReadOnlySequence<byte> line, JsonTypeInfo<T> jsonTypeInfo)
    {
        if (line.IsSingleSegment)
        {
            return JsonSerializer.Deserialize(line.FirstSpan, jsonTypeInfo);
        }

        var reader = new Utf8JsonReader(line);
        var item = JsonSerializer.Deserialize(ref reader, jsonTypeInfo);

        // Anything but whitespace after the value throws here, as the single-span overload does.
        reader.Read();
        return item;
    }
}
