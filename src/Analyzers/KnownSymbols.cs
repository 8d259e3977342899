using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Streaming.Analyzers;

/// <summary>
/// The types the analyzers compare against, resolved once per compilation. <see cref="TryCreate"/> returns
/// <see langword="null"/> when the compilation does not reference Streaming.Generators: then there is nothing to check.
/// </summary>
internal sealed class KnownSymbols
{
    /// <summary>Types whose synchronous members do I/O; their <c>…Async</c> twins do the same without a blocked thread.</summary>
    private static readonly string[] s_ioTypeNames =
    [
        "System.IO.Stream",
        "System.IO.TextReader",
        "System.IO.TextWriter",
        "System.IO.File",
        "System.Data.Common.DbConnection",
        "System.Data.Common.DbCommand",
        "System.Data.Common.DbDataReader",
        "System.Data.Common.DbTransaction",
        "System.Net.Http.HttpClient",
        "Microsoft.EntityFrameworkCore.DbContext",
        "Microsoft.EntityFrameworkCore.DbSet`1",
        "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade",
    ];

    /// <summary>Readers and writers over memory: their synchronous calls never wait for I/O.</summary>
    private static readonly string[] s_inMemoryIoTypeNames =
    [
        "System.IO.MemoryStream",
        "System.IO.UnmanagedMemoryStream",
        "System.IO.StringReader",
        "System.IO.StringWriter",
    ];

    private KnownSymbols(Compilation compilation, INamedTypeSymbol streamAttribute)
    {
        StreamAttribute = streamAttribute;
        IQueryableOfT = compilation.GetTypeByMetadataName("System.Linq.IQueryable`1");
        IAsyncEnumerableOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1");
        DbSetOfT = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        EntityFrameworkQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        RelationalQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");

        // System.Linq.AsyncEnumerable ships in .NET 10 and, under the same name, in System.Linq.Async: accept both.
        LinqTypes = new[] { "System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.AsyncEnumerable" }
            .SelectMany(name => compilation.GetTypesByMetadataName(name))
            .ToImmutableArray();

        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        IoTypes = Resolve(compilation, s_ioTypeNames);
        InMemoryIoTypes = Resolve(compilation, s_inMemoryIoTypeNames);
    }

    public INamedTypeSymbol StreamAttribute { get; }

    public INamedTypeSymbol? IQueryableOfT { get; }

    public INamedTypeSymbol? IAsyncEnumerableOfT { get; }

    public INamedTypeSymbol? DbSetOfT { get; }

    public INamedTypeSymbol? EntityFrameworkQueryableExtensions { get; }

    public INamedTypeSymbol? RelationalQueryableExtensions { get; }

    public INamedTypeSymbol? Queryable { get; }

    /// <summary><c>Enumerable</c>, <c>Queryable</c> and <c>AsyncEnumerable</c> of <c>System.Linq</c>.</summary>
    public ImmutableArray<INamedTypeSymbol> LinqTypes { get; }

    public INamedTypeSymbol? CancellationToken { get; }

    public INamedTypeSymbol? Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? Thread { get; }

    /// <summary>Types whose synchronous members do I/O.</summary>
    public ImmutableArray<INamedTypeSymbol> IoTypes { get; }

    /// <summary>I/O types over memory, whose synchronous calls never wait.</summary>
    public ImmutableArray<INamedTypeSymbol> InMemoryIoTypes { get; }

    /// <summary>One instance per compilation, shared by the analyzers (each would otherwise resolve the same types).</summary>
    private static readonly ConditionalWeakTable<Compilation, StrongBox<KnownSymbols?>> s_cache = new();

    public static KnownSymbols? TryCreate(Compilation compilation)
        => s_cache.GetValue(compilation, static c => new StrongBox<KnownSymbols?>(
            c.GetTypeByMetadataName("Streaming.StreamAttribute") is { } streamAttribute ? new KnownSymbols(c, streamAttribute) : null)).Value;

    public bool IsStreamMethod(ISymbol? symbol)
        => symbol is IMethodSymbol method
           && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, StreamAttribute));

    /// <summary>An <c>async</c> <c>[Stream]</c> method, the only kind where blocking and cancellation can be fixed by awaiting.</summary>
    public bool IsAsyncStreamMethod(ISymbol? symbol) => symbol is IMethodSymbol { IsAsync: true } && IsStreamMethod(symbol);

    public bool IsLinqType(INamedTypeSymbol? type)
        => type is not null && LinqTypes.Contains(type.OriginalDefinition, SymbolEqualityComparer.Default);

    public bool IsEntityFrameworkQueryableExtensions(INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, EntityFrameworkQueryableExtensions);

    /// <summary><c>AsSplitQuery()</c> and <c>AsSingleQuery()</c> of EF Core's relational providers: how included rows are
    /// loaded, never which rows.</summary>
    public bool IsQuerySplitting(IMethodSymbol method)
        => method.Name is "AsSplitQuery" or "AsSingleQuery"
           && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, RelationalQueryableExtensions);

    public bool IsCancellationToken(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

    /// <summary>Whether <paramref name="type"/> is, or implements, <c>IQueryable&lt;T&gt;</c> or <c>IAsyncEnumerable&lt;T&gt;</c>
    /// (which covers <c>DbSet&lt;T&gt;</c>): a sequence whose items come from I/O one by one.</summary>
    public bool IsStreamedSource(ITypeSymbol? type) => IsOrImplements(type, IQueryableOfT) || IsOrImplements(type, IAsyncEnumerableOfT);

    public bool IsQueryable(ITypeSymbol? type) => IsOrImplements(type, IQueryableOfT);

    public bool IsAsyncEnumerable(ITypeSymbol? type) => IsOrImplements(type, IAsyncEnumerableOfT);

    /// <summary><c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public bool IsTaskLike(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, Task)
               || SymbolEqualityComparer.Default.Equals(definition, TaskOfT)
               || SymbolEqualityComparer.Default.Equals(definition, ValueTask)
               || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT);
    }

    /// <summary><c>task.ConfigureAwait(false)</c>: the same result, awaited without the captured context.</summary>
    public bool IsConfigureAwait(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "ConfigureAwait" && invocation.Instance is not null && IsTaskLike(invocation.TargetMethod.ContainingType);

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, string[] metadataNames)
        => metadataNames.Select(compilation.GetTypeByMetadataName).OfType<INamedTypeSymbol>().ToImmutableArray();

    private static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? genericInterface)
    {
        if (type is null || genericInterface is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, genericInterface))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, genericInterface))
            {
                return true;
            }
        }

        return false;
    }
}
