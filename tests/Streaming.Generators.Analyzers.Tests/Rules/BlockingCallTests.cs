using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests.Rules;

/// <summary>STRM005: a blocking call inside an async [Stream] method.</summary>
public sealed class BlockingCallTests
{
    [Fact]
    public void Blocking_on_tasks()
    {
        AnalyzerVerifier.Verify("""
            using System.Runtime.CompilerServices;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/orders")]
                public static async IAsyncEnumerable<Order> All(HttpClient http, [EnumeratorCancellation] CancellationToken ct)
                {
                    var text = http.GetStringAsync("/a", ct).{|STRM005:Result|};
                    var other = http.GetStringAsync("/b", ct).{|STRM005:GetAwaiter().GetResult()|};
                    var task = Task.Delay(10, ct);
                    task.{|STRM005:Wait()|};
                    Task.{|STRM005:WaitAll(task, task)|};
                    Thread.{|STRM005:Sleep(100)|};
                    await Task.Yield();
                    yield return new Order { Product = text + other };
                }
            }
            """);
    }

    [Fact]
    public void Synchronous_io_with_an_async_twin()
    {
        AnalyzerVerifier.Verify("""
            using System.Data.Common;
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/lines")]
                public static async IAsyncEnumerable<Order> Lines(Stream body, DbCommand command, ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    using var reader = new StreamReader(body);
                    string? line;
                    while ((line = reader.{|STRM005:ReadLine()|}) != null)
                    {
                        yield return new Order { Product = line };
                    }

                    var all = File.{|STRM005:ReadAllText("orders.txt")|};
                    using var rows = command.{|STRM005:ExecuteReader()|};
                    while (rows.{|STRM005:Read()|})
                    {
                        yield return new Order { Id = rows.GetInt32(0), Product = all };
                    }

                    var count = db.Orders.{|STRM005:Count()|};
                    db.{|STRM005:SaveChanges()|};
                    await Task.Delay(count, ct);
                }
            }
            """);
    }

    [Fact]
    public void Look_alikes_are_not_flagged()
    {
        AnalyzerVerifier.Verify("""
            using System.Runtime.CompilerServices;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed class Job { public string Result { get; set; } = ""; public void Wait() { } }

            public static class Streams
            {
                [Stream(Format.NdJson, "/a")]
                public static async IAsyncEnumerable<Order> A(ShopDb db, Job job, [EnumeratorCancellation] CancellationToken ct)
                {
                    var task = Task.FromResult(1);
                    await task;
                    job.Wait();
                    using var memory = new MemoryStream();
                    memory.Write(new byte[] { 1 }, 0, 1);
                    using var text = new StringReader(job.Result);
                    var line = text.ReadLine();
                    db.Orders.Add(new Order());
                    var count = await db.Orders.CountAsync(ct);
                    await foreach (var order in db.Orders.AsAsyncEnumerable().WithCancellation(ct))
                    {
                        yield return order;
                    }

                    // A lambda is not the async method: it may have no way to await.
                    Func<int> later = () => task.Result;
                    yield return new Order { Id = count + later(), Product = line ?? "" };
                }

                // Not a [Stream] method.
                public static async Task<int> C(Task<int> task)
                {
                    await Task.Yield();
                    return task.Result;
                }
            }
            """);
    }

    [Fact]
    public void Buffering_is_STRM001_not_STRM005()
    {
        AnalyzerVerifier.Verify("""
            using System.Runtime.CompilerServices;
            using Streaming;

            public static class Streams
            {
                [Stream(Format.NdJson, "/a")]
                public static async IAsyncEnumerable<Order> A(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
                {
                    await Task.Delay(1, ct);
                    foreach (var order in db.Orders.{|STRM001:ToList()|})
                    {
                        yield return order;
                    }
                }
            }
            """);
    }
}
