// An MVC controller and a background job in the usual style. Nothing here should be reported.
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Reports;

[ApiController]
[Route("api/reports")]
public sealed class ReportsController(ShopDb db, ReportService reports) : ControllerBase
{
    [HttpGet("{id:int}")]
    public async Task<ActionResult<Order>> Get(int id, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        return order is null ? NotFound() : Ok(order);
    }

    [HttpGet("top")]
    public async Task<IActionResult> Top(int count = 10, CancellationToken ct = default)
    {
        var top = await db.Orders.OrderByDescending(o => o.Total).Take(Math.Min(count, 100)).ToListAsync(ct);
        return Ok(top);
    }

    [HttpGet("daily")]
    public async Task<IActionResult> Daily(CancellationToken ct)
        => Ok(await reports.DailyTotalsAsync(ct));

    [HttpGet("customers/{customerId:int}/pages/{page:int}")]
    public async Task<ActionResult<List<Order>>> CustomerPage(int customerId, int page, CancellationToken ct)
    {
        var orders = await db.Orders.Where(o => o.CustomerId == customerId)
            .OrderBy(o => o.Id)
            .Skip(page * 25)
            .Take(25)
            .ToListAsync(ct);
        return orders;
    }

    [NonAction]
    public Task<List<Customer>> AllCustomers(CancellationToken ct) => db.Customers.ToListAsync(ct);
}

public sealed class ReportService(ShopDb db)
{
    public async Task<IReadOnlyList<(DateTime Day, decimal Total)>> DailyTotalsAsync(CancellationToken ct)
    {
        var rows = await db.Orders.GroupBy(o => o.CreatedAt.Date)
            .Select(g => new { Day = g.Key, Total = g.Sum(o => o.Total) })
            .ToListAsync(ct);
        return rows.Select(r => (r.Day, r.Total)).ToList();
    }

    public List<Order> Everything() => db.Orders.ToList();
}

public sealed class Cleanup(IServiceScopeFactory scopes)
{
    public void RunOnce()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
        foreach (var order in db.Orders.Where(o => o.Status == OrderStatus.Pending).ToList())
        {
            order.Status = OrderStatus.Paid;
        }

        db.SaveChanges();
        Thread.Sleep(10);
    }
}
