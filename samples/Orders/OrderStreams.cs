using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Streaming;

namespace Orders;

/// <summary>The sample's streamed endpoints: rows go out as the database reader produces them.</summary>
public static class OrderStreams
{
    /// <summary>Every order, oldest first, as NDJSON. <c>?limit=</c> caps the count.</summary>
    [Stream(Format.NdJson, "/orders")]
    public static async IAsyncEnumerable<Order> All(OrderDatabase db, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = db.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, product, quantity, total, status, created_at FROM orders ORDER BY id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit ?? -1);
        await foreach (var order in Read(command, cancellationToken))
        {
            yield return order;
        }
    }

    /// <summary>One customer's orders as NDJSON.</summary>
    [Stream(Format.NdJson, "/customers/{customerId:int}/orders")]
    public static async IAsyncEnumerable<Order> ForCustomer(int customerId, OrderDatabase db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = db.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, product, quantity, total, status, created_at FROM orders WHERE customer_id = $customer ORDER BY id";
        command.Parameters.AddWithValue("$customer", customerId);
        await foreach (var order in Read(command, cancellationToken))
        {
            yield return order;
        }
    }

    /// <summary>One customer's orders as a CSV file for spreadsheets: <c>;</c>-separated, with a byte order mark.</summary>
    [Stream(Format.Csv, "/customers/{customerId:int}/orders.csv", CsvDelimiter = ';', CsvByteOrderMark = true)]
    public static IAsyncEnumerable<Order> ExportForCustomer(int customerId, OrderDatabase db, CancellationToken cancellationToken)
        => ForCustomer(customerId, db, cancellationToken);

    /// <summary>
    /// A live feed of orders as Server-Sent Events, one every <c>?intervalMs=</c> (250 by default), each with its id
    /// as the event id. A client that reconnects sends the last id it saw as <c>Last-Event-ID</c> and the feed
    /// resumes after it: an <c>EventSource</c> in a browser does this by itself.
    /// </summary>
    [Stream(Format.Sse, "/orders/live")]
    public static async IAsyncEnumerable<SseItem<Order>> Live(
        OrderDatabase db,
        [FromHeader(Name = "Last-Event-ID")] long? lastEventId,
        int? intervalMs,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = db.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, customer_id, product, quantity, total, status, created_at FROM orders WHERE id > $after ORDER BY id";
        command.Parameters.AddWithValue("$after", lastEventId ?? 0);
        await foreach (var order in Read(command, cancellationToken))
        {
            await Task.Delay(intervalMs ?? 250, cancellationToken);
            yield return new SseItem<Order>(order, "order") { EventId = order.Id.ToString(CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>A plain-text report of one customer's orders, written line by line as the rows are read.</summary>
    [Stream(Format.Text, "/customers/{customerId:int}/report.txt")]
    public static async IAsyncEnumerable<string> Report(int customerId, OrderDatabase db, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return $"Orders of customer {customerId}\n";
        await foreach (var order in ForCustomer(customerId, db, cancellationToken))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{order.CreatedAt:yyyy-MM-dd}  #{order.Id,-8} {order.Quantity} x {order.Product,-22} {order.Total,10:F2}  {order.Status}\n");
        }
    }

    private static async IAsyncEnumerable<Order> Read(SqliteCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Order(
                reader.GetInt64(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetInt32(3),
                decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                (OrderStatus)reader.GetInt32(5),
                DateTime.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
        }
    }
}
