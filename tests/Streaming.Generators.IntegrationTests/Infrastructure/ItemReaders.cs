using System.Text;

namespace Streaming.Generators.IntegrationTests.Infrastructure;

/// <summary>Line-delimited items (NDJSON, CSV records, the text test streams' lines).</summary>
public sealed class LineReader(Stream body, int skipLines = 0) : IItemReader
{
    private readonly StreamReader _reader = new(body);
    private int _skip = skipLines;

    public async Task<string?> ReadItemAsync(CancellationToken cancellationToken)
    {
        for (; _skip > 0; _skip--)
        {
            await _reader.ReadLineAsync(cancellationToken);
        }

        return await _reader.ReadLineAsync(cancellationToken);
    }
}

/// <summary>
/// The elements of a JSON array as they arrive. An object or array element is complete at its closing bracket
/// (the comma before the next one is only written with the next one); a scalar at the comma or <c>]</c> after it.
/// </summary>
public sealed class JsonArrayReader(Stream body) : IItemReader
{
    private readonly StreamReader _reader = new(body);
    private readonly char[] _one = new char[1];
    private bool _opened;
    private bool _closed;

    public async Task<string?> ReadItemAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return null;
        }

        if (!_opened)
        {
            var first = await NextAsync(cancellationToken);
            if (first != '[')
            {
                throw new InvalidDataException($"A JSON array starts with '[', not '{first}'.");
            }

            _opened = true;
        }

        var item = new StringBuilder();
        var depth = 0;
        var inString = false;
        var escaped = false;
        while (true)
        {
            var c = await NextAsync(cancellationToken) ?? throw new InvalidDataException($"The array ended without ']' after '{item}'.");
            if (inString)
            {
                inString = escaped || c != '"';
                escaped = !escaped && c == '\\';
                item.Append(c);
                continue;
            }

            if (depth == 0 && c is ',' or ']')
            {
                _closed = c == ']';
                if (item.Length > 0)
                {
                    return item.ToString();
                }

                if (_closed)
                {
                    return null;
                }

                continue;
            }

            item.Append(c);
            inString = c == '"';
            depth += c is '{' or '[' ? 1 : c is '}' or ']' ? -1 : 0;
            if (depth == 0 && c is '}' or ']')
            {
                return item.ToString();
            }
        }
    }

    private async Task<char?> NextAsync(CancellationToken cancellationToken)
        => await _reader.ReadAsync(_one, cancellationToken) == 0 ? null : _one[0];
}

/// <summary>Server-Sent Events: each event's data, with its type kept in <see cref="EventType"/>.</summary>
public sealed class SseEventReader(Stream body) : IItemReader
{
    private readonly StreamReader _reader = new(body);

    /// <summary>The type of the event last read (<c>message</c> unless it said otherwise).</summary>
    public string EventType { get; private set; } = "message";

    public async Task<string?> ReadItemAsync(CancellationToken cancellationToken)
    {
        var data = new List<string>();
        var type = "message";
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count == 0)
                {
                    continue;
                }

                EventType = type;
                return string.Join('\n', data);
            }

            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
        }

        return null;
    }
}
