using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Data.Sqlite;
using Streaming.Analyzers.Tests.Harness;
using Streaming.CodeFixes;
using Xunit;

namespace Streaming.Analyzers.Tests.CodeFixes;

/// <summary>
/// STRM001's fix produces code that runs: the fix is applied to a method that disposes its own context, the
/// result is compiled with the shop model and run over a real SQLite database, and every row must arrive, from a
/// context that is still open while it is read.
/// </summary>
public sealed class FixedCodeRunsTests
{
    private const int Rows = 50;

    /// <summary>Creates the schema and <see cref="Rows"/> orders, half of them paid, and runs a scenario over them.</summary>
    private const string Harness = """
        using Microsoft.Data.Sqlite;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class Factory(DbContextOptions<ShopDb> options) : IDbContextFactory<ShopDb>
        {
            public ShopDb CreateDbContext() => new(options);
        }

        public static class Harness
        {
            public static OrderStreams Seed(SqliteConnection connection, int rows)
            {
                var factory = new Factory(new DbContextOptionsBuilder<ShopDb>().UseSqlite(connection).Options);
                using var db = factory.CreateDbContext();
                db.Database.EnsureCreated();
                db.Orders.AddRange(Enumerable.Range(1, rows).Select(i => new Order { Id = i, Total = i, Status = i % 2 == 0 ? OrderStatus.Paid : OrderStatus.Pending }));
                db.SaveChanges();
                return new OrderStreams(factory);
            }
        }
        """;

    private const string DisposedContext = """
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/orders")]
            public IEnumerable<Order> All()
            {
                using var db = factory.CreateDbContext();
                return db.Orders.Where(o => o.Total > 0).ToArray();
            }
        }
        """;

    private const string TokenFlowing = """
        using System.Runtime.CompilerServices;
        using Microsoft.EntityFrameworkCore;
        using Streaming;

        public sealed class OrderStreams(IDbContextFactory<ShopDb> factory)
        {
            [Stream(Format.NdJson, "/paid")]
            public async IAsyncEnumerable<Order> Paid([EnumeratorCancellation] CancellationToken ct)
            {
                await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
                var rows = await db.Orders.Where(o => o.Status == OrderStatus.Paid).ToListAsync().ConfigureAwait(false);
                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
        """;

    [Fact]
    public async Task A_method_that_disposes_its_context_becomes_an_iterator_that_reads_every_row()
    {
        var fixedCode = await FixAsync(DisposedContext);
        Assert.Contains("yield return", fixedCode, StringComparison.Ordinal);

        using var database = new Database(fixedCode);
        var ids = ((IEnumerable<object>)database.Streams.All()).Select(Id).ToList();

        Assert.Equal(Enumerable.Range(1, Rows), ids);
    }

    [Fact]
    public async Task The_fix_flows_the_methods_token_and_every_paid_row_arrives()
    {
        var fixedCode = await FixAsync(TokenFlowing);
        Assert.Contains("WithCancellation(ct)", fixedCode, StringComparison.Ordinal);

        using var database = new Database(fixedCode);
        var ids = new List<int>();
        await foreach (var order in (IAsyncEnumerable<object>)database.Streams.Paid(CancellationToken.None))
        {
            ids.Add(Id(order));
        }

        Assert.Equal(Enumerable.Range(1, Rows).Where(i => i % 2 == 0), ids);

        // The method's token reaches the query: cancelled after three rows, the read stops there.
        using var cancellation = new CancellationTokenSource();
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in (IAsyncEnumerable<object>)database.Streams.Paid(cancellation.Token))
            {
                if (++read == 3)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }

    [Fact]
    public void The_query_returning_fix_fails_this_run()
    {
        // What the fix produced before it learned to keep the context open: the query outlives its context.
        var returnsQuery = DisposedContext.Replace(".Where(o => o.Total > 0).ToArray();", ".Where(o => o.Total > 0);", StringComparison.Ordinal);
        Assert.NotEqual(DisposedContext, returnsQuery);

        using var database = new Database(returnsQuery);
        var enumerated = (IEnumerable<object>)database.Streams.All();

        Assert.Throws<ObjectDisposedException>(() => enumerated.Select(Id).ToList());
    }

    private static int Id(object order) => (int)order.GetType().GetProperty("Id")!.GetValue(order)!;

    /// <summary>STRM001's fix applied once to <paramref name="source"/>: the text of the fixed document.</summary>
    private static async Task<string> FixAsync(string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Create(), "TestApp", "TestApp", LanguageNames.CSharp,
            compilationOptions: TestProject.CompilationOptions, parseOptions: TestProject.ParseOptions, metadataReferences: TestReferences.All));
        foreach (var (name, text) in TestProject.SupportFiles)
        {
            project = workspace.AddDocument(project.Id, name, SourceText.From(text)).Project;
        }

        var document = workspace.AddDocument(project.Id, TestProject.TestFileName, SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new MaterializedStreamAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "STRM001");

        var actions = new List<CodeAction>();
        await new MaterializedStreamCodeFixProvider().RegisterCodeFixesAsync(
            new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    /// <summary>
    /// <paramref name="code"/> compiled with the shop model into an assembly of its own, and an in-memory SQLite
    /// database seeded through it; <see cref="Streams"/> is its <c>OrderStreams</c>.
    /// </summary>
    private sealed class Database : IDisposable
    {
        private readonly SqliteConnection _connection = new("Data Source=:memory:");
        private readonly AssemblyLoadContext _context = new("fixed code", isCollectible: true);

        public Database(string code)
        {
            var compilation = TestProject.Compile(code, Harness);
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, "The code does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            image.Position = 0;

            _connection.Open();
            var assembly = _context.LoadFromStream(image);
            var seed = assembly.GetType("Harness")!.GetMethod("Seed")!;
            Streams = seed.Invoke(null, [_connection, Rows])!;
        }

        public dynamic Streams { get; }

        public void Dispose()
        {
            _connection.Dispose();
            _context.Unload();
        }
    }
}
