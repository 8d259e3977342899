using System.Linq;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests.Rules;

/// <summary>STRM005 in a synchronous [Stream] method: a wait an async iterator could await instead.</summary>
public sealed class BlockingCallInSynchronousStreamTests
{
    [Fact]
    public void Synchronous_io_with_an_async_twin_and_sleeping()
    {
        var reported = AnalyzerVerifier.Verify("""
            using System.Data.Common;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.Text, "/lines")]
                public static IEnumerable<string> Lines(Stream body)
                {
                    using var reader = new StreamReader(body);
                    while (reader.{|STRM005:ReadLine()|} is { } line)
                    {
                        Thread.{|STRM005:Sleep(10)|};
                        yield return line;
                    }
                }

                [Stream(Format.NdJson, "/rows")]
                public static IEnumerable<Order> Rows(DbCommand command, HttpClient http)
                {
                    var product = http.GetStringAsync("/product").{|STRM005:Result|};
                    using var rows = command.{|STRM005:ExecuteReader()|};
                    while (rows.{|STRM005:Read()|})
                    {
                        yield return new Order { Id = rows.GetInt32(0), Product = product };
                    }
                }
            }
            """);

        var read = reported.Single(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).StartsWith("'ReadLine()'", System.StringComparison.Ordinal));
        Assert.Equal(
            "'ReadLine()' blocks a thread inside the synchronous [Stream] method 'Lines'; return IAsyncEnumerable<T> from an async iterator and use 'await ReadLineAsync(…)' instead",
            read.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(reported, d => Assert.Empty(d.Properties));
    }

    [Fact]
    public void An_EF_Core_query_enumerated_synchronously()
    {
        var reported = AnalyzerVerifier.Verify("""
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/orders")]
                public static IEnumerable<Order> All(ShopDb db)
                {
                    foreach (var order in {|STRM005:db.Orders.AsNoTracking().Where(o => o.Id > 0)|})
                    {
                        yield return order;
                    }
                }

                [Stream(Format.NdJson, "/orders/first")]
                public static IEnumerable<Order> First(ShopDb db)
                {
                    yield return db.Orders.{|STRM005:First()|};
                }
            }
            """);

        Assert.Contains(reported, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "'foreach' blocks a thread inside the synchronous [Stream] method 'All'; return IAsyncEnumerable<T> from an async iterator and 'await foreach' over the query's AsAsyncEnumerable() instead");
    }

    [Fact]
    public void What_has_no_async_twin_or_never_waits_is_not_flagged()
    {
        AnalyzerVerifier.Verify("""
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/memory")]
                public static IEnumerable<Order> Memory(List<Order> orders)
                {
                    using var text = new StringReader("a");
                    var line = text.ReadLine();
                    foreach (var order in orders.AsQueryable().Where(o => o.Id > 0))
                    {
                        yield return new Order { Id = order.Id, Product = line ?? "" };
                    }
                }

                // Already asynchronous: the runtime awaits the query's rows.
                [Stream(Format.NdJson, "/async")]
                public static IAsyncEnumerable<Order> Async(ShopDb db) => db.Orders.AsAsyncEnumerable();

                // Returned as it is: the runtime reads an IEnumerable<T> that is also an IAsyncEnumerable<T> asynchronously.
                [Stream(Format.NdJson, "/direct")]
                public static IEnumerable<Order> Direct(ShopDb db) => db.Orders.Where(o => o.Id > 0);

                // Lazily run operators: a lambda is not the method, and may have no way to await.
                [Stream(Format.NdJson, "/lazy")]
                public static IEnumerable<Order> Lazy(List<Order> orders, TextReader reader) => orders.Select(o => new Order { Id = o.Id, Product = reader.ReadLine() ?? "" });

                // Not a [Stream] method.
                public static IEnumerable<string> NotStreamed(TextReader reader)
                {
                    yield return reader.ReadLine() ?? "";
                }
            }
            """);
    }
}
