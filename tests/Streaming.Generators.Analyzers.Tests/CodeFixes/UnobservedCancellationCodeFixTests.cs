using System.Threading.Tasks;
using Streaming.Analyzers.Tests.Harness;
using Streaming.CodeFixes;
using Xunit;

namespace Streaming.Analyzers.Tests.CodeFixes;

/// <summary>STRM004's fix: add an [EnumeratorCancellation] token and pass it on.</summary>
public sealed class UnobservedCancellationCodeFixTests
{
    [Fact]
    public Task Adds_a_token_and_flows_it_to_loops_and_calls() => StreamingVerifier.VerifyCodeFixAsync<UnobservedCancellationCodeFixProvider>(
        """
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders/{customerId:int}")]
            public static async IAsyncEnumerable<Order> {|STRM004:ForCustomer|}(int customerId, ShopDb db)
            {
                var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId);
                await Task.Delay(10);
                await foreach (var order in db.Orders.Where(o => o.CustomerId == customerId).AsAsyncEnumerable())
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
            [Stream(Format.NdJson, "/orders/{customerId:int}")]
            public static async IAsyncEnumerable<Order> ForCustomer(int customerId, ShopDb db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
                await Task.Delay(10, cancellationToken);
                await foreach (var order in db.Orders.Where(o => o.CustomerId == customerId).AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    yield return order;
                }
            }
        }
        """);

    [Fact]
    public Task Unused_token_is_checked_in_the_loop_when_nothing_takes_it() => StreamingVerifier.VerifyCodeFixAsync<UnobservedCancellationCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Ticks
        {
            [Stream(Format.NdJson, "/ticks")]
            public static async IAsyncEnumerable<Order> Ticking([EnumeratorCancellation] CancellationToken {|STRM004:ct|})
            {
                for (var i = 0; i < 10; i++)
                {
                    await Task.Yield();
                    yield return new Order { Id = i };
                }
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Ticks
        {
            [Stream(Format.NdJson, "/ticks")]
            public static async IAsyncEnumerable<Order> Ticking([EnumeratorCancellation] CancellationToken ct)
            {
                for (var i = 0; i < 10; i++)
                {
                    ct.ThrowIfCancellationRequested();
                    await Task.Yield();
                    yield return new Order { Id = i };
                }
            }
        }
        """);

    [Fact]
    public Task Fix_all_fixes_every_iterator() => StreamingVerifier.VerifyCodeFixAsync<UnobservedCancellationCodeFixProvider>(
        """
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class OrderStreams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> {|STRM004:All|}(ShopDb db)
            {
                await foreach (var order in db.Orders.AsAsyncEnumerable())
                {
                    yield return order;
                }
            }

            [Stream(Format.NdJson, "/customers")]
            public static async IAsyncEnumerable<Customer> {|STRM004:Customers|}(ShopDb db)
            {
                var count = await db.Customers.CountAsync();
                await foreach (var customer in db.Customers.AsAsyncEnumerable())
                {
                    yield return customer;
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
            public static async IAsyncEnumerable<Order> All(ShopDb db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    yield return order;
                }
            }

            [Stream(Format.NdJson, "/customers")]
            public static async IAsyncEnumerable<Customer> Customers(ShopDb db, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                var count = await db.Customers.CountAsync(cancellationToken);
                await foreach (var customer in db.Customers.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    yield return customer;
                }
            }
        }
        """);
}
