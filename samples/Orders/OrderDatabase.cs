using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Orders;

/// <summary>The sample's embedded SQLite database: created and seeded on first start.</summary>
public sealed class OrderDatabase(string connectionString, ILogger<OrderDatabase> logger)
{
    private static readonly string[] Products =
    [
        "Espresso beans 1 kg", "Pour-over kettle", "Ceramic dripper", "Paper filters, 100", "Burr grinder",
        "Milk jug", "Travel mug", "Cold brew bottle", "Scale with timer", "Tamper, 58 mm",
    ];

    public string ConnectionString { get; } = connectionString;

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Creates the schema and, when the table is empty, inserts <paramref name="rows"/> orders.</summary>
    public void EnsureSeeded(int rows)
    {
        using var connection = Open();
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS orders (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL,
                product TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                total TEXT NOT NULL,
                status INTEGER NOT NULL,
                created_at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS orders_customer ON orders (customer_id);
            """);

        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM orders";
            if ((long)count.ExecuteScalar()! > 0)
            {
                return;
            }
        }

        var watch = Stopwatch.StartNew();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO orders VALUES ($id, $customer, $product, $quantity, $total, $status, $created)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var customer = insert.Parameters.Add("$customer", SqliteType.Integer);
        var product = insert.Parameters.Add("$product", SqliteType.Text);
        var quantity = insert.Parameters.Add("$quantity", SqliteType.Integer);
        var total = insert.Parameters.Add("$total", SqliteType.Text);
        var status = insert.Parameters.Add("$status", SqliteType.Integer);
        var created = insert.Parameters.Add("$created", SqliteType.Text);
        insert.Prepare();

        var random = new Random(20261121);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= rows; i++)
        {
            var count = random.Next(1, 6);
            id.Value = i;
            customer.Value = random.Next(1, 5001);
            product.Value = Products[random.Next(Products.Length)];
            quantity.Value = count;
            total.Value = (count * (random.Next(500, 15000) / 100m)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            status.Value = random.Next(5);
            created.Value = start.AddSeconds(i * 30L).ToString("O");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        logger.LogInformation("Seeded {Rows} orders in {Elapsed} ms", rows, watch.ElapsedMilliseconds);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
