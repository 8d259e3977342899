using System.Threading.Tasks;
using System.Linq;
using Microsoft.CodeAnalysis;
using Streaming.Analyzers.Tests.Harness;
using Xunit;

namespace Streaming.Analyzers.Tests.Rules;

/// <summary>STRM010: an ordinary endpoint returns a whole query as one buffered list.</summary>
public sealed class BufferedEndpointTests
{
    private const string MinimalApi = """
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.EntityFrameworkCore;

        public static class OrderEndpoints
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                app.MapGet("/orders", async (ShopDb db) => await db.Orders.AsNoTracking().OrderBy(o => o.Id).{|STRM010:ToListAsync()|});
                app.MapGet("/customers", (ShopDb db) => db.Customers.{|STRM010:ToList()|});
                app.MapGet("/paid", async (ShopDb db, CancellationToken ct) =>
                {
                    var paid = await db.Orders.Where(o => o.Status == OrderStatus.Paid).{|STRM010:ToArrayAsync(ct)|};
                    return Results.Ok(paid);
                });
                app.MapGroup("/api").MapGet("/all", All);
            }

            private static async Task<Ok<List<Order>>> All(ShopDb db) => TypedResults.Ok(await db.Set<Order>().{|STRM010:ToListAsync()|});
        }
        """;

