using System.Text.RegularExpressions;

namespace Streaming.Generators.PackageTests;

/// <summary>
/// A small EF Core app with the buffering mistakes the analyzers exist for, and the same endpoints written
/// correctly. Each mistake's line carries an <c>// expect: STRMnnn</c> comment; the build must report exactly
/// those warnings.
/// </summary>
internal static partial class ProjectSources
{
    public const string Program = """
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<Shop>(o => o.UseInMemoryDatabase("shop"));
        var app = builder.Build();
        app.MapStreamEndpoints();
        app.Run();

        public sealed class Order
        {
            public int Id { get; set; }

            public string Customer { get; set; } = "";
        }

        public sealed class Shop(DbContextOptions<Shop> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
        }
        """;

    public const string Mistakes = """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class Mistakes
        {
            [Stream(Format.NdJson, "/mistakes/materialized")]
            public static async IAsyncEnumerable<Order> Materialized(Shop db, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                var rows = await db.Orders.ToListAsync(cancellationToken); // expect: STRM001
                foreach (var row in rows)
                {
                    yield return row;
                }
            }

            [Stream(Format.NdJson, "/mistakes/returned")]
            public static IEnumerable<Order> Returned(Shop db) => db.Orders.Where(o => o.Id > 10).ToList(); // expect: STRM001

            [Stream(Format.NdJson, "/mistakes/deaf")]
            public static async IAsyncEnumerable<Order> Deaf(Shop db) // expect: STRM004
            {
                await foreach (var order in db.Orders.AsAsyncEnumerable())
                {
                    yield return order;
                }
            }

            [Stream(Format.NdJson, "/mistakes/blocking")]
            public static async IAsyncEnumerable<Order> Blocking(Shop db, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                Thread.Sleep(100); // expect: STRM005
                await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    yield return order;
                }
            }
        }
        """;

    public const string Clean = """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class Clean
        {
            [Stream(Format.NdJson, "/clean/orders")]
            public static async IAsyncEnumerable<Order> Orders(Shop db, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await foreach (var order in db.Orders.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    yield return order;
                }
            }

            [Stream(Format.NdJson, "/clean/filtered")]
            public static IAsyncEnumerable<Order> Filtered(Shop db, int minimum) => db.Orders.Where(o => o.Id >= minimum).AsAsyncEnumerable();

            [Stream(Format.NdJson, "/clean/paced")]
            public static async IAsyncEnumerable<Order> Paced(Shop db, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                var known = await db.Orders.Select(o => o.Id).Take(10).ToListAsync(cancellationToken);
                await foreach (var order in db.Orders.Where(o => !known.Contains(o.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    await Task.Delay(10, cancellationToken);
                    yield return order;
                }
            }
        }
        """;

    /// <summary>The warnings the build must print: one per <c>// expect:</c> comment.</summary>
    public static IReadOnlyList<(string File, int Line, string Id)> ExpectedWarnings { get; } =
        Mistakes.ReplaceLineEndings("\n").Split('\n')
            .Select((text, index) => (Match: Expectation().Match(text), Line: index + 1))
            .Where(x => x.Match.Success)
            .Select(x => ("Mistakes.cs", x.Line, x.Match.Groups[1].Value))
            .ToList();

    [GeneratedRegex(@"// expect: (STRM\d{3})")]
    private static partial Regex Expectation();
}
