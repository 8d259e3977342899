using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Streaming.Analyzers.Tests.Harness;

/// <summary>
/// The small application every test source is compiled into: the implicit usings of a web project, and a shop
/// model with an EF Core <c>DbContext</c>. Test sources add <c>using Streaming;</c> and the like themselves.
/// </summary>
internal static class TestProject
{
    public const string TestFileName = "Test.cs";

    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.DependencyInjection;
        global using Shop;
        """;

    public const string Model = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop;

        public enum OrderStatus { Pending, Paid, Shipped }

        public sealed class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public string Product { get; set; } = "";
            public decimal Total { get; set; }
            public OrderStatus Status { get; set; }
            public DateTime CreatedAt { get; set; }
        }

        public sealed class Customer
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
        {
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Customer> Customers => Set<Customer>();
        }
        """;

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>The fixed files every test compiles with, by file name.</summary>
    public static IEnumerable<(string Name, string Text)> SupportFiles { get; } =
    [
        ("GlobalUsings.cs", GlobalUsings),
        ("Model.cs", Model),
    ];

    public static CSharpCompilation Compile(params string[] testSources)
    {
        var trees = SupportFiles
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Name))
            .Concat(testSources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, i == 0 ? TestFileName : $"Test{i}.cs")));
        return CSharpCompilation.Create("TestApp", trees, TestReferences.All, CompilationOptions);
    }

    /// <summary>Errors of the compilation, formatted for an assertion message.</summary>
    public static ImmutableArray<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
}
