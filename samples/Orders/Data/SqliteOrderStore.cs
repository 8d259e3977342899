using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orders.Data;

/// <summary>The embedded database: one SQLite file, created and seeded on first start.</summary>
public sealed class SqliteOrderStore(string path, ILogger<SqliteOrderStore> logger) : OrderStore
{
    // Write-ahead logging lets the live feeds read while an order is being placed.
    private readonly string _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();

    public override Task EnsureSeededAsync(int orders, CancellationToken cancellationToken)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
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
            CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id);
            """);
        if (Count(connection, "products") > 0)
        {
            return Task.CompletedTask;
        }

        // One transaction: a start that is stopped half-way leaves an empty database, seeded again next time.
        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        Insert(connection, "INSERT INTO products VALUES ($1, $2, $3)", Catalog.Products,
            (p, values) => { values[0] = p.Id; values[1] = p.Name; values[2] = p.Price; });
        Insert(connection, "INSERT INTO orders VALUES ($1, $2, $3, $4, $5, $6, $7)", SeedData.Orders(orders),
            (o, values) =>
            {
                values[0] = o.Id; values[1] = o.CustomerId; values[2] = o.ProductId; values[3] = o.Quantity;
                values[4] = o.Total; values[5] = (int)o.Status; values[6] = o.CreatedAt;
            });
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

    private void Insert<T>(SqliteConnection connection, string sql, IEnumerable<T> rows, Action<T, object[]> fill)
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = sql;
        var parameters = Enumerable.Range(0, sql.Count(c => c == '$'))
            .Select(i => insert.Parameters.Add(new SqliteParameter { ParameterName = $"${i + 1}" }))
            .ToArray();
        var values = new object[parameters.Length];
        foreach (var row in rows)
        {
            fill(row, values);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = ToDbValue(values[i]);
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
