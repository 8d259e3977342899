using System.Threading.Tasks;
using Streaming.Analyzers.Tests.Harness;
using Streaming.CodeFixes;
using Xunit;

namespace Streaming.Analyzers.Tests.CodeFixes;

/// <summary>STRM001's fix: stream the source instead of buffering it.</summary>
public sealed class MaterializedStreamCodeFixTests
{
    [Fact]
    public Task Foreach_over_awaited_ToListAsync_becomes_await_foreach() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                foreach (var order in await db.Orders.Where(o => o.Total > 0).{|STRM001:ToListAsync(ct)|})
                {
                    yield return order;
                }
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await foreach (var order in db.Orders.Where(o => o.Total > 0).AsAsyncEnumerable().WithCancellation(ct))
                {
                    yield return order;
                }
            }
        }
        """);

    [Fact]
    public Task Local_buffer_used_once_is_inlined_into_the_loop() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                var rows = await db.Orders.AsNoTracking().{|STRM001:ToListAsync(ct)|};
                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await foreach (var row in db.Orders.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
                {
                    yield return row;
                }
            }
        }
        """);

    [Fact]
    public Task Returned_buffer_is_dropped() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static IEnumerable<Order> All(ShopDb db) => db.Orders.OrderBy(o => o.Id).{|STRM001:ToList()|};
        }
        """,
        """
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static IEnumerable<Order> All(ShopDb db) => db.Orders.OrderBy(o => o.Id);
        }
        """);

    [Fact]
    public Task Synchronous_iterator_loops_over_the_query_itself() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static IEnumerable<Order> All(ShopDb db)
            {
                foreach (var order in Visible(db.Orders.{|STRM001:ToArray()|}))
                {
                    yield return order;
                }
            }

            private static IEnumerable<Order> Visible(IEnumerable<Order> orders) => orders.Where(o => o.Status != OrderStatus.Pending);
        }
        """,
        """
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static IEnumerable<Order> All(ShopDb db)
            {
                foreach (var order in Visible(db.Orders))
                {
                    yield return order;
                }
            }

            private static IEnumerable<Order> Visible(IEnumerable<Order> orders) => orders.Where(o => o.Status != OrderStatus.Pending);
        }
        """);

    [Fact]
    public Task Missing_EF_Core_using_is_added() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                foreach (var order in db.Orders.{|STRM001:ToList()|})
                {
                    yield return order;
                }
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct))
                {
                    yield return order;
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_streams_every_buffer_in_the_document() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                foreach (var order in db.Orders.{|STRM001:ToList()|})
                {
                    yield return order;
                }

                var customers = db.Customers.{|STRM001:ToArray()|};
                foreach (var customer in customers)
                {
                    yield return new Order { CustomerId = customer.Id };
                }
            }

            [Stream(Format.NdJson, "/paid")]
            public static IEnumerable<Order> Paid(ShopDb db) => db.Orders.Where(o => o.Status == OrderStatus.Paid).{|STRM001:ToList()|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct))
                {
                    yield return order;
                }

                await foreach (var customer in db.Customers.AsAsyncEnumerable().WithCancellation(ct))
                {
                    yield return new Order { CustomerId = customer.Id };
                }
            }

            [Stream(Format.NdJson, "/paid")]
            public static IEnumerable<Order> Paid(ShopDb db) => db.Orders.Where(o => o.Status == OrderStatus.Paid);
        }
        """);

    [Fact]
    public Task ConfigureAwait_is_kept_and_the_methods_token_flows_into_the_loop() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken {|STRM004:cancellationToken|})
            {
                foreach (var order in await db.Orders.{|STRM001:ToListAsync()|}.ConfigureAwait(false))
                {
                    yield return order;
                }
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    yield return order;
                }
            }
        }
        """);

    [Fact]
    public Task Buffer_returned_from_a_disposed_context_becomes_an_iterator_inside_its_scope() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/orders")]
            public IEnumerable<Order> All()
            {
                using var db = factory.CreateDbContext();
                return db.Orders.Where(o => o.Total > 0).{|STRM001:ToArray()|};
            }
        }
        """,
        """
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/orders")]
            public IEnumerable<Order> All()
            {
                using var db = factory.CreateDbContext();
                foreach (var order in {|STRM005:db.Orders.Where(o => o.Total > 0)|})
                {
                    yield return order;
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_never_returns_a_query_whose_context_is_disposed() => StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/orders")]
            public IEnumerable<Order> Orders()
            {
                using (var db = factory.CreateDbContext())
                {
                    return db.Orders.OrderBy(o => o.Id).{|STRM001:ToList()|};
                }
            }

            [Stream(Format.NdJson, "/customers")]
            public IEnumerable<Customer> Customers()
            {
                var customer = "taken";
                using var db = factory.CreateDbContext();
                return db.Customers.{|STRM001:ToArray()|};
            }

            [Stream(Format.NdJson, "/paid")]
            public async IAsyncEnumerable<Order> Paid([EnumeratorCancellation] CancellationToken ct)
            {
                await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                var rows = await db.Orders.Where(o => o.Status == OrderStatus.Paid).{|STRM001:ToListAsync(ct)|}.ConfigureAwait(false);
                foreach (var row in rows)
                {
                    yield return row;
                }
            }

            [Stream(Format.NdJson, "/shared")]
            public static IEnumerable<Order> Shared(ShopDb db) => db.Orders.{|STRM001:ToList()|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/orders")]
            public IEnumerable<Order> Orders()
            {
                using (var db = factory.CreateDbContext())
                {
                    foreach (var order in {|STRM005:db.Orders.OrderBy(o => o.Id)|})
                    {
                        yield return order;
                    }
                }
            }

            [Stream(Format.NdJson, "/customers")]
            public IEnumerable<Customer> Customers()
            {
                var customer = "taken";
                using var db = factory.CreateDbContext();
                foreach (var customer2 in {|STRM005:db.Customers|})
                {
                    yield return customer2;
                }
            }

            [Stream(Format.NdJson, "/paid")]
            public async IAsyncEnumerable<Order> Paid([EnumeratorCancellation] CancellationToken ct)
            {
                await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                await foreach (var row in db.Orders.Where(o => o.Status == OrderStatus.Paid).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
                {
                    yield return row;
                }
            }

            [Stream(Format.NdJson, "/shared")]
            public static IEnumerable<Order> Shared(ShopDb db) => db.Orders;
        }
        """);

    [Theory]
    [InlineData("""
        using var db = factory.CreateDbContext();
        return Visible(db.Orders.{|STRM001:ToArray()|});
        """)]
    [InlineData("""
        using var db = factory.CreateDbContext();
        if (DateTime.Now.Hour > 12)
        {
            return db.Orders.{|STRM001:ToArray()|};
        }

        return [];
        """)]
    [InlineData("""
        using var db = factory.CreateDbContext();
        try
        {
            return db.Orders.{|STRM001:ToArray()|};
        }
        catch (InvalidOperationException)
        {
            throw;
        }
        """)]
    public async Task No_fix_returns_a_query_from_a_disposing_method_unless_it_can_become_an_iterator(string body)
    {
        var markup = $$"""
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
            {
                [Stream(Format.NdJson, "/orders")]
                public IEnumerable<Order> All()
                {
            {{body}}
                }

                private static IEnumerable<Order> Visible(IEnumerable<Order> orders) => orders.Where(o => o.Total > 0);
            }
            """;

        // No fix offered: the code stays as it is.
        await StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(markup, markup);
    }

    [Fact]
    public async Task No_fix_when_the_buffer_is_used_more_than_once()
    {
        var markup = """
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> All(ShopDb db)
                {
                    var rows = db.Orders.{|STRM001:ToList()|};
                    foreach (var row in rows)
                    {
                        yield return row;
                    }

                    Console.WriteLine(rows.Count);
                }
            }
            """;

        // No fix offered: the code stays as it is.
        await StreamingVerifier.VerifyCodeFixAsync<MaterializedStreamCodeFixProvider>(markup, markup);
    }
}
