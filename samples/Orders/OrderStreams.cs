using System.Globalization;
using System.Runtime.CompilerServices;
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
