using System.Threading.Tasks;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests.Rules;

/// <summary>STRM004: an async [Stream] iterator that never observes a cancellation token.</summary>
public sealed class UnobservedCancellationTests
{
    [Fact]
    public async Task Iterator_without_a_token()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
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
            }
            """);
    }

    [Fact]
    public async Task Iterator_with_an_unused_token_parameter()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
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
            """);
    }

    [Fact]
    public async Task Token_that_can_never_fire_does_not_count()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> {|STRM004:All|}(ShopDb db)
                {
                    await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(CancellationToken.None))
                    {
                        yield return order;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Observed_tokens_are_fine()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                [Stream(Format.NdJson, "/a")]
                public static async IAsyncEnumerable<Order> A(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        yield return order;
                    }
                }

                [Stream(Format.NdJson, "/b")]
                public static async IAsyncEnumerable<Order> B(HttpContext context)
                {
                    await Task.Delay(10, context.RequestAborted);
                    yield return new Order();
                }

                [Stream(Format.NdJson, "/c")]
                public static async IAsyncEnumerable<Order> C(CancellationToken ct)
                {
                    while (true)
                    {
                        ct.ThrowIfCancellationRequested();
                        await Task.Yield();
                        yield return new Order();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Only_async_Stream_iterators_are_checked()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderStreams
            {
                // Not an iterator: the endpoint enumerates the query with its own token.
                [Stream(Format.NdJson, "/orders")]
                public static IAsyncEnumerable<Order> All(ShopDb db) => db.Orders.AsAsyncEnumerable();

                // Synchronous: no await to cancel.
                [Stream(Format.NdJson, "/numbers")]
                public static IEnumerable<Order> Numbers()
                {
                    yield return new Order();
                }

                // Not a [Stream] method.
                public static async IAsyncEnumerable<Order> Helper(ShopDb db)
                {
                    await foreach (var order in db.Orders.AsAsyncEnumerable())
                    {
                        yield return order;
                    }
                }
            }
            """);
    }
}
