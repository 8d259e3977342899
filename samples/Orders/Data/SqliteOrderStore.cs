using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orders.Data;

/// <summary>The embedded database: one SQLite file, created and seeded on first start.</summary>
public sealed class SqliteOrderStore(string path, ILogger<SqliteOrderStore> logger) : OrderStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override Task EnsureSeededAsync(int orders, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Write-ahead logging lets the live feeds read while an order is being placed.
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS products (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                price TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS orders (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL,
                product_id INTEGER NOT NULL REFERENCES products (id),
                quantity INTEGER NOT NULL,
                total TEXT NOT NULL,
                status INTEGER NOT NULL,
                created_at TEXT NOT NULL);
            """);
        if (Count(connection, "products") > 0)
        {
            return Task.CompletedTask;
        }

        // One transaction: a start that is stopped half-way leaves an empty database, seeded again next time.
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        Insert(connection, "INSERT INTO products VALUES ($1, $2, $3)", Catalog.Products, p => [p.Id, p.Name, p.Price]);
        Insert(connection, "INSERT INTO orders VALUES ($1, $2, $3, $4, $5, $6, $7)", SeedData.Orders(orders),
            o => [o.Id, o.CustomerId, o.ProductId, o.Quantity, o.Total, (int)o.Status, o.CreatedAt]);
        // Built once over the loaded rows: faster than keeping it sorted through a million random inserts.
        Execute(connection, "CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id)");
        transaction.Commit();
        logger.LogInformation("Seeded {Orders} orders into {Path} in {Elapsed} ms", orders, path, watch.ElapsedMilliseconds);
        return Task.CompletedTask;
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // SQLite has no timestamp type: ISO 8601 text in UTC, read back without a round trip through local time.
    protected override DateTime ReadTimestamp(DbDataReader reader, int ordinal)
        => DateTime.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    // Decimals as text with their scale (92.50, not 92.5) and timestamps as ISO 8601: what the columns hold.
    protected override object ToDbValue(object value) => value switch
    {
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Inserts <paramref name="rows"/> with one prepared statement whose parameters are $1, $2 …</summary>
    private void Insert<T>(SqliteConnection connection, string sql, IEnumerable<T> rows, Func<T, object[]> values)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = sql;
        var parameters = Enumerable.Range(1, sql.Count(c => c == '$'))
            .Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = $"${i}" }))
            .ToArray();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = ToDbValue(rowValues[i]);
            }

            insert.ExecuteNonQuery();
        }
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
