using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Orders.Data;

/// <summary>
/// The orders database, in plain ADO.NET. The queries are the same SQL on SQLite and PostgreSQL; a subclass
/// opens connections, creates and seeds the schema, and converts what the two store differently (SQLite keeps
/// decimals and timestamps as text).
/// </summary>
public abstract class OrderStore
{
    private const string SelectOrders = """
        SELECT o.id, o.customer_id, p.name, o.quantity, o.total, o.status, o.created_at
        FROM orders o JOIN products p ON p.id = o.product_id
        """;

    /// <summary>Creates the schema and, when it is empty, seeds the catalogue and <paramref name="orders"/> orders.</summary>
    public abstract Task EnsureSeededAsync(int orders, CancellationToken cancellationToken);

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract DateTime ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>A value as this database stores it; the base class passes it on as it is.</summary>
    protected virtual object ToDbValue(object value) => value;

    /// <summary>Orders with an id above <paramref name="afterId"/>, oldest first, read as they are sent.</summary>
    public IAsyncEnumerable<Order> OrdersAsync(long afterId, long? limit, CancellationToken cancellationToken)
        => QueryAsync(
            $"{SelectOrders} WHERE o.id > @after ORDER BY o.id LIMIT @limit",
            [("after", afterId), ("limit", limit ?? long.MaxValue)],
            cancellationToken);

    /// <summary>One customer's orders, oldest first.</summary>
    public IAsyncEnumerable<Order> CustomerOrdersAsync(int customerId, CancellationToken cancellationToken)
        => QueryAsync(
            $"{SelectOrders} WHERE o.customer_id = @customer ORDER BY o.id",
            [("customer", customerId)],
            cancellationToken);

    /// <summary>The catalogue, as the database holds it.</summary>
    public async IAsyncEnumerable<Product> ProductsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT id, name, price FROM products ORDER BY id", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Product(reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2));
        }
    }

    public async Task<long> LastOrderIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT COALESCE(MAX(id), 0) FROM orders", []);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Places an order at the catalogue price.</summary>
    public async Task<Order> PlaceAsync(Product product, int customerId, int quantity, DateTime now, CancellationToken cancellationToken)
    {
        var total = product.Price * quantity;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, """
            INSERT INTO orders (customer_id, product_id, quantity, total, status, created_at)
            VALUES (@customer, @product, @quantity, @total, @status, @created)
            RETURNING id
            """,
            [
                ("customer", customerId), ("product", product.Id), ("quantity", quantity), ("total", total),
                ("status", (int)OrderStatus.Pending), ("created", now),
            ]);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        return new Order(id, customerId, product.Name, quantity, total, OrderStatus.Pending, now);
    }

    private async IAsyncEnumerable<Order> QueryAsync(
        string sql, (string Name, object Value)[] parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Order(
                reader.GetInt64(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetDecimal(4),
                (OrderStatus)reader.GetInt32(5),
                ReadTimestamp(reader, 6));
        }
    }

    private DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = ToDbValue(value);
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
