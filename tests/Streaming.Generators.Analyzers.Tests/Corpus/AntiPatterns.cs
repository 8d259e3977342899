// Every mistake the analyzers know, in one file, each marked with the diagnostic it must get.
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Streaming;

namespace AntiPatterns;

public static class BufferedStreams
{
    [Stream(Format.NdJson, "/a")]
    public static async IAsyncEnumerable<Order> Buffered(ShopDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = await db.Orders.OrderBy(o => o.Id).{|STRM001:ToListAsync(ct)|};
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    [Stream(Format.NdJson, "/b")]
    public static IEnumerable<Order> Returned(ShopDb db) => db.Orders.{|STRM001:ToArray()|};

    [Stream(Format.NdJson, "/c")]
    public static async IAsyncEnumerable<Order> {|STRM004:NoToken|}(ShopDb db)
    {
        await foreach (var order in db.Orders.AsAsyncEnumerable())
        {
            yield return order;
        }
    }

    [Stream(Format.NdJson, "/d")]
    public static async IAsyncEnumerable<Order> Blocking(HttpClient http, [EnumeratorCancellation] CancellationToken ct)
    {
        var body = http.GetStringAsync("/x", ct).{|STRM005:Result|};
        Thread.{|STRM005:Sleep(10)|};
        await Task.Delay(1, ct);
        yield return new Order { Product = body };
    }
}

public static class BufferedEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
        => app.MapGet("/orders", async (ShopDb db, CancellationToken ct) => await db.Orders.{|STRM010:ToListAsync(ct)|});
}

[ApiController]
[Route("orders")]
public sealed class OrdersController(ShopDb db) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> All(CancellationToken ct) => Ok(await db.Orders.AsNoTracking().{|STRM010:ToListAsync(ct)|});
}
