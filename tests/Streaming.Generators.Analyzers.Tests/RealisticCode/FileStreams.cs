// [Stream] methods over files, HTTP and ADO.NET done right: async reads, the token flowed everywhere.
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Streaming;

namespace Files;

public sealed record LogLine(int Number, string Text);

public static class FileStreams
{
    [Stream(Format.NdJson, "/logs")]
    public static async IAsyncEnumerable<LogLine> Log(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return new LogLine(++number, line);
        }
    }

    [Stream(Format.NdJson, "/upstream")]
    public static async IAsyncEnumerable<Order> Upstream(HttpClient http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var body = await http.GetStreamAsync("https://upstream.example/orders", cancellationToken);
        await foreach (var order in JsonSerializer.DeserializeAsyncEnumerable<Order>(body, JsonSerializerOptions.Web, cancellationToken))
        {
            if (order is not null)
            {
                yield return order;
            }
        }
    }

    [Stream(Format.NdJson, "/rows")]
    public static async IAsyncEnumerable<Order> Rows(DbConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, product FROM orders";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Order { Id = reader.GetInt32(0), Product = reader.GetString(1) };
        }
    }

    [Stream(Format.NdJson, "/numbers")]
    public static IEnumerable<LogLine> Numbers(int count)
    {
        var buffer = new List<LogLine>();
        for (var i = 0; i < count; i++)
        {
            buffer.Add(new LogLine(i, i.ToString()));
        }

        foreach (var line in buffer.ToArray())
        {
            yield return line;
        }
    }
}