    [Fact]
    public async Task Minimal_api_handlers_returning_a_whole_query()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("using Streaming;\n" + MinimalApi);
    }

    [Fact]
    public async Task Controller_actions_returning_a_whole_query()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController(ShopDb db) : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> All() => Ok(await db.Orders.{|STRM010:ToListAsync()|});

                [HttpGet("list")]
                public async Task<ActionResult<List<Order>>> List(CancellationToken ct)
                {
                    var orders = await db.Orders.Include(o => o.Product).{|STRM010:ToListAsync(ct)|};
                    return orders;
                }

                [HttpGet("json")]
                public IActionResult Json() => new OkObjectResult(db.Orders.{|STRM010:ToList()|});
            }
            """);
    }

    [Fact]
    public async Task ConfigureAwait_does_not_hide_a_whole_query()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderEndpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/orders", async (ShopDb db, CancellationToken ct) => await db.Orders.{|STRM010:ToListAsync(ct)|}.ConfigureAwait(false));
                    app.MapGet("/factory", async (IDbContextFactory<ShopDb> factory, CancellationToken ct) =>
                    {
                        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                        var rows = await db.Orders.AsNoTracking().{|STRM010:ToArrayAsync(ct)|}.ConfigureAwait(false);
                        return Results.Ok(rows);
                    });
                }
            }

            public sealed class OrdersController(ShopDb db) : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> All(CancellationToken ct) => Ok(await db.Orders.{|STRM010:ToListAsync(ct)|}.ConfigureAwait(false));
            }
            """);
    }

    [Fact]
    public async Task A_whole_query_buffered_in_a_service_a_repository_or_a_request_handler_is_reported_at_the_endpoint()
    {
        const string Source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed record OrderDto(int Id, decimal Total);

            public static class Mapping
            {
                public static IQueryable<T> ProjectTo<T>(this IQueryable source, object configuration) => throw new NotSupportedException();
            }

            public static class QueryHelpers
            {
                public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool condition, System.Linq.Expressions.Expression<Func<T, bool>> predicate)
                    => condition ? query.Where(predicate) : query;

                public static IQueryable<T> Page<T>(this IQueryable<T> query, int page, int size) => query.Skip(page * size).Take(size);
            }

            public sealed class OrderService(ShopDb db)
            {
                public async Task<List<OrderDto>> GetAllAsync(CancellationToken ct)
                    => await db.Orders.AsNoTracking().Select(o => new OrderDto(o.Id, o.Total)).ToListAsync(ct).ConfigureAwait(false);

                public Task<OrderDto[]> Projected(object configuration) => db.Orders.ProjectTo<OrderDto>(configuration).ToArrayAsync();

                public Task<List<Order>> Filtered(bool paidOnly) => db.Orders.WhereIf(paidOnly, o => o.Status == OrderStatus.Paid).ToListAsync();

                public Task<List<Order>> Paged(int page) => db.Orders.OrderBy(o => o.Id).Page(page, 20).ToListAsync();
            }

            public interface ICustomerRepository
            {
                Task<List<Customer>> ListAsync();
            }

            public sealed class CustomerRepository(ShopDb db) : ICustomerRepository
            {
                public async Task<List<Customer>> ListAsync()
                {
                    var customers = await db.Set<Customer>().ToListAsync();
                    return customers;
                }
            }

            public sealed class CustomerService(ICustomerRepository repository)
            {
                public async Task<IEnumerable<string>> Names() => (await repository.ListAsync()).Select(c => c.Name).ToList();
            }

            // A MediatR-style request and its handler.
            public interface IRequest<TResponse>;

            public interface ISender
            {
                Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
            }

            public sealed record GetPaidOrders : IRequest<List<Order>>;

            public sealed class GetPaidOrdersHandler(ShopDb db)
            {
                public Task<List<Order>> Handle(GetPaidOrders request, CancellationToken cancellationToken)
                    => db.Orders.Where(o => o.Status == OrderStatus.Paid).ToListAsync(cancellationToken);
            }

            // A response envelope around the list, built with null checks.
            public sealed class NamesEnvelope
            {
                public List<string> Names { get; init; } = [];

                public int Version { get; init; }
            }

            public sealed record GetNames : IRequest<NamesEnvelope>;

            public sealed class GetNamesHandler(ShopDb db)
            {
                public async Task<NamesEnvelope> Handle(GetNames request, CancellationToken cancellationToken)
                {
                    var customers = await db.Customers.OrderBy(c => c.Name).AsNoTracking().ToListAsync(cancellationToken);
                    return new NamesEnvelope { Names = customers?.Select(c => c.Name).ToList() ?? new List<string>(), Version = 1 };
                }
            }

            public static class Endpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/names", (ISender sender, CancellationToken ct) => sender.{|STRM010:Send(new GetNames(), ct)|});
                    app.MapGet("/orders", async (OrderService orders, CancellationToken ct) => await orders.{|STRM010:GetAllAsync(ct)|});
                    app.MapGet("/projected", async (OrderService orders) => Results.Ok(await orders.{|STRM010:Projected(new object())|}));
                    app.MapGet("/filtered", async (OrderService orders, bool paid) => await orders.{|STRM010:Filtered(paid)|});
                    app.MapGet("/paged", async (OrderService orders, int page) => await orders.Paged(page));
                    app.MapGet("/paid", (ISender sender, CancellationToken ct) => sender.{|STRM010:Send(new GetPaidOrders(), ct)|});
                }
            }

            [ApiController]
            [Route("customers")]
            public sealed class CustomersController(ICustomerRepository repository, CustomerService service) : ControllerBase
            {
                [HttpGet]
                public async Task<IActionResult> All()
                {
                    var customers = await repository.{|STRM010:ListAsync()|}.ConfigureAwait(false);
                    return Ok(customers.Select(c => new { c.Id, c.Name }).ToList());
                }

                [HttpGet("names")]
                public async Task<ActionResult<IEnumerable<string>>> Names() => Ok(await service.{|STRM010:Names()|});
            }
            """;
        await StreamingVerifier.VerifyAnalyzerAsync(Source);

        var diagnostics = StreamingVerifier.Report(Source);

        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'ToListAsync()' of the unbounded 'IQueryable<OrderDto>' (made in 'OrderService.GetAllAsync')"));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("(made in 'GetPaidOrdersHandler.Handle')"));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("(made in 'CustomerRepository.ListAsync')"));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("'IQueryable<Customer>' (made in 'GetNamesHandler.Handle')"));
    }

    [Fact]
    public async Task Split_and_single_queries_are_still_whole_tables()
    {
        // AsSplitQuery/AsSingleQuery (EF Core's relational extensions) choose how included rows are loaded, not which
        // rows: the shape of a repository that fills in a lookup on the list before returning it.
        const string Source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public sealed class OrderDto
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public string? CustomerName { get; set; }
            }

            public interface IOrderRepository
            {
                Task<IList<OrderDto>> GetOrders(bool paidOnly);

                Task<List<Order>> GetLatest();
            }

            public sealed class OrderRepository(ShopDb db) : IOrderRepository
            {
                public async Task<IList<OrderDto>> GetOrders(bool paidOnly)
                {
                    var orders = await db.Orders
                        .Where(o => !paidOnly || o.Status == OrderStatus.Paid)
                        .OrderBy(o => o.Id)
                        .Select(o => new OrderDto { Id = o.Id, CustomerId = o.CustomerId })
                        .AsSplitQuery()
                        .ToListAsync();

                    var customerIds = orders.Select(o => o.CustomerId).ToList();
                    var names = db.Customers.Where(c => customerIds.Contains(c.Id)).ToList();
                    foreach (var order in orders)
                    {
                        order.CustomerName = names.FirstOrDefault(c => c.Id == order.CustomerId)?.Name;
                    }

                    return orders;
                }

                public Task<List<Order>> GetLatest() => db.Orders.OrderByDescending(o => o.CreatedAt).AsSingleQuery().Take(20).ToListAsync();
            }

            [ApiController]
            [Route("orders")]
            public sealed class OrdersController(IOrderRepository repository, ShopDb db) : ControllerBase
            {
                [HttpGet]
                public async Task<ActionResult<IEnumerable<OrderDto>>> All(bool paidOnly = false) => Ok(await repository.{|STRM010:GetOrders(paidOnly)|});

                [HttpGet("single")]
                public async Task<IActionResult> Single() => Ok(await db.Orders.AsSingleQuery().{|STRM010:ToListAsync()|});

                [HttpGet("latest")]
                public async Task<IActionResult> Latest() => Ok(await repository.GetLatest());
            }
            """;
        await StreamingVerifier.VerifyAnalyzerAsync(Source);

        Assert.Contains(StreamingVerifier.Report(Source), d => d.GetMessage().Contains("(made in 'OrderRepository.GetOrders')"));
    }

    [Fact]
    public async Task Lookups_pages_constants_and_ambiguous_calls_behind_an_endpoint_are_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public sealed class OrderService(ShopDb db)
            {
                public Task<Order?> Find(int id) => db.Orders.FirstOrDefaultAsync(o => o.Id == id);

                public Task<List<Order>> Page(int page, int size) => db.Orders.OrderBy(o => o.Id).Skip(page * size).Take(size).ToListAsync();

                public Task<List<Order>> Latest() => db.Orders.OrderByDescending(o => o.CreatedAt).Take(10).ToListAsync();

                public Task<List<Order>> ByIds(int[] ids) => db.Orders.Where(o => ids.Contains(o.Id)).ToListAsync();

                public List<string> Statuses() => new() { "pending", "paid", "shipped" };

                public Task<List<Order>> Of(IQueryable<Order> query) => query.ToListAsync();

                public async Task<int> Count() => (await db.Orders.ToListAsync()).Count;

                public Task<List<OrderStatus>> StatusesInUse() => db.Orders.Select(o => o.Status).Distinct().ToListAsync();
            }

            // Two implementations: which one runs is the container's choice.
            public interface IOrderSource
            {
                Task<List<Order>> All();
            }

            public sealed class DatabaseOrders(ShopDb db) : IOrderSource
            {
                public Task<List<Order>> All() => db.Orders.ToListAsync();
            }

            public sealed class CachedOrders(List<Order> cache) : IOrderSource
            {
                public Task<List<Order>> All() => Task.FromResult(cache);
            }

            public static class Endpoints
            {
                public static void Map(IEndpointRouteBuilder app)
                {
                    app.MapGet("/orders/{id}", async (OrderService orders, int id) => await orders.Find(id));
                    app.MapGet("/orders", async (OrderService orders, int page) => await orders.Page(page, 50));
                    app.MapGet("/latest", async (OrderService orders) => await orders.Latest());
                    app.MapGet("/by-ids", async (OrderService orders, int[] ids) => await orders.ByIds(ids));
                    app.MapGet("/statuses", (OrderService orders) => orders.Statuses());
                    app.MapGet("/of", async (OrderService orders, ShopDb db) => await orders.Of(db.Orders.Take(5)));
                    app.MapGet("/count", async (OrderService orders) => await orders.Count());
                    app.MapGet("/statuses-in-use", async (OrderService orders) => await orders.StatusesInUse());
                    app.MapGet("/sources", async (IOrderSource source) => await source.All());
                }
            }
            """);
    }

    [Fact]
    public async Task Bounded_or_unknown_queries_are_not_flagged()
    {
        await StreamingVerifier.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;
            using Streaming;

            public static class OrderEndpoints
            {
                public static void Map(IEndpointRouteBuilder app, List<Order> cache)
                {
                    app.MapGet("/page", async (ShopDb db, int skip) => await db.Orders.OrderBy(o => o.Id).Skip(skip).Take(50).ToListAsync());
                    app.MapGet("/cache", () => cache.ToList());
                    app.MapGet("/by-status", async (ShopDb db) => await db.Orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
                    app.MapGet("/one", async (ShopDb db, int id) => await db.Orders.FirstOrDefaultAsync(o => o.Id == id));
                    app.MapGet("/count", async (ShopDb db) => (await db.Orders.ToListAsync()).Count);
                    app.MapGet("/by-ids", async (ShopDb db, int[] ids) => await db.Orders.Where(o => ids.Contains(o.Id)).ToListAsync());
                }

                // Not an endpoint.
                public static Task<List<Order>> Load(ShopDb db) => db.Orders.ToListAsync();

                // The query comes from elsewhere: it may well be paged.
                public static void MapQuery(IEndpointRouteBuilder app, Func<IQueryable<Order>> query)
                    => app.MapGet("/query", async () => await query().ToListAsync());
            }

            public sealed class OrdersController(ShopDb db) : ControllerBase
            {
                [NonAction]
                public Task<List<Order>> Helper() => db.Orders.ToListAsync();

                public async Task<IActionResult> Page(int page)
                {
                    var query = db.Orders.OrderBy(o => o.Id);
                    return Ok(await query.Skip(page * 20).Take(20).ToListAsync());
                }
            }
            """);
    }

    [Fact]
    public void Severity_is_info_and_configurable()
    {
        var source = "using Streaming;\n" + MinimalApi;
        var reported = StreamingVerifier.Report(source);
        Assert.Equal(4, reported.Length);
        Assert.All(reported, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));

        // What `dotnet_diagnostic.STRM010.severity = warning` in .editorconfig does.
        var raised = StreamingVerifier.Report(source, options => options.WithSpecificDiagnosticOptions([new("STRM010", ReportDiagnostic.Warn)]));
        Assert.Equal(4, raised.Length);
        Assert.All(raised, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));

        var silenced = StreamingVerifier.Report(source, options => options.WithSpecificDiagnosticOptions([new("STRM010", ReportDiagnostic.Suppress)]));
        Assert.Empty(silenced.Where(d => !d.IsSuppressed));
    }

    [Fact]
    public void Nothing_is_reported_without_Streaming_Generators()
    {
        var source = StreamingVerifier.Unmarked(MinimalApi);
        var compilation = TestProject.Compile(source).RemoveReferences(
            TestProject.Compile(source).References.Where(r => r.Display?.EndsWith("Streaming.Generators.dll") == true));
        Assert.Empty(TestProject.Errors(compilation));
        var (diagnostics, exceptions) = Harness.Analyzers.Run(compilation);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }
}
