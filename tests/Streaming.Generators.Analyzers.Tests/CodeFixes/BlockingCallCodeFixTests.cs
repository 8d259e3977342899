using System.Threading.Tasks;
using Streaming.Analyzers.Tests.Harness;
using Streaming.CodeFixes;
using Xunit;

namespace Streaming.Analyzers.Tests.CodeFixes;

/// <summary>STRM005's fix: await instead of blocking.</summary>
public sealed class BlockingCallCodeFixTests
{
    [Fact]
    public Task Result_becomes_await() => StreamingVerifier.VerifyCodeFixAsync<BlockingCallCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(HttpClient http, [EnumeratorCancellation] CancellationToken ct)
            {
                var length = http.GetStringAsync("/a", ct).{|STRM005:Result|}.Length;
                await Task.Yield();
                yield return new Order { Id = length };
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(HttpClient http, [EnumeratorCancellation] CancellationToken ct)
            {
                var length = (await http.GetStringAsync("/a", ct)).Length;
                await Task.Yield();
                yield return new Order { Id = length };
            }
        }
        """);

    [Fact]
    public Task Fix_all_awaits_every_blocking_call() => StreamingVerifier.VerifyCodeFixAsync<BlockingCallCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(HttpClient http, Stream body, [EnumeratorCancellation] CancellationToken ct)
            {
                var text = http.GetStringAsync("/a", ct).{|STRM005:Result|};
                var other = http.GetStringAsync("/b", ct).{|STRM005:GetAwaiter().GetResult()|};
                var task = Task.Delay(10, ct);
                task.{|STRM005:Wait()|};
                Task.{|STRM005:WaitAll(task, task)|};
                Thread.{|STRM005:Sleep(100)|};
                using var reader = new StreamReader(body);
                var line = reader.{|STRM005:ReadLine()|};
                var all = File.{|STRM005:ReadAllText("orders.txt")|};
                yield return new Order { Product = text + other + line + all };
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/orders")]
            public static async IAsyncEnumerable<Order> All(HttpClient http, Stream body, [EnumeratorCancellation] CancellationToken ct)
            {
                var text = await http.GetStringAsync("/a", ct);
                var other = await http.GetStringAsync("/b", ct);
                var task = Task.Delay(10, ct);
                await task;
                await Task.WhenAll(task, task);
                await Task.Delay(100, ct);
                using var reader = new StreamReader(body);
                var line = await reader.ReadLineAsync(ct);
                var all = await File.ReadAllTextAsync("orders.txt", ct);
                yield return new Order { Product = text + other + line + all };
            }
        }
        """);

    [Fact]
    public Task Synchronous_EF_Core_query_becomes_its_async_twin() => StreamingVerifier.VerifyCodeFixAsync<BlockingCallCodeFixProvider>(
        """
        using System.Runtime.CompilerServices;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/first")]
            public static async IAsyncEnumerable<Order> First(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                yield return db.Orders.{|STRM005:First(o => o.Total > 10)|};
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public static class Streams
        {
            [Stream(Format.NdJson, "/first")]
            public static async IAsyncEnumerable<Order> First(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
            {
                await Task.Delay(1, ct);
                yield return await db.Orders.FirstAsync(o => o.Total > 10, ct);
            }
        }
        """);

    [Fact]
    public async Task No_fix_where_awaiting_would_change_the_meaning()
    {
        var markup = """
            using System.Runtime.CompilerServices;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All([EnumeratorCancellation] CancellationToken ct)
                {
                    var task = Task.Delay(10, ct);
                    var finished = task.{|STRM005:Wait(5)|};
                    await Task.Yield();
                    yield return new Order { Id = finished ? 1 : 0 };
                }
            }
            """;

        // No fix offered: the code stays as it is.
        await StreamingVerifier.VerifyCodeFixAsync<BlockingCallCodeFixProvider>(markup, markup);
    }
}
