using System.Threading.Tasks;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests.Rules;

/// <summary>STRM001: a streamed source buffered inside a [Stream] method.</summary>
public sealed class MaterializedStreamTests
{
    [Fact]
    public async Task Foreach_over_awaited_ToListAsync()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
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
            """);
    }

    [Fact]
    public async Task Await_foreach_over_a_buffer_turned_back_into_an_async_sequence()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    await foreach (var order in (await db.Orders.{|STRM001:ToListAsync(ct)|}).ToAsyncEnumerable().WithCancellation(ct))
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Local_buffer_then_foreach()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
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
            """);
    }

    [Fact]
    public async Task Return_ToList_from_a_non_iterator_method()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> All(ShopDb db) => db.Orders.OrderBy(o => o.Id).{|STRM001:ToList()|};

                [Stream(Format.NdJson, "/orders/paid")]
                public static IEnumerable<Order> Paid(ShopDb db)
                {
                    return db.Orders.Where(o => o.Status == OrderStatus.Paid).{|STRM001:ToArray()|};
                }
            }
            """);
    }

    [Fact]
    public async Task ToArray_passed_to_a_helper_that_is_iterated()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
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
            """);
    }

    [Fact]
    public async Task Async_sequence_buffered_with_System_Linq_AsyncEnumerable()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All(IAsyncEnumerable<Order> source, [EnumeratorCancellation] CancellationToken ct)
                {
                    var all = await source.{|STRM001:ToListAsync(ct)|};
                    foreach (var order in all.Where(o => o.Total > 0))
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Keyed_buffers_and_Load_that_are_streamed()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    var byId = await db.Orders.{|STRM001:ToDictionaryAsync(o => o.Id, ct)|};
                    foreach (var order in byId.Values)
                    {
                        yield return order;
                    }

                    await db.Customers.{|STRM001:LoadAsync(ct)|};
                    foreach (var order in db.Orders.{|STRM001:ToLookup(o => o.CustomerId)|}.SelectMany(g => g))
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConfigureAwait_and_using_scopes_do_not_hide_a_buffer()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
            {
                [Stream(Format.NdJson, "/a")]
                public static async IAsyncEnumerable<Order> Loop(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    foreach (var order in await db.Orders.{|STRM001:ToListAsync(ct)|}.ConfigureAwait(false))
                    {
                        yield return order;
                    }
                }

                [Stream(Format.NdJson, "/b")]
                public async IAsyncEnumerable<Order> Scoped([EnumeratorCancellation] CancellationToken ct)
                {
                    await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                    var rows = await db.Orders.AsNoTracking().{|STRM001:ToArrayAsync(ct)|}.ConfigureAwait(false);
                    foreach (var row in rows)
                    {
                        yield return row;
                    }
                }

                [Stream(Format.NdJson, "/c")]
                public async IAsyncEnumerable<Order> Keyed([EnumeratorCancellation] CancellationToken ct)
                {
                    await using (var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false))
                    {
                        var byId = await db.Orders.{|STRM001:ToDictionaryAsync(o => o.Id, ct)|}.ConfigureAwait(false);
                        foreach (var order in byId.Values)
                        {
                            yield return order;
                        }
                    }
                }

                [Stream(Format.NdJson, "/d")]
                public IEnumerable<Order> Disposed()
                {
                    using var db = factory.CreateDbContext();
                    return db.Orders.Where(o => o.Total > 0).{|STRM001:ToArray()|};
                }

                [Stream(Format.NdJson, "/e")]
                public IEnumerable<Order> Block()
                {
                    using (var db = factory.CreateDbContext())
                    {
                        return db.Orders.{|STRM001:ToList()|};
                    }
                }

                [Stream(Format.NdJson, "/f")]
                public async IAsyncEnumerable<Order> Lookup([EnumeratorCancellation] CancellationToken ct)
                {
                    // A lookup table, not the streamed rows: still fine with ConfigureAwait.
                    await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                    var paid = await db.Orders.Where(o => o.Status == OrderStatus.Paid).Select(o => o.Id).ToHashSetAsync(ct).ConfigureAwait(false);
                    await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
                    {
                        if (paid.Contains(order.Id))
                        {
                            yield return order;
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Positional_loop_over_a_buffer()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> All(ShopDb db)
                {
                    var rows = db.Orders.{|STRM001:ToList()|};
                    for (var i = 0; i < rows.Count; i++)
                    {
                        yield return rows[i];
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task User_methods_named_ToList_are_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Streaming;

            public static class MyExtensions
            {
                public static IEnumerable<T> ToList<T>(this IQueryable<T> source) => source;
                public static IAsyncEnumerable<T> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken ct) => source;
            }

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> All(ShopDb db) => MyExtensions.ToList(db.Orders);

                [Stream(Format.NdJson, "/more")]
                public static async IAsyncEnumerable<Order> More(IAsyncEnumerable<Order> source, [EnumeratorCancellation] CancellationToken ct)
                {
                    await foreach (var order in source.ToListAsync(ct))
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task In_memory_collections_are_not_streamed_sources()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Streaming;

            public static class OrderStreams
            {
                private static readonly List<Order> s_cache = new();

                [Stream(Format.NdJson, "/cached")]
                public static IEnumerable<Order> Cached() => s_cache.ToList();

                [Stream(Format.NdJson, "/sorted")]
                public static IEnumerable<Order> Sorted(Order[] orders)
                {
                    foreach (var order in orders.OrderBy(o => o.Id).ToArray())
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Materialization_outside_a_Stream_method_is_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.EntityFrameworkCore;

            public static class Reports
            {
                public static async Task<List<Order>> Load(ShopDb db, CancellationToken ct) => await db.Orders.ToListAsync(ct);

                public static IEnumerable<Order> All(ShopDb db)
                {
                    foreach (var order in db.Orders.ToList())
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Lookup_buffers_used_only_for_lookups_are_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    var names = await db.Customers.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
                    var blocked = await db.Customers.Where(c => c.Name == "").Select(c => c.Id).ToListAsync(ct);
                    var known = db.Customers.Select(c => c.Id).ToHashSet();
                    await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        if (!blocked.Contains(order.CustomerId) && known.Contains(order.CustomerId) && names.TryGetValue(order.CustomerId, out var name))
                        {
                            order.Product = name + ": " + order.Product;
                            yield return order;
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Nested_ToList_inside_a_query_projection_is_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed record CustomerOrders(int Id, string Name, int Count);

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/customers")]
                public static IAsyncEnumerable<CustomerOrders> Customers(ShopDb db)
                    => db.Customers
                        .Select(c => new CustomerOrders(c.Id, c.Name, db.Orders.Where(o => o.CustomerId == c.Id).ToList().Count))
                        .AsAsyncEnumerable();
            }
            """);
    }
}
