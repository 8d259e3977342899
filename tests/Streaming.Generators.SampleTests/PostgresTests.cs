using System.Buffers;
using Streaming.Generators.SampleTests.Infrastructure;
using Xunit.Abstractions;

namespace Streaming.Generators.SampleTests;

/// <summary>The sample on a real PostgreSQL server: a million orders seeded with COPY, streamed with flat memory.</summary>
public sealed class PostgresTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int Orders = 1_000_000;

    [Fact]
    public async Task A_million_orders_stream_from_postgres_while_the_servers_memory_stays_flat()
    {
        await using var sample = await SampleServer.StartAsync(new SampleOptions
        {
            PostgresConnectionString = postgres.ConnectionString,
            SeedRows = Orders,
        });
        using var client = sample.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        using var response = await client.GetAsync("/orders", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();

        // Resident memory of the sample at every tenth of the rows, from the first tenth to the last row.
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var resident = new List<long>();
        long rows = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            rows += buffer.AsSpan(0, read).Count((byte)'\n');
            if (rows >= Orders / 10 * (resident.Count + 1) && rows < Orders)
            {
                resident.Add(sample.Process.ResidentBytes());
            }
        }

        resident.Add(sample.Process.ResidentBytes());
        ArrayPool<byte>.Shared.Return(buffer);
        var growth = resident[^1] - resident[0];
        output.WriteLine($"{rows} rows, {bytes / 1e6:F1} MB; sample RSS by tenths of the stream (MB): {string.Join(", ", resident.Select(r => (r / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}; {growth / 1e6:+0.0;-0.0} MB from 10% to 100%");
        output.WriteLine(string.Join('\n', sample.Process.Output.Split('\n').Where(line => line.Contains("Seeded", StringComparison.Ordinal))));

        Assert.Equal(Orders, rows);
        // Buffering the response would grow the process by at least the size of the body. Streaming, it grows by
        // a step or two of the garbage collector's heap early on (about 10 MB here), then stays flat.
        Assert.True(growth < bytes / 4, $"The sample grew by {growth / 1e6:F1} MB while streaming {bytes / 1e6:F1} MB.");
    }

    [Fact]
    public async Task PostgreSQL_and_SQLite_send_the_same_bytes()
    {
        await using var onPostgres = await SampleServer.StartAsync(new SampleOptions { PostgresConnectionString = postgres.ConnectionString, SeedRows = Orders });
        await using var onSqlite = await SampleServer.StartAsync(new SampleOptions { SeedRows = 2_000 });
        using var fromPostgres = onPostgres.CreateClient();
        using var fromSqlite = onSqlite.CreateClient();

        foreach (var path in new[] { "/orders?limit=2000", "/orders?after=1990&limit=5", "/products" })
        {
            Assert.Equal(await fromSqlite.GetStringAsync(path), await fromPostgres.GetStringAsync(path));
        }
    }
}
